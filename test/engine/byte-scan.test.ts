import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldCode, foldLiteral } from "../../engine/src/aho-corasick.js";
import { asciiRun, ByteLineFilter, leadBytes } from "../../engine/src/byte-scan.js";
import { foldText } from "../support/fold-text.js";

/** Line index and start offset of each candidate, as pairs. */
function candidates(filter: ByteLineFilter, bytes: Buffer, from = 0, to = bytes.length): { pairs: Array<[number, number]>; newlines: number } {
  const found: number[] = [];
  const newlines = filter.scan(bytes, from, to, found);
  const pairs: Array<[number, number]> = [];
  for (let k = 0; k < found.length; k += 2) pairs.push([found[k] as number, found[k + 1] as number]);
  return { pairs, newlines };
}

/** The lines of bytes[from, to) with their start offsets, decoded as `scan` decodes them. */
function linesOf(bytes: Buffer, from = 0, to = bytes.length): Array<{ start: number; text: string }> {
  const lines: Array<{ start: number; text: string }> = [];
  for (let start = from; start < to; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 || newline >= to ? to : newline;
    lines.push({ start, text: bytes.toString("utf8", start, end) });
    start = end + 1;
  }
  return lines;
}

/** Lines in which a reading of the text finds one of the strings (by default the exact reading, foldText). */
function linesHolding(strings: readonly string[], bytes: Buffer, from?: number, to?: number, read = (text: string) => foldText(text).folded): Array<[number, number]> {
  return linesOf(bytes, from, to).flatMap(({ start, text }, index): Array<[number, number]> => {
    const folded = read(text);
    return strings.some((s) => s.length > 0 && folded.includes(s)) ? [[index, start]] : [];
  });
}

/**
 * The filter's documented reading of non-ASCII text, one character at a time: a character whose first
 * UTF-8 byte is a decoded lead folds exactly, one whose lead some space starts with is a space, any
 * other is a character in no literal (here U+FFFF).
 */
function filterReading(text: string): string {
  const { space, decode } = leadBytes();
  let folded = "";
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] as string;
    const code = char.codePointAt(0) as number;
    let unit: number;
    if (code === 92 && /^[nrtNRT]$/.test(chars[i + 1] ?? "")) {
      unit = 32;
      i++;
    } else if (code < 128) {
      unit = foldCode(code);
    } else {
      const lead = Buffer.from(char)[0] as number;
      const exact = code < 0x10000 ? foldCode(code) : 0xffff;
      unit = decode.has(lead) ? (exact < 128 ? exact : 0xffff) : space.has(lead) ? 32 : 0xffff;
    }
    if (unit === 32 && (folded.length === 0 || folded.endsWith(" "))) continue;
    folded += String.fromCharCode(unit);
  }
  return folded;
}

