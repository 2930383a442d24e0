/**
 * Reads knowledge entries from markdown files: front matter (gray-matter, positions from `yaml`),
 * validation against the one schema, and the required body sections (remark).
 * Every problem is collected with its file, line and column; nothing stops at the first one.
 */
import path from "node:path";
import type { Document, LineCounter } from "yaml";
import type { ZodIssue } from "zod";
import type { Root } from "mdast";
import { bodyProblems } from "./body-check.js";
import { draftValueProblems, unwrittenSectionProblems } from "./draft-check.js";
import { readEntryFiles } from "./entry-files.js";
import { markdownTools, type MarkdownTools } from "./markdown-tools.js";
import { KnowledgeProblem } from "./problem.js";
import { conditionBranches, entrySchema, requiredSections, type EntryMeta } from "./schema.js";

/** A front-matter path such as ["triggers", "all", 0, "fact"]. */
export type FieldPath = ReadonlyArray<string | number>;

/** A valid entry with what tools need to point back into its file. */
export interface LoadedEntry {
  readonly file: string;
  readonly meta: EntryMeta;
  /** The markdown body after the front matter. */
  readonly body: string;
  /** The 1-based file line where the body starts. */
  readonly bodyLine: number;
  /** Where a front-matter field is in the file (its value, or the nearest parent that exists). */
  locate(field: FieldPath): { line: number; column: number };
}

/** Entries that loaded, and every problem found on the way. */
export interface LoadResult {
  readonly entries: readonly LoadedEntry[];
  readonly problems: readonly KnowledgeProblem[];
}

/** Renders a path the way authors read it: `triggers.all[0].fact`. */
export function formatField(field: FieldPath): string {
  return field.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${key}` : key), "") || "front matter";
}

function locator(doc: Document, lines: LineCounter, firstLine: number) {
  return (field: FieldPath): { line: number; column: number } => {
    for (let depth = field.length; depth >= 0; depth--) {
      const node = doc.getIn(field.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === "object" && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line + firstLine - 1, column: pos.col };
      }
    }
    return { line: firstLine, column: 1 };
  };
}

function locateKey({ yaml }: MarkdownTools, doc: Document, lines: LineCounter, firstLine: number, parent: FieldPath, key: string) {
  const map = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (yaml.isMap(map)) {
    const pair = map.items.find((item) => yaml.isScalar(item.key) && item.key.value === key);
    const range = pair && yaml.isScalar(pair.key) ? pair.key.range : undefined;
    if (range) {
      const pos = lines.linePos(range[0]);
      return { line: pos.line + firstLine - 1, column: pos.col };
    }
  }
  return locator(doc, lines, firstLine)(parent);
}

/** What zod found wrong with front matter (or a bundle entry), one issue per field, as authors read it. */
export function describeIssues(issues: readonly ZodIssue[], data: unknown): Array<{ path: FieldPath; message: string; hint: string | undefined }> {
  return flattenIssues(issues, data).flatMap((issue) =>
    issue.code === "unrecognized_keys" ?
      issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown field "${key}"`, hint: hintFor(issue) }))
    : [{ path: issue.path, message: messageFor(issue), hint: hintFor(issue) }],
  );
}

/** zod reports a failed union as one issue; pick the branch the author meant by the keys they wrote. */
function flattenIssues(issues: readonly ZodIssue[], data: unknown): ZodIssue[] {
  return issues.flatMap((issue) => {
    // Only condition trees are unions of objects; other unions (a condition's value) carry their own message.
    if (issue.code !== "invalid_union" || issue.path[issue.path.length - 1] === "value") return [issue];
    let value: unknown = data;
    for (const key of issue.path) value = value && typeof value === "object" ? (value as Record<string | number, unknown>)[key] : undefined;
    const keys = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
    const branch = conditionBranches.findIndex((k) => k !== undefined && keys.includes(k));
    const chosen = issue.unionErrors[branch >= 0 ? branch : conditionBranches.indexOf(undefined)];
    if (!chosen || (keys.length === 0 && !Array.isArray(value))) {
      return [{ ...issue, message: 'a condition must be an object with "all", "any", "not", or "fact" + "operator" + "value"' }];
    }
    return flattenIssues(chosen.issues, data);
  });
}

function hintFor(issue: ZodIssue): string | undefined {
  if (issue.code === "unrecognized_keys") return "remove it, or check its spelling against knowledge/README.md";
  if (issue.code === "invalid_type" && issue.received === "undefined") return "add it to the front matter";
  if (issue.code === "custom" && typeof issue.params?.["hint"] === "string") return issue.params["hint"];
  return undefined;
}

function messageFor(issue: ZodIssue): string {
  if (issue.code === "invalid_type" && issue.received === "undefined") return `required field is missing (expected ${issue.expected})`;
  if (issue.code === "invalid_type") return `expected ${issue.expected}, got ${issue.received}`;
  return issue.message;
}

