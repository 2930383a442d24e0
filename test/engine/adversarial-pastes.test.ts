import { describe, expect, test } from "vitest";
import { namedShapes } from "../../engine/bench/adversarial.js";
import { compileBundle } from "../../engine/src/compile.js";
import { loadKnowledge } from "../../engine/src/load.js";
import { match } from "../../engine/src/match.js";

// The shapes `npm run bench -- adversarial` times per detector, matched whole against the real
// knowledge base. Linearity itself is structural (test/engine/secret-catalog.test.ts: every rule starts
// with its needle); this only says that no shape hangs: before issue #16, 512 KB of "eyJ-" or of "a."
// before "://" took about 65 s. The bound is generous for a shared machine: the bench measures
// the real figures (at most 300 ms each).
const { entries } = await loadKnowledge("knowledge");
const bundle = compileBundle(entries.map((e) => e.meta));

describe("a 512 KiB adversarial paste does not hang the matcher", () => {
  test.each(namedShapes)("%s", async (_name, text) => {
    const start = performance.now();
    const report = await match(bundle, text, { now: 0 });
    expect(Array.isArray(report.matches)).toBe(true);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
