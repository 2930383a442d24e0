/**
 * The built-in knowledge with each entry's body sections (engine/knowledge-sections.js, written when
 * the package is built), for programs that show entries rather than only match them.
 */
import type { Bundle } from "./bundle.js";
import { builtinKnowledge } from "./builtin.js";
import { usePrebuiltIndex } from "./match.js";
import type { RuleIndexData } from "./rule-index-data.js";
import type { EntrySections } from "./sections.js";

let withSections: Promise<Bundle> | undefined;

/** The built-in knowledge base with its entries' sections, loaded once. */
export function builtinKnowledgeWithSections(): Promise<Bundle> {
  withSections ??= Promise.all([builtinKnowledge(), import("../knowledge-sections.js"), import("../knowledge-index.js")]).then(([bundle, sections, index]) => {
    const byId = sections.default as Readonly<Record<string, EntrySections>>;
    const read: Bundle = { ...bundle, entries: bundle.entries.map((entry) => (byId[entry.id] ? { ...entry, sections: byId[entry.id] } : entry)) };
    // The same entries in the same order: the index computed at build time fits this bundle too.
    usePrebuiltIndex(read, index.default as RuleIndexData);
    return read;
  });
  return withSections;
}
