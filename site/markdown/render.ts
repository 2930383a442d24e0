/**
 * Renders an entry's markdown body with Astro's own markdown processor (remark-gfm, smartypants, Shiki,
 * heading ids) plus Faultline's rehype plugins. Entries are not an Astro content collection: at 10,000
 * entries the collection's data store, rendered whole and bundled as one module, cost more time and
 * memory than the rest of the build together, so each entry page renders its own body instead.
 */
import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownHeading } from "@astrojs/markdown-remark";
import rehypeSanitize from "rehype-sanitize";
import { rehypeCodeBlocks } from "./rehype-code-blocks.ts";
import { rehypeEntryLinks } from "./rehype-entry-links.ts";
import { rehypeHeadingLinks } from "./rehype-heading-links.ts";
import { entrySanitizeSchema } from "./sanitize-schema.ts";

/** An entry body as HTML, with its headings for the table of contents. */
export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly MarkdownHeading[];
}

/** The markdown settings of the site, for a site served under `base`. */
export function markdownOptions(base: string): AstroMarkdownOptions {
  return {
    // Mermaid blocks stay plain text; the entry page renders them in the browser.
    syntaxHighlight: { type: "shiki", excludeLangs: ["mermaid", "math"] },
    shikiConfig: { themes: { light: "github-light-default", dark: "github-dark-default" }, wrap: false },
    // Sanitising runs first, on what markdown and Shiki made (raw HTML is still unparsed there and is
    // dropped); the site's own plugins then add anchors, copy buttons and entry links.
    rehypePlugins: [[rehypeSanitize, entrySanitizeSchema], rehypeHeadingLinks, rehypeCodeBlocks, [rehypeEntryLinks, { base }]],
  };
}

// One processor per base: creating it loads Shiki's themes and grammars, which costs more than a page.
const processors = new Map<string, ReturnType<typeof createMarkdownProcessor>>();

/** Renders markdown the way every entry page shows it. */
export async function renderMarkdown(source: string, base: string): Promise<RenderedMarkdown> {
  let processor = processors.get(base);
  if (!processor) {
    processor = createMarkdownProcessor(markdownOptions(base));
    processors.set(base, processor);
  }
  const { code, metadata } = await (await processor).render(source);
  return { html: code, headings: metadata.headings };
}
