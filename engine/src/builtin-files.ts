/**
 * The built-in knowledge for Node programs that start often, such as the CLI: engine/knowledge.json
 * and engine/knowledge-index.json read and parsed as JSON. A cold process took about 6 ms for that,
 * against 15 ms to import knowledge.js and knowledge-index.js as modules (which the browser build needs).
 * The reads are synchronous: node:fs/promises alone costs a cold process 2 ms to load.
 */
import { readFileSync } from "node:fs";
import { loadBundle, type Bundle } from "./bundle.js";
import { usePrebuiltIndex } from "./match.js";
import { packageFile } from "./package-root.js";
import type { RuleIndexData } from "./rule-index-data.js";

let builtin: Promise<Bundle> | undefined;

/** The built-in knowledge base, read once from the package's JSON files. */
export function builtinKnowledgeFromFiles(): Promise<Bundle> {
  builtin ??= new Promise<Bundle>((resolve) => {
    const bundle = loadBundle(readFileSync(packageFile("knowledge.json"), "utf8"));
    usePrebuiltIndex(bundle, JSON.parse(readFileSync(packageFile("knowledge-index.json"), "utf8")) as RuleIndexData);
    resolve(bundle);
  });
  return builtin;
}
