/**
 * An entry's body sections as markdown, cut from its file when the knowledge is compiled, so that
 * readers of a bundle (the MCP server) show the Fix or the Wrong fixes without a markdown parser.
 */
import type { Root } from "mdast";
import { requiredSections } from "./schema.js";

/** The required sections of an entry's body, each as the markdown under its `##` heading. */
export interface EntrySections {
  readonly symptoms: string;
  readonly cause: string;
  readonly fix: string;
  readonly verify: string;
  readonly wrongFixes: string;
}

/** The key of each required section's heading. */
export const sectionKeys: Readonly<Record<(typeof requiredSections)[number], keyof EntrySections>> = {
  Symptoms: "symptoms",
  Cause: "cause",
  Fix: "fix",
  Verify: "verify",
  "Wrong fixes": "wrongFixes",
};

/**
 * The markdown under each required `##` heading of a parsed body, up to the next `#` or `##` heading;
 * undefined when one is missing (the loader reports that as a problem).
 */
export function cutSections(body: string, tree: Root, textOf: (node: unknown) => string): EntrySections | undefined {
  const found: Partial<Record<keyof EntrySections, string>> = {};
  const headings = tree.children.filter((node) => node.type === "heading" && node.depth <= 2);
  headings.forEach((heading, i) => {
    if (heading.type !== "heading" || heading.depth !== 2) return;
    const name = requiredSections.find((section) => section.toLowerCase() === textOf(heading).trim().toLowerCase());
    const start = heading.position?.end.offset;
    if (!name || start === undefined) return;
    const key = sectionKeys[name];
    found[key] ??= body.slice(start, headings[i + 1]?.position?.start.offset ?? body.length).trim();
  });
  const { symptoms, cause, fix, verify, wrongFixes } = found;
  return symptoms !== undefined && cause !== undefined && fix !== undefined && verify !== undefined && wrongFixes !== undefined ? { symptoms, cause, fix, verify, wrongFixes } : undefined;
}
