import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldLiteral, LiteralMatcher } from "../../engine/src/aho-corasick.js";

type Hit = [literal: number, end: number];

const unicodeSpaces = new Set([0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
const isSpace = (code: number) => code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 32 || code === 0xa0 || unicodeSpaces.has(code) || (code >= 0x2000 && code <= 0x200a);

/** The text folded one code unit at a time as the scanner does, with each folded unit's end offset in the original. */
function foldText(text: string): { folded: string; ends: number[] } {
  let folded = "";
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code === 92 && "nrt".includes(text[i + 1] ?? "")) {
      code = 32;
      i++;
    }
    if (isSpace(code)) {
      if (folded.length === 0 || folded.endsWith(" ")) continue;
      folded += " ";
    } else {
      folded += String.fromCharCode(code).toLowerCase()[0];
    }
    ends.push(i + 1);
  }
  return { folded, ends };
}

/** Every occurrence by brute force, in the order scan reports them: by end, longest literal first. */
function bruteForce(literals: readonly string[], text: string): Hit[] {
  const { folded, ends } = foldText(text);
  const hits: Array<[number, number, number]> = [];
  const seen = new Set<string>();
  literals.forEach((literal, index) => {
    const word = foldLiteral(literal);
    if (word.length === 0 || seen.has(word)) return;
    seen.add(word);
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) hits.push([index, ends[at + word.length - 1] as number, word.length]);
  });
  return hits.sort((a, b) => a[1] - b[1] || b[2] - a[2]).map(([literal, end]) => [literal, end]);
}

function hitsOf(matcher: Pick<LiteralMatcher, "scan">, text: string): Hit[] {
  const out: Hit[] = [];
  matcher.scan(text, (literal, end) => void out.push([literal, end]));
  return out;
}

// Enough characters that some states have more than eight children (the binary-search path), plus
// upper case, Unicode spaces, escapes and non-ASCII letters that fold.
const chars = [..."abcdefghijklmABCÉéЖжß ", "\t", "\n", "\\n", "\\t", "\u00a0", "\u2003", "\u3000", "日", "本"];
const word = fc.array(fc.constantFrom(...chars), { minLength: 0, maxLength: 5 }).map((parts) => parts.join(""));
const text = fc.array(fc.constantFrom(...chars), { maxLength: 80 }).map((parts) => parts.join(""));

describe("LiteralMatcher", () => {
  test("overlapping literals are all reported, longest first at the same end", () => {
    const matcher = new LiteralMatcher(["he", "she", "his", "hers"]);
    expect(hitsOf(matcher, "ushers")).toEqual([
      [1, 4],
      [0, 4],
      [3, 6],
    ]);
    expect(hitsOf(matcher, "this")).toEqual([[2, 4]]);
    expect(matcher.findAll("ahishers")).toEqual(new Set([0, 1, 2, 3]));
  });

  test("literals equal after folding report the first one's index; empty ones never match", () => {
    const matcher = new LiteralMatcher(["  ", "Access\tDenied", "access denied", "ACCESS\\nDENIED", "\\n"]);
    expect(hitsOf(matcher, "xx Access  Denied")).toEqual([[1, 17]]);
    expect(matcher.test("   \\n  ")).toBe(false);
    expect(new LiteralMatcher([]).test("anything")).toBe(false);
  });

  test("whitespace runs and escaped \\n, \\r, \\t fold to one space", () => {
    const matcher = new LiteralMatcher(["token has expired"]);
    expect(hitsOf(matcher, '"Token\\nhas \\r\\t  expired"')).toEqual([[0, 25]]);
    expect(matcher.test("token\u00a0has\u2003\u3000expired")).toBe(true);
    expect(matcher.test("tokenhas expired")).toBe(false);
    // A backslash not starting an escape is an ordinary character.
    expect(new LiteralMatcher(["a\\b"]).test("A\\B")).toBe(true);
  });

  test("non-ASCII literals match, folding case", () => {
    const matcher = new LiteralMatcher(["Ошибка доступа", "アクセス拒否", "é"]);
    expect(hitsOf(matcher, "ОШИБКА  ДОСТУПА: アクセス拒否 É")).toEqual([
      [0, 15],
      [1, 23],
      [2, 25],
    ]);
  });

  test("scan reports exactly the brute-force occurrences, in order", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), text, (literals, t) => {
        expect(hitsOf(new LiteralMatcher(literals), t)).toEqual(bruteForce(literals, t));
      }),
      { numRuns: 500 },
    );
  });

  test("scan stops when onHit returns true, and respects from/to", () => {
    const matcher = new LiteralMatcher(["ab", "b", "abc"]);
    const seen: Hit[] = [];
    matcher.scan("xabcab", (literal, end) => {
      seen.push([literal, end]);
      return true;
    });
    expect(seen).toEqual([[0, 3]]);
    const within = (from: number, to: number) => hitsOf({ scan: (t, onHit) => matcher.scan(t, onHit, from, to) }, "xabcab");
    expect(within(1, 4)).toEqual([
      [0, 3],
      [1, 3],
      [2, 4],
    ]);
    expect(within(2, 5)).toEqual([[1, 3]]);
  });

  test("the dense automaton reports exactly the sparse scan's hits", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.array(text, { maxLength: 5 }), (literals, texts) => {
        const sparse = new LiteralMatcher(literals);
        const dense = sparse.dense();
        expect(dense).toBeDefined();
        for (const t of texts) expect(hitsOf(dense!, t)).toEqual(hitsOf(sparse, t));
      }),
      { numRuns: 300 },
    );
  });

  test("dense() declines when the table would pass maxCells", () => {
    const matcher = new LiteralMatcher(["abc", "xyz"]);
    expect(matcher.dense(4)).toBeUndefined();
    expect(matcher.dense()?.findAll("xyzabc")).toEqual(new Set([0, 1]));
  });
});
