/** Compiles validated entries to a bundle, and a bundle to json-rules-engine rules. */
import type { RuleProperties, TopLevelCondition } from "json-rules-engine";
import { bundleFormat, type Bundle, type BundleEntry, type LayerInfo } from "./bundle.js";
import { compareIds } from "./ids.js";
import type { Condition, EntryMeta, FactCondition } from "./schema.js";
import type { EntrySections } from "./sections.js";

/** What a compiled bundle says about where its entries come from. */
export interface CompileOptions {
  /** The layer the entries form; each entry is marked with its name. */
  readonly layer?: LayerInfo | undefined;
  /** The markdown file of an entry, by id, for entries of a local folder. */
  readonly fileOf?: ((id: string) => string | undefined) | undefined;
  /** The body sections of an entry, by id, for bundles that readers show entries from. */
  readonly sectionsOf?: ((id: string) => EntrySections | undefined) | undefined;
}

/** Compiles validated entries into a bundle, sorted by id so that builds are reproducible. */
export function compileBundle(entries: readonly EntryMeta[], options: CompileOptions = {}): Bundle {
  const { layer, fileOf, sectionsOf } = options;
  const compiled: BundleEntry[] = [...entries]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((e) => ({
      id: e.id,
      title: e.title,
      summary: e.summary,
      provider: e.provider,
      services: e.services,
      http: e.http,
      codes: e.codes,
      tags: e.tags,
      related: e.related,
      updated: e.updated,
      ...(e.verified ? { verified: e.verified } : {}),
      triggers: e.triggers,
      ...(layer ? { layer: layer.name } : {}),
      ...(fileOf?.(e.id) ? { file: fileOf(e.id) } : {}),
      ...(sectionsOf?.(e.id) ? { sections: sectionsOf(e.id) } : {}),
    }));
  return layer ? { format: bundleFormat, layers: [layer], entries: compiled } : { format: bundleFormat, entries: compiled };
}

/** The day an entry was last reviewed (YYYY-MM-DD): the later of `updated` and the day its fix was last tried (`verified.on`). */
export function reviewedOn(entry: Pick<EntryMeta, "updated"> & { readonly verified?: { readonly on: string } | undefined }): string {
  const tried = entry.verified?.on;
  return tried !== undefined && tried > entry.updated ? tried : entry.updated;
}

/** The date of the newest review among entries (YYYY-MM-DD), the date a layer of them is as current as. */
export function newestReview(entries: ReadonlyArray<Pick<EntryMeta, "updated"> & { readonly verified?: { readonly on: string } | undefined }>): string | undefined {
  return entries.map(reviewedOn).reduce<string | undefined>((newest, day) => (newest === undefined || day > newest ? day : newest), undefined);
}

/** json-rules-engine wants all/any/not at the top; a lone fact condition is wrapped in `all`. */
export function topLevel(condition: Condition): TopLevelCondition {
  return ("all" in condition || "any" in condition || "not" in condition ? condition : { all: [condition] }) as TopLevelCondition;
}

/** Turns one bundle entry into a json-rules-engine rule named by the entry id. */
export function toRule(entry: BundleEntry): RuleProperties {
  return { name: entry.id, conditions: topLevel(entry.triggers), event: { type: "faultline.match", params: { id: entry.id } } };
}

/** Every fact condition of a trigger tree, with its front-matter path (under `not` too). */
export function* leavesOf(condition: Condition, field: ReadonlyArray<string | number> = []): Generator<{ leaf: FactCondition; field: Array<string | number> }> {
  if ("all" in condition) for (const [i, c] of condition.all.entries()) yield* leavesOf(c, [...field, "all", i]);
  else if ("any" in condition) for (const [i, c] of condition.any.entries()) yield* leavesOf(c, [...field, "any", i]);
  else if ("not" in condition) yield* leavesOf(condition.not, [...field, "not"]);
  else yield { leaf: condition, field: [...field] };
}
