/**
 * `faultline check`: every problem of a knowledge base at once. Loading problems (the schema, with the
 * cost proof of every trigger regex), then the checks across entries (duplicate ids, missing related
 * ids, shared examples), then the self-test: each example must rank its own entry first and each
 * counterexample must not. Folders are checked as layers on top of `base` (the built-in knowledge, a
 * team's bundles): examples run against the whole stack, and an entry that replaces one below it is
 * reported as a notice.
 */
import type { Bundle, LayerInfo } from "./bundle.js";
import { compileBundle, newestReview } from "./compile.js";
import { draftPromptOf } from "./draft-marker.js";
import { stackLayers, type Replacement } from "./layers.js";
import { formatField, loadKnowledge, type LoadedEntry } from "./load.js";
import { match, type Match } from "./match.js";
import { KnowledgeProblem, sortProblems } from "./problem.js";

/** A checked entry with the layer it forms part of. */
export interface CheckedEntry extends LoadedEntry {
  readonly layer: string;
}

/** What `checkKnowledge` found. */
export interface CheckResult {
  /** The entries of the checked folders that stand in the stack (none replaced by a later folder). */
  readonly entries: readonly CheckedEntry[];
  /** The whole stack (base, then every folder), compiled from the entries that loaded, even when others have problems. */
  readonly bundle: Bundle;
  readonly problems: readonly KnowledgeProblem[];
  /** Things an author should know that are not wrong: an entry replacing one of a lower layer. */
  readonly notices: readonly KnowledgeProblem[];
  /** The entries of lower layers that the checked folders replaced. */
  readonly replacements: readonly Replacement[];
  /** How many entries of the checked folders are valid on their own, duplicates included. */
  readonly validEntries: number;
  /** How many examples and counterexamples ran. */
  readonly examplesRun: number;
}

/** Options of a check run. */
export interface CheckOptions {
  /** Skip running examples (the site build only needs the metadata checked). */
  readonly examples?: boolean;
  /** The time examples are matched at (JWT expiry). */
  readonly now?: number;
  /** The layers below the checked folders. */
  readonly base?: Bundle | undefined;
  /** The name of each folder's layer, in order; by default the folder as given. */
  readonly layerNames?: readonly string[] | undefined;
  /** What each folder's layer says about itself (version, site), in order. */
  readonly layers?: ReadonlyArray<Partial<LayerInfo> | undefined> | undefined;
}

function at(entry: LoadedEntry, field: Array<string | number>, message: string, hint?: string): KnowledgeProblem {
  return new KnowledgeProblem({ file: entry.file, ...entry.locate(field), field: formatField(field), message, hint });
}

/** Duplicate ids within one folder: a folder is one layer, so it cannot replace its own entries. */
function duplicateProblems(entries: readonly LoadedEntry[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const firstById = new Map<string, LoadedEntry>();
  for (const entry of entries) {
    const first = firstById.get(entry.meta.id);
    if (first) problems.push(at(entry, ["id"], `duplicate id "${entry.meta.id}", already used by ${first.file}`, "ids must be unique"));
    else firstById.set(entry.meta.id, entry);
  }
  return problems;
}

function relatedProblems(entries: readonly LoadedEntry[], known: ReadonlySet<string>, layered: boolean): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const entry of entries) {
    entry.meta.related.forEach((id, i) => {
      if (!known.has(id)) problems.push(at(entry, ["related", i], `related entry "${id}" does not exist`, `use the id of an entry in this folder${layered ? " or a layer below it" : ""}`));
      if (id === entry.meta.id) problems.push(at(entry, ["related", i], "an entry cannot be related to itself"));
    });
  }
  return problems;
}

