import fc from "fast-check";
import { afterEach, describe, expect, test, vi } from "vitest";
import { containsPhrase, matchesRegex, textOperatorSpans, textOperatorsFor } from "../../engine/src/operators.js";

const phrases = ["access denied", "not found", "token expired", "Denied", "quota"];
const patterns = ["denied\\b", "token\\s+(?:has\\s+)?expired", "^not", "quota|limit"];
const text = fc
  .array(fc.oneof(fc.constantFrom(...phrases, "ACCESS\\nDENIED", "token has expired", "\\not found", "limit"), fc.string({ maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join(" "));
const phraseValue = fc.oneof(fc.constantFrom(...phrases), fc.subarray(phrases, { minLength: 1 }));

afterEach(() => {
  vi.restoreAllMocks();
});

describe("textOperatorsFor", () => {
  test("answers as the plain operators do, on the paste, on other strings and on lists, asked again or not", () => {
    fc.assert(
      fc.property(text, text, phraseValue, fc.constantFrom(...patterns), fc.func(fc.boolean()), (paste, other, phrase, pattern, claim) => {
        // `absent` may only say so of phrases that really are absent.
        const ops = textOperatorsFor(paste, (p) => claim(p) && !containsPhrase(paste, p));
        for (let round = 0; round < 2; round++) {
          for (const fact of [paste, other, [other, paste]]) {
            expect(ops.containsPhrase(fact, phrase)).toBe(containsPhrase(fact, phrase));
            expect(ops.matchesRegex(fact, pattern)).toBe(matchesRegex(fact, pattern));
          }
          expect(ops.spans("containsPhrase", phrase, paste)).toEqual(textOperatorSpans("containsPhrase", phrase, paste));
          expect(ops.spans("matchesRegex", pattern, paste)).toEqual(textOperatorSpans("matchesRegex", pattern, paste));
        }
      }),
      { numRuns: 300 },
    );
  });

  test("does not search the paste for a phrase it is told is absent", () => {
    containsPhrase("", "access denied"); // compiles the phrase's regex before counting searches
    const ops = textOperatorsFor("Error: access denied", (p) => p === "access denied");
    const exec = vi.spyOn(RegExp.prototype, "exec");
    const held = ops.containsPhrase("Error: access denied", "access denied");
    const searches = exec.mock.calls.length;
    exec.mockRestore();
    expect(held).toBe(false);
    expect(searches).toBe(0);
    // A string that is not the paste is searched: what is known of the paste says nothing of it.
    expect(ops.containsPhrase(["other", "access  denied"], "access denied")).toBe(true);
  });

  test("searches the paste once for each phrase and pattern", () => {
    const paste = "Error: access denied; token has expired";
    const ops = textOperatorsFor(paste);
    const exec = vi.spyOn(RegExp.prototype, "exec");
    const first = [ops.containsPhrase(paste, ["quota", "access denied"]), ops.matchesRegex(paste, "token\\s+has")];
    const searches = exec.mock.calls.length;
    const again = [ops.containsPhrase(paste, "access denied"), ops.containsPhrase(paste, "quota"), ops.matchesRegex(paste, "token\\s+has")];
    const spans = ops.spans("containsPhrase", ["quota", "access denied"], paste);
    const searchesAfter = exec.mock.calls.length;
    exec.mockRestore();
    expect(first).toEqual([true, true]);
    expect(searches).toBeGreaterThan(0);
    expect(again).toEqual([true, false, true]);
    expect(spans).toEqual([{ start: 7, end: 20 }]);
    expect(searchesAfter).toBe(searches);
  });
});
