import path from "node:path";
import { describe, expect, test } from "vitest";
import { LiteralMatcher } from "../../engine/src/aho-corasick.js";
import { bundleFormat, type Bundle } from "../../engine/src/bundle.js";
import { compileBundle, loadKnowledge } from "../../engine/src/index.js";
import { match } from "../../engine/src/match.js";
import { scanLiterals } from "../../engine/src/rule-index.js";
import type { Condition } from "../../engine/src/schema.js";

const now = Date.UTC(2026, 10, 23);

function bundleOf(triggers: Condition): Bundle {
  return {
    format: bundleFormat,
    entries: [{ id: "only", title: "Only", summary: "The only entry of this bundle.", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-11-23", triggers }],
  };
}

describe("scan's literals", () => {
  test("the real knowledge base has them (no entry makes scan match every line), and every example holds one", async () => {
    const { entries } = await loadKnowledge(path.resolve("knowledge"));
    const literals = scanLiterals(compileBundle(entries.map((e) => e.meta)));
    // undefined would mean every line is matched in full: correct, but about a hundred times slower.
    expect(literals).toBeDefined();
    const matcher = new LiteralMatcher(literals ?? []);
    const missed = entries.flatMap((e) => e.meta.examples.filter((example) => !matcher.test(example)).map((example) => `${e.meta.id}: ${example.slice(0, 80)}`));
    expect(missed).toEqual([]);
  });

  test.each([
    ["^https://console\\.cloud\\.google\\.com/apis/", "see https://alice:s3cret@console.cloud.google.com/apis/library/x", "console.cloud.google.com/apis/"],
    ["^https?://[^/\\s]+\\.run\\.app|^https?://[^/\\s]+\\.cloudfunctions\\.net", "curl https://u:p@hello-abc.a.run.app/ -> 403", ".run.app"],
  ])("a URL regex %s gives literals in the text even when the URL has a user:password@", async (regex, line, literal) => {
    const bundle = bundleOf({ fact: "urls", operator: "matchesRegex", value: regex });
    const literals = scanLiterals(bundle) ?? [];
    expect(literals).toContain(literal);
    expect((await match(bundle, line, { now })).matches.map((m) => m.id)).toEqual(["only"]);
    expect(new LiteralMatcher(literals).test(line)).toBe(true);
  });

  test("a URL literal that would straddle the cut user:password@ is cut after its //", () => {
    const literals = scanLiterals(bundleOf({ fact: "urls", operator: "matchesRegex", value: "^https://(?:console|portal)\\.example\\.com/" })) ?? [];
    expect(literals.every((l) => !l.includes("//"))).toBe(true);
    expect(literals).toEqual(expect.arrayContaining(["console.example.com/", "portal.example.com/"]));
  });

  test("permissions, copied from the text as written, are literals too", () => {
    expect(scanLiterals(bundleOf({ fact: "permissions", operator: "matchesRegex", value: "^sts:(?:AssumeRole|TagSession)$" }))).toEqual(["sts:assumerole", "sts:tagsession"]);
  });
});
