/** `faultline check`: validates knowledge folders, each as a layer on top of the layers below it. */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { checkKnowledge } from "../check.js";
import { isBuiltinSource, loadLayers } from "../layer-sources.js";
import { asUsageError, layerOptions, layerSources } from "./knowledge-options.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Runs `faultline check` and returns its exit code: 0 clean, 1 problems. */
export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, ...layerOptions } });
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
  const style = styleFor(process.stdout);
  if (values.json) {
    const plain = (p: (typeof result.problems)[number]) => ({ file: p.file, line: p.line, column: p.column, field: p.field, message: p.message, ...(p.hint ? { hint: p.hint } : {}) });
    process.stdout.write(`${JSON.stringify({ entries: result.entries.length, examples: result.examplesRun, problems: result.problems.map(plain), notices: result.notices.map(plain) })}\n`);
  } else {
    for (const notice of result.notices) process.stdout.write(`${style.dim(notice.format())}\n`);
    for (const problem of result.problems) process.stdout.write(`${problem.format()}\n`);
    const layers = result.bundle.layers?.map((l) => l.name).join(" < ") ?? "";
    if (result.problems.length > 0) process.stdout.write(`${style.warn(`${count(result.problems.length, "problem", "problems")} in ${count(result.validEntries, "valid entry", "valid entries")}`)}\n`);
    else process.stdout.write(`ok: ${count(result.entries.length, "entry", "entries")}, ${result.examplesRun} examples and counterexamples pass${layers.includes("<") ? ` (layers: ${layers})` : ""}\n`);
  }
  return result.problems.length > 0 ? 1 : 0;
}
