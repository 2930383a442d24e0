/**
 * `scan --format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`), the subset
 * of the Code Climate spec GitLab reads. Each issue needs description, check_name, fingerprint,
 * severity, location.path and location.lines.begin (docs.gitlab.com/ci/testing/code_quality/, "Code
 * Quality report format"); GitLab shows one issue per fingerprint.
 */
import { excerptOf, fingerprintOf, type DescribeEntry, type Occurrence } from "./occurrence.js";

/** One issue of a Code Quality report. */
export interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: "info" | "minor" | "major" | "critical" | "blocker";
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/**
 * The occurrences as a Code Quality report. Every known error is `major`: entries carry no severity
 * of their own, and a failed call is worse than a style issue but not a broken build. The same
 * occurrence twice (a file given twice) is one issue.
 */
export function codeQualityReport(occurrences: readonly Occurrence[], describe: DescribeEntry): CodeQualityIssue[] {
  const issues = new Map<string, CodeQualityIssue>();
  for (const occurrence of occurrences) {
    const fingerprint = fingerprintOf(occurrence);
    if (issues.has(fingerprint)) continue;
    const entry = describe(occurrence.id);
    issues.set(fingerprint, {
      description: `${entry.title}: ${excerptOf(occurrence)}${entry.page ? ` (${entry.page})` : ""}`,
      check_name: occurrence.id,
      fingerprint,
      severity: "major",
      location: { path: occurrence.file, lines: { begin: occurrence.line } },
    });
  }
  return [...issues.values()];
}
