import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";
import { anySecret, leaked, logLine, paste } from "../support/secret-arbitraries.js";

// The property of test/engine/secret-masking.test.ts through real CLI processes, on fewer samples
// (a process each): what a user's terminal or CI log receives shows no secret.
const seed = 16;
// The real knowledge base, compiled once: loading the folder would cost each process two seconds.
const dir = mkdtempSync(path.join(tmpdir(), "faultline-secrets-"));
const kb = path.join(dir, "kb.json");
if (runCli(["compile", "--out", kb]).code !== 0) throw new Error("faultline compile failed");

describe("the CLI shows no pasted secret", () => {
  test.each(fc.sample(paste, { numRuns: 6, seed }).map((p, i) => [i, p] as const))("match, human and --json, paste %i", (_i, { text, secrets }) => {
    for (const args of [["match", "--kb", kb], ["match", "--json", "--kb", kb]]) {
      const { stdout, stderr } = runCli(args, text);
      expect(stderr).toBe("");
      expect(leaked(stdout, secrets), `${args.join(" ")} of ${JSON.stringify(text)}`).toBeUndefined();
    }
  });

  test("scan, human and --json, of a log of generated lines", () => {
    const log = fc.sample(logLine, { numRuns: 60, seed });
    const file = path.join(dir, "app.log");
    writeFileSync(file, `${log.map((l) => l.line).join("\n")}\n`);
    const secrets = log.flatMap((l) => l.secrets);
    for (const args of [["scan", "--kb", kb, file], ["scan", "--json", "--kb", kb, file]]) {
      const { code, stdout, stderr } = runCli(args);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout.split("\n").filter(Boolean).length).toBeGreaterThan(30);
      expect(leaked(stdout, secrets), args.join(" ")).toBeUndefined();
    }
  });

  test("--show-secrets shows them, so the test above can fail", () => {
    const [sample] = fc.sample(anySecret.filter((s) => !s.line.includes("\u001b") && s.kind === "google-access-token"), { numRuns: 1, seed });
    if (!sample) throw new Error("no sample");
    const { stdout } = runCli(["match", "--json", "--show-secrets", "--kb", kb], `${sample.line}\nRequest had insufficient authentication scopes.`);
    expect(leaked(stdout, [sample])).toBeDefined();
  });
});
