/**
 * The parsers that only reading markdown entries needs (front matter, YAML with positions, the body's
 * headings). They are optional peer dependencies, imported on first use, so that a program that only
 * matches against compiled knowledge never installs or loads them. Internal: its types name those
 * packages, which a consumer that only matches does not have.
 */
import type matterType from "gray-matter";
import type { Root } from "mdast";
import type * as yamlType from "yaml";
import { markdownPackages, MissingDependencyError } from "./missing-dependency.js";

/** What loading markdown entries uses. */
export interface MarkdownTools {
  readonly matter: typeof matterType;
  readonly yaml: Pick<typeof yamlType, "isMap" | "isScalar" | "LineCounter" | "parseDocument">;
  /** Parses a markdown body to its syntax tree. */
  readonly parseMarkdown: (body: string) => Root;
  /** The text of a syntax-tree node. */
  readonly textOf: (node: unknown) => string;
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
}

let tools: Promise<MarkdownTools> | undefined;

/** Loads the markdown parsers once; rejects with a MissingDependencyError naming what to install. */
export function markdownTools(): Promise<MarkdownTools> {
  tools ??= Promise.all([import("gray-matter"), import("yaml"), import("remark-parse"), import("unified"), import("mdast-util-to-string")]).then(
    ([matter, yaml, remarkParse, unified, mdast]) => {
      // One frozen processor for every file: building a unified pipeline per entry cost more than parsing.
      const markdown = unified.unified().use(remarkParse.default).freeze();
      return {
        matter: matter.default,
        yaml,
        parseMarkdown: (body: string) => markdown.parse(body),
        textOf: (node: unknown) => mdast.toString(node),
      };
    },
    (error: unknown) => {
      tools = undefined;
      if (isMissing(error)) throw new MissingDependencyError(markdownPackages, "reading markdown entries (check, new, --kb FOLDER)", { cause: error });
      throw error;
    },
  );
  return tools;
}
