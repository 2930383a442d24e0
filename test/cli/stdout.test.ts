import { spawnSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import { bin, runCli } from "../support/cli-process.js";

// The CLI writes its output to file descriptor 1 with synchronous writes. A pipe that a program made
// non-blocking refuses such a write (EAGAIN) once its 64 KiB are full and the reader is slow: the
// rest must still arrive, whole and in order.
describe("standard output", () => {
  test("a full non-blocking pipe with a slow reader still gets the whole output, in order", () => {
    const expected = runCli(["compile"]);
    expect(expected.code).toBe(0);
    expect(expected.stdout.length).toBeGreaterThan(3 * 65_536);
    // Building process.stdout on a pipe makes it non-blocking (libuv does so); the CLI then runs in that process.
    const start = `process.stdout; process.argv = [process.argv[0], ${JSON.stringify(bin)}, "compile"]; require(${JSON.stringify(bin)});`;
    const shell = `"$NODE" -e "$START"; echo "exit $?" >&2`;
    const run = spawnSync("bash", ["-c", `(${shell}) | (sleep 1; cat)`], { env: { ...process.env, NODE: process.execPath, START: start }, encoding: "utf8", maxBuffer: 16 << 20 });
    expect(run.stderr).toBe("exit 0\n");
    expect(run.stdout).toBe(expected.stdout);
  });
});
