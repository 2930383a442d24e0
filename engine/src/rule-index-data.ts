/**
 * The rule index as plain JSON, computed when a bundle is compiled ahead of time (the built-in
 * knowledge): a one-shot CLI run then restores it instead of analysing every trigger, which took about
 * 50 ms of a 250 ms `faultline match` on a cold start. The data names the bundle it belongs to, so a
 * bundle and an index that do not belong together are never combined.
 */
import { AdaptiveLiteralMatcher } from "./aho-corasick.js";
import type { Bundle } from "./bundle.js";
import { buildRuleIndex, denseLimit, leafKeysOf, type RuleIndex } from "./rule-index.js";

/** The format tag of serialised indexes. */
export const ruleIndexFormat = "faultline-index@2";

/**
 * A rule index, serialised. Keys are numbers: below `literals.length` the text key of that literal
 * (`text:` + literal), above it an entry of `keys`; each literal is written once.
 */
export interface RuleIndexData {
  readonly format: typeof ruleIndexFormat;
  /** The ids of the bundle's entries, in order: the index's positions refer to them. */
  readonly ids: readonly string[];
  readonly literals: readonly string[];
  /** The keys that are not text literals (`codes:accessdenied`, `httpStatus:403` …). */
  readonly keys: readonly string[];
  readonly byKey: ReadonlyArray<readonly [number, readonly number[]]>;
  readonly always: readonly number[];
  readonly nearByKey: ReadonlyArray<readonly [number, readonly number[]]>;
  readonly nearAlways: readonly number[];
  /** Literals that are also phrases, by number. */
  readonly phrases: readonly number[];
  /** Each entry's `leafKeysOf`, keys by number. */
  readonly leafKeys: ReadonlyArray<ReadonlyArray<readonly number[] | null>>;
}

/** Computes a bundle's index as JSON-ready data. */
export function ruleIndexData(bundle: Bundle): RuleIndexData {
  const index = buildRuleIndex(bundle);
  const literals = index.literals.literals;
  const literalNumber = new Map(literals.map((literal, i) => [literal, i]));
  const keys: string[] = [];
  const keyNumber = new Map<string, number>();
  const numberOf = (key: string): number => {
    const literal = key.startsWith("text:") ? literalNumber.get(key.slice(5)) : undefined;
    if (literal !== undefined) return literal;
    let n = keyNumber.get(key);
    if (n === undefined) {
      n = literals.length + keys.push(key) - 1;
      keyNumber.set(key, n);
    }
    return n;
  };
  const numbered = (map: ReadonlyMap<string, readonly number[]>) => [...map].map(([key, positions]) => [numberOf(key), positions] as const);
  return {
    format: ruleIndexFormat,
    ids: bundle.entries.map((e) => e.id),
    literals,
    byKey: numbered(index.byKey),
    always: index.always,
    nearByKey: numbered(index.nearByKey),
    nearAlways: index.nearAlways,
    phrases: [...index.phrases].map((phrase) => literalNumber.get(phrase) ?? -1),
    leafKeys: bundle.entries.map((entry) => leafKeysOf(entry.triggers).map((leaf) => leaf && leaf.map(numberOf))),
    keys,
  };
}

/** Whether the data is the index of this bundle: same format, same entries in the same order. */
export function indexFits(data: RuleIndexData, bundle: Bundle): boolean {
  return data.format === ruleIndexFormat && data.ids.length === bundle.entries.length && bundle.entries.every((e, i) => e.id === data.ids[i]);
}

/** The index the data describes. */
export function restoreRuleIndex(data: RuleIndexData): RuleIndex {
  const { literals, keys } = data;
  const keyOf = (n: number): string => (n < literals.length ? `text:${literals[n]}` : (keys[n - literals.length] as string));
  const named = (pairs: RuleIndexData["byKey"]) => new Map(pairs.map(([n, positions]) => [keyOf(n), positions]));
  return {
    literals: new AdaptiveLiteralMatcher(literals, denseLimit),
    byKey: named(data.byKey),
    always: data.always,
    nearByKey: named(data.nearByKey),
    nearAlways: data.nearAlways,
    phrases: new Set(data.phrases.map((n) => literals[n] as string)),
    leafKeys: data.leafKeys.map((entry) => entry.map((leaf) => leaf && leaf.map(keyOf))),
  };
}