// Upper case, whitespace of every kind, escapes, characters that lower-case to ASCII (Kelvin sign, dotted
// capital I), other non-ASCII letters, a character outside the BMP, and newlines to make lines.
const chars = [..."abkinABKIN -_", "\t", "\r", "\\n", "\\t", "\\N", "\\T", "\\", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u212a", "\u0130", "é", "É", "Ж", "日", "、", "©", "ｅ", "😀", "\n", "\r\n"];
const word = fc.array(fc.constantFrom(...chars.filter((c) => !c.includes("\n"))), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
const text = fc.array(fc.constantFrom(...chars), { maxLength: 120 }).map((parts) => parts.join(""));
// Bytes that make valid, invalid and overlong UTF-8 for spaces, the Kelvin sign and dotted capital I.
const byteChoices = [0x61, 0x41, 0x6b, 0x69, 0x6e, 0x20, 0x09, 0x0a, 0x5c, 0xc2, 0xa0, 0xe2, 0xe0, 0xed, 0x80, 0x81, 0x83, 0x84, 0x9f, 0xaa, 0xc4, 0xb0, 0xe1, 0x9a, 0xe3, 0xef, 0xbb, 0xbf, 0xf0, 0xff, 0xc0];

describe("ByteLineFilter", () => {
  test("flags exactly the lines in which its reading finds a literal's ASCII run, which includes every line holding the literal", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), text, (literals, t) => {
        const bytes = Buffer.from(t);
        const filter = ByteLineFilter.build(literals);
        const { pairs, newlines } = candidates(filter, bytes);
        const runs = literals.map(asciiRun);
        const everyLine = runs.some((run, i) => run.length === 0 && foldLiteral(literals[i] as string).length > 0);
        expect(pairs).toEqual(everyLine ? linesOf(bytes).map(({ start }, i) => [i, start]) : linesHolding(runs, bytes, undefined, undefined, filterReading));
        // The promise scan relies on: no line holding a literal is left out.
        const flagged = new Set(pairs.map(([line]) => line));
        for (const [line] of linesHolding(literals.map(foldLiteral), bytes)) expect(flagged.has(line)).toBe(true);
        expect(newlines).toBe(t.split("\n").length - 1);
      }),
      { numRuns: 1000 },
    );
  });

  test("misses no line holding a literal in malformed UTF-8, as the decoder reads it", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "k", "i", "n", "a k", "k i", "a\\k", "\\"), { minLength: 1, maxLength: 4 }), fc.array(fc.constantFrom(...byteChoices), { maxLength: 200 }), (literals, raw) => {
        const bytes = Buffer.from(raw);
        const flagged = new Set(candidates(ByteLineFilter.build(literals), bytes).pairs.map(([line]) => line));
        for (const [line] of linesHolding(literals.map(foldLiteral), bytes)) expect(flagged.has(line)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  test("decodes only the lead bytes of characters that fold to an ASCII letter; reads those of spaces as spaces", () => {
    const hex = (set: ReadonlySet<number>) => [...set].map((b) => b.toString(16)).sort();
    // U+0130 and the Kelvin sign; U+00A0, U+1680, U+3000 and U+FEFF (E2 also starts U+2000 to U+205F).
    expect({ decode: hex(leadBytes().decode), space: hex(leadBytes().space) }).toEqual({ decode: ["c4", "e2"], space: ["c2", "e1", "e3", "ef"] });
    const filter = ByteLineFilter.build(["token expired", "kit"]);
    const lines = "token\u3000expired\ntoken、expired\ntoken日expired\n\u212aIT\n\u2003kit\n\u00e9kit";
    expect(candidates(filter, Buffer.from(lines)).pairs.map(([line]) => line)).toEqual([0, 1, 3, 4, 5]);
  });

  test("ranges long enough to be walked in two halves give the same lines", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 10 }), fc.array(text, { minLength: 1, maxLength: 8 }), (literals, texts) => {
        let long = texts.join("\n");
        while (long.length < 40_000) long += `\n${texts.join("\n")}`;
        const bytes = Buffer.from(long);
        const filter = ByteLineFilter.build(literals);
        const runs = literals.map(asciiRun);
        if (runs.some((run) => run.length === 0)) return;
        expect(candidates(filter, bytes).pairs).toEqual(linesHolding(runs, bytes, undefined, undefined, filterReading));
      }),
      { numRuns: 30 },
    );
  });

  test("scans only [from, to) and counts lines from `from`", () => {
    const bytes = Buffer.from("token expired\nxx TOKEN\t\tEXPIRED\nnothing\ntoken expired");
    const filter = ByteLineFilter.build(["token expired"]);
    expect(candidates(filter, bytes)).toEqual({ pairs: [[0, 0], [1, 14], [3, 40]], newlines: 3 });
    expect(candidates(filter, bytes, 14, 40)).toEqual({ pairs: [[0, 14]], newlines: 2 });
    // A range cut inside a line reads only the part inside.
    expect(candidates(filter, bytes, 3, 14)).toEqual({ pairs: [], newlines: 1 });
  });

  test("a last line without a newline is flagged too", () => {
    expect(candidates(ByteLineFilter.build(["refused"]), Buffer.from("ok\nconnection REFUSED")).pairs).toEqual([[1, 3]]);
  });

  test("without literals, or with one that has no ASCII, every line is a candidate", () => {
    const bytes = Buffer.from("a\n\nb\n");
    const all = [[0, 0], [1, 2], [2, 3]];
    expect(candidates(ByteLineFilter.build(undefined), bytes)).toEqual({ pairs: all, newlines: 3 });
    expect(candidates(ByteLineFilter.build(["token", "アクセス拒否"]), bytes).pairs).toEqual(all);
    // A literal that folds to nothing never matches, so it asks for nothing.
    expect(candidates(ByteLineFilter.build(["token", " \\n "]), bytes).pairs).toEqual([]);
  });

  test("asciiRun keeps the longest ASCII stretch of the folded literal", () => {
    expect(asciiRun("Überprüfung fehlgeschlagen")).toBe("fung fehlgeschlagen");
    expect(asciiRun("Token\\nExpired")).toBe("token expired");
    expect(asciiRun("アクセス拒否")).toBe("");
  });

  test("a table too big for maxCells is built from shorter runs, still finding every line", () => {
    const literals = ["insufficient authentication scopes", "request had invalid authentication credentials"];
    const small = ByteLineFilter.build(literals, 600);
    expect(small.tables.jump?.length).toBeLessThanOrEqual(600);
    const bytes = Buffer.from("Request had INSUFFICIENT authentication scopes.\nrequest had invalid authentication credentials\ninsufficient funds\n");
    const lines = candidates(small, bytes).pairs.map(([line]) => line);
    expect(lines).toEqual(expect.arrayContaining([0, 1]));
    expect(candidates(ByteLineFilter.build(literals), bytes).pairs.map(([line]) => line)).toEqual([0, 1]);
  });

  test("a filter rebuilt from its tables (as a worker thread does) finds the same lines", () => {
    const filter = ByteLineFilter.build(["token expired", "access denied"]);
    const copy = ByteLineFilter.fromTables(structuredClone(filter.tables));
    const bytes = Buffer.from("x\nACCESS  denied\nToken\\nExpired\n");
    expect(candidates(copy, bytes)).toEqual(candidates(filter, bytes));
  });
});
