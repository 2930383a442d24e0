/**
 * The work `scan` does on a block of whole lines: the byte filter picks the lines that may hold a known
 * error, and only those are decoded and matched in full.
 */
import type { Bundle } from "../bundle.js";
import type { ByteLineFilter } from "../byte-scan.js";
import { match, maxInputLength } from "../match.js";
import { redact } from "../redact.js";

/**
 * Bytes of a line that are kept: enough for `match`, which reads only the first maxInputLength UTF-16
 * units (at most 3 bytes each), to see the same text as with the whole line.
 */
export const maxLineBytes = 3 * (maxInputLength + 2);

/** Size of the buffers lines are read into: room for more than two lines of maxLineBytes. */
export const blockBytes = 4 * 1024 * 1024;

/** A known error on one line, as `scan` prints it. */
export interface Finding {
  /** Line index from 0, counted from where the caller starts counting (a block, a piece, a file). */
  readonly line: number;
  readonly id: string;
  readonly score: number;
  /** The line's start, secrets masked unless asked otherwise. */
  readonly text: string;
}

/** Matches the candidate lines of blocks against a bundle. */
export class LineScanner {
  constructor(
    private readonly bundle: Bundle,
    private readonly filter: ByteLineFilter,
    private readonly showSecrets: boolean,
  ) {}

  /**
   * Scans one block of whole lines (`lineBlocks`), calling `found` for each line with a match, in
   * order, with `line` counted from `firstLine`; returns the number of newlines in the block.
   */
  async scanBlock(block: Buffer, firstLine: number, found: (finding: Finding) => void): Promise<number> {
    const candidates: number[] = [];
    const newlines = this.filter.scan(block, 0, block.length, candidates);
    for (let k = 0; k < candidates.length; k += 2) {
      // match() settles without waiting on anything: give the event loop a turn now and then, so that
      // a closed pipe (`scan | head`) or a signal is noticed in a block where every line is a candidate.
      if (k % 512 === 510) await new Promise((resolve) => setImmediate(resolve));
      const start = candidates[k + 1] as number;
      const newline = block.indexOf(10, start);
      const text = block.toString("utf8", start, newline === -1 ? block.length : newline);
      const report = await match(this.bundle, text);
      const best = report.matches[0];
      if (!best) continue;
      const shown = (this.showSecrets ? text : redact(text, report.secrets)).replace(/\r$/, "");
      const excerpt = shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
      found({ line: firstLine + (candidates[k] as number), id: best.id, score: best.score, text: excerpt });
    }
    return newlines;
  }
}
