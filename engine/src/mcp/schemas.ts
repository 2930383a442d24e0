/**
 * What each MCP tool takes and returns, as zod shapes: the SDK validates calls against the inputs,
 * checks `structuredContent` against the outputs, and lists both as JSON Schema to clients.
 */
import { z } from "zod";

const sections = {
  symptoms: z.string().optional().describe("How the failure shows itself (markdown)"),
  cause: z.string().optional().describe("Why it happens (markdown)"),
  fix: z.string().optional().describe("What to change, with commands to paste (markdown)"),
  verify: z.string().optional().describe("How to check that the fix worked (markdown)"),
  wrongFixes: z.string().optional().describe("Fixes that look right and are not, and why (markdown)"),
};

const links = {
  layer: z.string().optional().describe('The knowledge layer the entry came from ("built-in", or a team\'s folder or bundle)'),
  page: z.string().optional().describe("The entry's page on its published site"),
  file: z.string().optional().describe("The entry's markdown file, for entries of a local folder"),
};

const span = z.object({ start: z.number().int(), end: z.number().int(), text: z.string().describe("The text of the span, secrets masked") });

const reason = z.object({
  description: z.string().describe('The condition that held: "HTTP 403", "reason ACCESS_TOKEN_SCOPE_INSUFFICIENT"'),
  spans: z.array(span).describe("Where in the text it held"),
});

/** `diagnose`: an error text in. */
export const diagnoseInput = {
  text: z.string().describe("The error as it was met: a JSON error body, a stack trace, a CLI line or a log excerpt. Secrets in it are masked in the answer; nothing leaves this machine."),
};

/** `diagnose`: ranked matches with the entry's remedy, near misses, and the credentials seen (masked). */
export const diagnoseOutput = {
  matches: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        summary: z.string(),
        provider: z.string(),
        score: z.number().describe("Weight of the conditions that held; higher is stronger"),
        confidence: z.number().describe("0 to 1: how much evidence backs the match"),
        why: z.array(reason).describe("The conditions that held, strongest first"),
        ...links,
        fix: sections.fix,
        verify: sections.verify,
        wrongFixes: sections.wrongFixes,
      }),
    )
    .describe("Entries that explain the error, best first"),
  near: z
    .array(z.object({ id: z.string(), title: z.string(), held: z.number().describe("Share of the trigger that held, 0 to 1"), message: z.string(), missing: z.array(z.string()), ...links }))
    .describe("Entries that almost matched, with what they lack"),
  secrets: z.array(z.object({ kind: z.string(), text: z.string().describe("The credential, masked") })).describe("Credentials found in the text, masked"),
  truncated: z.boolean().describe("True when the text was longer than the engine reads and only its start was matched"),
};

/** `get_entry`: an id in. */
export const getEntryInput = {
  id: z.string().describe('The entry id, as diagnose and search_entries return it, e.g. "gcp-oauth-scope-insufficient"'),
};

/** `get_entry`: the entry's metadata, sections and links. */
export const getEntryOutput = {
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  provider: z.string(),
  services: z.array(z.string()),
  http: z.array(z.number()),
  codes: z.array(z.string()),
  tags: z.array(z.string()),
  related: z.array(z.string()).describe("Ids of entries worth reading beside this one"),
  updated: z.string().describe("When the entry was last reviewed, YYYY-MM-DD"),
  ...links,
  ...sections,
};

/** `search_entries`: a query in. */
export const searchInput = {
  query: z.string().describe("An error code, reason or status (AADSTS7000215, ACCESS_TOKEN_SCOPE_INSUFFICIENT, 403) or a few words (expired token assume role)"),
  limit: z.number().int().min(1).max(50).optional().describe("Most entries to return (default 10)"),
};

/** `search_entries`: the entries found, best first. */
export const searchOutput = {
  entries: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      provider: z.string(),
      matched: z.array(z.string()).describe("What of the query the entry matched"),
      ...links,
    }),
  ),
};
