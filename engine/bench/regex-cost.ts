/**
 * The bench's "regex evaluation cost": every trigger regex of a bundle run by V8 (as matchesRegex runs
 * it) on 512 KiB pastes built to make it work hardest, next to its proven bound and to baselines in
 * the same run: a regex the old proof accepted and this one refuses, and a plain literal search.
 */
import { RegExpParser, type AST } from "@eslint-community/regexpp";
import type { Bundle } from "../src/bundle.js";
import { leavesOf } from "../src/compile.js";
import { costedPasteLength, parseTriggerRegex, regexStepBound } from "../src/regex-cost.js";

const parser = new RegExpParser();
const candidates = [..."aAzZ09 ._-/:'\"=\n"];

/** One text the regex matches, every repeat taken `many` times or its minimum, first alternatives first. */
function sample(node: AST.Node, many: boolean): string {
  switch (node.type) {
    case "Pattern":
    case "Group":
    case "CapturingGroup":
      return sample(node.alternatives[0] as AST.Alternative, many);
    case "Alternative":
      return node.elements.map((e) => sample(e, many)).join("");
    case "Quantifier":
      return sample(node.element, many).repeat(many ? Math.min(node.max, 1000) : node.min);
    case "Character":
    case "CharacterClass":
    case "CharacterSet":
      return candidates.find((c) => new RegExp(`^(?:${node.raw})$`, "i").test(c)) ?? "";
    default:
      return "";
  }
}

/** Pastes that make a regex start everywhere and give up late: its match cut short, its literal, one letter. */
function hardPastes(source: string): Record<string, string> {
  const pattern = parser.parsePattern(source);
  const fill = (unit: string) => (unit.length === 0 ? "" : unit.repeat(Math.ceil(costedPasteLength / unit.length)).slice(0, costedPasteLength));
  const longest = sample(pattern, true);
  const shortest = sample(pattern, false);
  const leading = (pattern.alternatives[0]?.elements ?? []).filter((_, i, all) => all.slice(0, i + 1).every((e) => e.type === "Character")).map((e) => e.raw.replace(/^\\/, "")).join("");
  return {
    "its longest match but the last character, repeated": fill(longest.slice(0, -1)),
    "its shortest match but the last character, repeated": fill(shortest.slice(0, -1)),
    "its leading literal and a space, repeated": fill(leading ? `${leading} ` : ""),
    "one letter": fill("a"),
  };
}

function timeOnce(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  const start = performance.now();
  regex.exec(text);
  return performance.now() - start;
}

/** Best of two runs: the machine is shared, and a slow run says more about the neighbours than the regex. */
const time = (regex: RegExp, text: string) => Math.min(timeOnce(regex, text), timeOnce(regex, text));

/** The figures: the slowest regex on its hardest paste, the sum over regexes, and the baselines. */
export function regexCostFigures(bundle: Bundle): Record<string, number | string> {
  const sources = new Set<string>();
  for (const entry of bundle.entries) for (const { leaf } of leavesOf(entry.triggers)) if (leaf.operator === "matchesRegex" && typeof leaf.value === "string") sources.add(leaf.value);
  let worst = { ms: 0, source: "", paste: "", bound: 0 };
  let sumMs = 0;
  let sumBound = 0;
  let mostNsPerStep = 0;
  let refused = 0;
  for (const source of sources) {
    // A knowledge base from before the proof can hold regexes it refuses: they are timed all the same.
    const parsed = parseTriggerRegex(source);
    const bound = "pattern" in parsed ? regexStepBound(parsed) : NaN;
    if (Number.isNaN(bound)) refused++;
    const regex = new RegExp(source, "gi");
    let own = { ms: 0, paste: "" };
    for (const [paste, text] of Object.entries(hardPastes(source))) {
      if (!text) continue;
      const ms = time(regex, text);
      if (ms > own.ms) own = { ms, paste };
    }
    sumMs += own.ms;
    if (!Number.isNaN(bound)) {
      sumBound += bound;
      mostNsPerStep = Math.max(mostNsPerStep, (own.ms * 1e6) / bound);
    }
    if (own.ms > worst.ms) worst = { ...own, source, bound };
  }
  const aText = "a".repeat(costedPasteLength);
  const scopeText = "insufficient_scope ".repeat(Math.ceil(costedPasteLength / 19)).slice(0, costedPasteLength);
  return {
    regexes: sources.size,
    refusedByTheProof: refused,
    worstMs: worst.ms,
    worstRegex: worst.source,
    worstPaste: worst.paste,
    worstBoundSteps: worst.bound,
    sumOfWorstMs: sumMs,
    sumOfBoundsSteps: sumBound,
    mostNsPerBoundStep: mostNsPerStep,
    // Accepted by the old proof (bounded repeats counted as constants), refused by this one.
    baselineOldProofMs: time(/a[^\n]{0,300}b/gi, aText),
    baselineOldProofRegex: "a[^\\n]{0,300}b on 512 KiB of a",
    // The floor: one literal, searched through the same length.
    baselineLiteralMs: time(/insufficient_scope googleapis\.com/gi, scopeText),
  };
}
