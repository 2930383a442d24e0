/**
 * Reads json-rules-engine's evaluated condition trees back into explanations: which conditions held,
 * which input spans satisfied them, how much they weigh, and what a near miss lacks.
 */
import { findFact } from "./catalog.js";
import type { Evidence } from "./facts.js";
import { containsPhrase, matchesRegex, textOperatorSpans, type Span, type TextOperators } from "./operators.js";
import { redactRange } from "./redact.js";

/** A condition node as json-rules-engine returns it after evaluation. */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string | undefined;
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  /** json-rules-engine gives every all/any/not node priority 1. */
  priority?: number;
}

/** One leaf condition and how it fared. */
export interface Reason {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly path?: string;
  /** Human wording: `reason ACCESS_TOKEN_SCOPE_INSUFFICIENT`, `phrase "insufficient authentication scopes"`. */
  readonly description: string;
  readonly weight: number;
  /** Input spans that satisfied the condition, for highlighting; empty for negative conditions. */
  readonly spans: readonly Span[];
}

const negative = new Set(["notEqual", "notIn", "doesNotContain"]);

/**
 * Facts whose held conditions make a near miss worth reporting: what the error says, not only its
 * status or provider. The rule index relies on this set to find every possible near miss.
 */
export const nearMissFacts: ReadonlySet<string> = new Set(["text", "reasons", "codes"]);

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(" or ");
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Words a person reads for one leaf condition. */
export function describeCondition(c: EvaluatedCondition, heldText?: string): string {
  const spec = c.fact ? findFact(c.fact) : undefined;
  const label = spec?.label ?? c.fact ?? "condition";
  switch (c.operator) {
    case "containsPhrase": {
      if (heldText !== undefined) return `phrase "${heldText}"`;
      const phrases = Array.isArray(c.value) ? c.value : [c.value];
      return phrases.length === 1 ? `phrase "${String(phrases[0])}"` : `one of the phrases ${phrases.map((p) => `"${String(p)}"`).join(", ")}`;
    }
    case "matchesRegex": {
      const source = String(c.value);
      const shown = source.length > 60 ? `${source.slice(0, 57)}…` : source;
      return c.fact === "text" ? `pattern /${shown}/` : `${label} matching /${shown}/`;
    }
    default:
      break;
  }
  if (spec?.type === "boolean") return c.value === true ? label : `not ${label}`;
  const subject = c.path ? `${label} ${c.path.replace(/^\$\.?/, "")}` : label;
  if (c.operator && negative.has(c.operator)) return `no ${subject} ${formatValue(c.value)}`;
  if (c.operator === "greaterThan" || c.operator === "greaterThanInclusive" || c.operator === "lessThan" || c.operator === "lessThanInclusive") {
    const sign = { greaterThan: ">", greaterThanInclusive: "≥", lessThan: "<", lessThanInclusive: "≤" }[c.operator];
    return `${subject} ${sign} ${formatValue(c.value)}`;
  }
  return `${subject} ${formatValue(c.value)}`;
}

function evidenceMatches(c: EvaluatedCondition, e: Evidence): boolean {
  if (e.fact !== c.fact) return false;
  if (c.path) return true;
  const v = e.value;
  switch (c.operator) {
    case "equal":
    case "contains":
      return v === c.value;
    case "in":
      return Array.isArray(c.value) && c.value.includes(v);
    case "containsPhrase":
      return containsPhrase(String(v), c.value);
    case "matchesRegex":
      return matchesRegex(String(v), c.value);
    case "greaterThan":
    case "greaterThanInclusive":
    case "lessThan":
    case "lessThanInclusive":
      return typeof v === "number";
    default:
      return false;
  }
}

/** Keeps spans not inside another, in input order, at most eight: highlighting nested spans helps nobody. */
function outermost(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (!last || span.start >= last.end) kept.push({ start: span.start, end: span.end });
  }
  return kept.slice(0, 8);
}

/**
 * The spans of the input that satisfied a held leaf condition. `textSpans` finds them in the text: the
 * paste's own operators (textOperatorsFor) already know most of them.
 */
export function spansOf(c: EvaluatedCondition, text: string, evidence: readonly Evidence[], textSpans: TextOperators["spans"] = textOperatorSpans): Span[] {
  if (!c.operator || negative.has(c.operator)) return [];
  if (c.fact === "text") return outermost(textSpans(c.operator, c.value, text));
  return outermost(evidence.filter((e) => evidenceMatches(c, e)));
}

