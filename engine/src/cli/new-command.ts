/**
 * `faultline new ID [--from FILE]`: writes DIR/ID.md, a scaffold with a prompt wherever the author
 * writes, or with --from a draft made from a pasted error (draftEntry: facts, a proposed trigger, the
 * paste with its secrets masked as the first example). It never overwrites a file.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { draftEntry } from "../draft.js";
import { maxInputLength } from "../match.js";
import { packageFile } from "../package-root.js";
import { scaffoldEntry } from "../scaffold.js";
import { readInput } from "./input.js";
import { describeIoError } from "./output.js";
import { writeOut } from "./stdout.js";
import { UsageError } from "./usage-error.js";

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The package's JSON Schema of entries (engine/entry.schema.json beside dist/). */
const schemaFile = packageFile("entry.schema.json");

/** Points the YAML language server's `$schema` line at the package's schema, from the folder the entry is written to. */
function withSchemaFrom(dir: string, markdown: string): string {
  const relative = path.relative(path.resolve(dir), schemaFile).split(path.sep).join("/");
  return markdown.replace(/^# yaml-language-server: \$schema=.*$/m, () => `# yaml-language-server: $schema=${relative}`);
}

/** Writes a new file, refusing one that exists. */
async function writeNew(file: string, text: string): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${file} already exists; edit it, or give another id`, { cause: error });
    throw new UsageError(`cannot write ${file}: ${describeIoError(error)}`, { cause: error });
  }
}

/** Runs `faultline new` and returns its exit code: 0 written, 2 for usage or I/O errors. */
export async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { from: { type: "string" }, dir: { type: "string" } } });
  const [id, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`new takes one ID, got ${positionals.length}: ${positionals.join(" ")}`);
  if (id === undefined && values.from === undefined) throw new UsageError("new needs an ID (kebab-case, e.g. gcp-billing-disabled), or --from FILE to draft one from an error");
  if (id !== undefined && !kebab.test(id)) throw new UsageError(`id "${id}" is not kebab-case: lowercase words joined by -, e.g. gcp-billing-disabled`);
  const dir = values.dir ?? "knowledge";
  const today = new Date().toISOString().slice(0, 10);

  let text: string;
  let what: string;
  let written: string;
  if (values.from === undefined) {
    text = scaffoldEntry(id as string, today);
    written = id as string;
    what = "a scaffold: every TODO marks what to write";
  } else {
    const input = await readInput(values.from, maxInputLength);
    const draft = draftEntry(input.text, { ...(id === undefined ? {} : { id }), today });
    text = draft.markdown;
    written = draft.id;
    const masked = `${draft.secretsMasked} secret${draft.secretsMasked === 1 ? "" : "s"} masked`;
    what = `a draft from ${values.from === "-" ? "standard input" : values.from}, ${masked}${input.cut ? `, the paste cut to its first ${maxInputLength / 1024} KiB` : ""}`;
  }
  const file = path.join(dir, `${written}.md`);
  await writeNew(file, withSchemaFrom(dir, text));
  writeOut(`created ${file}: ${what}\nnext: write each section and every TODO, then run: faultline check ${dir}\n`);
  return 0;
}
