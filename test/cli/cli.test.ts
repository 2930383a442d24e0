import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

// The CLI is tested as users run it: the built bin, a real process, real exit codes.
const bin = path.resolve("engine/bin/faultline.js");
const kb = "test/fixtures/kb";
// The fixture knowledge alone: without --no-builtin it would stack on the built-in knowledge.
const only = ["--no-builtin", "--kb", kb];

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], { input: input ?? "", encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scopeBody = JSON.stringify({
  error: { code: 403, message: "Request had insufficient authentication scopes.", status: "PERMISSION_DENIED", details: [{ reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" }] },
});
const accessToken = "ya29.a0AfB_byCLITESTTOKEN0123456789abcdefghijklmnopqrstuv";
const secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

describe("faultline match", () => {
  test("--json prints exactly one JSON object, best match first, with reasons and spans", () => {
    const { code, stdout, stderr } = run(["match", "--json", ...only], scopeBody);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(stdout) as { matches: Array<{ id: string; score: number; why: Array<{ description: string; spans: Array<{ start: number; end: number; text: string }> }> }>; near: unknown[]; facts: Record<string, unknown> };
    expect(Object.keys(report)).toEqual(expect.arrayContaining(["matches", "near", "facts"]));
    expect(report.matches[0]?.id).toBe("gcp-oauth-scope-insufficient");
    const reason = report.matches[0]?.why.find((w) => w.description === "reason ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(reason?.spans[0]?.text).toBe("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(scopeBody.slice(reason?.spans[0]?.start, reason?.spans[0]?.end)).toBe("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(report.facts).toMatchObject({ httpStatus: 403, status: "PERMISSION_DENIED" });
    expect(report.facts).not.toHaveProperty("text");
  });

  test("human output names the entry, the text that matched and where to read it", () => {
    const { code, stdout } = run(["match", ...only], scopeBody);
    expect(code).toBe(0);
    expect(stdout).toContain("[gcp-oauth-scope-insufficient]");
    expect(stdout).toContain('reason ACCESS_TOKEN_SCOPE_INSUFFICIENT: "ACCESS_TOKEN_SCOPE_INSUFFICIENT"');
    expect(stdout).toContain(`Read: ${path.join(kb, "gcp-oauth-scope-insufficient.md")}`);
  });

  test("reads a FILE argument", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const file = path.join(dir, "error.txt");
    writeFileSync(file, "HTTP/1.1 418 I'm a teapot");
    const { code, stdout } = run(["match", "--json", ...only, file]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { matches: Array<{ id: string }> }).matches[0]?.id).toBe("teapot-refused");
  });

  test("exit 1 and a plain answer when nothing matches", () => {
    const { code, stdout } = run(["match", ...only], "Error: connect ECONNREFUSED 127.0.0.1:5432");
    expect(code).toBe(1);
    expect(stdout).toContain("No entry matches this error.");
  });

  test.each([
    [["match", ...only, "/nonexistent/error.txt"], "faultline: cannot read /nonexistent/error.txt: ENOENT"],
    [["match", "--kb", "/nonexistent-kb"], "faultline: knowledge layer /nonexistent-kb: is neither a folder of entries nor a bundle (.json)"],
    [["match", "--no-builtin"], "faultline: no knowledge to match against: --no-builtin needs a --kb FOLDER or BUNDLE.json (or FAULTLINE_KB)"],
    [["frobnicate"], 'faultline: unknown command "frobnicate"; expected match, check, scan, compile, new (faultline --help)'],
    [["match", "--bogus"], "faultline: Unknown option '--bogus'."],
  ])("exit 2 with one line on stderr for %j", (args, message) => {
    const { code, stdout, stderr } = run(args, "x");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toHaveLength(2);
    expect(stderr.startsWith(message)).toBe(true);
  });

  test("secrets are masked in human and JSON output unless --show-secrets", () => {
    const paste = `${scopeBody}\nAuthorization: Bearer ${accessToken}\naws_secret_access_key = ${secretKey}\nhttps://admin:s3cretpass@db.example.com/x`;
    for (const args of [["match", ...only], ["match", "--json", ...only]]) {
      const { stdout } = run(args, paste);
      expect(stdout).not.toContain(accessToken);
      expect(stdout).not.toContain(secretKey);
      expect(stdout).not.toContain("s3cretpass");
    }
    const scopeWithToken = `${accessToken} ACCESS_TOKEN_SCOPE_INSUFFICIENT`;
    expect(run(["match", ...only], scopeWithToken).stdout).not.toContain(accessToken);
  });

  test("--show-secrets shows them", () => {
    const paste = `Request had insufficient authentication scopes: ${accessToken}`;
    const { stdout } = run(["match", "--json", "--show-secrets", ...only], paste);
    const hidden = run(["match", "--json", ...only], paste).stdout;
    expect(hidden).toContain("ya29.[redacted]");
    expect(stdout).toContain(accessToken.slice(0, 30));
  });
});

describe("faultline check", () => {
  test("exit 0 and a summary on a valid knowledge folder", () => {
    const { code, stdout } = run(["check", "--no-builtin", kb]);
    expect(code).toBe(0);
    expect(stdout).toBe("ok: 2 entries, 6 examples and counterexamples pass\n");
  });

  test("exit 1 and every problem as FILE:LINE:COL: field: message", () => {
    const { code, stdout } = run(["check", "--no-builtin", "test/fixtures/broken/all-at-once"]);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines.at(-1)).toBe("8 problems in 3 valid entries");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^test\/fixtures\/broken\/all-at-once\/[a-z-]+\.md:\d+:\d+: [\w.[\]]+( [\w ]+)?: /);
  });
});

describe("faultline scan", () => {
  const log = [
    "2026-11-23T10:00:00Z INFO starting worker",
    `2026-11-23T10:00:01Z ERROR call failed: ${scopeBody}`,
    "2026-11-23T10:00:02Z INFO retrying",
    `2026-11-23T10:00:03Z ERROR teapot said: HTTP/1.1 418 I'm a teapot token=${accessToken}`,
    "2026-11-23T10:00:04Z INFO done",
  ].join("\n");

  test("reports file, line number and entry id for each occurrence", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const file = path.join(dir, "app.log");
    writeFileSync(file, log);
    const { code, stdout } = run(["scan", ...only, file]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines.map((l) => l.split(": ").slice(0, 2).join(": "))).toEqual([`${file}:2: gcp-oauth-scope-insufficient`, `${file}:4: teapot-refused`]);
    expect(stdout).not.toContain(accessToken);
  });

  test("- reads standard input; --json prints one object per occurrence", () => {
    const { code, stdout } = run(["scan", "--json", ...only, "-"], log);
    expect(code).toBe(0);
    const found = stdout.trim().split("\n").map((l) => JSON.parse(l) as { file: string; line: number; id: string });
    expect(found.map(({ file, line, id }) => ({ file, line, id }))).toEqual([
      { file: "-", line: 2, id: "gcp-oauth-scope-insufficient" },
      { file: "-", line: 4, id: "teapot-refused" },
    ]);
  });

  test("--kb takes a bundle compiled by `faultline compile`", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const bundle = path.join(dir, "kb.json");
    expect(run(["compile", ...only, "--out", bundle]).code).toBe(0);
    const { code, stdout } = run(["scan", "--json", "--no-builtin", "--kb", bundle, "-"], log);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["gcp-oauth-scope-insufficient", "teapot-refused"]);
  });

  test("CRLF line ends, UTF-8 text and a last line without a newline", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const file = path.join(dir, "app.log");
    writeFileSync(file, `Überprüfung 日本語 😀\r\n2026 ERROR ${scopeBody}\r\nok\r\nHTTP/1.1 418 I'm a teapot`);
    const { code, stdout } = run(["scan", "--json", ...only, file]);
    expect(code).toBe(0);
    const found = stdout.trim().split("\n").map((l) => JSON.parse(l) as { line: number; id: string; text: string });
    expect(found.map(({ line, id }) => ({ line, id }))).toEqual([
      { line: 2, id: "gcp-oauth-scope-insufficient" },
      { line: 4, id: "teapot-refused" },
    ]);
    expect(found[0]?.text.endsWith("\r")).toBe(false);
  });

  test("line numbers run on across the blocks a large log is read in", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const file = path.join(dir, "big.log");
    // About 17 MB: several read buffers' worth. (test/cli/scan.test.ts runs pieces on worker threads.)
    const quiet = "2026-11-23T10:00:00Z INFO request completed status=200 path=/api/v1/items\n";
    const lines = Array.from({ length: 230_000 }, () => quiet);
    const errors = [1, 2, 110_000, 113_417, 229_999, 230_000];
    for (const n of errors) lines[n - 1] = `2026-11-23T10:00:00Z ERROR HTTP/1.1 418 I'm a teapot (line ${n})\n`;
    writeFileSync(file, lines.join(""));
    const { code, stdout } = run(["scan", "--json", ...only, file]);
    expect(code).toBe(0);
    const found = stdout.trim().split("\n").map((l) => JSON.parse(l) as { line: number; text: string });
    expect(found.map(({ line }) => line)).toEqual(errors);
    for (const { line, text } of found) expect(text).toContain(`(line ${line})`);
  });

  test("exit 1 when a log holds no known error", () => {
    expect(run(["scan", ...only, "-"], "all quiet\nnothing here\n").code).toBe(1);
  });

  test("a reader that stops early (| head) ends the scan quietly, without a stack trace", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    const file = path.join(dir, "big.log");
    writeFileSync(file, `${log}\n`.repeat(20_000));
    const child = spawn(process.execPath, [bin, "scan", ...only, file], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