function checkSections(tools: MarkdownTools, file: string, tree: Root, bodyLine: number): KnowledgeProblem[] {
  const headings = tree.children.filter((node) => node.type === "heading" && node.depth === 2).map((node) => tools.textOf(node).trim());
  const missing = requiredSections.filter((section) => !headings.some((h) => h.toLowerCase() === section.toLowerCase()));
  return missing.map(
    (section) =>
      new KnowledgeProblem({
        file,
        line: bodyLine,
        column: 1,
        field: "body",
        message: `missing section "## ${section}"`,
        hint: `every entry has ${requiredSections.map((s) => `"${s}"`).join(", ")}`,
      }),
  );
}

/** What parsing one entry's source gave. */
export interface ParsedEntry {
  readonly entry?: LoadedEntry;
  readonly problems: KnowledgeProblem[];
}

/** Parses one entry's source; `file` is the path printed in problems. */
export async function parseEntry(file: string, source: string): Promise<ParsedEntry> {
  return parseEntryWith(await markdownTools(), file, source);
}

function parseEntryWith(tools: MarkdownTools, file: string, source: string): ParsedEntry {
  const { matter, yaml } = tools;
  const problems: KnowledgeProblem[] = [];
  // Any options turn off gray-matter's cache; the no-op engine leaves YAML parsing to `yaml`, which keeps positions.
  if (!source.startsWith("---")) {
    problems.push(new KnowledgeProblem({ file, line: 1, column: 1, field: "front matter", message: "the file must start with YAML front matter between --- lines" }));
    return { problems };
  }
  // gray-matter takes a block that is never closed as front matter running to the end of the file.
  if (!/\r?\n---[ \t]*(?:\r?\n|$)/.test(source.slice(3))) {
    problems.push(new KnowledgeProblem({ file, line: 1, column: 1, field: "front matter", message: "the front matter opened on line 1 is never closed", hint: "end it with a line of ---, then write the body" }));
    return { problems };
  }
  const split = matter(source, { engines: { yaml: { parse: () => ({}), stringify: () => "" } } });
  const firstLine = source.slice(0, source.indexOf(split.matter)).split("\n").length;
  const bodyStart = source.length - split.content.length;
  const bodyLine = source.slice(0, bodyStart).split("\n").length;
  const lines = new yaml.LineCounter();
  const doc = yaml.parseDocument(split.matter, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    problems.push(
      new KnowledgeProblem(
        { file, line: pos.line + firstLine - 1, column: pos.col, field: "front matter", message: `invalid YAML: ${error.message.split("\n")[0]}` },
        { cause: error },
      ),
    );
  }
  if (doc.errors.length > 0) return { problems };

  let data: unknown;
  try {
    // yaml refuses to expand more than 100 aliases (a "billion laughs" bomb) by throwing.
    data = doc.toJS();
  } catch (error) {
    problems.push(new KnowledgeProblem({ file, line: firstLine, column: 1, field: "front matter", message: `invalid YAML: ${(error as Error).message}`, hint: "write the values out instead of repeating aliases" }, { cause: error }));
    return { problems };
  }
  const locate = locator(doc, lines, firstLine);
  const parsed = entrySchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of flattenIssues(parsed.error.issues, data)) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) {
          const pos = locateKey(tools, doc, lines, firstLine, issue.path, key);
          problems.push(new KnowledgeProblem({ file, ...pos, field: formatField([...issue.path, key]), message: `unknown field "${key}"`, hint: hintFor(issue) }));
        }
        continue;
      }
      const pos = locate(issue.path);
      problems.push(new KnowledgeProblem({ file, ...pos, field: formatField(issue.path), message: messageFor(issue), hint: hintFor(issue) }));
    }
  }
  const expectedId = path.basename(file, ".md");
  const rawId = (data as { id?: unknown } | null)?.id;
  if (typeof rawId === "string" && rawId !== expectedId) {
    problems.push(new KnowledgeProblem({ file, ...locate(["id"]), field: "id", message: `id "${rawId}" differs from the file name "${expectedId}.md"`, hint: `rename the file or set id: ${expectedId}` }));
  }
  const tree = tools.parseMarkdown(split.content);
  problems.push(...checkSections(tools, file, tree, bodyLine), ...bodyProblems(file, tree, bodyLine));
  // An id that differs from the file name is reported, but the entry still takes part in the checks
  // across entries, so a duplicate id is reported too.
  const blocking = problems.filter((p) => p.field !== "id");
  // What is still to be written is reported, but the entry loads: its examples run while it is a draft.
  problems.push(...unwrittenSectionProblems(file, tree, bodyLine, (node) => tools.textOf(node)), ...draftValueProblems(file, data, locate, formatField));
  if (!parsed.success || blocking.length > 0) return { problems };
  return { entry: { file, meta: parsed.data, body: split.content, bodyLine, locate }, problems };
}

export { listEntryFiles } from "./entry-files.js";

/** Loads every entry of a knowledge directory, collecting all problems instead of stopping. */
export async function loadKnowledge(dir: string): Promise<LoadResult> {
  const tools = await markdownTools();
  const files = await readEntryFiles(dir, (file) => path.relative(process.cwd(), file) || file);
  const entries: LoadedEntry[] = [];
  const problems: KnowledgeProblem[] = [];
  for (const read of files) {
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const result = parseEntryWith(tools, read.file, read.source);
    if (result.entry) entries.push(result.entry);
    problems.push(...result.problems);
  }
  return { entries, problems };
}
