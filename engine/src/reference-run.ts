/**
 * Exhaustive matching's evaluation: json-rules-engine itself runs every rule, with Faultline's two
 * text operators and path resolver. It is the reference the indexed path (evaluate.ts) is tested
 * against, and loads only when asked for, so matching never pays for it.
 */
import { Engine, Fact, Rule } from "json-rules-engine";
import type { Bundle, BundleEntry } from "./bundle.js";
import { toRule } from "./compile.js";
import { resolvePath } from "./evaluate.js";
import type { EvaluatedCondition } from "./explain.js";
import type { Facts } from "./facts.js";
import type { TextOperators } from "./operators.js";

/** One rule's evaluation: its entry's position in the bundle, the evaluated tree, and whether it held. */
export interface Evaluation {
  readonly position: number;
  readonly conditions: EvaluatedCondition;
  readonly result: boolean;
}

// Rules are built on first use: at 10,000 entries each costs memory.
const rulesOf = new WeakMap<Bundle, Array<Rule | undefined>>();

/** Runs json-rules-engine over the rules of the entries at `positions`. */
export async function referenceRun(bundle: Bundle, positions: readonly number[], facts: Facts, operators: TextOperators): Promise<Evaluation[]> {
  let rules = rulesOf.get(bundle);
  if (!rules) {
    rules = new Array<Rule | undefined>(bundle.entries.length);
    rulesOf.set(bundle, rules);
  }
  const cache = rules;
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  engine.addOperator("containsPhrase", operators.containsPhrase);
  engine.addOperator("matchesRegex", operators.matchesRegex);
  const positionOf = new Map<string, number>();
  for (const i of positions) {
    engine.addRule((cache[i] ??= new Rule(toRule(bundle.entries[i] as BundleEntry))));
    positionOf.set((bundle.entries[i] as BundleEntry).id, i);
  }
  // Uncached facts: json-rules-engine would hash each into a key of a cache that constants never read.
  const runFacts = Object.fromEntries(Object.entries(facts).map(([name, value]) => [name, new Fact(name, value, { cache: false })]));
  const outcome = await engine.run(runFacts);
  // The evaluated tree itself, not toJSON(): json-rules-engine's toJSON drops `result` on all/any/not nodes.
  return [...outcome.results, ...outcome.failureResults].flatMap((r) => {
    const position = positionOf.get(String(r.name));
    return position === undefined ? [] : [{ position, conditions: r.conditions as unknown as EvaluatedCondition, result: r.result === true }];
  });
}