function sharedExampleProblems(entries: readonly LoadedEntry[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const exampleOwner = new Map<string, LoadedEntry>();
  for (const entry of entries) {
    entry.meta.examples.forEach((example, i) => {
      const key = example.trim();
      const owner = exampleOwner.get(key);
      if (owner && owner !== entry) problems.push(at(entry, ["examples", i], `example ${i + 1} is also an example of "${owner.meta.id}" (${owner.file})`, "an error text can only be explained by one entry"));
      else exampleOwner.set(key, entry);
    });
  }
  return problems;
}

/**
 * Each checked entry that outscores the example's own entry on it: reported at the shadowing entry's
 * triggers too, naming the example, so its author sees it (the owner sees the example fail).
 */
function shadowingProblems(entry: LoadedEntry, i: number, matches: readonly Match[], checked: ReadonlyMap<string, LoadedEntry>): KnowledgeProblem[] {
  const own = matches.find((m) => m.id === entry.meta.id);
  if (!own) return [];
  const where = `${entry.file}:${entry.locate(["examples", i]).line}`;
  return matches.flatMap((m) => {
    const shadow = m.score > own.score ? checked.get(m.id) : undefined;
    if (!shadow) return [];
    const held = m.why.map((r) => r.description).join(", ");
    return [at(shadow, ["triggers"], `fires on example ${i + 1} of "${entry.meta.id}" (${where}) with score ${m.score}, above that entry's own ${own.score}: ${held}`, "tell the two apart with a fact only this error has, or a not on the other's; faultline check --overlaps lists every overlap")];
  });
}

async function exampleProblems(entry: LoadedEntry, bundle: Bundle, now: number | undefined, checked: ReadonlyMap<string, LoadedEntry>): Promise<KnowledgeProblem[]> {
  const problems: KnowledgeProblem[] = [];
  const options = now === undefined ? {} : { now };
  for (const [i, example] of entry.meta.examples.entries()) {
    // A prompt is reported as one (draft-check.ts), not as an example that fails.
    if (draftPromptOf(example) !== undefined) continue;
    const report = await match(bundle, example, options);
    const first = report.matches[0];
    if (first?.id === entry.meta.id) continue;
    problems.push(...shadowingProblems(entry, i, report.matches, checked));
    const own = report.matches.find((m) => m.id === entry.meta.id);
    const nearOwn = report.near.find((n) => n.id === entry.meta.id);
    const detail = own
      ? `it ranks "${first?.id}" first (score ${first?.score}) and this entry second or lower (score ${own.score})`
      : first
        ? `it ranks "${first.id}" first and does not match this entry${nearOwn ? `: ${nearOwn.missing.join("; ")}` : ""}`
        : `it matches nothing${nearOwn ? `: ${nearOwn.missing.join("; ")}` : ""}`;
    problems.push(at(entry, ["examples", i], `example ${i + 1} does not rank this entry first: ${detail}`, "widen the triggers or make the example carry the error's facts"));
  }
  for (const [i, counter] of entry.meta.counterexamples.entries()) {
    if (draftPromptOf(counter) !== undefined) continue;
    const report = await match(bundle, counter, options);
    if (report.matches[0]?.id === entry.meta.id) {
      problems.push(at(entry, ["counterexamples", i], `counterexample ${i + 1} ranks this entry first`, "tighten the triggers so the neighbouring entry wins"));
    }
  }
  return problems;
}

/** One checked folder: its entries that can take part in matching, compiled as a layer. */
interface FolderLayer {
  readonly entries: readonly CheckedEntry[];
  readonly bundle: Bundle;
}

/** Loads and checks knowledge folders (each a layer, lowest first, on top of `options.base`), returning every problem at once. */
export async function checkKnowledge(dirs: string | readonly string[], options: CheckOptions = {}): Promise<CheckResult> {
  const folders = typeof dirs === "string" ? [dirs] : dirs;
  const problems: KnowledgeProblem[] = [];
  const layers: FolderLayer[] = [];
  const loadedAll: LoadedEntry[] = [];
  for (const [i, dir] of folders.entries()) {
    const loaded = await loadKnowledge(dir);
    problems.push(...loaded.problems, ...duplicateProblems(loaded.entries));
    loadedAll.push(...loaded.entries);
    // The first entry of each id; later duplicates are reported above and left out of the bundle. An
    // entry whose regex failed the cost proof failed the schema and did not load.
    const seen = new Set<string>();
    const name = options.layerNames?.[i] ?? dir;
    const entries = loaded.entries
      .filter((e) => !seen.has(e.meta.id) && Boolean(seen.add(e.meta.id)))
      .map((e): CheckedEntry => ({ ...e, layer: name }));
    const files = new Map(entries.map((e) => [e.meta.id, e.file]));
    const layer: LayerInfo = { ...options.layers?.[i], name, date: options.layers?.[i]?.date ?? newestReview(entries.map((e) => e.meta)) };
    layers.push({ entries, bundle: compileBundle(entries.map((e) => e.meta), { layer, fileOf: (id) => files.get(id) }) });
  }
  const stacked = stackLayers([...(options.base ? [options.base] : []), ...layers.map((l) => l.bundle)]);
  const standing = new Set(stacked.bundle.entries.map((e) => `${e.layer}\0${e.id}`));
  const checked = layers.flatMap((l) => l.entries).filter((e) => standing.has(`${e.layer}\0${e.meta.id}`));
  const byLayerAndId = new Map(layers.flatMap((l) => l.entries).map((e) => [`${e.layer}\0${e.meta.id}`, e]));
  const notices = stacked.replacements.flatMap(({ id, layer, replaced }) => {
    const entry = byLayerAndId.get(`${layer}\0${id}`);
    return entry ? [at(entry, ["id"], `notice: replaces the entry "${id}" of the layer ${replaced}`)] : [];
  });
  problems.push(...relatedProblems(checked, new Set(stacked.bundle.entries.map((e) => e.id)), options.base !== undefined || folders.length > 1), ...sharedExampleProblems(loadedAll));
  let examplesRun = 0;
  if (options.examples !== false) {
    const checkedById = new Map(checked.map((e) => [e.meta.id, e]));
    for (const entry of checked) {
      problems.push(...(await exampleProblems(entry, stacked.bundle, options.now, checkedById)));
      examplesRun += entry.meta.examples.length + entry.meta.counterexamples.length;
    }
  }
  return { entries: checked, bundle: stacked.bundle, problems: sortProblems(problems), notices: sortProblems(notices), replacements: stacked.replacements, validEntries: loadedAll.length, examplesRun };
}
