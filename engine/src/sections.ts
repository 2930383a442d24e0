/**
 * An entry's body sections as markdown, cut from its file when the knowledge is compiled, so that
 * readers of a bundle (the MCP server) show the Fix or the Wrong fixes without a markdown parser.
 */
/** The required sections of an entry's body, each as the markdown under its `##` heading. */
export interface EntrySections {
  readonly symptoms: string;
  readonly cause: string;
  readonly fix: string;
  readonly verify: string;
  readonly wrongFixes: string;
}
