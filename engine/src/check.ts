/**
 * `faultline check`: every problem of a knowledge base at once. Loading problems (the schema, with the
 * cost proof of every trigger regex), then the checks across entries (duplicate ids, missing related
 * ids, shared examples), then the self-test: each example must rank its own entry first and each
 * counterexample must not.
 */
import type { Bundle } from "./bundle.js";
import { compileBundle } from "./compile.js";
import { formatField, loadKnowledge, type LoadedEntry } from "./load.js";
import { match } from "./match.js";
import { KnowledgeProblem, sortProblems } from "./problem.js";

/** What `checkKnowledge` found. */
export interface CheckResult {
  readonly entries: readonly LoadedEntry[];
  /** Compiled from the entries that loaded, even when others have problems. */
  readonly bundle: Bundle;
  readonly problems: readonly KnowledgeProblem[];
  /** How many examples and counterexamples ran. */
  readonly examplesRun: number;
}

/** Options of a check run. */
export interface CheckOptions {
  /** Skip running examples (the site build only needs the metadata checked). */
  readonly examples?: boolean;
  /** The time examples are matched at (JWT expiry). */
  readonly now?: number;
}

function at(entry: LoadedEntry, field: Array<string | number>, message: string, hint?: string): KnowledgeProblem {
  return new KnowledgeProblem({ file: entry.file, ...entry.locate(field), field: formatField(field), message, hint });
}

function crossEntryProblems(entries: readonly LoadedEntry[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const firstById = new Map<string, LoadedEntry>();
  for (const entry of entries) {
    const first = firstById.get(entry.meta.id);
    if (first) problems.push(at(entry, ["id"], `duplicate id "${entry.meta.id}", already used by ${first.file}`, "ids must be unique"));
    else firstById.set(entry.meta.id, entry);
  }
  for (const entry of entries) {
    entry.meta.related.forEach((id, i) => {
      if (!firstById.has(id)) problems.push(at(entry, ["related", i], `related entry "${id}" does not exist`, "use the id of an entry in this folder"));
      if (id === entry.meta.id) problems.push(at(entry, ["related", i], "an entry cannot be related to itself"));
    });
  }
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

async function exampleProblems(entry: LoadedEntry, bundle: Bundle, now: number | undefined): Promise<KnowledgeProblem[]> {
  const problems: KnowledgeProblem[] = [];
  const options = now === undefined ? {} : { now };
  for (const [i, example] of entry.meta.examples.entries()) {
    const report = await match(bundle, example, options);
    const first = report.matches[0];
    if (first?.id === entry.meta.id) continue;
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
    const report = await match(bundle, counter, options);
    if (report.matches[0]?.id === entry.meta.id) {
      problems.push(at(entry, ["counterexamples", i], `counterexample ${i + 1} ranks this entry first`, "tighten the triggers so the neighbouring entry wins"));
    }
  }
  return problems;
}

/** Loads and checks a knowledge directory, returning every problem at once. */
export async function checkKnowledge(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const loaded = await loadKnowledge(dir);
  const problems = [...loaded.problems, ...crossEntryProblems(loaded.entries)];
  // The first entry of each id; later duplicates are reported above and left out of the bundle. An entry
  // whose regex failed the cost proof failed the schema and did not load.
  const seen = new Set<string>();
  const unique = loaded.entries.filter((e) => !seen.has(e.meta.id) && Boolean(seen.add(e.meta.id)));
  const bundle = compileBundle(unique.map((e) => e.meta));
  let examplesRun = 0;
  if (options.examples !== false) {
    for (const entry of unique) {
      problems.push(...(await exampleProblems(entry, bundle, options.now)));
      examplesRun += entry.meta.examples.length + entry.meta.counterexamples.length;
    }
  }
  return { entries: loaded.entries, bundle, problems: sortProblems(problems), examplesRun };
}
