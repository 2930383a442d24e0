import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { AdaptiveLiteralMatcher, foldCode, foldLiteral, foldText as foldForScan, LiteralMatcher, ShortTextLiterals } from "../../engine/src/aho-corasick.js";
import { foldText, isSpace } from "../support/fold-text.js";

type Hit = [literal: number, end: number];

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
const chars = [..."abcdefghijklmnABCNÉéЖжß ", "\t", "\n", "\\", "\\n", "\\t", "\\N", "\\T", "\u00a0", "\u2003", "\u3000", "日", "本"];
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
    // In either case, as containsPhrase's case-insensitive regex reads them.
    expect(matcher.test("TOKEN\\NHAS\\Texpired")).toBe(true);
    expect(hitsOf(matcher.dense()!, "TOKEN\\NHAS\\Texpired")).toEqual([[0, 19]]);
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

  test("automaton(): walking its table over folded text accepts exactly where a literal ends", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), text, (literals, t) => {
        const automaton = new LiteralMatcher(literals).automaton();
        expect(automaton).toBeDefined();
        const { next, columns, columnOf, accepting } = automaton!;
        const { folded } = foldText(t);
        const accepted: number[] = [];
        let state = 0;
        for (let i = 0; i < folded.length; i++) {
          state = next[state * columns + (columnOf[folded.charCodeAt(i)] as number)] as number;
          if (accepting[state] === 1) accepted.push(i + 1);
        }
        const ends = new Set<number>();
        for (const literal of literals.map(foldLiteral).filter((l) => l.length > 0)) {
          for (let at = folded.indexOf(literal); at >= 0; at = folded.indexOf(literal, at + 1)) ends.add(at + literal.length);
        }
        expect(accepted).toEqual([...ends].sort((a, b) => a - b));
      }),
      { numRuns: 300 },
    );
    expect(new LiteralMatcher(["abc", "xyz"]).automaton(4)).toBeUndefined();
  });

  test("folding a folded literal changes nothing", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars, "\\", "N", "R", "t", "T"), { maxLength: 12 }), (parts) => {
        const once = foldLiteral(parts.join(""));
        expect(foldLiteral(once)).toBe(once);
      }),
    );
    expect(foldLiteral("C:\\Users\\Name")).toBe("c:\\users ame");
  });

  test("foldCode lower-cases each UTF-16 code unit and reads all of JavaScript's whitespace as a space", () => {
    const wrong: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const expected = isSpace(code) ? 32 : String.fromCharCode(code).toLowerCase().charCodeAt(0);
      if (foldCode(code) !== expected) wrong.push(code);
    }
    expect(wrong).toEqual([]);
  });
});

describe("the forms of a literal set", () => {
  test("ShortTextLiterals finds exactly the literals the trie finds", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.array(text, { maxLength: 5 }), (words, texts) => {
        // The rule index hands over folds, duplicates and empty ones included.
        const folds = words.map(foldLiteral);
        const short = new ShortTextLiterals(folds);
        const trie = new LiteralMatcher(folds);
        for (const t of texts) expect(short.findAll(t)).toEqual(trie.findAll(t));
      }),
      { numRuns: 400 },
    );
  });

  test("foldText is the text the scan reads: a fold occurs in it exactly where the trie reports the literal", () => {
    fc.assert(
      fc.property(word, text, (w, t) => {
        const fold = foldLiteral(w);
        fc.pre(fold.length > 0);
        expect(foldForScan(t).includes(fold)).toBe(new LiteralMatcher([fold]).test(t));
      }),
      { numRuns: 500 },
    );
  });

  test("AdaptiveLiteralMatcher finds the same literals before and after it builds the trie and the dense table", () => {
    const folds = ["access denied", "token has expired", "denied", "ya29.", "403"].map(foldLiteral);
    const reference = new LiteralMatcher(folds);
    // Thresholds of a few characters: the first text is read by the short form, the next ones by the trie, then the table.
    const adaptive = new AdaptiveLiteralMatcher(folds, 1 << 20, 40, 120);
    const texts = ["HTTP 403: Access\\nDenied", "the token has   EXPIRED (ya29.x)", "nothing to see here at all, really nothing", "denied\taccess denied", "Access denied: token has expired"];
    for (const t of [...texts, ...texts, ...texts]) expect(adaptive.findAll(t)).toEqual(reference.findAll(t));
  });
});
