/**
 * What an entry body may hold, checked on its markdown tree (remark): no raw HTML, and links and
 * images only to http(s) or within the site. The site's sanitiser drops the rest at build; `check`
 * says so first, with the line, so an author sees it rather than a page that silently lost it.
 */
import type { Nodes, Root } from "mdast";
import { KnowledgeProblem } from "./problem.js";

// A scheme is letters, digits, + - . before a colon; browsers ignore whitespace and control characters in it.
const scheme = /^([a-z][a-z0-9+.-]*):/i;

/** The scheme of a link's URL, lower-cased, or undefined for a relative link or a fragment. */
export function linkScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  return scheme.exec(url.replace(/[\u0000-\u0020\u007f]/g, ""))?.[1]?.toLowerCase();
}

/** Problems of a body's tree; `bodyLine` is the file line where the body starts. */
export function bodyProblems(file: string, tree: Root, bodyLine: number): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const at = (node: Nodes, message: string, hint: string) =>
    problems.push(new KnowledgeProblem({ file, line: (node.position?.start.line ?? 1) + bodyLine - 1, column: node.position?.start.column ?? 1, field: "body", message, hint }));
  const visit = (node: Nodes): void => {
    if (node.type === "html") {
      const html = node.value.trim();
      // Comments are notes to other authors; the site drops them like any HTML.
      if (!(html.startsWith("<!--") && html.endsWith("-->"))) {
        at(node, `raw HTML is not published: ${JSON.stringify(html.length > 60 ? `${html.slice(0, 60)}…` : html)}`, "write it in markdown; the site drops raw HTML from entry bodies");
      }
    }
    if (node.type === "link" || node.type === "image" || node.type === "definition") {
      const found = linkScheme(node.url);
      if (found !== undefined && found !== "http" && found !== "https") {
        const what = node.type === "image" ? "an image" : "a link";
        at(node, `${what} to a ${found}: URL is not published: ${JSON.stringify(node.url.slice(0, 60))}`, "link to an http(s) page or to another entry by its id");
      }
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
