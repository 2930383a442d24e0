import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";
import { seedPastes } from "../support/seed-pastes.js";

// A copy of the engine's runnable files, so the cache can be damaged or removed without touching the build.
const copy = mkdtempSync(path.join(tmpdir(), "faultline-code-cache-"));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const name of ["bin", "dist", "package.json", "knowledge.json", "knowledge-index.json"]) cpSync(path.join("engine", name), path.join(copy, name), { recursive: true });
const cacheFile = path.join(copy, "dist/bin/run.cjs.cache");
const runCopy = (args: readonly string[], input: string, env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, [path.join(copy, "bin/faultline.js"), ...args], { input, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

test("the build ships the CLI's code cache, and V8 takes it on the Node that built it", () => {
  expect(existsSync("engine/dist/bin/run.cjs.cache")).toBe(true);
  const run = spawnSync(process.execPath, ["engine/bin/faultline.js", "--version"], { encoding: "utf8", env: { ...process.env, FAULTLINE_DEBUG_CODE_CACHE: "1" } });
  expect(run.stderr).toBe("faultline: code cache accepted\n");
});

test("a damaged or missing code cache changes nothing but speed", () => {
  const paste = seedPastes[0]![2];
  const expected = runCli(["match", "--json"], paste);
  expect(expected.code).toBe(0);
  writeFileSync(cacheFile, "not a code cache");
  expect(runCopy(["match", "--json"], paste)).toEqual(expected);
  expect(runCopy(["--version"], "", { FAULTLINE_DEBUG_CODE_CACHE: "1" }).stderr).toBe("faultline: code cache rejected\n");
  rmSync(cacheFile);
  expect(runCopy(["match", "--json"], paste)).toEqual(expected);
  const missing = runCopy(["--version"], "", { FAULTLINE_DEBUG_CODE_CACHE: "1" });
  expect(missing.code).toBe(0);
  expect(missing.stderr).toBe("faultline: code cache missing\n");
});
