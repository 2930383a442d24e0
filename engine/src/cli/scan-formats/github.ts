/**
 * `scan --format github`: GitHub Actions workflow commands, which the runner turns into annotations
 * on the run (`::error file=F,line=L,title=T::message`).
 *
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, and 50 per job
 * (actions/toolkit, docs/problem-matchers.md, "Limitations"); a command past them is dropped without
 * a word. So at most `errorAnnotationsPerStep` occurrences are annotated, the first of each entry
 * first, and one notice says how many were left out and how to list them all.
 */
import { excerptOf, occurrenceCount, type DescribeEntry, type Occurrence } from "./occurrence.js";
import { variedSelection } from "./sample.js";

/** Error annotations GitHub shows per step. */
export const errorAnnotationsPerStep = 10;

/** Escapes a command's message as the runner unescapes it (actions/toolkit core, command.ts: escapeData). */
export function escapeData(value: string): string {
  return value.replaceAll("%", "%25").replaceAll("\r", "%0D").replaceAll("\n", "%0A");
}

/** Escapes a command's property value, where `:` and `,` also end it (command.ts: escapeProperty). */
export function escapeProperty(value: string): string {
  return escapeData(value).replaceAll(":", "%3A").replaceAll(",", "%2C");
}

/** What the annotations are made of besides the occurrences. */
export interface GithubOptions {
  /** Occurrences found in all, of which `occurrences` may be a part. */
  readonly total: number;
  /** The command that lists every occurrence, for the notice. */
  readonly listAll: string;
  /** Error annotations to write at most. Default: errorAnnotationsPerStep. */
  readonly limit?: number;
}

/** The workflow commands for the occurrences: error annotations, then a notice for those left out. */
export function githubAnnotations(occurrences: readonly Occurrence[], describe: DescribeEntry, options: GithubOptions): string {
  const limit = options.limit ?? errorAnnotationsPerStep;
  const shown = variedSelection(occurrences, limit);
  const lines = shown.map((occurrence) => {
    const properties = `file=${escapeProperty(occurrence.file)},line=${occurrence.line},title=${escapeProperty(occurrence.id)}`;
    return `::error ${properties}::${escapeData(annotationMessage(occurrence, describe))}\n`;
  });
  const left = options.total - shown.length;
  if (left > 0) {
    const note = `${occurrenceCount(left, "more")} of known errors not annotated (GitHub shows ${limit} error annotations per step). All of them: ${options.listAll}`;
    lines.push(`::notice title=faultline::${escapeData(note)}\n`);
  }
  return lines.join("");
}

function annotationMessage(occurrence: Occurrence, describe: DescribeEntry): string {
  const entry = describe(occurrence.id);
  return [
    `${entry.title}${occurrence.layer ? ` (from ${occurrence.layer})` : ""}`,
    entry.summary,
    `Log line: ${excerptOf(occurrence)}`,
    ...(entry.page ? [`Read: ${entry.page}`] : []),
  ].join("\n");
}
