/**
 * The knowledge entries pages are built from. A build loads and checks them once, in the knowledge
 * gate, and hands them over here, so pages do not parse every file a second time (at 10,000 entries
 * that second parse took about 30 s). Without a handover (astro dev), pages load the folder on each
 * call, so an edited entry shows at once.
 */
import { builtinLayerName, type CheckedEntry, type EntryMeta } from "faultline";
import { checkLayers } from "../integrations/knowledge-gate.ts";
import type { RenderedMarkdown } from "../markdown/render.ts";
import { knowledgeLayers } from "./build-settings.ts";
import { entriesWith, facetValues, type Facet } from "./facets.ts";

/** One knowledge entry as pages use it. */
export interface KnowledgeEntry {
  readonly id: string;
  readonly data: EntryMeta;
  /** The markdown body after the front matter. */
  readonly body: string;
  /** The entry's file, relative to the project root, for "edit this entry" links. */
  readonly filePath: string;
  /** The knowledge layer the entry comes from: "built-in" for the project's own knowledge/. */
  readonly layer: string;
  /** The body as HTML, when the build started rendering it ahead of the page (render-pool.ts). */
  readonly rendered?: Promise<RenderedMarkdown> | undefined;
}

// A symbol on globalThis, because the gate runs in Astro's config module graph and the pages in the
// server bundle: the same process, but two copies of this module.
const handover = Symbol.for("faultline.site.entries");

function toKnowledgeEntry(entry: CheckedEntry, rendered?: Promise<RenderedMarkdown>): KnowledgeEntry {
  return { id: entry.meta.id, data: entry.meta, body: entry.body, filePath: entry.file, layer: entry.layer, rendered };
}

/** Whether an entry is one of the project's own, which the repository's web editor can open. */
export function isBuiltin(entry: Pick<KnowledgeEntry, "layer">): boolean {
  return entry.layer === builtinLayerName;
}

/** Hands the gate's checked entries, and their bodies being rendered, to the pages of this build. */
export function handOverEntries(entries: readonly CheckedEntry[], rendered: ReadonlyMap<string, Promise<RenderedMarkdown>> = new Map()): void {
  (globalThis as Record<symbol, unknown>)[handover] = sortByTitle(entries.map((entry) => toKnowledgeEntry(entry, rendered.get(entry.meta.id))));
}

function sortByTitle(entries: KnowledgeEntry[]): KnowledgeEntry[] {
  return entries.sort((a, b) => a.data.title.localeCompare(b.data.title));
}

async function loadEntries(): Promise<readonly KnowledgeEntry[]> {
  const loaded = await checkLayers(knowledgeLayers);
  for (const problem of loaded.problems) console.warn(problem.format());
  return sortByTitle(loaded.entries.map((entry) => toKnowledgeEntry(entry)));
}

// A build without the gate (FAULTLINE_ASTRO_ONLY) loads once for all its pages; dev loads per call.
let loadedOnce: Promise<readonly KnowledgeEntry[]> | undefined;

/** Every entry, sorted by title. */
export async function allEntries(): Promise<readonly KnowledgeEntry[]> {
  const handed = (globalThis as Record<symbol, readonly KnowledgeEntry[] | undefined>)[handover];
  if (handed) return handed;
  if (import.meta.env?.DEV !== false) return loadEntries();
  return (loadedOnce ??= loadEntries());
}

/** Flattens entries to their front matter, the shape facets and lists work with. */
export function entryData(entries: readonly KnowledgeEntry[]): EntryMeta[] {
  return entries.map((entry) => entry.data);
}

/** Whether an entry's body has a mermaid diagram, so only its page loads the renderer. */
export function hasDiagram(entry: KnowledgeEntry): boolean {
  return /^[ \t]*(?:```|~~~)[ \t]*mermaid\b/m.test(entry.body);
}

/** The static paths of one facet's listing pages: a page per value, with its entries. */
export async function facetPaths(facet: Facet) {
  const entries = entryData(await allEntries());
  return facetValues(entries, facet).map(({ value }) => ({ params: { value }, props: { value, entries: entriesWith(entries, facet, value) } }));
}
