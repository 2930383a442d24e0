import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bin, runCli } from "../support/cli-process.js";
import { seedPastes } from "../support/seed-pastes.js";

// `faultline mcp` as an MCP client runs it: a child process on stdio, driven by the SDK's own Client.
// The server's stdout also goes through tee into a file, so the test reads every byte it wrote.
const accessToken = "ya29.a0AfB_mcpTestTokenQ8dEmOaCcEs0123456789abcdefghijk";
const awsSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYmcpTESTKEY";
// The seeds are Google errors: a Google access token rides along; an AWS paste carries an AWS secret key.
const pastes = [
  ...seedPastes.map(([name, id, paste]) => [name, id, `${paste}\nAuthorization: Bearer ${accessToken}\n`, "google-access-token", "ya29.[redacted]"] as const),
  [
    "AWS expired session token, with the secret key that signed the call",
    "aws-expired-token",
    `$ export AWS_SECRET_ACCESS_KEY=${awsSecret}\n$ aws sts get-caller-identity\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired`,
    "aws-secret-access-key",
    "[redacted]",
  ] as const,
];

let work: string;
let stdoutFile: string;
let stderr = "";
let client: Client;

interface Diagnosis {
  matches: Array<{ id: string; score: number; why: Array<{ description: string; spans: Array<{ text: string }> }>; fix?: string; verify?: string; wrongFixes?: string; page?: string }>;
  near: Array<{ id: string; message: string }>;
  secrets: Array<{ kind: string; text: string }>;
  truncated: boolean;
}

function textOf(result: CallToolResult): string {
  return result.content.map((part) => (part.type === "text" ? part.text : "")).join("\n");
}

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** Starts `faultline mcp ARGS` through the SDK's stdio transport, its stdout copied to `copyTo`. */
async function connect(args: readonly string[], copyTo: string, onStderr: (text: string) => void = () => {}): Promise<Client> {
  const transport = new StdioClientTransport({
    command: "sh",
    args: ["-c", 'out="$1"; shift; exec "$@" | tee "$out"', "sh", copyTo, process.execPath, bin, "mcp", ...args],
    env: { PATH: process.env["PATH"] ?? "" },
    stderr: "pipe",
  });
  transport.stderr?.on("data", (chunk: Buffer) => onStderr(chunk.toString()));
  const connected = new Client({ name: "faultline-test", version: "1.0.0" });
  await connected.connect(transport);
  return connected;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "faultline-mcp-"));
  stdoutFile = path.join(work, "stdout.jsonl");
  client = await connect([], stdoutFile, (text) => (stderr += text));
}, 30_000);

