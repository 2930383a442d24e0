/**
 * Evaluates a trigger the way json-rules-engine 7 does, synchronously, on the plain objects of a
 * bundle: the tree it returns is the one json-rules-engine's RuleResult holds (every node with its
 * `result`, boolean nodes with `operator` and `priority`, leaves with `factResult` and `valueResult`).
 *
 * Why not json-rules-engine itself on every match: its run costs a promise per leaf and a deep clone
 * of every rule's conditions per paste, about 40% of an indexed match (0.3 of 0.75 ms on the real
 * knowledge base), and loading it was 140 KB of a cold CLI start's code. Triggers can only be all,
 * any, not and fact leaves with the operators of operators.ts (schema.ts), so this is all of
 * json-rules-engine that they reach. It stays the reference: exhaustive matching (reference-run.ts)
 * runs json-rules-engine, and the tests hold indexed matching to it on generated triggers and inputs.
 */
import type { EvaluatedCondition } from "./explain.js";
import type { Facts } from "./facts.js";
import type { TextOperators } from "./operators.js";
import type { Condition, FactCondition } from "./schema.js";

type Operator = (factValue: unknown, value: unknown) => boolean;

// json-rules-engine's engine-default-operators.js, validators included: `contains` on a string is false.
const isNumber = (factValue: unknown): boolean => Number.parseFloat(factValue as string).toString() !== "NaN";
const indexOf = (list: unknown, item: unknown): number => (list as { indexOf(item: unknown): number }).indexOf(item);
const builtins: Readonly<Record<string, Operator>> = {
  equal: (a, b) => a === b,
  notEqual: (a, b) => a !== b,
  in: (a, b) => indexOf(b, a) > -1,
  notIn: (a, b) => indexOf(b, a) === -1,
  contains: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
  doesNotContain: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
  lessThan: (a, b) => isNumber(a) && (a as number) < (b as number),
  lessThanInclusive: (a, b) => isNumber(a) && (a as number) <= (b as number),
  greaterThan: (a, b) => isNumber(a) && (a as number) > (b as number),
  greaterThanInclusive: (a, b) => isNumber(a) && (a as number) >= (b as number),
};

/** Reads a JSONPath-like `$.a.b` from an object, as match.ts gives json-rules-engine to do. */
export function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.replace(/^\$\.?/, "").split(".").filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

// Almanac.factValue with allowUndefinedFacts: a fact the run lacks reads as undefined; a path applies to objects only.
function factValue(facts: Facts, fact: string, path: string | undefined): unknown {
  const value = Object.hasOwn(facts, fact) ? facts[fact as keyof Facts] : undefined;
  return path && value !== null && typeof value === "object" ? resolvePath(value, path) : value;
}

function evaluateLeaf(leaf: FactCondition, facts: Facts, operators: TextOperators): EvaluatedCondition {
  const operator = leaf.operator === "containsPhrase" || leaf.operator === "matchesRegex" ? operators[leaf.operator] : builtins[leaf.operator];
  if (!operator) throw new Error(`Unknown operator: ${leaf.operator}`);
  const raw: unknown = leaf.value;
  // Almanac.getValue: a value { fact } names another fact (the schema allows none; bundles are checked).
  const value = raw !== null && typeof raw === "object" && Object.hasOwn(raw, "fact") ? factValue(facts, String((raw as { fact: unknown }).fact), (raw as { path?: string }).path) : raw;
  const found = factValue(facts, leaf.fact, leaf.path);
  // Written out rather than spread: spreading a leaf cost a third of evaluating it. Leaves have no other fields (schema.ts).
  const evaluated: EvaluatedCondition = { fact: leaf.fact, operator: leaf.operator, value: leaf.value, factResult: found, valueResult: value, result: operator(found, value) };
  if (leaf.path !== undefined) evaluated.path = leaf.path;
  return evaluated;
}

// Rule.prioritizeAndRun: no conditions hold, one decides alone, more are all evaluated (one priority set).
function decide(children: readonly EvaluatedCondition[], every: boolean): boolean {
  if (children.length === 0) return true;
  return every ? children.every((c) => c.result === true) : children.some((c) => c.result === true);
}

/** The evaluated tree of a condition over one paste's facts, with the text operators json-rules-engine would be given. */
export function evaluateCondition(condition: Condition, facts: Facts, operators: TextOperators): EvaluatedCondition {
  if ("all" in condition) {
    const all = condition.all.map((c) => evaluateCondition(c, facts, operators));
    return { all, operator: "all", priority: 1, result: decide(all, true) };
  }
  if ("any" in condition) {
    const any = condition.any.map((c) => evaluateCondition(c, facts, operators));
    return { any, operator: "any", priority: 1, result: decide(any, false) };
  }
  if ("not" in condition) {
    const not = evaluateCondition(condition.not, facts, operators);
    return { not, operator: "not", priority: 1, result: not.result !== true };
  }
  return evaluateLeaf(condition, facts, operators);
}

/**
 * An entry's trigger evaluated as json-rules-engine evaluates a rule: a lone leaf is wrapped in `all`
 * (compile.ts's topLevel), and the top node carries no `result` of its own (the rule's result does).
 */
export function evaluateTrigger(triggers: Condition, facts: Facts, operators: TextOperators): { conditions: EvaluatedCondition; result: boolean } {
  const { result, ...conditions } = evaluateCondition("all" in triggers || "any" in triggers || "not" in triggers ? triggers : { all: [triggers] }, facts, operators);
  return { conditions, result: result === true };
}
