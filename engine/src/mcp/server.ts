/**
 * Faultline as a Model Context Protocol server: three read-only tools over the stacked knowledge
 * (diagnose, get_entry, search_entries). Matching runs here; nothing the client sends leaves the machine.
 */
import type { Bundle } from "../bundle.js";
import type { EntryLinks } from "../cli/knowledge-options.js";
import { diagnoseInput, diagnoseOutput, getEntryInput, getEntryOutput, searchInput, searchOutput } from "./schemas.js";
import { McpServer } from "./sdk.js";
import { diagnoseTool, getEntryTool, searchTool, type ToolContext } from "./tools.js";

/** What the server serves. */
export interface ServerOptions {
  readonly bundle: Bundle;
  readonly links: (id: string) => EntryLinks;
  /** The engine's version, which the server reports to clients. */
  readonly version: string;
}

// Every tool only reads the local knowledge: the same call gives the same answer and touches nothing outside.
const readOnly = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

/** An MCP server with Faultline's tools registered, ready to connect to a transport. */
export function createServer(options: ServerOptions): McpServer {
  const context: ToolContext = { bundle: options.bundle, links: options.links };
  const server = new McpServer(
    { name: "faultline", title: "Faultline", version: options.version },
    { instructions: "Faultline explains cloud authentication and authorization errors (GCP, AWS, Azure, Kubernetes, CI) from a local knowledge base. Call diagnose with the error text as it was met; get_entry gives an entry's full sections; search_entries finds entries by code, reason or words." },
  );
  server.registerTool(
    "diagnose",
    {
      title: "Diagnose an error",
      description: "Explains a cloud auth error text: the known failures it matches, best first, each with why it matched and the entry's Fix, Verify and Wrong fixes; near misses; credentials in the text, masked.",
      inputSchema: diagnoseInput,
      outputSchema: diagnoseOutput,
      annotations: { title: "Diagnose an error", ...readOnly },
    },
    ({ text }) => diagnoseTool(context, text),
  );
  server.registerTool(
    "get_entry",
    {
      title: "Read an entry",
      description: "One knowledge entry by id: its metadata, its Symptoms, Cause, Fix, Verify and Wrong fixes sections, related entries and links.",
      inputSchema: getEntryInput,
      outputSchema: getEntryOutput,
      annotations: { title: "Read an entry", ...readOnly },
    },
    ({ id }) => getEntryTool(context, id),
  );
  server.registerTool(
    "search_entries",
    {
      title: "Search entries",
      description: "Finds knowledge entries by an error code, reason or HTTP status, or a few words; returns id, title, summary and link of each, best first.",
      inputSchema: searchInput,
      outputSchema: searchOutput,
      annotations: { title: "Search entries", ...readOnly },
    },
    ({ query, limit }) => searchTool(context, query, limit),
  );
  return server;
}