/** What a leaf on this fact adds to a score when it holds. */
export function weightOf(c: { readonly fact?: string | undefined }): number {
  return (c.fact ? findFact(c.fact)?.weight : undefined) ?? 1;
}

/**
 * Builds the reason for one leaf; `held` picks wording from the text that satisfied it (found by
 * `textSpans`), with the paste's `secrets` masked in it.
 */
export function toReason(c: EvaluatedCondition, text: string, evidence: readonly Evidence[], held: boolean, textSpans: TextOperators["spans"] = textOperatorSpans, secrets: readonly Span[] = []): Reason {
  const spans = held ? spansOf(c, text, evidence, textSpans) : [];
  const heldPhrase = held && c.operator === "containsPhrase" && spans[0] ? redactRange(text, spans[0], secrets).replace(/\s+/g, " ") : undefined;
  return {
    fact: c.fact ?? "",
    operator: c.operator ?? "",
    value: c.value,
    ...(c.path ? { path: c.path } : {}),
    description: describeCondition(c, heldPhrase),
    weight: weightOf(c),
    spans,
  };
}

/** Score parts of an evaluated tree: what held, what it could have reached, and the leaves on each side. */
export interface Tally {
  held: number;
  possible: number;
  heldLeaves: EvaluatedCondition[];
  missingLeaves: EvaluatedCondition[];
}

/**
 * Tallies a tree. `all` adds its children; `any` counts every child that held (more evidence ranks
 * higher) but can only be required to reach its best child; `not` adds nothing but can fail.
 * tallyBound (tally-bound.ts) bounds it before evaluation: change both together.
 */
export function tally(c: EvaluatedCondition): Tally {
  // Loops rather than map/flatMap/reduce: this runs for every node of every evaluated rule.
  if (c.all) {
    const t: Tally = { held: 0, possible: 0, heldLeaves: [], missingLeaves: [] };
    for (const child of c.all) {
      const part = tally(child);
      t.held += part.held;
      t.possible += part.possible;
      t.heldLeaves.push(...part.heldLeaves);
      t.missingLeaves.push(...part.missingLeaves);
    }
    return t;
  }
  if (c.any) {
    const t: Tally = { held: 0, possible: 0, heldLeaves: [], missingLeaves: [] };
    let anyHeld = false;
    for (const child of c.any) {
      const part = tally(child);
      t.possible = Math.max(t.possible, part.possible);
      // Alternatives that held all add evidence; a failed alternative's partial leaves prove nothing.
      if (child.result !== true) continue;
      anyHeld = true;
      t.held += part.held;
      t.heldLeaves.push(...part.heldLeaves);
    }
    if (!anyHeld) t.missingLeaves.push(c);
    return t;
  }
  if (c.not) return { held: 0, possible: 0, heldLeaves: [], missingLeaves: c.result === false ? [c] : [] };
  const weight = weightOf(c);
  return c.result === true
    ? { held: weight, possible: weight, heldLeaves: [c], missingLeaves: [] }
    : { held: 0, possible: weight, heldLeaves: [], missingLeaves: [c] };
}

/** The least share of its trigger's weight a failed trigger must hold to be reported as a near miss. */
export const nearMissShare = 0.5;

/** A failed trigger's share of weight held when it is worth reporting as a near miss, else undefined. */
export function nearMissHeld(t: Tally): number | undefined {
  const share = t.possible > 0 ? Math.min(1, t.held / t.possible) : 0;
  const strongHeld = t.heldLeaves.some((leaf) => leaf.fact !== undefined && nearMissFacts.has(leaf.fact));
  return share < nearMissShare || !strongHeld || t.missingLeaves.length === 0 ? undefined : share;
}

/** Describes a condition that kept a near miss from matching. */
export function describeMissing(c: EvaluatedCondition): string {
  if (c.any) {
    const leaves = c.any.filter((child) => child.fact);
    const words = leaves.map((l) => describeCondition(l));
    return leaves.length === c.any.length && leaves.length <= 3 && words.join(", ").length <= 160
      ? `none of ${words.join(", ")}`
      : `none of its ${c.any.length} alternatives${words[0] ? ` (such as ${words[0]})` : ""}`;
  }
  if (c.not) return c.not.fact ? `excluded by ${describeCondition(c.not)}` : "an exclusion held";
  return `${describeCondition(c)} missing`;
}
