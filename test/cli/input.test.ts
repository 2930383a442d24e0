import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, runCliStreaming } from "../support/cli-process.js";

const kb = "test/fixtures/kb";
const teapot = "HTTP/1.1 418 I'm a teapot\n";
const cutNotice = "Note: the input was longer than 512 KiB; only its first 512 KiB were read and matched.";

describe("match reads only what it matches", () => {
  // Before: the whole input was read, then cut (a 50 MB stdin peaked at 263 MB; over 512 MB, a stack trace).
  test.each([
    ["50 MB", 50 << 20],
    ["more than 512 MB", 600 << 20],
  ])("%s on standard input: the CLI stops reading after the first 512 KiB and says so", async (_name, bytes) => {
    const { code, stdout, stderr, written } = await runCliStreaming(["match", "--kb", kb], teapot, bytes);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.startsWith(cutNotice)).toBe(true);
    expect(stdout).toContain("[teapot-refused]");
    // What the pipe took before the CLI closed it: its buffer and a few chunks, not the input.
    expect(written).toBeLessThan(16 << 20);
  }, 60_000);

  test("--json says the input was cut", async () => {
    const { stdout } = await runCliStreaming(["match", "--json", "--kb", kb], teapot, 8 << 20);
    expect((JSON.parse(stdout) as { truncated: boolean }).truncated).toBe(true);
  });

  test("a FILE longer than 512 KiB is read up to the limit and said to be cut", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-input-"));
    const file = path.join(dir, "big.log");
    writeFileSync(file, teapot.repeat(Math.ceil((1 << 20) / teapot.length)));
    const { code, stdout } = runCli(["match", "--kb", kb, file]);
    expect(code).toBe(0);
    expect(stdout.startsWith(cutNotice)).toBe(true);
  });

  test.each([
    ["exactly 512 KiB of ASCII", "a".repeat(512 * 1024)],
    ["512 KiB of three-byte characters", "日".repeat(512 * 1024)],
  ])("%s is not said to be cut", (_name, text) => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-input-"));
    const file = path.join(dir, "paste.txt");
    writeFileSync(file, text);
    const { stdout } = runCli(["match", "--json", "--kb", kb, file]);
    const report = JSON.parse(stdout) as { truncated: boolean; facts: { textLength: number } };
    expect(report.truncated).toBe(false);
    expect(report.facts.textLength).toBe(512 * 1024);
  });

  test("a directory given as FILE is one line and exit 2", () => {
    const { code, stdout, stderr } = runCli(["match", "--kb", kb, tmpdir()]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`faultline: cannot read ${tmpdir()}: EISDIR (a directory, not a file)\n`);
  });
});
