import { openSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";

const kb = "test/fixtures/kb";
const teapot = "HTTP/1.1 418 I'm a teapot\n";

describe("output that cannot be written is one line and exit 2, never a stack trace", () => {
  // Before: "Error: ENOSPC: no space left on device, write" with its stack.
  test.each([
    ["match", ["match", "--kb", kb]],
    ["match --json", ["match", "--json", "--kb", kb]],
    ["scan", ["scan", "--kb", kb, "-"]],
    ["check", ["check", kb]],
    ["compile", ["compile", "--kb", kb]],
  ])("%s > /dev/full", (_name, args) => {
    const full = openSync("/dev/full", "w");
    const { code, stderr } = runCli(args, teapot, { stdout: full });
    expect(stderr).toBe("faultline: cannot write the output: ENOSPC (no space left on the device)\n");
    expect(code).toBe(2);
  });

  test.each([
    ["a missing folder", (dir: string) => path.join(dir, "no-such-folder", "bundle.json"), "ENOENT (no such file or folder)"],
    ["a directory", (dir: string) => dir, "EISDIR (a directory, not a file)"],
  ])("compile --out to %s", (_name, out, reason) => {
    const target = out(mkdtempSync(path.join(tmpdir(), "faultline-out-")));
    const { code, stdout, stderr } = runCli(["compile", "--kb", kb, "--out", target]);
    expect(stdout).toBe("");
    expect(stderr).toBe(`faultline: cannot write ${target}: ${reason}\n`);
    expect(code).toBe(2);
  });
});
