import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { leavesOf } from "../../engine/src/compile.js";
import { nearMissFacts, nearMissHeld, tally, type EvaluatedCondition } from "../../engine/src/explain.js";
import type { Condition, FactCondition } from "../../engine/src/schema.js";
import { mayReport, tallyBound } from "../../engine/src/tally-bound.js";

// Leaves of facts with different weights, some of them near-miss facts (text, reasons, codes).
const leaf: fc.Arbitrary<FactCondition> = fc
  .tuple(fc.constantFrom("text", "reasons", "codes", "httpStatus", "status", "providers"), fc.string({ maxLength: 3 }))
  .map(([fact, value]) => ({ fact, operator: "equal", value }) as FactCondition);

const tree: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    // json-rules-engine holds an empty any; the schema forbids one, but the bound must not rely on that.
    fc.array(tie("node"), { maxLength: 4 }).map((any) => ({ any })),
    tie("node").map((not) => ({ not })),
  ),
})).node;

/** The tree as json-rules-engine leaves it after evaluation, and whether it held. */
function evaluate(c: Condition, results: ReadonlyMap<FactCondition, boolean>): { node: EvaluatedCondition; holds: boolean } {
  if ("all" in c || "any" in c) {
    const parts = ("all" in c ? c.all : c.any).map((child) => evaluate(child, results));
    const holds = "all" in c ? parts.every((p) => p.holds) : parts.length === 0 || parts.some((p) => p.holds);
    return { node: { ["all" in c ? "all" : "any"]: parts.map((p) => p.node), result: holds }, holds };
  }
  if ("not" in c) {
    const inner = evaluate(c.not, results);
    return { node: { not: inner.node, result: !inner.holds }, holds: !inner.holds };
  }
  const holds = results.get(c) ?? false;
  return { node: { fact: c.fact, operator: c.operator, value: c.value, result: holds }, holds };
}

/** A rule's evaluated conditions: json-rules-engine sets no result on an all, any or not at the root. */
function evaluateRule(c: Condition, results: ReadonlyMap<FactCondition, boolean>): { root: EvaluatedCondition; holds: boolean } {
  const { node, holds } = evaluate(c, results);
  if (!("fact" in c)) delete node.result;
  return { root: node, holds };
}

const leaves = (c: Condition): FactCondition[] => [...leavesOf(c)].map(({ leaf }) => leaf);

describe("tallyBound", () => {
  test("bounds tally whatever the unknown leaves turn out to be", () => {
    fc.assert(
      fc.property(tree, fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean()), (condition, outcomes, revealed) => {
        const results = new Map<FactCondition, boolean>();
        const known = new Set<FactCondition>();
        for (const l of leaves(condition)) {
          if (!results.has(l)) results.set(l, outcomes.next().value);
          if (revealed.next().value) known.add(l);
        }
        const { root, holds } = evaluateRule(condition, results);
        const t = tally(root);
        const bound = tallyBound(condition, (l) => (known.has(l) ? results.get(l) : undefined));

        expect(bound.possible).toBe(t.possible);
        expect(bound.held).toBeGreaterThanOrEqual(t.held);
        if (holds) expect(bound.canHold).toBe(true);
        if (bound.mustHold) expect(holds).toBe(true);
        if (t.heldLeaves.some((l) => l.fact !== undefined && nearMissFacts.has(l.fact))) expect(bound.strong).toBe(true);
        if (!mayReport(bound)) {
          expect(holds).toBe(false);
          expect(nearMissHeld(t)).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("decides the trigger when every leaf is known", () => {
    fc.assert(
      fc.property(tree, fc.infiniteStream(fc.boolean()), (condition, outcomes) => {
        const results = new Map<FactCondition, boolean>();
        for (const l of leaves(condition)) if (!results.has(l)) results.set(l, outcomes.next().value);
        const { holds } = evaluateRule(condition, results);
        const bound = tallyBound(condition, (l) => results.get(l));
        expect(bound.canHold).toBe(holds);
        expect(bound.mustHold).toBe(holds);
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ["a trigger that holds", { all: [{ fact: "httpStatus", operator: "equal", value: 403 }] }, true, true],
    ["a failed trigger with half its weight and a strong leaf held", { all: [{ fact: "reasons", operator: "contains", value: "X" }, { fact: "text", operator: "containsPhrase", value: "no" }] }, false, true],
    ["a failed trigger whose only held leaf is weak", { all: [{ fact: "httpStatus", operator: "equal", value: 403 }, { fact: "text", operator: "containsPhrase", value: "no" }] }, false, false],
    ["a trigger an exclusion surely fails, holding little", { all: [{ fact: "providers", operator: "contains", value: "gcp" }, { fact: "codes", operator: "contains", value: "no" }, { not: { fact: "text", operator: "containsPhrase", value: "yes" } }] }, false, false],
  ] as Array<[string, Condition, boolean, boolean]>)("%s: can hold %s, may be reported %s", (_name, condition, canHold, reported) => {
    // Leaves whose value is "no" are known to fail, "yes" known to hold; the rest are known to hold too.
    const bound = tallyBound(condition, (l) => l.value !== "no");
    expect(bound.canHold).toBe(canHold);
    expect(mayReport(bound)).toBe(reported);
  });
});
