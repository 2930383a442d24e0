/**
 * An index over a bundle's triggers, so that a paste only evaluates the rules that can hold.
 *
 * Each rule gets a gate: a set of keys ("text:insufficient authentication scopes", "reasons:SERVICE_DISABLED",
 * "httpStatus:403") at least one of which is present whenever the rule holds. A paste's keys come from its
 * facts and from one Aho-Corasick pass over its text. json-rules-engine still decides what holds; the index
 * only skips rules that provably cannot, so indexed and exhaustive matching give the same results.
 */
import { foldLiteral, LiteralMatcher } from "./aho-corasick.js";
import type { Bundle } from "./bundle.js";
import type { Facts } from "./facts.js";
import type { Condition, FactCondition } from "./schema.js";

/** Facts whose keys say little: a gate made only of them is kept only when nothing better exists. */
const weakFacts = new Set(["httpStatus", "status", "providers", "urls", "principals"]);
const listFacts = ["reasons", "codes", "tokenKinds", "providers", "permissions", "principals", "urls"] as const;
const scalarFacts = ["httpStatus", "status", "jwtExpired", "jwtAudienceHasPath", "jwtAudienceMatchesUrl"] as const;
/** Facts whose held leaves make a near miss worth reporting (see match.ts). */
const nearFacts = new Set(["text", "reasons", "codes"]);

/** The compiled index of one bundle. */
export interface RuleIndex {
  readonly literals: LiteralMatcher;
  /** Entry positions (in bundle order) whose gate contains the key. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Entries without a gate: always evaluated. */
  readonly always: readonly number[];
  /** Entries that may be near misses when the key is present. */
  readonly nearByKey: ReadonlyMap<string, readonly number[]>;
  /** Entries that may be near misses whatever the paste (a strong leaf the index cannot key). */
  readonly nearAlways: readonly number[];
}

function leafKeys(leaf: FactCondition): string[] | undefined {
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  if (leaf.path !== undefined) return undefined;
  if (leaf.fact === "text") {
    if (leaf.operator === "containsPhrase" || leaf.operator === "contains") {
      const folded = values.map((v) => foldLiteral(String(v)));
      return folded.every((f) => f.length > 0) ? folded.map((f) => `text:${f}`) : undefined;
    }
    return undefined;
  }
  if ((listFacts as readonly string[]).includes(leaf.fact) && leaf.operator === "contains") return [`${leaf.fact}:${String(leaf.value)}`];
  if ((scalarFacts as readonly string[]).includes(leaf.fact)) {
    if (leaf.operator === "equal" && leaf.value !== null) return [`${leaf.fact}:${String(leaf.value)}`];
    if (leaf.operator === "in") return values.filter((v) => v !== null).map((v) => `${leaf.fact}:${String(v)}`);
  }
  return undefined;
}

function cost(keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + (weakFacts.has(key.slice(0, key.indexOf(":"))) ? 1000 : 1), 0);
}

/** Keys of which at least one is present whenever the condition holds; undefined when none can be promised. */
export function gateOf(condition: Condition): string[] | undefined {
  if ("all" in condition) {
    const gates = condition.all.map(gateOf).filter((g): g is string[] => g !== undefined);
    return gates.sort((a, b) => cost(a) - cost(b))[0];
  }
  if ("any" in condition) {
    const gates = condition.any.map(gateOf);
    return gates.every((g): g is string[] => g !== undefined) ? [...new Set(gates.flat())] : undefined;
  }
  if ("not" in condition) return undefined;
  return leafKeys(condition);
}

/** Keys of the leaves that can make the entry a near miss; undefined when one of them has no key. */
export function nearKeysOf(condition: Condition): string[] | undefined {
  if ("all" in condition || "any" in condition) {
    const parts = ("all" in condition ? condition.all : condition.any).map(nearKeysOf);
    return parts.every((p): p is string[] => p !== undefined) ? parts.flat() : undefined;
  }
  if ("not" in condition) return [];
  if (!nearFacts.has(condition.fact)) return [];
  return leafKeys(condition);
}

function addTo(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== position) list.push(position);
  } else {
    map.set(key, [position]);
  }
}

/** Builds the index of a bundle. */
export function buildRuleIndex(bundle: Bundle): RuleIndex {
  const byKey = new Map<string, number[]>();
  const nearByKey = new Map<string, number[]>();
  const always: number[] = [];
  const nearAlways: number[] = [];
  const literalIds = new Map<string, number>();
  bundle.entries.forEach((entry, position) => {
    const gate = gateOf(entry.triggers);
    if (gate) for (const key of gate) addTo(byKey, key, position);
    else always.push(position);
    const near = nearKeysOf(entry.triggers);
    if (near) for (const key of near) addTo(nearByKey, key, position);
    else nearAlways.push(position);
    for (const key of [...(gate ?? []), ...(near ?? [])]) {
      if (key.startsWith("text:") && !literalIds.has(key)) literalIds.set(key, literalIds.size);
    }
  });
  const literals = new LiteralMatcher([...literalIds.keys()].map((key) => key.slice(5)));
  return { literals, byKey, always, nearByKey, nearAlways };
}

/** The keys a paste presents: its fact values, and the indexed literals found in its text. */
export function presentKeys(index: RuleIndex, facts: Facts): Set<string> {
  const keys = new Set<string>();
  for (const literal of index.literals.findAll(facts.text)) keys.add(`text:${index.literals.literals[literal]}`);
  for (const fact of listFacts) for (const value of facts[fact]) keys.add(`${fact}:${value}`);
  for (const fact of scalarFacts) if (facts[fact] !== null) keys.add(`${fact}:${String(facts[fact])}`);
  return keys;
}

/** Bundle positions of the entries worth evaluating for these facts, in bundle order. */
export function candidates(index: RuleIndex, facts: Facts): number[] {
  const chosen = new Set<number>([...index.always, ...index.nearAlways]);
  for (const key of presentKeys(index, facts)) {
    for (const position of index.byKey.get(key) ?? []) chosen.add(position);
    for (const position of index.nearByKey.get(key) ?? []) chosen.add(position);
  }
  return [...chosen].sort((a, b) => a - b);
}
