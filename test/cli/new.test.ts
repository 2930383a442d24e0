import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-new-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const token = "ghp_R8mVq2LxT7nB4cZ9wK3pY6sD1fH5jG0aE2uQ";
const paste = `deploy.sh: warehouse sync refused by the ledger gateway: tenant quarantine flag is set for tenant 4471\nGITHUB_TOKEN=${token}\n`;

describe("faultline new", () => {
  test("ID alone writes the scaffold; check lists every prompt left, word for word at its line", () => {
    const dir = tempDir();
    const kb = path.join(dir, "kb");
    const run = runCli(["new", "gcp-billing-disabled", "--dir", kb]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toBe(`created ${kb}/gcp-billing-disabled.md: a scaffold: every TODO marks what to write\nnext: write each section and every TODO, then run: faultline check ${kb}\n`);
    const check = runCli(["check", "--no-builtin", kb]);
    expect(check.code).toBe(1);
    const lines = check.stdout.trim().split("\n").map((line) => line.replace(/^[^:]*\//, ""));
    expect(lines.slice(0, 3)).toEqual([
      "gcp-billing-disabled.md:4:8: title: is still the draft prompt (the error as people would search for it)",
      "gcp-billing-disabled.md:5:10: summary: is still the draft prompt (one line that states the cause, not the symptom)",
      "gcp-billing-disabled.md:20:15: triggers.all[1].value[0]: is still the draft prompt (the stable core of the message)",
    ]);
    expect(lines.every((line) => line.includes("still the draft prompt") || line.startsWith("13 problems"))).toBe(true);
    expect(lines.at(-1)).toBe("13 problems in 1 valid entry");
  });

  test("--from FILE writes a draft with the paste's secrets masked and says how many", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "error.txt"), paste);
    const run = runCli(["new", "ledger-tenant-quarantined", "--from", path.join(dir, "error.txt"), "--dir", dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`created ${dir}/ledger-tenant-quarantined.md: a draft from ${dir}/error.txt, 1 secret masked\nnext: write each section and every TODO, then run: faultline check ${dir}\n`);
    const markdown = readFileSync(path.join(dir, "ledger-tenant-quarantined.md"), "utf8");
    // Editors find the schema from wherever the entry was written.
    expect(markdown).toContain(`# yaml-language-server: $schema=${path.relative(dir, path.resolve("engine/entry.schema.json"))}\n`);
    expect(markdown).not.toContain(token);
    expect(markdown).toContain("GITHUB_TOKEN=ghp_[redacted]");
    const check = runCli(["check", dir]);
    expect(check.stdout.trim().split("\n").at(-1)).toBe("5 problems in 1 valid entry");
  });

  test("--from - reads standard input and proposes the id when none is given", () => {
    const dir = tempDir();
    const run = runCli(["new", "--from", "-", "--dir", dir], paste);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^created .*\/[a-z0-9-]+-draft\.md: a draft from standard input, 1 secret masked\n/);
  });

  test.each([
    [["new"], "faultline: new needs an ID (kebab-case, e.g. gcp-billing-disabled), or --from FILE to draft one from an error\n"],
    [["new", "Not_Kebab"], 'faultline: id "Not_Kebab" is not kebab-case: lowercase words joined by -, e.g. gcp-billing-disabled\n'],
    [["new", "a", "b"], "faultline: new takes one ID, got 2: a b\n"],
  ])("%j is a usage error", (args, stderr) => {
    expect(runCli([...args, "--dir", tempDir()])).toMatchObject({ code: 2, stdout: "", stderr });
  });

  test("never overwrites a file", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "gcp-billing-disabled.md"), "mine\n");
    expect(runCli(["new", "gcp-billing-disabled", "--dir", dir])).toMatchObject({ code: 2, stderr: `faultline: ${dir}/gcp-billing-disabled.md already exists; edit it, or give another id\n` });
    expect(readFileSync(path.join(dir, "gcp-billing-disabled.md"), "utf8")).toBe("mine\n");
  });
});
