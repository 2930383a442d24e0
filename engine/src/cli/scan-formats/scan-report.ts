/**
 * Where `scan`'s occurrences go in each output format. Text and JSON lines are written as they are
 * found, so a live log prints as it goes; the CI formats are one document (or a few annotations)
 * written at the end from a bounded sample. --stats goes after the findings: on standard output for
 * text, on standard error for every other format, whose standard output a machine reads.
 */
import { errorAnnotationsPerStep, githubAnnotations } from "./github.js";
import { codeQualityReport } from "./gitlab.js";
import { jsonLine } from "./json.js";
import { occurrenceCount, type DescribeEntry, type Occurrence } from "./occurrence.js";
import { OccurrenceSample } from "./sample.js";
import { sarifLog, sarifResultsPerRun, type SarifTool } from "./sarif.js";
import { statsText } from "./stats.js";
import { textLine } from "./text.js";

/** The formats of `scan --format`. */
export const scanFormats = ["text", "json", "github", "sarif", "gitlab"] as const;

export type ScanFormat = (typeof scanFormats)[number];

/** Code Quality issues kept at most: as many as a SARIF run holds, which bounds the memory a huge log takes. */
export const codeQualityIssuesKept = sarifResultsPerRun;

/** What a report needs besides the occurrences. */
export interface ScanReportContext {
  readonly describe: DescribeEntry;
  readonly tool: SarifTool;
  /** The command that lists every occurrence as text, for the formats that leave some out. */
  readonly listAll: string;
  readonly stats: boolean;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** Takes the occurrences of a scan one by one; `end` writes what is left to write. */
export interface ScanReport {
  found(occurrence: Occurrence): void;
  end(): void;
}

/** The report of a format. */
export function scanReport(format: ScanFormat, context: ScanReportContext): ScanReport {
  const kept = { text: 0, json: 0, github: errorAnnotationsPerStep, sarif: sarifResultsPerRun, gitlab: codeQualityIssuesKept }[format];
  const sample = new OccurrenceSample(kept);
  const line = format === "text" ? textLine : format === "json" ? jsonLine : undefined;
  return {
    found(occurrence) {
      sample.add(occurrence);
      if (line) context.out(line(occurrence));
    },
    end() {
      if (format === "github") context.out(githubAnnotations(sample.kept, context.describe, { total: sample.total, listAll: context.listAll }));
      if (format === "sarif") {
        const log = sarifLog(sample.kept, context.describe, { tool: context.tool, total: sample.total });
        context.out(`${JSON.stringify(log, null, 2)}\n`);
        warnLeftOut(context, sample.total - (log.runs[0]?.results?.length ?? 0), `the SARIF log (a run holds at most ${sarifResultsPerRun.toLocaleString("en-US")} results)`);
      }
      if (format === "gitlab") {
        context.out(`${JSON.stringify(codeQualityReport(sample.kept, context.describe), null, 2)}\n`);
        warnLeftOut(context, sample.total - sample.kept.length, `the Code Quality report (it keeps ${codeQualityIssuesKept.toLocaleString("en-US")})`);
      }
      // On a terminal a blank line sets the counts apart from the lines above them.
      if (context.stats) format === "text" ? context.out(`${sample.total > 0 ? "\n" : ""}${statsText(sample.counts)}`) : context.err(statsText(sample.counts));
    },
  };
}

function warnLeftOut(context: ScanReportContext, left: number, where: string): void {
  if (left > 0) context.err(`faultline: ${occurrenceCount(left)} left out of ${where}; all of them: ${context.listAll}\n`);
}
