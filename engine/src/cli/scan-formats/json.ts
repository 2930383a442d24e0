/** `scan --format json` (or `--json`): one JSON object per occurrence, one per line. */
import type { Occurrence } from "./occurrence.js";

/** One occurrence as a line of JSON; the text keeps its control characters, which JSON escapes. */
export function jsonLine({ file, line, id, layer, score, text }: Occurrence): string {
  return `${JSON.stringify({ file, line, id, ...(layer ? { layer } : {}), score, text })}\n`;
}
