/** Matches pasted text against a bundle: ranked matches with reasons, and near misses with what they lack. */
import { Engine, Fact, Rule, type RuleResult } from "json-rules-engine";
import type { Bundle, BundleEntry } from "./bundle.js";
import { toRule } from "./compile.js";
import { describeMissing, nearMissHeld, tally, toReason, type EvaluatedCondition, type Reason } from "./explain.js";
import { extractFacts, type Evidence, type Facts } from "./facts.js";
import { containsPhrase, matchesRegex, textOperatorSpans, textOperatorsFor, type TextOperators } from "./operators.js";
import { buildRuleIndex, candidates, phraseAbsence, presentKeys, type RuleIndex } from "./rule-index.js";
import { indexFits, restoreRuleIndex, type RuleIndexData } from "./rule-index-data.js";
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

/** What a bundle compiles to: the index, and json-rules-engine rules built the first time they are needed. */
interface Compiled {
  readonly rules: Array<Rule | undefined>;
  readonly index: RuleIndex;
  readonly byId: ReadonlyMap<string, BundleEntry>;
}

const compiled = new WeakMap<Bundle, Compiled>();
const prebuilt = new WeakMap<Bundle, RuleIndexData>();

/** Gives a bundle the index computed for it ahead of time; ignored when the data belongs to another bundle. */
export function usePrebuiltIndex(bundle: Bundle, data: RuleIndexData): void {
  if (indexFits(data, bundle) && !compiled.has(bundle)) prebuilt.set(bundle, data);
}

function resolvePath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.replace(/^\$\.?/, "").split(".").filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function compile(bundle: Bundle): Compiled {
  let result = compiled.get(bundle);
  if (!result) {
    const data = prebuilt.get(bundle);
    result = {
      rules: new Array<Rule | undefined>(bundle.entries.length),
      index: data ? restoreRuleIndex(data) : buildRuleIndex(bundle),
      byId: new Map(bundle.entries.map((e) => [e.id, e])),
    };
    compiled.set(bundle, result);
  }
  return result;
}

/** A json-rules-engine engine with Faultline's operators over the given rules. */
function engineFor(rules: readonly Rule[], operators: TextOperators): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  engine.addOperator("containsPhrase", operators.containsPhrase);
  engine.addOperator("matchesRegex", operators.matchesRegex);
  for (const rule of rules) engine.addRule(rule);
  return engine;
}

/** The facts of one run as json-rules-engine facts, uncached: it would hash each into a key of a cache that constants never read. */
function runFacts(facts: Facts): Record<string, Fact> {
  return Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, new Fact(name, value, { cache: false })]));
}

function confidenceOf(score: number): number {
  return Math.round((1 - Math.exp(-score / 8)) * 100) / 100;
}

// The evaluated tree itself, not toJSON(): json-rules-engine's toJSON drops `result` on all/any/not nodes.
function conditionsOf(result: RuleResult): EvaluatedCondition {
  return result.conditions as unknown as EvaluatedCondition;
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
  const { rules, index, byId } = compile(bundle);
  // Indexed, one literal scan of the text picks the candidate rules and decides most of their phrases.
  const keys = options.exhaustive ? undefined : presentKeys(index, facts);
  // Exhaustive runs use the operators with nothing known in advance: the reference the index is tested against.
  const operators = keys ? textOperatorsFor(facts.text, phraseAbsence(index, keys)) : { containsPhrase, matchesRegex, spans: textOperatorSpans };
  const positions = keys ? candidates(index, bundle.entries, facts, keys, operators) : bundle.entries.map((_e, i) => i);
  // Rules are built on first use: at 10,000 entries most are never candidates, and each costs memory.
  const chosen = positions.map((i) => (rules[i] ??= new Rule(toRule(bundle.entries[i] as BundleEntry))));
  const outcome = await engineFor(chosen, operators).run(runFacts(facts));

  const matches: Match[] = outcome.results.flatMap((result) => {
    const entry = byId.get(String(result.name));
    if (!entry) return [];
    const t = tally(conditionsOf(result));
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
  matches.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  // Ranked first, explained after: only the near misses reported need their reasons and wording.
  const ranked = outcome.failureResults.flatMap((result) => {
    const entry = byId.get(String(result.name));
    if (!entry) return [];
    const t = tally(conditionsOf(result));
    const share = nearMissHeld(t);
    return share === undefined ? [] : [{ entry, t, held: Math.round(share * 100) / 100 }];
  });
  ranked.sort((a, b) => b.held - a.held || a.entry.id.localeCompare(b.entry.id));
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
