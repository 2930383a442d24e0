import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { seedPastes } from "../support/seed-pastes.js";

// The pastes the product grew from, run through the CLI as a user would: `faultline match --json`.
const bin = path.resolve("engine/bin/faultline.js");

describe("faultline match --json on the seed errors", () => {
  test.each(seedPastes)("%s → %s", (_name, id, paste) => {
    const result = spawnSync(process.execPath, [bin, "match", "--json"], { input: paste, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { matches: Array<{ id: string; why: Array<{ description: string; spans: unknown[] }> }> };
    expect(report.matches[0]?.id).toBe(id);
    expect(report.matches[0]?.why.length).toBeGreaterThan(0);
    expect(report.matches[0]?.why.some((w) => w.spans.length > 0)).toBe(true);
    expect(result.stdout).not.toMatch(/ya29\.a0AfB_byC8|ZmFrZS1zaWduYXR1cmU/);
  });
});
