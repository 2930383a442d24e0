/**
 * The knowledge built into the package: knowledge/ compiled when the package is built
 * (engine/knowledge.js), imported on first use so that programs matching their own bundles never load it.
 */
import { loadBundle, type Bundle } from "./bundle.js";

let builtin: Promise<Bundle> | undefined;

/** The built-in knowledge base, loaded once. */
export function builtinKnowledge(): Promise<Bundle> {
  builtin ??= import("../knowledge.js").then((module) => loadBundle(module.default));
  return builtin;
}