afterAll(async () => {
  await client?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe("faultline mcp over stdio", () => {
  test("lists three read-only tools with input and output schemas", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(["diagnose", "get_entry", "search_entries"]);
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get("diagnose")?.inputSchema).toMatchObject({ type: "object", properties: { text: { type: "string" } }, required: ["text"] });
    expect(byName.get("get_entry")?.inputSchema).toMatchObject({ type: "object", properties: { id: { type: "string" } }, required: ["id"] });
    expect(byName.get("search_entries")?.inputSchema).toMatchObject({ type: "object", properties: { query: { type: "string" }, limit: { type: "integer" } }, required: ["query"] });
    for (const tool of tools) {
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: true, openWorldHint: false, idempotentHint: true, destructiveHint: false });
      expect(tool.outputSchema?.type, tool.name).toBe("object");
      expect(tool.description?.length, tool.name).toBeGreaterThan(40);
    }
    expect(client.getServerVersion()).toMatchObject({ name: "faultline" });
  });

  test.each(pastes)("diagnose: %s → %s, with the credentials masked", async (_name, id, paste, kind, masked) => {
    const result = await call("diagnose", { text: paste });
    expect(result.isError).toBeFalsy();
    const report = result.structuredContent as unknown as Diagnosis;
    const first = report.matches[0];
    expect(first?.id).toBe(id);
    expect(first?.why.length).toBeGreaterThan(0);
    expect(first?.fix?.length).toBeGreaterThan(40);
    expect(first?.verify?.length).toBeGreaterThan(20);
    expect(first?.wrongFixes?.length).toBeGreaterThan(20);
    expect(first?.page).toBe(`https://faultline-kb.github.io/faultline/entries/${id}/`);
    expect(report.secrets).toContainEqual({ kind, text: masked });
    const text = textOf(result);
    expect(text).toContain(`[${id}]`);
    expect(text).toContain("### Fix");
    expect(text).toContain("### Wrong fixes");
    for (const out of [text, JSON.stringify(result.structuredContent)]) {
      expect(out).not.toContain(accessToken);
      expect(out).not.toContain(awsSecret);
      expect(out).not.toMatch(/ya29\.a0AfB_|ZmFrZS1zaWduYXR1cmU|wJalrXUtnFEMI/);
    }
  });

  test("diagnose: text that matches nothing says so, with an empty list", async () => {
    const result = await call("diagnose", { text: "the build finished in 3 minutes" });
    expect((result.structuredContent as unknown as Diagnosis).matches).toEqual([]);
    expect(textOf(result)).toContain("No entry matches this error.");
  });

  test("diagnose: a 12 MiB paste (past the SDK's default 10 MiB message buffer) is answered, cut to what the engine reads", async () => {
    const result = await call("diagnose", { text: `${"INFO all good\n".repeat(900_000)}{"error":{"code":401,"message":"Request is missing valid authentication credentials.","status":"UNAUTHENTICATED"}}` });
    const report = result.structuredContent as unknown as Diagnosis;
    expect(report.truncated).toBe(true);
    expect(textOf(result)).toContain("only its start was matched");
  });

  test("get_entry returns the entry's sections and links", async () => {
    const result = await call("get_entry", { id: "gcp-oauth-scope-insufficient" });
    expect(result.isError).toBeFalsy();
    const entry = result.structuredContent as Record<string, unknown>;
    expect(entry).toMatchObject({ id: "gcp-oauth-scope-insufficient", provider: "gcp", layer: "built-in", page: "https://faultline-kb.github.io/faultline/entries/gcp-oauth-scope-insufficient/" });
    for (const key of ["symptoms", "cause", "fix", "verify", "wrongFixes"]) expect(String(entry[key]).length, key).toBeGreaterThan(20);
    expect(String(entry["fix"])).toContain("gcloud compute instances");
    expect(String(entry["fix"])).not.toMatch(/^## /m);
    expect(entry["codes"]).toContain("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(textOf(result)).toMatch(/^# Google API returns 403/);
  });

  test("get_entry of an unknown id is an error result naming close ids", async () => {
    const result = await call("get_entry", { id: "gcp-oauth-scopes" });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(textOf(result)).toBe('No entry has the id "gcp-oauth-scopes"; did you mean "gcp-oauth-scope-insufficient"?');
  });

  test.each([
    ["AADSTS7000215", "azure-invalid-client-secret"],
    ["ACCESS_TOKEN_SCOPE_INSUFFICIENT", "gcp-oauth-scope-insufficient"],
    ["Request is missing valid authentication credentials", "gcp-unauthenticated"],
  ])("search_entries %s → %s first", async (query, id) => {
    const result = await call("search_entries", { query });
    const { entries } = result.structuredContent as { entries: Array<{ id: string; title: string; page?: string; matched: string[] }> };
    expect(entries[0]?.id).toBe(id);
    expect(entries[0]?.page).toBe(`https://faultline-kb.github.io/faultline/entries/${id}/`);
    expect(entries[0]?.matched.length).toBeGreaterThan(0);
    expect(textOf(result)).toContain(`[${id}]`);
  });

  test("search_entries: words find entries, a limit bounds them, nonsense finds none", async () => {
    const words = (await call("search_entries", { query: "kubernetes rbac forbidden", limit: 3 })).structuredContent as { entries: Array<{ id: string; provider: string }> };
    expect(words.entries.length).toBeGreaterThan(0);
    expect(words.entries.length).toBeLessThanOrEqual(3);
    expect(words.entries[0]?.provider).toBe("kubernetes");
    const none = await call("search_entries", { query: "zzqxj" });
    expect((none.structuredContent as { entries: unknown[] }).entries).toEqual([]);
    expect(textOf(none)).toContain("No entry fits this query");
  });

  test("a message longer than the server reads (16 MiB) is answered with an error, and the server goes on", async () => {
    await expect(call("diagnose", { text: "x".repeat(20 * 1024 * 1024) })).rejects.toMatchObject({ code: -32600, message: expect.stringContaining("is longer than the 16777216 this server reads") });
    expect((await call("get_entry", { id: "gcp-unauthenticated" })).isError).toBeFalsy();
    expect(stderr).toMatch(/faultline mcp: a message of \d+ bytes is longer than the 16777216 this server reads/);
    stderr = stderr.replace(/faultline mcp: a message of .*\n/, "");
  }, 30_000);

  test("a call with arguments of the wrong shape is refused, and the server goes on", async () => {
    const bad = await call("diagnose", { txt: "403" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/text/);
    const good = await call("get_entry", { id: "gcp-unauthenticated" });
    expect(good.isError).toBeFalsy();
  });

  // Last: it reads what the calls above wrote.
  test("every line the server wrote to stdout is JSON-RPC 2.0; its log went to stderr", async () => {
    await client.ping();
    const lines = (await readFile(stdoutFile, "utf8")).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const message = JSON.parse(line) as { jsonrpc?: unknown; id?: unknown; result?: unknown; error?: unknown; method?: unknown };
      expect(message.jsonrpc, line.slice(0, 200)).toBe("2.0");
      expect("result" in message || "error" in message || "method" in message, line.slice(0, 200)).toBe(true);
    }
    expect(stderr).toMatch(/^faultline mcp: serving \d+ entries over stdio \(built-in\)\n$/);
  });
});

