import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { compressionOf } from "../../engine/src/cli/compression.js";
import { runCli } from "../support/cli-process.js";

const kb = "test/fixtures/kb";
const log = "2026-11-23T10:00:00Z INFO start\n2026-11-23T10:00:01Z ERROR HTTP/1.1 418 I'm a teapot\n";

function file(name: string, content: Uint8Array | string): string {
  const target = path.join(mkdtempSync(path.join(tmpdir(), "faultline-gz-")), name);
  writeFileSync(target, content);
  return target;
}

describe("scan of compressed logs", () => {
  // Before: a gzip file printed nothing and exited 1.
  test("a gzip log is read through node:zlib, whatever its name", () => {
    for (const name of ["app.log.gz", "app.log"]) {
      const target = file(name, gzipSync(log));
      const { code, stdout, stderr } = runCli(["scan", "--kb", kb, target]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toBe(`${target}:2: teapot-refused (from ${kb}): 2026-11-23T10:00:01Z ERROR HTTP/1.1 418 I'm a teapot\n`);
    }
  });

  test("a log in another compression is named, with the command that reads it", () => {
    const target = file("app.log.xz", Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3]));
    const { code, stderr } = runCli(["scan", "--kb", kb, target]);
    expect(code).toBe(2);
    expect(stderr).toBe(`faultline: ${target} is compressed (xz); decompress it into scan's standard input: xz -dc ${target} | faultline scan -\n`);
  });

  test("broken gzip data is one line and exit 2", () => {
    const target = file("app.log.gz", Buffer.from([0x1f, 0x8b, 0x08, 0, 1, 2, 3, 4, 5, 6]));
    const { code, stderr } = runCli(["scan", "--kb", kb, target]);
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`^faultline: cannot read ${target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: Z_[A-Z_]+ \\(.+\\)\\n$`));
  });

  test.each([
    ["gzip", [0x1f, 0x8b, 8], "gzip"],
    ["bzip2", [0x42, 0x5a, 0x68, 0x39], "bzip2"],
    ["zstd", [0x28, 0xb5, 0x2f, 0xfd], "zstd"],
    ["text", [0x48, 0x54, 0x54, 0x50], undefined],
  ])("%s is told by its first bytes", (_name, bytes, expected) => {
    expect(compressionOf(Uint8Array.from(bytes))).toBe(expected);
  });
});
