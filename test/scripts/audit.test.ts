import { describe, expect, test } from "vitest";
import { auditVerdict } from "../../engine/scripts/audit-verdict.js";

describe("auditVerdict", () => {
  test("a registry that refuses the audit endpoint is a run that did not happen, not a pass", () => {
    const verdict = auditVerdict({ message: "405 Method Not Allowed", method: "POST", uri: "https://registry.example/-/npm/v1/security/advisories/bulk", statusCode: 405 });
    expect(verdict.ran).toBe(false);
    expect(verdict.summary).toBe("NOT RUN: the registry answered 405 to POST https://registry.example/-/npm/v1/security/advisories/bulk; runtime dependencies were not audited");
  });

  test("high and critical findings are listed; moderate and low are not", () => {
    const verdict = auditVerdict({
      auditReportVersion: 2,
      vulnerabilities: {
        yaml: { name: "yaml", severity: "high", range: "<2.2.2", via: [{ title: "Uncaught exception in yaml" }] },
        zod: { name: "zod", severity: "moderate", range: "<3.22.3", via: [{ title: "ReDoS in email" }] },
        "gray-matter": { name: "gray-matter", severity: "critical", range: "*", via: ["js-yaml"] },
      },
      metadata: { vulnerabilities: { moderate: 1, high: 1, critical: 1, total: 3 } },
    });
    expect(verdict.ran).toBe(true);
    expect(verdict.serious).toEqual(["high: yaml <2.2.2 (Uncaught exception in yaml)", "critical: gray-matter * (js-yaml)"]);
  });

  test("a clean report passes", () => {
    expect(auditVerdict({ auditReportVersion: 2, vulnerabilities: {}, metadata: {} })).toEqual({ ran: true, serious: [], summary: "0 high or critical findings in runtime dependencies" });
  });
});
