/**
 * The occurrences a report keeps. A CI log can hold millions of them and a report format shows a few
 * (GitHub annotations) or thousands (SARIF): what is kept is bounded, every occurrence is counted, and
 * the first of each entry is always kept so that a cut report still shows every kind of error.
 */
import type { Occurrence } from "./occurrence.js";

/** The occurrences of a scan, counted; the first `keep` of them and the first of each entry kept. */
export class OccurrenceSample {
  /** Occurrences of each entry, in the order entries first fired. */
  readonly counts = new Map<string, number>();
  readonly kept: Occurrence[] = [];
  total = 0;

  constructor(private readonly keep: number) {}

  add(occurrence: Occurrence): void {
    this.total++;
    const before = this.counts.get(occurrence.id) ?? 0;
    this.counts.set(occurrence.id, before + 1);
    if (this.kept.length < this.keep || before === 0) this.kept.push(occurrence);
  }
}

/**
 * At most `limit` occurrences, in their order: the first of each entry, then the rest from the start,
 * so that a limit shows the variety of a log before its repetitions.
 */
export function variedSelection(occurrences: readonly Occurrence[], limit: number): Occurrence[] {
  if (occurrences.length <= limit) return [...occurrences];
  const chosen = new Set<number>();
  const seen = new Set<string>();
  for (const [index, occurrence] of occurrences.entries()) {
    if (chosen.size >= limit) break;
    if (!seen.has(occurrence.id)) {
      seen.add(occurrence.id);
      chosen.add(index);
    }
  }
  for (let index = 0; index < occurrences.length && chosen.size < limit; index++) chosen.add(index);
  return [...chosen].sort((a, b) => a - b).map((index) => occurrences[index] as Occurrence);
}
