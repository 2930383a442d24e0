/**
 * `faultline scan`: finds known errors in logs of any size in constant memory. Large chunks go through
 * one Aho-Corasick pass over the literals that every trigger needs; only lines holding one of them are
 * matched in full.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { LiteralMatcher, type DenseLiteralMatcher } from "../aho-corasick.js";
import type { Bundle } from "../bundle.js";
import { match } from "../match.js";
import { redact } from "../redact.js";
import { scanLiterals } from "../rule-index.js";
import { UsageError } from "./usage-error.js";

/** Options of a scan. */
export interface ScanOptions {
  readonly json: boolean;
  readonly showSecrets: boolean;
  readonly write: (line: string) => void;
}

/** One line that may hold a known error. */
export interface CandidateLine {
  readonly number: number;
  readonly text: string;
}

/**
 * Splits a stream into lines and yields only candidates, counting line numbers on the way.
 * Without literals (some entry can match without any) every line is a candidate.
 */
export async function* candidateLines(stream: AsyncIterable<string>, literals: LiteralMatcher | DenseLiteralMatcher | undefined): AsyncGenerator<CandidateLine> {
  let carry = "";
  let lineNumber = 0; // lines completed before `carry`
  const emit = function* (region: string): Generator<CandidateLine> {
    // `region` holds whole lines only; find the lines a literal ends in, in order, once each.
    const starts: number[] = [];
    if (literals) {
      let lastLineStart = -1;
      literals.scan(region, (_literal, end) => {
        const lineStart = region.lastIndexOf("\n", end - 1) + 1;
        if (lineStart !== lastLineStart) starts.push(lineStart);
        lastLineStart = lineStart;
      });
    }
    let counted = 0;
    let number = lineNumber;
    const lineAt = (start: number): CandidateLine => {
      for (let i = region.indexOf("\n", counted); i !== -1 && i < start; i = region.indexOf("\n", i + 1)) {
        number++;
        counted = i + 1;
      }
      const end = region.indexOf("\n", start);
      return { number: number + 1, text: region.slice(start, end === -1 ? region.length : end) };
    };
    if (literals) {
      for (const start of starts) yield lineAt(start);
    } else {
      for (let start = 0; start < region.length; ) {
        const line = lineAt(start);
        yield line;
        const end = region.indexOf("\n", start);
        if (end === -1) break;
        start = end + 1;
      }
    }
  };
  for await (const chunk of stream) {
    const text = carry + chunk;
    const cut = text.lastIndexOf("\n");
    if (cut === -1) {
      carry = text;
      continue;
    }
    const region = text.slice(0, cut + 1);
    carry = text.slice(cut + 1);
    yield* emit(region);
    for (let i = region.indexOf("\n"); i !== -1; i = region.indexOf("\n", i + 1)) lineNumber++;
  }
  if (carry.length > 0) yield* emit(carry);
}

function open(file: string): AsyncIterable<string> {
  if (file === "-") {
    process.stdin.setEncoding("utf8");
    return process.stdin as Readable as AsyncIterable<string>;
  }
  return createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>;
}

/** Scans files (or - for standard input) and writes one line per occurrence; returns how many were found. */
export async function scanFiles(bundle: Bundle, files: readonly string[], options: ScanOptions): Promise<number> {
  const literalList = scanLiterals(bundle);
  const sparse = literalList ? new LiteralMatcher(literalList) : undefined;
  const literals = sparse?.dense() ?? sparse;
  let found = 0;
  for (const file of files) {
    try {
      for await (const line of candidateLines(open(file), literals)) {
        const report = await match(bundle, line.text);
        const best = report.matches[0];
        if (!best) continue;
        found++;
        const shown = (options.showSecrets ? line.text : redact(line.text, report.secrets)).replace(/\r$/, "");
        const excerpt = shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
        options.write(
          options.json
            ? `${JSON.stringify({ file, line: line.number, id: best.id, score: best.score, text: excerpt })}\n`
            : `${file}:${line.number}: ${best.id}: ${excerpt.trim()}\n`,
        );
      }
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
    }
  }
  return found;
}
