/**
 * Trigger regexes run on pastes of up to 512 KiB with the platform's backtracking engine, so each one
 * must be proven to backtrack at most linearly. The proof is recheck's automaton checker (an analysis
 * of the regex's NFA for ambiguity, not a fuzzer): a bounded repeat such as `.{0,300}` counts as a
 * constant, while overlapping unbounded repeats such as `a.*b.*c` are polynomial and rejected.
 */
import { createRequire } from "node:module";
import type { Diagnostics } from "recheck";

/** Why a trigger regex cannot be used at all (it does not compile, or needs backtracking by design), or undefined. */
export function describeRegexSyntax(source: string): string | undefined {
  try {
    new RegExp(source, "i");
  } catch (error) {
    return `invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "")}`;
  }
  const feature = backtrackingFeature(source);
  if (feature) return `regular expression /${source}/ uses ${feature}, which no linear-time proof covers; match the text without it`;
  return undefined;
}

/** Finds a backreference or lookbehind outside a character class. */
function backtrackingFeature(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1] ?? "";
      if (!inClass && /[1-9]/.test(next)) return `a backreference (\\${next})`;
      if (!inClass && next === "k" && source[i + 2] === "<") return "a named backreference (\\k<…>)";
      i++;
    } else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (!inClass && source.startsWith("(?<=", i)) return "a lookbehind ((?<=…))";
    else if (!inClass && source.startsWith("(?<!", i)) return "a lookbehind ((?<!…))";
  }
  return undefined;
}

// Bounded repeats up to this count are analysed as written; recheck's default (30) would give up on
// the `.{0,300}` gaps triggers use between two phrases.
const params = { checker: "automaton", maxRepeatCount: 1000, timeout: 10_000 } as const;

/** Why a regex failed the proof, and what the author can do about it. */
export interface RegexRisk {
  readonly message: string;
  readonly hint: string;
}

const verdicts = new Map<string, Promise<RegexRisk | undefined>>();

// recheck starts its checker process on the first call, and every call made before that one answers
// starts another: 200 proofs at once took 2.8 s cold, against 0.25 s after one call had answered.
let firstCall: Promise<unknown> | undefined;

/** Proves that a trigger regex backtracks at most linearly; resolves to why not, or undefined when proven. */
export function proveLinear(source: string): Promise<RegexRisk | undefined> {
  let verdict = verdicts.get(source);
  if (!verdict) {
    // Required on first use: recheck is 5 MB of JavaScript that only `check` needs, never loading or
    // matching. Node's own require, because the site build runs this file in Vite's module runner,
    // which is closed by the time the knowledge gate calls it.
    const { check } = createRequire(import.meta.url)("recheck") as typeof import("recheck");
    const run = () => check(source, "i", params);
    const diagnostics = firstCall ? firstCall.then(run, run) : run();
    firstCall ??= diagnostics;
    verdict = diagnostics.then((d) => describeDiagnostics(source, d));
    verdicts.set(source, verdict);
  }
  return verdict;
}

function describeDiagnostics(source: string, d: Diagnostics): RegexRisk | undefined {
  if (d.status === "safe") return undefined;
  if (d.status === "unknown") {
    const why = d.error.kind === "timeout" ? `the proof did not finish in ${params.timeout / 1000} s` : `the checker could not analyse it (${d.error.kind}${"message" in d.error ? `: ${d.error.message}` : ""})`;
    return { message: `regular expression /${source}/ could not be proven to run in linear time: ${why}`, hint: "simplify it or lower its {m,n} bounds" };
  }
  const parts = [...new Set(d.hotspot.map((h) => `"${source.slice(h.start, h.end)}"`))].join(" and ");
  return {
    message: `regular expression /${source}/ can backtrack in ${d.complexity.summary} time: the parts ${parts} can match the same text in more than one way, so a paste like ${d.attack.pattern} stalls the matcher`,
    hint: "bound the repeats, like .{0,300}, or make neighbouring repeats exclude each other's characters",
  };
}
