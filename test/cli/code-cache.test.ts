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
const runCopy = (args: readonly string[], input: string) => {
  const result = spawnSync(process.execPath, [path.join(copy, "bin/faultline.js"), ...args], { input, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

test("the build ships the CLI's code cache, and V8 takes it on the Node that built it", () => {
  expect(existsSync("engine/dist/bin/run.cjs.cache")).toBe(true);
  const probe = `
    const vm = require("node:vm"), fs = require("node:fs");
    const file = ${JSON.stringify(path.resolve("engine/dist/bin/run.cjs"))};
    const source = fs.readFileSync(file, "utf8");
    const script = new vm.Script("(function (exports, require, module, __filename, __dirname, __faultlineImport) {" + source + "\\n})", { filename: file, cachedData: fs.readFileSync(file + ".cache") });
    process.stdout.write(String(script.cachedDataRejected));`;
  expect(spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" }).stdout).toBe("false");
});

test("a damaged or missing code cache changes nothing but speed", () => {
  const paste = seedPastes[0]![2];
  const expected = runCli(["match", "--json"], paste);
  expect(expected.code).toBe(0);
  writeFileSync(cacheFile, "not a code cache");
  expect(runCopy(["match", "--json"], paste)).toEqual(expected);
  rmSync(cacheFile);
  expect(runCopy(["match", "--json"], paste)).toEqual(expected);
  expect(runCopy(["--version"], "").code).toBe(0);
});
