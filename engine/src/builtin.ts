/**
 * The knowledge built into the package: knowledge/ compiled when the package is built
 * (engine/knowledge.js), with its rule index computed then too (engine/knowledge-index.js), both
 * imported on first use so that programs matching their own bundles never load them.
 */
import { loadBundle, type Bundle } from "./bundle.js";
import { usePrebuiltIndex } from "./match.js";
import type { RuleIndexData } from "./rule-index-data.js";

let builtin: Promise<Bundle> | undefined;

/** The built-in knowledge base, loaded once. */
export function builtinKnowledge(): Promise<Bundle> {
  builtin ??= Promise.all([import("../knowledge.js"), import("../knowledge-index.js")]).then(([knowledge, index]) => {
    const bundle = loadBundle(knowledge.default);
    usePrebuiltIndex(bundle, index.default as RuleIndexData);
    return bundle;
  });
  return builtin;
}
