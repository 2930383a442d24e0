import { RegExpParser } from "@eslint-community/regexpp";
import type { AST } from "@eslint-community/regexpp";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { maxInputLength } from "../../engine/src/match.js";
import { costedPasteLength, parseTriggerRegex, proveRegexCost, regexStepBound, regexStepLimit, type CostedRegex } from "../../engine/src/regex-cost.js";
import { backtrackSteps } from "../support/backtrack-steps.js";

const costed = (source: string): CostedRegex => {
  const parsed = parseTriggerRegex(source);
  if (!("pattern" in parsed)) throw new Error(parsed.message);
  return parsed;
};

describe("proveRegexCost refuses what can stall the matcher", () => {
  // Every regex of issue #16's list: each took seconds to more than 30 s in V8 and passed the old proof.
  test.each([
    ["(a{1,1000}){1,1000}$", "the repeat (a{1,1000}){1,1000} repeats a part that can match in 1000 ways"],
    ["(?:x{0,30}){0,30}y", "the repeat (?:x{0,30}){0,30} repeats a part that can match in 31 ways"],
    ["x{0,100}x{0,100}x{0,100}x{0,100}y", "the repeat x{0,100} is tried at every position of the paste"],
    ["^(?:a|b|ab){1,1000}$", "the repeat (?:a|b|ab){1,1000} repeats a part that can match in 2 ways"],
    ["(?:a|a){1,1000}b", "the repeat (?:a|a){1,1000} repeats a part that can match in 2 ways"],
    [".{0,1000}.{0,1000}.{0,1000}X", "the repeat .{0,1000} is tried at every position of the paste"],
    [".{0,1000}.{0,1000}X", "the repeat .{0,1000} is tried at every position of the paste"],
    ["a{0,1000}a{0,1000}b", "the repeat a{0,1000} is tried at every position of the paste"],
    ["\\w{0,1000}\\d{0,1000}!", "the repeat \\w{0,1000} is tried at every position of the paste"],
    ["[\\u0100-\\uffff]{0,1000}[\\u0200-\\uffff]{0,1000}!", "the repeat [\\u0100-\\uffff]{0,1000} is tried at every position of the paste"],
    ["x{0,65535}y", 'repeats "x{0,65535}" up to 65535 times; a repeat may have at most 1000'],
    ["[\\s\\S]{0,100000}Q", 'repeats "[\\s\\S]{0,100000}" up to 100000 times'],
    ["error.{0,1000}token.{0,1000}expired", 'the gap .{0,1000} after "error" is tried at every occurrence of "error"'],
    // Measured by the lead at 512 KiB: 536 ms and 176 ms in V8.
    ["a[^\\n]{0,300}b", 'the gap [^\\n]{0,300} after "a" is tried at every occurrence of "a"'],
    ["x{0,100}y", "the repeat x{0,100} is tried at every position of the paste"],
  ])("/%s/: %s", (source, part) => {
    const risk = proveRegexCost(source);
    expect(risk?.message).toContain(`regular expression /${source}/ `);
    expect(risk?.message).toContain(part);
    expect(risk?.hint).toBeTruthy();
  });

  test("names the steps, the limit, the gap that costs and a bound that fits", () => {
    expect(proveRegexCost("insufficient_scope[^\\n]{0,300}googleapis\\.com|googleapis\\.com[^\\n]{0,300}insufficient_scope")).toEqual({
      message:
        "regular expression /insufficient_scope[^\\n]{0,300}googleapis\\.com|googleapis\\.com[^\\n]{0,300}insufficient_scope/ can take up to 1.6e8 steps on a 512 KiB paste (limit 5e7): the gap [^\\n]{0,300} after \"googleapis\\.com\" is tried at every occurrence of \"googleapis\\.com\"",
      hint: "lowering it alone is not enough: lower the bounds of the repeats (each one multiplies the cost of what follows it), or split the phrases into an all of two containsPhrase conditions",
    });
    expect(proveRegexCost("StatusCode: 403,.{0,400}api error Forbidden")).toEqual({
      message:
        'regular expression /StatusCode: 403,.{0,400}api error Forbidden/ can take up to 1.1e8 steps on a 512 KiB paste (limit 5e7): the gap .{0,400} after "StatusCode: 403," is tried at every occurrence of "StatusCode: 403,"',
      hint: "shorten it (e.g. {0,190}), or split the phrases into an all of two containsPhrase conditions",
    });
  });

  test.each([
    ["\\d+", "\\d{1,20} instead of \\d+"],
    ["(a+)+$", "(a+){1,20} instead of (a+)+, a{1,20} instead of a+; even so it would be over the limit"],
    ["teapot.*refused", ".{0,40} instead of .*"],
    ["^Microsoft\\.[A-Za-z]+/", "[A-Za-z]{1,200} instead of [A-Za-z]+"],
    ["x{3,}y", "x{3,20} instead of x{3,}"],
  ])("refuses the unbounded repeats of /%s/ and says what to write: %s", (source, rewrite) => {
    const risk = proveRegexCost(source);
    expect(risk?.message).toMatch(/without an upper bound, so a long paste can make it take time that grows faster than the paste$/);
    expect(risk?.hint).toContain(rewrite);
  });

  test("a suggested bound is one the proof accepts", () => {
    expect(proveRegexCost("teapot.{0,40}refused")).toBeUndefined();
    expect(proveRegexCost("\\d{1,20}")).toBeUndefined();
    expect(proveRegexCost("^Microsoft\\.[A-Za-z]{1,200}/")).toBeUndefined();
  });

  test.each([
    ["(\\w{1,9}) \\1", "uses a backreference (\\1)"],
    ["(?<word>\\w{1,9}) \\k<word>", "uses a backreference (\\k<word>)"],
    ["(?<=token=)\\w{1,9}", "uses a lookbehind ((?<=token=))"],
    ["(?<!no )access", "uses a lookbehind ((?<!no ))"],
    ["^https?://(?!x\\.run\\.app)", "uses a lookahead ((?!x\\.run\\.app))"],
    ["access(?= denied)", "uses a lookahead ((?= denied))"],
  ])("refuses /%s/: %s", (source, what) => {
    expect(proveRegexCost(source)?.message).toBe(`regular expression /${source}/ ${what}, ${what.includes("backreference") ? "which needs backtracking whose cost no proof bounds" : "which the cost proof does not cover"}`);
  });

  test("names the compile error of an invalid regex", () => {
    expect(proveRegexCost("teapot (refused")).toEqual({ message: "invalid regular expression /teapot (refused/: Unterminated group" });
  });
});

