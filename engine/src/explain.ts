/**
 * Reads json-rules-engine's evaluated condition trees back into explanations: which conditions held,
 * which input spans satisfied them, how much they weigh, and what a near miss lacks.
 */
import { findFact } from "./catalog.js";
import type { Evidence } from "./facts.js";
import { containsPhrase, matchesRegex, textOperatorSpans, type Span } from "./operators.js";

/** A condition node as json-rules-engine returns it after evaluation. */
export interface EvaluatedCondition {
  all?: EvaluatedCondition[];
  any?: EvaluatedCondition[];
  not?: EvaluatedCondition;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  result?: boolean;
  factResult?: unknown;
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

/** The spans of the input that satisfied a held leaf condition. */
export function spansOf(c: EvaluatedCondition, text: string, evidence: readonly Evidence[]): Span[] {
  if (!c.operator || negative.has(c.operator)) return [];
  if (c.fact === "text") return outermost(textOperatorSpans(c.operator, c.value, text));
  return outermost(evidence.filter((e) => evidenceMatches(c, e)));
}

function weightOf(c: EvaluatedCondition): number {
  return (c.fact ? findFact(c.fact)?.weight : undefined) ?? 1;
}

/** Builds the reason for one leaf; `held` picks wording from the text that satisfied it. */
export function toReason(c: EvaluatedCondition, text: string, evidence: readonly Evidence[], held: boolean): Reason {
  const spans = held ? spansOf(c, text, evidence) : [];
  const heldPhrase = held && c.operator === "containsPhrase" && spans[0] ? text.slice(spans[0].start, spans[0].end).replace(/\s+/g, " ") : undefined;
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
 */
export function tally(c: EvaluatedCondition): Tally {
  if (c.all) {
    const parts = c.all.map(tally);
    return {
      held: parts.reduce((s, p) => s + p.held, 0),
      possible: parts.reduce((s, p) => s + p.possible, 0),
      heldLeaves: parts.flatMap((p) => p.heldLeaves),
      missingLeaves: parts.flatMap((p) => p.missingLeaves),
    };
  }
  if (c.any) {
    const parts = c.any.map(tally);
    // Alternatives that held all add evidence; a failed alternative's partial leaves prove nothing.
    const heldParts = parts.filter((_p, i) => c.any?.[i]?.result === true);
    return {
      held: heldParts.reduce((s, p) => s + p.held, 0),
      possible: Math.max(0, ...parts.map((p) => p.possible)),
      heldLeaves: heldParts.flatMap((p) => p.heldLeaves),
      missingLeaves: heldParts.length > 0 ? [] : [c],
    };
  }
  if (c.not) return { held: 0, possible: 0, heldLeaves: [], missingLeaves: c.result === false ? [c] : [] };
  const weight = weightOf(c);
  return c.result === true
    ? { held: weight, possible: weight, heldLeaves: [c], missingLeaves: [] }
    : { held: 0, possible: weight, heldLeaves: [], missingLeaves: [c] };
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
