import { describe, expect, test } from "vitest";
import { checkBundle } from "../../engine/src/bundle-check.js";
import { builtinKnowledgeWithSections } from "../../engine/src/builtin-sections.js";
import { checkKnowledge } from "../../engine/src/check.js";
import { builtinKnowledge } from "../../engine/src/index.js";
import { loadLayers } from "../../engine/src/layer-sources.js";

const org = "test/fixtures/layers/org";

describe("entry sections compiled for readers", () => {
  test("checkKnowledge with sections cuts each section's markdown, without its heading", async () => {
    const { bundle } = await checkKnowledge(org, { examples: false, sections: true });
    const entry = bundle.entries.find((e) => e.id === "acme-vault-lease-expired");
    expect(Object.keys(entry?.sections ?? {})).toEqual(["symptoms", "cause", "fix", "verify", "wrongFixes"]);
    for (const text of Object.values(entry?.sections ?? {})) {
      expect(text).not.toMatch(/^#/);
      expect(text).toBe(text.trim());
      expect(text.length).toBeGreaterThan(0);
    }
  });

  test("without the option, bundles carry no sections (the matcher and the site's bundle stay as small)", async () => {
    const { bundle } = await checkKnowledge(org, { examples: false });
    expect(bundle.entries.every((e) => e.sections === undefined)).toBe(true);
    expect((await builtinKnowledge()).entries.every((e) => e.sections === undefined)).toBe(true);
  });

  test("the built-in knowledge with sections has them for every entry, and loadLayers stacks folders with theirs", async () => {
    const withSections = await builtinKnowledgeWithSections();
    expect(withSections.entries.length).toBe((await builtinKnowledge()).entries.length);
    expect(withSections.entries.every((e) => (e.sections?.fix.length ?? 0) > 0 && (e.sections?.wrongFixes.length ?? 0) > 0)).toBe(true);
    const { bundle } = await loadLayers({ builtin: true, paths: [org], sections: true });
    expect(bundle.entries.every((e) => e.sections !== undefined)).toBe(true);
    expect(bundle.entries.find((e) => e.id === "gcp-oauth-scope-insufficient")?.layer).toBe(org);
  });

  test("a bundle may carry sections; malformed ones are a problem naming the field", () => {
    const entry = { id: "x-y", title: "The x-y service refuses the request", summary: "The x-y service refused the call because its lease ended; renew the lease before retrying.", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-12-01", triggers: { fact: "text", operator: "containsPhrase", value: ["x-y failed"] } };
    const sections = { symptoms: "a", cause: "b", fix: "c", verify: "d", wrongFixes: "e" };
    const good = checkBundle({ format: "faultline-bundle@1", entries: [{ ...entry, sections }] }, "good.json");
    expect(good.problems).toEqual([]);
    expect(good.bundle.entries[0]?.sections).toEqual(sections);
    const bad = checkBundle({ format: "faultline-bundle@1", entries: [{ ...entry, sections: { fix: 3 } }] }, "bad.json");
    expect(bad.problems.map((p) => p.field)).toEqual(expect.arrayContaining(["entries[0] (x-y).sections.fix"]));
  });
});