describe("proveRegexCost accepts what triggers need", () => {
  test.each([
    "^arn:aws",
    "AADSTS700016\\b",
    "^(AccessDenied|AccessDeniedException)$",
    "[\\1(?<=]x\\\\1",
    "(?<name>a)b",
    "Permission ['\"]?[a-z][a-zA-Z0-9]{1,40}\\.[a-zA-Z0-9]{1,40}\\.[a-zA-Z0-9]{1,40}['\"]? (?:is )?denied",
    "insufficient_scope[^\\n]{0,80}googleapis\\.com",
    "^https?://[^/\\s]{1,200}\\.run\\.app",
    "Error: Unauthorized[\\s│]{1,20}with (?:kubernetes|helm|kubectl)_",
  ])("/%s/", (source) => {
    expect(proveRegexCost(source)).toBeUndefined();
  });
});

describe("regexStepBound", () => {
  test("the paste length it is made for is the one match cuts input to", () => {
    expect(costedPasteLength).toBe(maxInputLength);
  });

  test.each([
    // At each of n + 1 positions: a step to try the alternative, one to compare x.
    ["x", 1, 2 * 2],
    // Then ^ is compared at each position, and x only where ^ held: once.
    ["^x", 4, 5 + 5 + 1],
  ])("/%s/ on %i characters: %i steps", (source, n, steps) => {
    expect(regexStepBound(costed(source), n)).toBe(steps);
  });

  test("a leading literal is paid for per occurrence, after its smallest period (case folded)", () => {
    const n = 1000;
    // "abcabc" has period 3, "aAaA" folds to period 1: fewer occurrences, so a cheaper bound, for the aperiodic literal.
    expect(regexStepBound(costed("abcxyz[^\\n]{0,9}q"), n)).toBeLessThan(regexStepBound(costed("abcabc[^\\n]{0,9}q"), n));
    expect(regexStepBound(costed("abcabc[^\\n]{0,9}q"), n)).toBeLessThan(regexStepBound(costed("aAaAaA[^\\n]{0,9}q"), n));
  });

  test("V8 without the u flag never folds an ASCII character to a non-ASCII one (the period and class bounds rely on it)", () => {
    let others = "";
    for (let c = 0x80; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) others += String.fromCharCode(c);
    for (let c = 0; c < 0x80; c++) {
      const escaped = String.fromCharCode(c).replace(/[\\^$.*+?()[\]{}|/\n\r]/g, (m) => `\\x${m.charCodeAt(0).toString(16).padStart(2, "0")}`);
      expect(new RegExp(escaped, "i").test(others)).toBe(false);
    }
  });
});

