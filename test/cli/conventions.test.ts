import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";

// The command-line conventions people expect of any tool: help everywhere, a version, colour only where it helps.
const bin = path.resolve("engine/bin/faultline.js");
const pkg = JSON.parse(readFileSync("engine/package.json", "utf8")) as { version: string };

function run(args: string[], env: NodeJS.ProcessEnv = {}, input = "") {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", env: { ...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, FAULTLINE_KB: "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const paste = '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED"}}';

describe("faultline CLI conventions", () => {
  test.each(["match", "check", "scan", "compile", "mcp"])("%s --help prints its usage and exits 0", (command) => {
    for (const flag of ["--help", "-h"]) {
      const { code, stdout, stderr } = run([command, flag]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      expect(stdout.startsWith(`Usage: faultline ${command}`)).toBe(true);
      expect(stdout).toContain("--no-builtin");
    }
  });

  test("--help and help list every command; no command prints the overview to stderr with exit 2", () => {
    for (const args of [["--help"], ["help"]]) {
      const { code, stdout } = run(args);
      expect(code).toBe(0);
      for (const command of ["match", "check", "scan", "compile", "mcp"]) expect(stdout).toContain(`  ${command}`);
    }
    const bare = run([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: faultline COMMAND");
  });

  test("--version names the engine's and the built-in knowledge's versions", () => {
    for (const flag of ["--version", "-v"]) {
      const { code, stdout } = run([flag]);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^faultline ${pkg.version.replaceAll(".", "\\.")}\\nbuilt-in knowledge ${pkg.version.replaceAll(".", "\\.")} \\(\\d+ entries, reviewed up to \\d{4}-\\d{2}-\\d{2}\\)\\n$`));
    }
  });

  test("usage errors are one line on stderr with exit 2", () => {
    for (const args of [["match", "--frobnicate"], ["scan"], ["compile", "--site", "not a url"], ["match", "a", "b"]]) {
      const { code, stdout, stderr } = run(args, {}, "x");
      expect(code, args.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.trimEnd().split("\n"), stderr).toHaveLength(1);
      expect(stderr.startsWith("faultline: ")).toBe(true);
    }
  });

  test("no colour through a pipe, colour with FORCE_COLOR, none with NO_COLOR", () => {
    expect(run(["match"], {}, paste).stdout).not.toContain("\x1b[");
    expect(run(["match"], { FORCE_COLOR: "1" }, paste).stdout).toContain("\x1b[1m");
    expect(run(["match"], { FORCE_COLOR: "0" }, paste).stdout).not.toContain("\x1b[");
    expect(run(["match"], { NO_COLOR: "1" }, paste).stdout).not.toContain("\x1b[");
    expect(run(["match", "--json"], { FORCE_COLOR: "1" }, paste).stdout).not.toContain("\x1b[");
  });

  test("the built-in knowledge answers with no set-up, linking to the published site", () => {
    const { code, stdout } = run(["match"], {}, paste);
    expect(code).toBe(0);
    expect(stdout).toContain("[gcp-oauth-scope-insufficient]");
    expect(stdout).toContain("Read: https://faultline-kb.github.io/faultline/entries/gcp-oauth-scope-insufficient/");
  });
});
