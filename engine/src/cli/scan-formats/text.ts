/** `scan`'s default output: FILE:LINE: entry-id: excerpt, one line per occurrence. */
import { excerptOf, type Occurrence } from "./occurrence.js";

/** One occurrence as a line of text. */
export function textLine(occurrence: Occurrence): string {
  const layer = occurrence.layer ? ` (from ${occurrence.layer})` : "";
  return `${occurrence.file}:${occurrence.line}: ${occurrence.id}${layer}: ${excerptOf(occurrence)}\n`;
}