// The soundness property: a reference backtracking search that tries every way (test/support/backtrack-
// steps.ts) never takes more steps than the bound, on generated regexes of the accepted dialect and on
// the texts that make them work hardest: their own matches repeated, with gaps and cut-off literals.
describe("the bound is never below the steps a backtracking search takes", () => {
  const atoms = ["a", "b", "x", ".", "[ab]", "[^a]", "\\w", "\\s", "\\.", " "];
  const pattern: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; item: string }>((tie) => ({
    alt: fc.array(tie("seq"), { minLength: 1, maxLength: 3 }).map((seqs) => seqs.join("|")),
    seq: fc.array(tie("item"), { minLength: 1, maxLength: 4 }).map((items) => items.join("")),
    item: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constantFrom(...atoms),
      fc.constantFrom("^", "$", "\\b", "\\B", "ab", "aab", "abab"),
      fc.tuple(tie("alt"), fc.boolean()).map(([alt, capture]) => (capture ? `(${alt})` : `(?:${alt})`)),
      fc.tuple(fc.oneof(fc.constantFrom(...atoms), tie("alt").map((alt) => `(?:${alt})`)), fc.nat(2), fc.nat(3), fc.boolean()).map(
        ([body, min, extra, lazy]) => `${body}{${min},${min + extra}}${lazy ? "?" : ""}`,
      ),
    ),
  })).alt;

  const parser = new RegExpParser();
  /** One text the regex matches, choosing ways at random (a repeat's count, an alternative, a class's character). */
  function sample(node: AST.Node, pick: () => number): string {
    switch (node.type) {
      case "Pattern":
      case "Group":
      case "CapturingGroup":
        return sample(node.alternatives[pick() % node.alternatives.length] as AST.Alternative, pick);
      case "Alternative":
        return node.elements.map((e) => sample(e, pick)).join("");
      case "Quantifier": {
        const count = node.min + (pick() % (node.max - node.min + 1));
        return Array.from({ length: count }, () => sample(node.element, pick)).join("");
      }
      case "Character":
      case "CharacterClass":
      case "CharacterSet": {
        const fits = [..."abxAB. _-"].filter((c) => new RegExp(`^(?:${node.raw})$`, "i").test(c));
        return fits[pick() % Math.max(fits.length, 1)] ?? "";
      }
      default:
        return "";
    }
  }

  test("on generated regexes and their hardest texts", () => {
    fc.assert(
      fc.property(pattern, fc.array(fc.nat(1000), { minLength: 8, maxLength: 40 }), fc.nat(3), fc.integer({ min: 20, max: 90 }), (source, choices, shape, length) => {
        const parsed = parseTriggerRegex(source);
        if (!("pattern" in parsed)) return;
        let i = 0;
        const pick = () => choices[i++ % choices.length] as number;
        const one = sample(parser.parsePattern(source), pick) || "a";
        const text =
          shape === 0 ? one.repeat(Math.ceil(length / one.length)).slice(0, length)
          : shape === 1 ? `${one} `.repeat(Math.ceil(length / (one.length + 1))).slice(0, length)
          : shape === 2 ? (one.slice(0, Math.max(1, one.length - 1)) + "a").repeat(length).slice(0, length)
          : choices.map((c) => "abx ._"[c % 6]).join("").repeat(3).slice(0, length);
        const bound = regexStepBound(parsed, text.length);
        const steps = backtrackSteps(parsed.pattern, text, bound + 1);
        expect(steps, `/${source}/ on ${JSON.stringify(text)}`).toBeLessThanOrEqual(bound);
      }),
      { numRuns: 600, seed: 16 },
    );
  });

  test.each([
    ["a[^\\n]{0,30}b", "a".repeat(200)],
    ["insufficient_scope[^\\n]{0,30}googleapis\\.com", "insufficient_scope googleapis.co ".repeat(10)],
    ["[a-z]{1,10}\\.[a-z]{1,10}\\.[a-z]{1,10}!", "aaaaa.aaaa.aaa ".repeat(10)],
    ["(?:a|ab|b){0,5}c", "ab".repeat(40)],
    ["x{0,10}x{0,10}y", "x".repeat(100)],
    ["\\bcannot (?:get|list|delete|deletecollection) [a-z0-9./-]{2,20} (?:in the namespace|in project)", "cannot deletecollection aaaa.aaa in the namespac ".repeat(4)],
    ["^(?:a|b|ab){1,6}$", "ab".repeat(20)],
    ["(?:getSignedUrl|signUrl)[\\s\\S]{0,40}caller does not have", "signUrl caller does not hav ".repeat(6)],
  ])("on /%s/ and a text written to stall it", (source, text) => {
    const parsed = costed(source);
    const bound = regexStepBound(parsed, text.length);
    expect(backtrackSteps(parsed.pattern, text, bound + 1)).toBeLessThanOrEqual(bound);
  });

  test("the limit is what it says", () => {
    expect(regexStepLimit).toBe(5e7);
  });
});
