/**
 * What `check` says about an entry still being written: each required section whose only content is
 * its draft prompt, and each front-matter value that is still a prompt (draft-marker.ts). These do not
 * keep the entry from loading, so its examples still run against its trigger while it is written.
 */
import type { Root, RootContent } from "mdast";
import { draftPromptOf, draftPromptOfComment } from "./draft-marker.js";
import { requiredSections } from "./entry-parts.js";
import type { FieldPath } from "./load.js";
import { KnowledgeProblem } from "./problem.js";

/** Problems of a body's sections still holding only their prompt; `bodyLine` is the file line where the body starts. */
export function unwrittenSectionProblems(file: string, tree: Root, bodyLine: number, textOf: (node: RootContent) => string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const nodes = tree.children;
  nodes.forEach((node, i) => {
    if (node.type !== "heading" || node.depth !== 2) return;
    const name = textOf(node).trim();
    const section = requiredSections.find((s) => s.toLowerCase() === name.toLowerCase());
    if (!section) return;
    const end = nodes.findIndex((next, j) => j > i && next.type === "heading" && next.depth <= 2);
    const content = nodes.slice(i + 1, end < 0 ? nodes.length : end);
    const prompts = content.map((c) => (c.type === "html" ? draftPromptOfComment(c.value) : undefined));
    if (content.length === 0 || prompts.some((p) => p === undefined)) return;
    problems.push(
      new KnowledgeProblem({
        file,
        line: (node.position?.start.line ?? 1) + bodyLine - 1,
        column: 1,
        field: "body",
        message: `section "${section}" is still the draft prompt`,
        hint: prompts.join(" "),
      }),
    );
  });
  return problems;
}

/** Problems of front-matter values that are still draft prompts ("TODO: …"), each at its value. */
export function draftValueProblems(file: string, data: unknown, locate: (field: FieldPath) => { line: number; column: number }, format: (field: FieldPath) => string): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const visit = (value: unknown, field: Array<string | number>): void => {
    const prompt = draftPromptOf(value);
    if (prompt !== undefined) {
      problems.push(new KnowledgeProblem({ file, ...locate(field), field: format(field), message: "is still the draft prompt", hint: prompt || "replace it" }));
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...field, i]));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) visit(item, [...field, key]);
  };
  visit(data, []);
  return problems;
}
