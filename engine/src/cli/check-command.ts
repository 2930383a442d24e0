/** `faultline check`: validates knowledge folders, each as a layer on top of the layers below it. */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkKnowledge } from "../check.js";
import { isBuiltinSource, loadLayers } from "../layer-sources.js";
import { maxInputLength } from "../match.js";
import { findOverlaps, formatOverlap, type CorpusText } from "../overlaps.js";
import { staleEntries } from "../stale.js";
import { asUsageError, layerOptions, layerSources } from "./knowledge-options.js";
import { describeIoError } from "./output.js";
import { stdoutIsTTY, writeOut } from "./stdout.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Every regular file of each --against folder, as matching reads it (its first 512 KiB). */
async function readCorpus(dirs: readonly string[]): Promise<CorpusText[]> {
  const texts: CorpusText[] = [];
  for (const dir of dirs) {
    try {
      const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();
      for (const name of names) texts.push({ file: path.join(dir, name), text: (await readFile(path.join(dir, name), "utf8")).slice(0, maxInputLength) });
    } catch (error) {
      throw new UsageError(`cannot read --against ${dir}: ${describeIoError(error)}`, { cause: error });
    }
  }
  return texts;
}

/** Runs `faultline check` and returns its exit code: 0 clean, 1 problems (or overlaps with --strict, or stale entries with --stale). */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, overlaps: { type: "boolean" }, against: { type: "string", multiple: true }, strict: { type: "boolean" }, stale: { type: "string" }, ...layerOptions },
  });
  if ((values.against || values.strict) && !values.overlaps) throw new UsageError(`${values.against ? "--against" : "--strict"} goes with --overlaps`);
  const staleDays = values.stale === undefined ? undefined : Number(values.stale);
  if (staleDays !== undefined && !(Number.isInteger(staleDays) && staleDays >= 0)) throw new UsageError(`--stale takes a number of days, got ${JSON.stringify(values.stale)}`);
  const dirs = positionals.length > 0 ? positionals : ["knowledge"];
  if (positionals.length === 0 && !existsSync("knowledge")) throw new UsageError("check needs a DIR of knowledge entries (there is no ./knowledge here)");
  const sources = layerSources(values);
  // The built-in knowledge is compiled from the project's own knowledge/: checking that folder replaces it, not stacks on it.
  const builtin = sources.builtin && !dirs.some(isBuiltinSource);
  const result = await (async () => {
    const below = builtin || sources.paths.length > 0 ? (await loadLayers({ builtin, paths: sources.paths })).bundle : undefined;
    return checkKnowledge(dirs, { base: below });
  })().catch((error: unknown) => {
    throw asUsageError(error);
  });
  const overlaps = values.overlaps ? await findOverlaps(result.entries, result.bundle, await readCorpus(values.against ?? [])) : undefined;
  const stale = staleDays === undefined ? undefined : staleEntries(result.entries, staleDays, new Date().toISOString().slice(0, 10));
  const style = styleFor({ isTTY: stdoutIsTTY() });
  if (values.json) {
    const plain = (p: (typeof result.problems)[number]) => ({ file: p.file, line: p.line, column: p.column, field: p.field, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
    const report = { entries: result.entries.length, examples: result.examplesRun, problems: result.problems.map(plain), notices: result.notices.map(plain), ...(overlaps ? { overlaps } : {}), ...(stale ? { stale: stale.map(plain) } : {}) };
    writeOut(`${JSON.stringify(report)}\n`);
  } else {
    for (const notice of result.notices) writeOut(`${style.dim(notice.format())}\n`);
    for (const problem of result.problems) writeOut(`${problem.format()}\n`);
    for (const overlap of overlaps ?? []) writeOut(`${formatOverlap(overlap)}\n`);
    for (const entry of stale ?? []) writeOut(`${entry.format()}\n`);
    const layers = result.bundle.layers?.map((l) => l.name).join(" < ") ?? "";
    const overlapCount = `${overlaps ? `; ${count(overlaps.length, "overlap", "overlaps")}` : ""}${stale ? `; ${count(stale.length, "entry", "entries")} not reviewed for more than ${count(staleDays ?? 0, "day", "days")}` : ""}`;
    if (result.problems.length > 0) writeOut(`${style.warn(`${count(result.problems.length, "problem", "problems")} in ${count(result.validEntries, "valid entry", "valid entries")}${overlapCount}`)}\n`);
    else writeOut(`${stale && stale.length > 0 ? "stale" : "ok"}: ${count(result.entries.length, "entry", "entries")}, ${result.examplesRun} examples and counterexamples pass${layers.includes("<") ? ` (layers: ${layers})` : ""}${overlapCount}\n`);
  }
  return result.problems.length > 0 || (values.strict && overlaps && overlaps.length > 0) || (stale && stale.length > 0) ? 1 : 0;
}
