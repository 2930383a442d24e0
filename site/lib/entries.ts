/** The knowledge collection as pages use it. */
import { getCollection, type CollectionEntry } from "astro:content";
import { entriesWith, facetValues, type Facet } from "./facets.ts";

/** One knowledge entry from the content collection. */
export type KnowledgeEntry = CollectionEntry<"knowledge">;

/** Every entry, sorted by title. */
export async function allEntries(): Promise<KnowledgeEntry[]> {
  const entries = await getCollection("knowledge");
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

/** Flattens entries to their front matter, the shape facets and lists work with. */
export function entryData(entries: readonly KnowledgeEntry[]): Array<KnowledgeEntry["data"]> {
  return entries.map((entry) => entry.data);
}

/** Whether an entry's body has a mermaid diagram, so only its page loads the renderer. */
export function hasDiagram(entry: KnowledgeEntry): boolean {
  return /^[ \t]*(?:```|~~~)[ \t]*mermaid\b/m.test(entry.body ?? "");
}

/** The static paths of one facet's listing pages: a page per value, with its entries. */
export async function facetPaths(facet: Facet) {
  const entries = entryData(await allEntries());
  return facetValues(entries, facet).map(({ value }) => ({ params: { value }, props: { value, entries: entriesWith(entries, facet, value) } }));
}
