/** Matches pasted text against a bundle: ranked matches with reasons, and near misses with what they lack. */
import type { Bundle, BundleEntry } from "./bundle.js";
import { evaluateTrigger } from "./evaluate.js";
import { describeMissing, nearMissHeld, tally, toReason, type EvaluatedCondition, type Reason } from "./explain.js";
import { extractFacts, type Evidence, type Facts } from "./facts.js";
import { compareIds } from "./ids.js";
import { containsPhrase, matchesRegex, textOperatorSpans, textOperatorsFor, type TextOperators } from "./operators.js";
import { buildRuleIndex, candidates, phraseAbsence, presentKeys, type RuleIndex } from "./rule-index.js";
import { indexFits, restoreRuleIndex, type RuleIndexData } from "./rule-index-data.js";
import type { Evaluation } from "./reference-run.js";
import type { FoundSecret } from "./tokens.js";

/** Pastes longer than this are cut before matching; the report says so. */
export const maxInputLength = 512 * 1024;

/** One entry that matched. */
export interface Match {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly provider: string;
  /** The knowledge layer the entry came from ("built-in", or a team's folder or bundle). */
  readonly layer?: string | undefined;
  readonly score: number;
  /** 0 to 1: how much evidence backs the match, for display. */
  readonly confidence: number;
  /** The conditions that held, strongest first, with the spans that satisfied them. */
  readonly why: readonly Reason[];
}

/** An entry whose trigger failed although most of it held. */
export interface NearMiss {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The knowledge layer the entry came from. */
  readonly layer?: string | undefined;
  /** Share of the trigger's weight that held, 0 to 1. */
  readonly held: number;
  readonly why: readonly Reason[];
  readonly missing: readonly string[];
  /** One sentence: "HTTP 403 and status PERMISSION_DENIED held; reason ACCESS_TOKEN_SCOPE_INSUFFICIENT missing". */
  readonly message: string;
}

/**
 * Everything one match run found. Whatever carries text for display (facts, evidence values, reasons,
 * messages) has the paste's secrets masked; `facts.text` is the paste itself, and `secrets` says where
 * its secrets are, for showing it through `redactRange`.
 */
export interface MatchReport {
  readonly matches: readonly Match[];
  readonly near: readonly NearMiss[];
  readonly facts: Facts;
  readonly evidence: readonly Evidence[];
  readonly secrets: readonly FoundSecret[];
  /** True when the input was longer than `maxInputLength` and only its start was matched. */
  readonly truncated: boolean;
}

/** Options of a match run. */
export interface MatchOptions {
  /** Time of matching in ms since the epoch (JWT expiry); fixed values make runs reproducible. */
  readonly now?: number;
  /** Most near misses to report. */
  readonly maxNear?: number;
  /** Evaluate every rule instead of the candidates the index picks (for tests and benchmarks). */
  readonly exhaustive?: boolean;
}

const compiled = new WeakMap<Bundle, RuleIndex>();
const prebuilt = new WeakMap<Bundle, RuleIndexData>();

/** Gives a bundle the index computed for it ahead of time; ignored when the data belongs to another bundle. */
export function usePrebuiltIndex(bundle: Bundle, data: RuleIndexData): void {
  if (indexFits(data, bundle) && !compiled.has(bundle)) prebuilt.set(bundle, data);
}

function indexOf(bundle: Bundle): RuleIndex {
  let index = compiled.get(bundle);
  if (!index) {
    const data = prebuilt.get(bundle);
    index = data ? restoreRuleIndex(data) : buildRuleIndex(bundle);
    compiled.set(bundle, index);
  }
  return index;
}

function confidenceOf(score: number): number {
  return Math.round((1 - Math.exp(-score / 8)) * 100) / 100;
}

function heldReasons(leaves: EvaluatedCondition[], text: string, evidence: readonly Evidence[], operators: TextOperators, secrets: readonly FoundSecret[]): Reason[] {
  return leaves
    .map((leaf) => toReason(leaf, text, evidence, true, operators.spans, secrets))
    .sort((a, b) => b.weight - a.weight);
}

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** Matches text against a bundle; results are ranked best first and are the same for the same input. */
export async function match(bundle: Bundle, input: string, options: MatchOptions = {}): Promise<MatchReport> {
  const truncated = input.length > maxInputLength;
  const raw = truncated ? input.slice(0, maxInputLength) : input;
  const extracted = extractFacts(raw, options.now === undefined ? {} : { now: options.now });
  const { facts, evidence } = extracted;
  const index = indexOf(bundle);
  // Indexed, one literal scan of the text picks the candidate rules and decides most of their phrases.
  const keys = options.exhaustive ? undefined : presentKeys(index, facts);
  // Exhaustive runs use the operators with nothing known in advance: the reference the index is tested against.
  const operators = keys ? textOperatorsFor(facts.text, phraseAbsence(index, keys)) : { containsPhrase, matchesRegex, spans: textOperatorSpans };
  const positions = keys ? candidates(index, bundle.entries, facts, keys, operators) : bundle.entries.map((_e, i) => i);
  const evaluated: Evaluation[] = keys
    ? positions.map((position) => ({ position, ...evaluateTrigger((bundle.entries[position] as BundleEntry).triggers, facts, operators) }))
    : await (await import("./reference-run.js")).referenceRun(bundle, positions, facts, operators);

  const matches: Match[] = evaluated.flatMap(({ position, conditions, result }) => {
    const entry = bundle.entries[position];
    if (!entry || !result) return [];
    const t = tally(conditions);
    return [{
      id: entry.id,
      title: entry.title,
      summary: entry.summary,
      provider: entry.provider,
      ...(entry.layer === undefined ? {} : { layer: entry.layer }),
      score: t.held,
      confidence: confidenceOf(t.held),
      why: heldReasons(t.heldLeaves, facts.text, evidence, operators, extracted.secrets),
    }];
  });
  matches.sort((a, b) => b.score - a.score || compareIds(a.id, b.id));

  // Ranked first, explained after: only the near misses reported need their reasons and wording.
  const ranked = evaluated.flatMap(({ position, conditions, result }) => {
    const entry = bundle.entries[position];
    if (!entry || result) return [];
    const t = tally(conditions);
    const share = nearMissHeld(t);
    return share === undefined ? [] : [{ entry, t, held: Math.round(share * 100) / 100 }];
  });
  ranked.sort((a, b) => b.held - a.held || compareIds(a.entry.id, b.entry.id));
  const near: NearMiss[] = ranked.slice(0, options.maxNear ?? 3).map(({ entry, t, held }) => {
    const why = heldReasons(t.heldLeaves, facts.text, evidence, operators, extracted.secrets);
    const missing = t.missingLeaves.map(describeMissing);
    return {
      id: entry.id,
      title: entry.title,
      summary: entry.summary,
      ...(entry.layer === undefined ? {} : { layer: entry.layer }),
      held,
      why,
      missing,
      message: `${joinWords(why.map((r) => r.description))} held; ${joinWords(missing)}`,
    };
  });

  return { matches, near, facts, evidence, secrets: extracted.secrets, truncated };
}
