/**
 * Entries not reviewed for a while: the day of an entry's newest review is the later of `updated` and
 * `verified.on` (reviewedOn). `faultline check --stale DAYS` lists those older than DAYS, oldest first.
 */
import type { CheckedEntry } from "./check.js";
import { reviewedOn } from "./compile.js";
import { KnowledgeProblem } from "./problem.js";

const dayMs = 24 * 60 * 60 * 1000;

/** Whole days from one YYYY-MM-DD date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** One entry reviewed longer ago than allowed, as a line at the date that says so. */
export function staleEntries(entries: readonly CheckedEntry[], days: number, today: string): KnowledgeProblem[] {
  return entries
    .map((entry) => ({ entry, reviewed: reviewedOn(entry.meta) }))
    .filter(({ reviewed }) => daysBetween(reviewed, today) > days)
    .sort((a, b) => a.reviewed.localeCompare(b.reviewed) || a.entry.meta.id.localeCompare(b.entry.meta.id))
    .map(({ entry, reviewed }) => {
      const field = entry.meta.verified?.on === reviewed ? ["verified", "on"] : ["updated"];
      return new KnowledgeProblem({
        file: entry.file,
        ...entry.locate(field),
        field: field.join("."),
        message: `"${entry.meta.id}" last reviewed ${reviewed}, ${daysBetween(reviewed, today)} days ago (more than ${days})`,
        hint: "try the fix again and set verified, or review the entry and set updated",
      });
    });
}
