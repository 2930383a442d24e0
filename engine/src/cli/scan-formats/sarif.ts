/**
 * `scan --format sarif`: a SARIF 2.1.0 log (OASIS), which GitHub code scanning and other tools read.
 * Each entry that fired is a rule; each occurrence a result at its file and line.
 *
 * GitHub code scanning refuses a run of more than 25,000 results and stores the first 5,000 (docs:
 * code scanning, "SARIF results exceed limit"): at most `sarifResultsPerRun` are written, the first of
 * each entry first, and the run's invocation says how many were left out.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Log, ReportingDescriptor, Result } from "sarif";
import { excerptOf, fingerprintOf, occurrenceCount, type DescribeEntry, type Occurrence } from "./occurrence.js";
import { variedSelection } from "./sample.js";

/** Results per run GitHub code scanning accepts. */
export const sarifResultsPerRun = 25_000;

/** The schema a SARIF 2.1.0 log names (the OASIS standard with its errata). */
export const sarifSchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/** What the log says about faultline itself. */
export interface SarifTool {
  readonly version: string;
  readonly informationUri: string;
}

/** What the log is made of besides the occurrences. */
export interface SarifOptions {
  readonly tool: SarifTool;
  /** Occurrences found in all, of which `occurrences` may be a part. */
  readonly total: number;
  /** Results to write at most. Default: sarifResultsPerRun. */
  readonly limit?: number;
}

/** The occurrences as a SARIF log of one run. */
export function sarifLog(occurrences: readonly Occurrence[], describe: DescribeEntry, options: SarifOptions): Log {
  const shown = variedSelection(occurrences, options.limit ?? sarifResultsPerRun);
  const rules: ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results = shown.map((occurrence): Result => {
    let index = ruleIndex.get(occurrence.id);
    if (index === undefined) {
      index = rules.push(ruleOf(describe(occurrence.id))) - 1;
      ruleIndex.set(occurrence.id, index);
    }
    const excerpt = excerptOf(occurrence);
    return {
      ruleId: occurrence.id,
      ruleIndex: index,
      level: "error",
      message: { text: `${describe(occurrence.id).title}: ${excerpt}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(occurrence.file) },
            region: { startLine: occurrence.line, snippet: { text: excerpt } },
          },
        },
      ],
      partialFingerprints: { "faultlineOccurrence/v1": fingerprintOf(occurrence) },
      ...(occurrence.layer ? { properties: { layer: occurrence.layer } } : {}),
    };
  });
  const left = options.total - shown.length;
  return {
    $schema: sarifSchemaUri,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "faultline", version: options.tool.version, informationUri: options.tool.informationUri, rules } },
        invocations: [
          {
            executionSuccessful: true,
            ...(left > 0
              ? { toolExecutionNotifications: [{ level: "warning", message: { text: `${occurrenceCount(left, "more")} of known errors left out: a run holds at most ${(options.limit ?? sarifResultsPerRun).toLocaleString("en-US")} results. faultline scan --stats counts them all.` } }] }
              : {}),
          },
        ],
        results,
      },
    ],
  };
}

function ruleOf(entry: ReturnType<DescribeEntry>): ReportingDescriptor {
  return {
    id: entry.id,
    name: entry.id,
    shortDescription: { text: entry.title },
    fullDescription: { text: entry.summary },
    ...(entry.page ? { helpUri: entry.page, help: { text: `${entry.summary} Read: ${entry.page}` } } : {}),
    defaultConfiguration: { level: "error" },
  };
}

/**
 * A file as a SARIF artifact URI: a relative path stays relative (to the repository, for code
 * scanning), each segment percent-encoded so that `:` or `#` in a name cannot read as a scheme or a
 * fragment; an absolute path becomes a file: URL.
 */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  return file.split("/").map(encodeURIComponent).join("/");
}
