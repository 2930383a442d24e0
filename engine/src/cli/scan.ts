/**
 * `faultline scan`: finds known errors in logs line by line, streaming, so memory stays flat whatever
 * the log's size. A literal prefilter skips lines that cannot hold any trigger before matching.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { Bundle } from "../bundle.js";
import { bundleLiterals } from "../literals.js";
import { match } from "../match.js";
import { redact } from "../redact.js";
import { UsageError } from "./usage-error.js";

/** Options of a scan. */
export interface ScanOptions {
  readonly json: boolean;
  readonly showSecrets: boolean;
  readonly write: (line: string) => void;
}

/** Returns a test that is false only for lines no trigger of the bundle can hold on. */
export function candidateTest(bundle: Bundle): (line: string) => boolean {
  const literals = bundleLiterals(bundle);
  if (!literals) return () => true;
  return (line) => {
    const folded = line.toLowerCase().replace(/\s+/g, " ");
    return literals.some((literal) => folded.includes(literal));
  };
}

function open(file: string): Readable {
  return file === "-" ? process.stdin : createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
}

/** Scans files (or - for standard input) and writes one line per occurrence; returns how many were found. */
export async function scanFiles(bundle: Bundle, files: readonly string[], options: ScanOptions): Promise<number> {
  const isCandidate = candidateTest(bundle);
  let found = 0;
  for (const file of files) {
    const stream = open(file);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let lineNumber = 0;
    try {
      for await (const line of lines) {
        lineNumber++;
        if (!isCandidate(line)) continue;
        const report = await match(bundle, line);
        const best = report.matches[0];
        if (!best) continue;
        found++;
        const shown = options.showSecrets ? line : redact(line, report.secrets);
        const excerpt = shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
        options.write(
          options.json
            ? `${JSON.stringify({ file, line: lineNumber, id: best.id, score: best.score, text: excerpt })}\n`
            : `${file}:${lineNumber}: ${best.id}: ${excerpt.trim()}\n`,
        );
      }
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
  }
  return found;
}
