import { spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { bundleFormat } from "../../engine/src/bundle.js";
import { checkBundle } from "../../engine/src/bundle-check.js";
import { checkKnowledge } from "../../engine/src/check.js";

const entry = (overrides: Record<string, unknown> = {}) => ({
  id: "teapot-refused",
  title: "Teapot refuses the request",
  summary: "The teapot refused the request because it is a test entry.",
  provider: "generic",
  services: [],
  http: [418],
  codes: [],
  tags: [],
  related: [],
  updated: "2026-11-23",
  triggers: { any: [{ fact: "text", operator: "containsPhrase", value: "teapot refused" }] },
  ...overrides,
});
const bundleOf = (...entries: unknown[]) => ({ format: bundleFormat, entries });

// Issue #16: a compiled bundle skipped the schema and the regex rules, so (a+)+$ ran (60 s on 27
// characters) and an unknown operator gave a stack trace.
describe("checkBundle", () => {
  test.each([
    [
      "a regex the cost proof refuses",
      entry({ triggers: { any: [{ fact: "text", operator: "matchesRegex", value: "(a+)+$" }] } }),
      'layer.json:1:1: entries[0] (teapot-refused).triggers.any[0].value: regular expression /(a+)+$/ repeats "(a+)+", "a+" without an upper bound',
    ],
    [
      "an unknown operator",
      entry({ triggers: { all: [{ fact: "text", operator: "looksLike", value: "x" }] } }),
      'layer.json:1:1: entries[0] (teapot-refused).triggers.all[0].operator: unknown operator "looksLike"; expected one of "equal"',
    ],
    ["an unknown fact", entry({ triggers: { fact: "mood", operator: "equal", value: "x" } }), 'entries[0] (teapot-refused).triggers.fact: unknown fact "mood"'],
    ["a missing title", { ...entry(), title: undefined }, "entries[0] (teapot-refused).title: required field is missing (expected string)"],
    ["a tag that is not a slug", entry({ tags: [".."] }), 'entries[0] (teapot-refused).tags[0]: tag ".." is not a slug'],
    ["a field the engine does not know", entry({ script: "alert(1)" }), 'entries[0] (teapot-refused).script: unknown field "script"'],
    ["an entry that is not an object", 42, "entries[0]: expected object, got number"],
  ])("%s is a problem naming the bundle, the entry and the field; the other entries load", (_name, bad, expected) => {
    const { bundle, problems } = checkBundle(JSON.stringify(bundleOf(bad, entry({ id: "fine" }))), "layer.json");
    expect(problems.map((p) => p.format())).toEqual([expect.stringContaining(expected)]);
    expect(bundle.entries.map((e) => e.id)).toEqual(["fine"]);
  });

  test.each([
    ["text that is not JSON", "{", "layer.json:1:1: bundle: is not JSON"],
    ["a list", "[]", "layer.json:1:1: bundle: a bundle must be a JSON object"],
    ["another format", JSON.stringify({ format: "faultline-bundle@0", entries: [] }), 'layer.json:1:1: format: bundle format is "faultline-bundle@0", expected "faultline-bundle@1"'],
    ["entries that are not a list", JSON.stringify({ format: bundleFormat, entries: {} }), "layer.json:1:1: entries: bundle.entries must be a list"],
    ["a duplicate id", JSON.stringify(bundleOf(entry(), entry())), 'layer.json:1:1: entries[1] (teapot-refused).id: duplicate id "teapot-refused"'],
  ])("%s is a problem", (_name, json, expected) => {
    expect(checkBundle(json, "layer.json").problems.map((p) => p.format())).toEqual([expect.stringContaining(expected)]);
  });

  test("the real knowledge base's bundle passes whole", async () => {
    const { bundle } = await checkKnowledge("knowledge", { examples: false });
    const checked = checkBundle(JSON.stringify(bundle), "faultline-bundle.json");
    expect(checked.problems).toEqual([]);
    expect(checked.bundle).toEqual(bundle);
  });
});

describe("faultline match --kb BUNDLE.json", () => {
  test.each([
    ["an unknown operator", entry({ triggers: { all: [{ fact: "text", operator: "looksLike", value: "x" }] } }), 'entries[0] (teapot-refused).triggers.all[0].operator: unknown operator "looksLike"'],
    ["a regex that backtracks exponentially", entry({ triggers: { any: [{ fact: "text", operator: "matchesRegex", value: "(a+)+$" }] } }), "regular expression /(a+)+$/ repeats"],
  ])("refuses a bundle with %s in one line, before matching anything", async (_name, bad, expected) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "faultline-bundle-"));
    try {
      const file = path.join(dir, "layer.json");
      await writeFile(file, JSON.stringify(bundleOf(bad)));
      const run = spawnSync(process.execPath, ["engine/bin/faultline.js", "match", "--kb", file], { input: `${"a".repeat(27)}!`, encoding: "utf8", timeout: 20_000 });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split("\n")).toEqual([expect.stringContaining(`faultline: 1 problem(s) in the knowledge layers; run "faultline check" on them (first: ${file}:1:1: `)]);
      expect(run.stderr).toContain(expected);
      expect(run.stderr).not.toContain("    at ");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
