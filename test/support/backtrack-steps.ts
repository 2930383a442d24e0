/**
 * A reference backtracking matcher that counts its steps the way the cost proof (engine/src/regex-cost.ts)
 * counts them, and tries every way (as a search that fails does): each character, class, anchor or
 * \b compared is a step, each alternative tried is a step, and each round of a repeat tried or left is a
 * step. The proof's bound must never be below this count; tests check that on generated regexes and
 * the texts that make them work hardest.
 */
import type { AST } from "@eslint-community/regexpp";

/** Steps of a full backtracking search of `text` with a parsed pattern (case-insensitive), stopping past `cap`. */
export function backtrackSteps(pattern: AST.Pattern, text: string, cap = Infinity): number {
  let steps = 0;
  const testers = new Map<AST.Node, RegExp>();
  const accepts = (node: AST.Character | AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass, pos: number): boolean => {
    if (pos >= text.length) return false;
    let tester = testers.get(node);
    if (!tester) {
      tester = new RegExp(`^(?:${node.raw})$`, "i");
      testers.set(node, tester);
    }
    return tester.test(text[pos] as string);
  };
  const isWord = (pos: number) => pos >= 0 && pos < text.length && /\w/.test(text[pos] as string);

  class Stop extends Error {}
  const step = () => {
    if (++steps > cap) throw new Stop();
  };

  type Next = (pos: number) => void;
  const sequence = (elements: readonly AST.Element[], i: number, pos: number, next: Next): void => {
    if (i === elements.length) return next(pos);
    element(elements[i] as AST.Element, pos, (p) => sequence(elements, i + 1, p, next));
  };
  const alternatives = (alts: readonly AST.Alternative[], pos: number, next: Next): void => {
    for (const a of alts) {
      step();
      sequence(a.elements, 0, pos, next);
    }
  };
  const element = (e: AST.Element, pos: number, next: Next): void => {
    switch (e.type) {
      case "Character":
      case "CharacterClass":
      case "CharacterSet":
      case "ExpressionCharacterClass":
        step();
        if (accepts(e, pos)) next(pos + 1);
        return;
      case "Assertion": {
        step();
        const holds =
          e.kind === "start" ? pos === 0
          : e.kind === "end" ? pos === text.length
          : e.kind === "word" ? (isWord(pos - 1) !== isWord(pos)) !== e.negate
          : false;
        if (holds) next(pos);
        return;
      }
      case "Group":
      case "CapturingGroup":
        return alternatives(e.alternatives, pos, next);
      case "Quantifier": {
        const round = (count: number, p: number): void => {
          if (count < e.max) {
            step();
            element(e.element, p, (q) => round(count + 1, q));
          }
          if (count >= e.min) {
            step();
            next(p);
          }
        };
        return round(0, pos);
      }
      default:
        throw new Error(`backtrackSteps does not cover ${e.type}`);
    }
  };

  try {
    for (let start = 0; start <= text.length; start++) alternatives(pattern.alternatives, start, () => undefined);
  } catch (error) {
    if (error instanceof Stop) return steps;
    throw error;
  }
  return steps;
}
