/**
 * What a trigger's tally (explain.ts) can at most reach before json-rules-engine evaluates it, from what
 * is known in advance of some of its leaves: enough to skip rules that can neither match nor be
 * reported as near misses.
 */
import { nearMissFacts, nearMissShare, weightOf } from "./explain.js";
import type { Condition, FactCondition } from "./schema.js";

/** The most a trigger can reach before it is evaluated, from what is known of some of its leaves. */
export interface TallyBound {
  /** False when the trigger surely fails. */
  canHold: boolean;
  /** True when the trigger surely holds. */
  mustHold: boolean;
  /** No less than the `held` its tally can reach. */
  held: number;
  /** Exactly the `possible` of its tally: it does not depend on what held. */
  possible: number;
  /** False when no leaf of a near-miss fact (`nearMissFacts`) can be among its held leaves. */
  strong: boolean;
}

/**
 * Bounds `tally` of a trigger before evaluation. `known(leaf)` is the leaf's result when known in
 * advance, undefined when not (the bound then assumes either). It mirrors tally: change both together.
 */
export function tallyBound(c: Condition, known: (leaf: FactCondition) => boolean | undefined): TallyBound {
  // Loops rather than map/filter/reduce: this runs for every leaf of every candidate of every paste.
  if ("all" in c) {
    const bound: TallyBound = { canHold: true, mustHold: true, held: 0, possible: 0, strong: false };
    for (const child of c.all) {
      const part = tallyBound(child, known);
      bound.canHold &&= part.canHold;
      bound.mustHold &&= part.mustHold;
      bound.held += part.held;
      bound.possible += part.possible;
      bound.strong ||= part.strong;
    }
    return bound;
  }
  if ("any" in c) {
    // json-rules-engine holds an empty any.
    const bound: TallyBound = { canHold: c.any.length === 0, mustHold: c.any.length === 0, held: 0, possible: 0, strong: false };
    for (const child of c.any) {
      const part = tallyBound(child, known);
      bound.mustHold ||= part.mustHold;
      bound.possible = Math.max(bound.possible, part.possible);
      if (!part.canHold) continue;
      bound.canHold = true;
      bound.held += part.held;
      bound.strong ||= part.strong;
    }
    return bound;
  }
  if ("not" in c) {
    const inner = tallyBound(c.not, known);
    return { canHold: !inner.mustHold, mustHold: !inner.canHold, held: 0, possible: 0, strong: false };
  }
  const weight = weightOf(c);
  const result = known(c);
  return {
    canHold: result !== false,
    mustHold: result === true,
    held: result === false ? 0 : weight,
    possible: weight,
    strong: result !== false && nearMissFacts.has(c.fact),
  };
}

/** Whether a trigger with this bound can match, or fail and still be reported as a near miss. */
export function mayReport(bound: TallyBound): boolean {
  if (bound.canHold) return true;
  const share = bound.possible > 0 ? Math.min(1, bound.held / bound.possible) : 0;
  return share >= nearMissShare && bound.strong;
}