describe("faultline mcp with knowledge layers", () => {
  const org = "test/fixtures/layers/org";

  test("a folder layer's entries are diagnosed and read with their sections, file and layer", async () => {
    const layered = await connect(["--kb", org], path.join(work, "layered.jsonl"));
    try {
      const diagnosis = (await layered.callTool({ name: "diagnose", arguments: { text: "acme-cb: ERROR ACME-CB-401 credential broker lease expired" } })) as CallToolResult;
      expect((diagnosis.structuredContent as unknown as Diagnosis).matches[0]).toMatchObject({ id: "acme-vault-lease-expired", layer: org });
      const entry = (await layered.callTool({ name: "get_entry", arguments: { id: "acme-vault-lease-expired" } })) as CallToolResult;
      const data = entry.structuredContent as Record<string, string>;
      expect(data).toMatchObject({ layer: org, file: path.join(org, "acme-vault-lease-expired.md") });
      expect(data["fix"]?.length).toBeGreaterThan(10);
      expect(data["wrongFixes"]?.length).toBeGreaterThan(10);
      // The org layer replaces the built-in entry of the same id.
      const replaced = (await layered.callTool({ name: "get_entry", arguments: { id: "gcp-oauth-scope-insufficient" } })) as CallToolResult;
      expect((replaced.structuredContent as Record<string, string>)["layer"]).toBe(org);
    } finally {
      await layered.close();
    }
  });

  test("a bundle compiled without sections still answers get_entry, pointing to the page", async () => {
    const bundle = path.join(work, "org.json");
    expect(runCli(["compile", "--no-builtin", "--kb", org, "--site", "https://kb.acme.example/", "--out", bundle]).code).toBe(0);
    const compiled = await connect(["--no-builtin", "--kb", bundle], path.join(work, "compiled.jsonl"));
    try {
      const entry = (await compiled.callTool({ name: "get_entry", arguments: { id: "acme-vault-lease-expired" } })) as CallToolResult;
      expect(entry.isError).toBeFalsy();
      expect(entry.structuredContent).toMatchObject({ id: "acme-vault-lease-expired", page: "https://kb.acme.example/entries/acme-vault-lease-expired/" });
      expect((entry.structuredContent as Record<string, unknown>)["fix"]).toBeUndefined();
      expect(textOf(entry)).toContain("compiled without its sections");
    } finally {
      await compiled.close();
    }
  });

  test("usage: --help shows the client configuration; a FILE or no knowledge is one line and exit 2", () => {
    const help = runCli(["mcp", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('{"mcpServers":{"faultline":{"command":"npx","args":["-y","faultline","mcp"]}}}');
    const file = runCli(["mcp", "error.txt"]);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('faultline: mcp takes no FILE (got "error.txt"); clients send errors through the diagnose tool\n');
    const none = runCli(["mcp", "--no-builtin"]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe("faultline: no knowledge to match against: --no-builtin needs a --kb FOLDER or BUNDLE.json (or FAULTLINE_KB)\n");
  });
});
