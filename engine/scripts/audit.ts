/**
 * `npm run audit`: npm audit of the engine package's runtime dependencies (what installing `faultline` brings), failing on high or critical findings. A
 * registry without the audit endpoint cannot give a verdict: that is said loudly and is not a pass,
 * and FAULTLINE_REQUIRE_AUDIT=1 (for CI on a registry that has the endpoint) makes it a failure.
 */
import { spawnSync } from "node:child_process";
import { auditVerdict } from "./audit-verdict.js";

const result = spawnSync("npm", ["audit", "--workspace", "faultline", "--omit=dev", "--json", "--fetch-retries=0", "--fetch-timeout=30000"], { encoding: "utf8", maxBuffer: 64 << 20 });
let report: Record<string, unknown>;
try {
  report = JSON.parse(result.stdout) as Record<string, unknown>;
} catch {
  console.error(`npm audit printed no report (exit ${result.status}):\n${result.stderr}`);
  process.exit(1);
}
const verdict = auditVerdict(report);
for (const line of verdict.serious) console.error(line);
console.log(`npm audit: ${verdict.summary}`);
process.exit(verdict.serious.length > 0 || (!verdict.ran && process.env["FAULTLINE_REQUIRE_AUDIT"] === "1") ? 1 : 0);
