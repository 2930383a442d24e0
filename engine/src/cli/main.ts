/**
 * The `faultline` command: match, check, scan and compile. Exit codes: 0 success or a match, 1 no
 * match or problems found, 2 usage or I/O errors (one line on stderr).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadBundle } from "../bundle.js";
import { checkKnowledge, type CheckOptions } from "../check.js";
import { match, maxInputLength } from "../match.js";
import { readInput } from "./input.js";
import { writeOutputFile } from "./output.js";
import { reportJson, reportText, type RenderOptions } from "./render.js";
import { scanFiles } from "./scan.js";
import { UsageError } from "./usage-error.js";


const usage = `Usage:
  faultline match [--json] [--kb DIR|BUNDLE.json] [--show-secrets] [FILE]   explain an error (FILE or stdin)
  faultline check [--json] [DIR]                               validate entries and run their examples
  faultline scan [--json] [--kb DIR|BUNDLE.json] [--show-secrets] FILE...   known errors in logs (- for stdin)
  faultline compile [--kb DIR] [--out FILE]                    write the knowledge bundle as JSON
`;

/** The knowledge folder shipped with the package: engine/dist/cli → ../../../knowledge. */
export const packagedKnowledge = fileURLToPath(new URL("../../../knowledge/", import.meta.url));

/** Checks a knowledge folder, turning a folder that cannot be read into a one-line usage error. */
async function checkFolder(dir: string, options?: CheckOptions) {
  return checkKnowledge(dir, options).catch((error: unknown) => {
    throw new UsageError(`cannot read knowledge folder ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  });
}

async function loadBundleFrom(kb: string) {
  if (kb.endsWith(".json")) {
    // A bundle from `faultline compile`: no markdown to parse, so large knowledge bases load at once.
    try {
      return loadBundle(await readFile(kb, "utf8"));
    } catch (error) {
      throw new UsageError(`cannot load bundle ${kb}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
  }
  const result = await checkFolder(kb, { examples: false });
  if (result.problems.length > 0) {
    throw new UsageError(`${result.problems.length} problem(s) in ${kb}; run "faultline check ${kb}" (first: ${result.problems[0]?.format()})`);
  }
  return result.bundle;
}

function renderOptions(kb: string, showSecrets: boolean): RenderOptions {
  return { showSecrets, entryLocation: (id) => path.relative(process.cwd(), path.join(kb, `${id}.md`)) || `${id}.md` };
}

async function runMatch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, kb: { type: "string" }, "show-secrets": { type: "boolean" } },
  });
  if (positionals.length > 1) throw new UsageError("match takes at most one FILE");
  const kb = values.kb ?? packagedKnowledge;
  const [bundle, input] = await Promise.all([loadBundleFrom(kb), readInput(positionals[0], maxInputLength)]);
  const matched = await match(bundle, input.text);
  // Only what is matched was read: the report says the input was cut.
  const report = input.cut ? { ...matched, truncated: true } : matched;
  const options = renderOptions(kb, values["show-secrets"] === true);
  process.stdout.write(values.json ? `${JSON.stringify(reportJson(report, options))}\n` : reportText(report, options));
  return report.matches.length > 0 ? 0 : 1;
}

async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" } } });
  if (positionals.length > 1) throw new UsageError("check takes at most one DIR");
  const dir = positionals[0] ?? packagedKnowledge;
  const result = await checkFolder(dir);
  if (values.json) {
    const problems = result.problems.map(({ file, line, column, field, message, hint }) => ({ file, line, column, field, message, ...(hint ? { hint } : {}) }));
    process.stdout.write(`${JSON.stringify({ entries: result.entries.length, examples: result.examplesRun, problems })}\n`);
  } else if (result.problems.length > 0) {
    for (const problem of result.problems) process.stdout.write(`${problem.format()}\n`);
    process.stdout.write(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} in ${result.entries.length} valid entries\n`);
  } else {
    process.stdout.write(`ok: ${result.entries.length} entries, ${result.examplesRun} examples and counterexamples pass\n`);
  }
  return result.problems.length > 0 ? 1 : 0;
}

async function runScan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, kb: { type: "string" }, "show-secrets": { type: "boolean" } },
  });
  if (positionals.length === 0) throw new UsageError("scan needs at least one FILE (- for standard input)");
  const bundle = await loadBundleFrom(values.kb ?? packagedKnowledge);
  const found = await scanFiles(bundle, positionals, {
    json: values.json === true,
    showSecrets: values["show-secrets"] === true,
    write: (line) => process.stdout.write(line),
  });
  return found > 0 ? 0 : 1;
}

async function runCompile(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: false, options: { kb: { type: "string" }, out: { type: "string" } } });
  void positionals;
  const bundle = await loadBundleFrom(values.kb ?? packagedKnowledge);
  const json = `${JSON.stringify(bundle)}\n`;
  if (values.out) await writeOutputFile(values.out, json);
  else process.stdout.write(json);
  return 0;
}

const commands: Record<string, (args: string[]) => Promise<number>> = { match: runMatch, check: runCheck, scan: runScan, compile: runCompile };

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; expected match, check, scan or compile`);
    return await command(rest);
  } catch (error) {
    const known = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    process.stderr.write(`faultline: ${known ? (error as Error).message : `unexpected error: ${(error as Error).stack ?? String(error)}`}\n`);
    return 2;
  }
}
