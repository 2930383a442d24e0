/**
 * The characters one part of a trigger regex can match, as the cost proof needs them: whether two parts
 * can match the same character. ASCII is exact (case-insensitive: a letter stands for both cases); every
 * non-ASCII character is one more member, which only makes sets look less disjoint than they are. V8
 * without the u flag never folds an ASCII character to a non-ASCII one, so that is sound under /i.
 */
import type { AST } from "@eslint-community/regexpp";

const letters = ((1n << 26n) - 1n) << 0x41n;

/** Adds the other case of every ASCII letter. */
function closeCase(ascii: bigint): bigint {
  return ascii | ((ascii & letters) << 0x20n) | ((ascii >> 0x20n) & letters);
}

/** A set of characters: 128 ASCII bits, closed under case, and whether it holds any non-ASCII character. */
export class CharSet {
  private constructor(
    private readonly ascii: bigint,
    private readonly nonAscii: boolean,
  ) {}

  /** No character. */
  static readonly empty = new CharSet(0n, false);

  /** Every character. */
  static readonly all = new CharSet((1n << 128n) - 1n, true);

  /** The characters from `min` to `max` (code units), both included. */
  static range(min: number, max: number): CharSet {
    let ascii = 0n;
    for (let c = min; c <= Math.min(max, 0x7f); c++) ascii |= 1n << BigInt(c);
    return new CharSet(closeCase(ascii), max >= 0x80);
  }

  /** The characters of a single-character part of a regex: a character, a class, `.`, `\d`, `\s`, `\w` and their negations. */
  static of(node: AST.Character | AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass | AST.CharacterClassRange): CharSet {
    switch (node.type) {
      case "Character":
        return CharSet.range(node.value, node.value);
      case "CharacterClassRange":
        return CharSet.range(node.min.value, node.max.value);
      case "CharacterClass": {
        if (node.unicodeSets) return CharSet.all;
        const union = node.elements.reduce((set, e) => set.union(CharSet.of(e as AST.Character | AST.CharacterClassRange | AST.CharacterSet)), CharSet.empty);
        return node.negate ? union.complement() : union;
      }
      case "CharacterSet": {
        const set =
          node.kind === "any" ? CharSet.lineTerminators.complement()
          : node.kind === "digit" ? CharSet.range(0x30, 0x39)
          : node.kind === "word" ? CharSet.word
          : node.kind === "space" ? CharSet.range(0x09, 0x0d).union(CharSet.range(0x20, 0x20)).union(new CharSet(0n, true))
          : CharSet.all;
        return node.kind !== "any" && node.kind !== "property" && node.negate ? set.complement() : set;
      }
      default:
        return CharSet.all;
    }
  }

  private static readonly lineTerminators = new CharSet((1n << 0x0an) | (1n << 0x0dn), true);

  /** One member for each ASCII character and one for all the others (-1), to ask `has` of each. */
  static readonly members: readonly number[] = [...Array.from({ length: 128 }, (_, c) => c), -1];

  /** Whether the set holds an ASCII character (0-127), or any non-ASCII one (-1). */
  has(member: number): boolean {
    return member < 0 ? this.nonAscii : ((this.ascii >> BigInt(member)) & 1n) === 1n;
  }

  union(other: CharSet): CharSet {
    return new CharSet(this.ascii | other.ascii, this.nonAscii || other.nonAscii);
  }

  /** The other characters; every non-ASCII one may be among them. */
  complement(): CharSet {
    return new CharSet(~this.ascii & CharSet.all.ascii, true);
  }

  /** The characters of \w: ASCII letters, digits and _. */
  static readonly word = CharSet.range(0x30, 0x39).union(CharSet.range(0x41, 0x5a)).union(CharSet.range(0x5f, 0x5f));

  /** Whether every character of this set is in the other. */
  within(other: CharSet): boolean {
    return (this.ascii & ~other.ascii) === 0n && (!this.nonAscii || other.nonAscii);
  }

  /** Whether no character can be in both sets. */
  disjoint(other: CharSet): boolean {
    return (this.ascii & other.ascii) === 0n && !(this.nonAscii && other.nonAscii);
  }
}
