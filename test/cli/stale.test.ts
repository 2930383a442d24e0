import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { runCli } from "../support/cli-process.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The day `days` before today, YYYY-MM-DD: the entries' dates are set relative to the run, never asserted against a clock. */
const daysAgo = (days: number): string => new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

test("check --stale DAYS lists the entries not reviewed for longer, oldest first, and exits 1", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faultline-stale-"));
  dirs.push(dir);
  const fixture = (name: string) => readFileSync(path.join("test/fixtures/overlaps/kb", name), "utf8");
  writeFileSync(path.join(dir, "acme-lease-expired.md"), fixture("acme-lease-expired.md").replace("updated: 2026-11-02", `updated: ${daysAgo(400)}`));
  // Updated long ago, but its fix was tried recently: not stale.
  writeFileSync(path.join(dir, "acme-broker-session-reset.md"), fixture("acme-broker-session-reset.md").replace("updated: 2026-11-02", `updated: ${daysAgo(500)}`).replace("on: 2026-11-20", `on: ${daysAgo(3)}`));

  const stale = runCli(["check", "--no-builtin", "--stale", "180", dir]);
  expect(stale.code).toBe(1);
  expect(stale.stdout.replace(/^[^:]*\//gm, "")).toBe(
    `acme-lease-expired.md:6:10: updated: "acme-lease-expired" last reviewed ${daysAgo(400)}, 400 days ago (more than 180) (try the fix again and set verified, or review the entry and set updated)\n` +
      "stale: 2 entries, 4 examples and counterexamples pass; 1 entry not reviewed for more than 180 days\n",
  );
  expect(runCli(["check", "--no-builtin", "--stale", "450", dir])).toMatchObject({ code: 0 });
  const json = JSON.parse(runCli(["check", "--no-builtin", "--json", "--stale", "180", dir]).stdout) as { stale: Array<{ field: string; line: number }> };
  expect(json.stale).toMatchObject([{ field: "updated", line: 6 }]);
});

test("--stale takes a number of days", () => {
  expect(runCli(["check", "--stale", "soon", "test/fixtures/overlaps/kb"])).toMatchObject({ code: 2, stderr: 'faultline: --stale takes a number of days, got "soon"\n' });
});
