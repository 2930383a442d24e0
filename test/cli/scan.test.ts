import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, test } from "vitest";
import type { Bundle } from "../../engine/src/bundle.js";
import type { ScanOptions } from "../../engine/src/cli/scan.js";
import type { match as matchType } from "../../engine/src/match.js";
import type { redact as redactType } from "../../engine/src/redact.js";

// The built engine, as the CLI runs it: worker threads load engine/dist/cli/scan-worker.js.
const { scanFiles } = (await import(path.resolve("engine/dist/cli/scan.js"))) as { scanFiles: (bundle: Bundle, files: readonly string[], options: ScanOptions) => Promise<number> };
const { match } = (await import(path.resolve("engine/dist/match.js"))) as { match: typeof matchType };
const { redact } = (await import(path.resolve("engine/dist/redact.js"))) as { redact: typeof redactType };
const { jsonLine } = (await import(path.resolve("engine/dist/cli/scan-formats/json.js"))) as typeof import("../../engine/src/cli/scan-formats/json.js");
const { textLine } = (await import(path.resolve("engine/dist/cli/scan-formats/text.js"))) as typeof import("../../engine/src/cli/scan-formats/text.js");

const dir = mkdtempSync(path.join(tmpdir(), "faultline-scan-"));
let bundle: Bundle;

beforeAll(() => {
  const out = path.join(dir, "kb.json");
  const result = spawnSync(process.execPath, [path.resolve("engine/bin/faultline.js"), "compile", "--no-builtin", "--kb", "test/fixtures/kb", "--out", out], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  bundle = JSON.parse(readFileSync(out, "utf8")) as Bundle;
});

const scope = JSON.stringify({ error: { code: 403, message: "Request had insufficient authentication scopes.", status: "PERMISSION_DENIED" } });
const token = "ya29.a0AfB_bySCANTESTTOKEN0123456789abcdefghijklmnopqrstuv";
const lineKinds = [
  "INFO request completed status=200",
  `ERROR call failed: ${scope}`,
  `ERROR teapot: HTTP/1.1 418 I'm a teapot token=${token}`,
  "WARN Überprüfung: Zugriff 日本語 verweigert 😀",
  "ERROR insufficient\\nauthentication   SCOPES (escaped newline, upper case)",
  "ERROR insufficient\u00a0authentication\u2003scopes",
  "",
  "   ",
  `DEBUG ${"x".repeat(3000)} I'm a teapot`,
];

/** A log of `lines` lines from lineKinds, some ending in CRLF, the last without a newline. */
function makeLog(lines: number, seed: number): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(`${i} ${lineKinds[Math.floor(next() * lineKinds.length)]}${next() < 0.3 ? "\r" : ""}`);
  return out.join("\n");
}

/** What scan must print: each line matched on its own. */
async function reference(file: string, log: string, options: { json: boolean; showSecrets: boolean }): Promise<string> {
  let out = "";
  for (const [index, line] of log.split("\n").entries()) {
    if (index === log.split("\n").length - 1 && line === "") continue;
    const report = await match(bundle, line);
    const best = report.matches[0];
    if (!best) continue;
    const shown = (options.showSecrets ? line : redact(line, report.secrets)).replace(/\r$/, "");
    const text = shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
    out += options.json ? `${JSON.stringify({ file, line: index + 1, id: best.id, score: best.score, text })}\n` : `${file}:${index + 1}: ${best.id}: ${text.trim()}\n`;
  }
  return out;
}

/** Scans as `faultline scan` (or `--json`) prints. */
async function scan(files: readonly string[], { json = false, ...options }: Partial<ScanOptions> & { json?: boolean }): Promise<{ out: string; found: number }> {
  let out = "";
  const found = await scanFiles(bundle, files, { showSecrets: false, found: (occurrence) => (out += json ? jsonLine(occurrence) : textLine(occurrence)), ...options });
  return { out, found };
}

describe("scanFiles", () => {
  const log = makeLog(400, 7);
  const file = path.join(dir, "app.log");
  writeFileSync(file, log);

  test.each([
    ["in this thread", { workers: 0 }],
    ["on one worker and this thread, in small pieces", { workers: 1, pieceBytes: 1000 }],
    ["on two workers and this thread, in pieces smaller than a line", { workers: 2, pieceBytes: 100 }],
  ])("prints what matching every line prints, %s", async (_name, threads) => {
    for (const format of [{ json: false, showSecrets: false }, { json: true, showSecrets: true }]) {
      const expected = await reference(file, log, format);
      expect(expected.split("\n").length).toBeGreaterThan(50);
      const { out, found } = await scan([file], { ...format, ...threads });
      expect(out).toBe(expected);
      expect(found).toBe(expected.split("\n").length - 1);
    }
    expect((await scan([file], threads)).out).not.toContain(token);
  });

  test("standard input, however it is chunked, prints the same as the file", async () => {
    const bytes = Buffer.from(log);
    const chunks = (size: number) => Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size)));
    const expected = (await reference("-", log, { json: false, showSecrets: false })).replaceAll(`${file}:`, "-:");
    // Chunks of 7 bytes split UTF-8 characters; pieces of 1,000 bytes send most of the log to a worker.
    expect((await scan(["-"], { stdin: chunks(7), workers: 1, pieceBytes: 1000 })).out).toBe(expected);
    expect((await scan(["-"], { stdin: chunks(65536), workers: 0 })).out).toBe(expected);
  });

  test("several files, each numbered from 1, in the order given", async () => {
    const other = path.join(dir, "other.log");
    writeFileSync(other, `quiet\n${lineKinds[2]}\n`);
    const { out } = await scan([other, file, other], { workers: 1, pieceBytes: 1000 });
    const lines = out.trim().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${other}:2: teapot-refused: `));
    expect(lines.at(-1)).toMatch(new RegExp(`^${other}:2: teapot-refused: `));
    expect(lines.slice(1, -1).join("\n")).toBe((await reference(file, log, { json: false, showSecrets: false })).trim());
  });

  test("a line longer than match reads is cut, with the same result as whole", async () => {
    const long = path.join(dir, "long.log");
    // Past the first 512K characters match does not look: the teapot on line 3 is not seen, cut or not.
    writeFileSync(long, `start\nHTTP/1.1 418 I'm a teapot ${"z".repeat(2_000_000)}\n${"y".repeat(600_000)} HTTP/1.1 418 I'm a teapot\nend`);
    const { out } = await scan([long], { workers: 0 });
    expect(out).toBe(`${long}:2: teapot-refused: HTTP/1.1 418 I'm a teapot ${"z".repeat(171)}...\n`);
  });

  test("a file that cannot be read is a usage error naming it", async () => {
    await expect(scan([path.join(dir, "missing.log")], { workers: 0 })).rejects.toThrow(`cannot read ${path.join(dir, "missing.log")}: ENOENT`);
    await expect(scan([dir], { workers: 0 })).rejects.toThrow(`cannot read ${dir}: EISDIR`);
  });
});
