/**
 * What an entry body may become on the site: rehype-sanitize's GitHub-style allow-list, narrowed to
 * links to http(s) and to other entries, and widened only by what the site's own pipeline makes before
 * it runs (Shiki's highlighted code). Entries come from other authors: raw HTML (a <script>, an <img
 * onerror>, a <meta http-equiv="refresh">) is dropped whole, and javascript:, data: and vbscript:
 * links lose their href. `faultline check` reports both, with file and line, before a build gets here.
 */
import { defaultSchema, type Options } from "rehype-sanitize";

const allowed = defaultSchema.attributes ?? {};

/** The schema entry bodies are sanitised with, first among the site's rehype plugins. */
export const entrySanitizeSchema: Options = {
  ...defaultSchema,
  attributes: {
    ...allowed,
    // Shiki's output: themes as classes and CSS variables, the language, and a focusable block (Shiki
    // writes hast properties by their HTML names, class and tabindex).
    pre: [...(allowed["pre"] ?? []), "class", "style", "tabindex", "dataLanguage"],
    span: [...(allowed["span"] ?? []), "class", "style"],
  },
  protocols: { ...defaultSchema.protocols, href: ["http", "https"], src: ["http", "https"] },
};
