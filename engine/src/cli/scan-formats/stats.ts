/** `scan --stats`: how many times each entry fired. */

/** The counts as lines, the most frequent entry first (ties by id), then the total. */
export function statsText(counts: ReadonlyMap<string, number>): string {
  const rows = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const width = String(total).length;
  const lines = rows.map(([id, count]) => `${String(count).padStart(width)}  ${id}`);
  return `Occurrences by entry:\n${[...lines, `${String(total).padStart(width)}  in all`].join("\n")}\n`;
}
