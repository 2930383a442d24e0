/** What `npm audit --json` said, reduced to what CI acts on. */
export interface AuditVerdict {
  /** False when the registry gave no report (some mirrors answer 405 to the audit endpoint). */
  readonly ran: boolean;
  /** One line per high or critical finding. */
  readonly serious: readonly string[];
  readonly summary: string;
}

interface Vulnerability {
  readonly name: string;
  readonly severity: string;
  readonly range?: string;
  readonly via?: ReadonlyArray<string | { readonly title?: string }>;
}

/** Reads an `npm audit --json` report (format 2) or the error object npm prints when the registry refuses. */
export function auditVerdict(report: Record<string, unknown>): AuditVerdict {
  const vulnerabilities = report["vulnerabilities"] as Record<string, Vulnerability> | undefined;
  if (!vulnerabilities) {
    const answer = report["statusCode"] ?? (report["error"] as { code?: string } | undefined)?.code ?? "no report";
    return { ran: false, serious: [], summary: `NOT RUN: the registry answered ${String(answer)} to ${String(report["method"] ?? "")} ${String(report["uri"] ?? "")}; runtime dependencies were not audited`.replace(/ {2,}/g, " ") };
  }
  const serious = Object.values(vulnerabilities)
    .filter((v) => v.severity === "high" || v.severity === "critical")
    .map((v) => `${v.severity}: ${v.name} ${v.range ?? ""} (${(v.via ?? []).map((via) => (typeof via === "string" ? via : (via.title ?? "advisory"))).join("; ")})`);
  return { ran: true, serious, summary: `${serious.length} high or critical findings in runtime dependencies` };
}
