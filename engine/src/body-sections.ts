/** Cutting a parsed entry body into its required sections, when the entry is loaded. */
import type { Root } from "mdast";
import { requiredSections } from "./schema.js";
import type { EntrySections } from "./sections.js";

/** The key of each required section's heading. */
const sectionKeys: Readonly<Record<(typeof requiredSections)[number], keyof EntrySections>> = {
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
