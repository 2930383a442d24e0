/**
 * Where entries overlap: every entry that fires on another entry's example, or on an error that no
 * entry should explain (an unrelated corpus), even when it does not rank first there. Each overlap
 * names the example, the rank and score of the entry that fired and of the example's own entry, and
 * the conditions that held. `check` fails on the overlaps that outrank the example's own entry
 * (shadowing); the rest are a report for authors (`faultline check --overlaps`).
 */
import type { Bundle } from "./bundle.js";
import type { CheckedEntry } from "./check.js";
import { match, type Match, type MatchOptions } from "./match.js";

/** Where an entry fired. */
export interface OverlapSite {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The entry whose example it is, or undefined for a text of the unrelated corpus. */
  readonly owner?: string | undefined;
  /** Which example of the owner, from 0. */
  readonly example?: number | undefined;
}

/** An entry's rank (from 1) and score on one text. */
export interface Standing {
  readonly id: string;
  readonly rank: number;
  readonly score: number;
}

/** One entry firing where it should not rank first. */
export interface Overlap {
  readonly at: OverlapSite;
  /** The entry that fired. */
  readonly entry: Standing;
  /** The example's own entry, when it matched at all. */
  readonly own?: Standing | undefined;
  /** The conditions of `entry` that held, strongest first. */
  readonly conditions: readonly string[];
  /** Whether `entry` scores higher than the example's own entry (or the own entry did not match). */
  readonly shadows: boolean;
}

/** A text of the unrelated corpus: errors that no entry should explain. */
export interface CorpusText {
  readonly file: string;
  readonly text: string;
}

/** The descriptions of what held, each once: two leaves can hold on the same text. */
const conditionsOf = (m: Match): string[] => [...new Set(m.why.map((reason) => reason.description))];

const standing = (matches: readonly Match[], m: Match): Standing => ({ id: m.id, rank: matches.indexOf(m) + 1, score: m.score });

/** Runs every entry's trigger (through `bundle`) on the other entries' examples and on `against`, listing each entry that fires there. */
export async function findOverlaps(entries: readonly CheckedEntry[], bundle: Bundle, against: readonly CorpusText[] = [], options: MatchOptions = {}): Promise<Overlap[]> {
  const overlaps: Overlap[] = [];
  for (const entry of entries) {
    for (const [i, example] of entry.meta.examples.entries()) {
      const { matches } = await match(bundle, example, options);
      const mine = matches.find((m) => m.id === entry.meta.id);
      const own = mine ? standing(matches, mine) : undefined;
      for (const m of matches) {
        if (m.id === entry.meta.id) continue;
        overlaps.push({
          at: { file: entry.file, ...entry.locate(["examples", i]), owner: entry.meta.id, example: i },
          entry: standing(matches, m),
          own,
          conditions: conditionsOf(m),
          shadows: own === undefined || m.score > own.score,
        });
      }
    }
  }
  for (const { file, text } of against) {
    const { matches } = await match(bundle, text, options);
    for (const m of matches) overlaps.push({ at: { file, line: 1, column: 1 }, entry: standing(matches, m), conditions: conditionsOf(m), shadows: false });
  }
  return overlaps;
}

/** One line for an overlap: `FILE:LINE:COL: "a" fires on example 2 of "b" at rank 1 (score 9; "b" rank 2, score 6): held …`. */
export function formatOverlap(o: Overlap): string {
  const where = `${o.at.file}:${o.at.line}:${o.at.column}`;
  const on = o.at.owner === undefined ? "on this unrelated error" : `on example ${(o.at.example ?? 0) + 1} of "${o.at.owner}"`;
  const own = o.at.owner === undefined ? "" : o.own ? `; "${o.own.id}" rank ${o.own.rank}, score ${o.own.score}` : `; "${o.at.owner}" does not match`;
  return `${where}: "${o.entry.id}" fires ${on} at rank ${o.entry.rank} (score ${o.entry.score}${own}): ${o.conditions.join(", ")}`;
}
