import { describe, expect, test } from "vitest";
import { checkBundle } from "../../engine/src/bundle-check.js";
import { checkKnowledge } from "../../engine/src/check.js";
import { reviewedOn } from "../../engine/src/compile.js";
import { parseEntry } from "../../engine/src/load.js";
import { staleEntries } from "../../engine/src/stale.js";

// test/fixtures/overlaps/kb: every entry updated 2026-11-02; acme-broker-session-reset was also verified on 2026-11-20.
const kb = "test/fixtures/overlaps/kb";

describe("verified", () => {
  test("is carried from the front matter into the checked entries and the compiled bundle", async () => {
    const { entries, bundle } = await checkKnowledge(kb, { examples: false });
    const verified = { on: "2026-11-20", with: ["acme-cb 4.2.0", "python-acme 1.8"] };
    expect(entries.find((e) => e.meta.id === "acme-broker-session-reset")?.meta.verified).toEqual(verified);
    expect(bundle.entries.find((e) => e.id === "acme-broker-session-reset")?.verified).toEqual(verified);
    expect(bundle.entries.find((e) => e.id === "acme-lease-expired")).not.toHaveProperty("verified");
    expect(bundle.layers?.[0]?.date).toBe("2026-11-20");
    // A bundle read back (--kb bundle.json, the site's faultline-bundle.json) keeps it.
    const read = checkBundle(JSON.stringify(bundle), "bundle.json");
    expect(read.problems).toEqual([]);
    expect(read.bundle.entries.find((e) => e.id === "acme-broker-session-reset")?.verified).toEqual(verified);
  });

  test("the newest review is the later of updated and verified.on", () => {
    expect(reviewedOn({ updated: "2026-11-02" })).toBe("2026-11-02");
    expect(reviewedOn({ updated: "2026-11-02", verified: { on: "2026-11-20" } })).toBe("2026-11-20");
    expect(reviewedOn({ updated: "2026-12-01", verified: { on: "2026-11-20" } })).toBe("2026-12-01");
  });

  test.each([
    ["verified: { on: 2026-11-20 }", "verified.with: required field is missing (expected array) (add it to the front matter)"],
    ["verified: { on: 2026-11-20, with: [] }", "verified.with: verified.with names at least one tool and its version"],
    ["verified: { on: 2026-11-20, with: [gcloud] }", 'verified.with[0]: "gcloud" does not name a tool and its version (write the tool, a space and the version it was tried with, e.g. "gcloud 497.0.0")'],
    ["verified: { on: last week, with: [gcloud 497.0.0] }", "verified.on: verified.on must be a date written YYYY-MM-DD"],
    ["verified: { on: 2026-11-20, with: [gcloud 497.0.0], by: me }", 'verified.by: unknown field "by" (remove it, or check its spelling against knowledge/README.md)'],
  ])("%s is refused: %s", async (line, problem) => {
    const source = `---\nid: x-entry\ntitle: A title\nsummary: A summary long enough to say something.\nprovider: generic\nupdated: 2026-11-02\n${line}\ntriggers: { fact: text, operator: containsPhrase, value: x }\nexamples: [a, b]\n---\n## Symptoms\n\nx\n\n## Cause\n\nx\n\n## Fix\n\nx\n\n## Verify\n\nx\n\n## Wrong fixes\n\nx\n`;
    const { problems } = await parseEntry("x-entry.md", source);
    expect(problems.map((p) => `${p.field}: ${p.message}${p.hint ? ` (${p.hint})` : ""}`)).toEqual([problem]);
  });
});

describe("staleEntries", () => {
  test("lists the entries last reviewed more than DAYS ago, oldest first, at the date that says so", async () => {
    const { entries } = await checkKnowledge(kb, { examples: false });
    expect(staleEntries(entries, 30, "2026-12-03").map((p) => p.format())).toEqual([
      `${kb}/acme-broker-denied.md:6:10: updated: "acme-broker-denied" last reviewed 2026-11-02, 31 days ago (more than 30) (try the fix again and set verified, or review the entry and set updated)`,
      `${kb}/acme-lease-expired.md:6:10: updated: "acme-lease-expired" last reviewed 2026-11-02, 31 days ago (more than 30) (try the fix again and set verified, or review the entry and set updated)`,
    ]);
    expect(staleEntries(entries, 10, "2026-12-03").map((p) => p.field)).toEqual(["updated", "updated", "verified.on"]);
    expect(staleEntries(entries, 31, "2026-12-03")).toEqual([]);
  });
});
