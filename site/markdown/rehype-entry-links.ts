/**
 * Links between entries: authors write `[gcp-adc-not-found](gcp-adc-not-found)` (or `…(./x.md)`),
 * which on the site must become the entry's page under the base path.
 */
import type { Root, RootContent } from "hast";
import { joinBase } from "../lib/base-path.ts";

/** Options: the site's base path. */
export interface EntryLinkOptions {
  readonly base: string;
}

// A bare entry id, optionally ./ or ../knowledge/, .md, a trailing slash and a fragment.
const entryLink = /^(?:\.\/|\.\.\/knowledge\/)?([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.md)?\/?(#[A-Za-z0-9_-]*)?$/;

/** The site URL for an author's link to another entry, or undefined when it is not one. */
export function entryHref(href: string, base: string): string | undefined {
  const match = entryLink.exec(href);
  if (!match) return undefined;
  return `${joinBase(base, `entries/${match[1]}/`)}${match[2] ?? ""}`;
}

/** Rehype plugin: rewrites links to other entries. */
export function rehypeEntryLinks(options: EntryLinkOptions) {
  return (tree: Root): void => {
    const visit = (nodes: RootContent[]): void => {
      for (const node of nodes) {
        if (node.type !== "element") continue;
        const href = node.properties["href"];
        if (node.tagName === "a" && typeof href === "string") {
          const rewritten = entryHref(href, options.base);
          if (rewritten) node.properties["href"] = rewritten;
        }
        visit(node.children);
      }
    };
    visit(tree.children);
  };
}
