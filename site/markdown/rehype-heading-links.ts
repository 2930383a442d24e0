/**
 * Deep links for entry sections: every h2–h4 gets an id (the same slug Astro would give it) and a
 * link to itself. The link has no text of its own, so heading lists and Pagefind's section titles
 * stay clean; CSS draws the "#".
 */
import GithubSlugger from "github-slugger";
import type { Element, Root, RootContent } from "hast";
import { hastText } from "./hast-text.ts";

const linkedHeadings = new Set(["h2", "h3", "h4"]);

function addLink(heading: Element, slugger: GithubSlugger): void {
  const text = hastText(heading).trim();
  const id = typeof heading.properties["id"] === "string" ? heading.properties["id"] : slugger.slug(text).replace(/-$/, "");
  heading.properties["id"] = id;
  heading.children.push({
    type: "element",
    tagName: "a",
    properties: { className: ["heading-anchor"], href: `#${id}`, ariaLabel: `Link to the section “${text}”`, dataPagefindIgnore: "" },
    children: [],
  });
}

/** Rehype plugin: ids and self-links on section headings. */
export function rehypeHeadingLinks() {
  return (tree: Root): void => {
    const slugger = new GithubSlugger();
    const visit = (nodes: RootContent[]): void => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        if (linkedHeadings.has(node.tagName)) addLink(node, slugger);
        else visit(node.children);
      }
    };
    visit(tree.children);
  };
}
