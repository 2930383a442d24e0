import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";

// Three entries of an invented broker: acme-broker-denied outscores acme-lease-expired on that entry's
// first example (shadowing), and acme-broker-session-reset fires on its second without ranking first.
const kb = "test/fixtures/overlaps/kb";
const unrelated = "test/fixtures/overlaps/unrelated";
const lease = `${kb}/acme-lease-expired.md`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("faultline check on a knowledge base with a shadowing entry", () => {
  test("plain check fails on the shadowing entry, naming the example's file and line, and on the shadowed example", () => {
    const run = runCli(["check", "--no-builtin", kb]);
    expect(run.code).toBe(1);
    expect(run.stdout.split("\n")).toEqual([
      `${kb}/acme-broker-denied.md:9:3: triggers: fires on example 1 of "acme-lease-expired" (${lease}:16) with score 6, above that entry's own 3: phrase "acme-cb: ERROR", phrase "role deployer" (tell the two apart with a fact only this error has, or a not on the other's; faultline check --overlaps lists every overlap)`,
      `${lease}:16:5: examples[0]: example 1 does not rank this entry first: it ranks "acme-broker-denied" first (score 6) and this entry second or lower (score 3) (widen the triggers or make the example carry the error's facts)`,
      "2 problems in 3 valid entries",
      "",
    ]);
  });

  test("--overlaps lists every entry that fires on another's example or on the unrelated corpus, with ranks, scores and the conditions that held", () => {
    const run = runCli(["check", "--no-builtin", "--overlaps", "--against", unrelated, kb]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split("\n");
    expect(lines.slice(2)).toEqual([
      `${lease}:16:5: "acme-broker-denied" fires on example 1 of "acme-lease-expired" at rank 1 (score 6; "acme-lease-expired" rank 2, score 3): phrase "acme-cb: ERROR", phrase "role deployer"`,
      `${lease}:17:5: "acme-broker-session-reset" fires on example 2 of "acme-lease-expired" at rank 2 (score 3; "acme-lease-expired" rank 1, score 6): phrase "broker session"`,
      `${unrelated}/session-opened.txt:1:1: "acme-broker-session-reset" fires on this unrelated error at rank 1 (score 3): phrase "broker session"`,
      "2 problems in 3 valid entries; 3 overlaps",
    ]);
  });

  test("--overlaps --json carries each overlap as data", () => {
    const run = runCli(["check", "--no-builtin", "--overlaps", "--json", kb]);
    const report = JSON.parse(run.stdout) as { overlaps: unknown[]; problems: unknown[] };
    expect(report.problems).toHaveLength(2);
    expect(report.overlaps).toEqual([
      {
        at: { file: lease, line: 16, column: 5, owner: "acme-lease-expired", example: 0 },
        entry: { id: "acme-broker-denied", rank: 1, score: 6 },
        own: { id: "acme-lease-expired", rank: 2, score: 3 },
        conditions: ['phrase "acme-cb: ERROR"', 'phrase "role deployer"'],
        shadows: true,
      },
      {
        at: { file: lease, line: 17, column: 5, owner: "acme-lease-expired", example: 1 },
        entry: { id: "acme-broker-session-reset", rank: 2, score: 3 },
        own: { id: "acme-lease-expired", rank: 1, score: 6 },
        conditions: ['phrase "broker session"'],
        shadows: false,
      },
    ]);
  });

  test("overlaps that do not shadow are a report: exit 0, and 1 with --strict", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-overlaps-"));
    dirs.push(dir);
    for (const name of ["acme-lease-expired.md", "acme-broker-session-reset.md"]) copyFileSync(path.join(kb, name), path.join(dir, name));
    const report = runCli(["check", "--no-builtin", "--overlaps", dir]);
    expect(report.code).toBe(0);
    expect(report.stdout.trim().split("\n").at(-1)).toBe("ok: 2 entries, 4 examples and counterexamples pass; 1 overlap");
    expect(runCli(["check", "--no-builtin", "--overlaps", "--strict", dir]).code).toBe(1);
  });

  test("--against without --overlaps is a usage error", () => {
    expect(runCli(["check", "--no-builtin", "--against", unrelated, kb])).toMatchObject({ code: 2, stderr: "faultline: --against goes with --overlaps\n" });
  });
});
