import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";

// The composite action of engine/github-action/: its metadata as GitHub reads it, and its step run as
// the runner runs a `shell: bash` step (bash --noprofile --norc -eo pipefail), with the real npx. The
// version asked for is this repository's engine, which npx finds in the workspace without the registry.

interface Action {
  readonly runs: { readonly using: string; readonly steps: ReadonlyArray<{ readonly id?: string; readonly shell?: string; readonly run?: string; readonly env?: Readonly<Record<string, string>> }> };
  readonly inputs: Readonly<Record<string, { readonly required?: boolean; readonly default?: string }>>;
  readonly outputs: Readonly<Record<string, { readonly value: string }>>;
}

const action = parse(readFileSync("engine/github-action/action.yml", "utf8")) as Action;
const version = (JSON.parse(readFileSync("engine/package.json", "utf8")) as { version: string }).version;
const dir = mkdtempSync(path.join(tmpdir(), "faultline-action-"));
const step = action.runs.steps.find((s) => s.run?.includes("faultline scan --format github"));

/** Runs the scan step with the given inputs (the others at their defaults); returns what the runner would see. */
function runStep(inputs: Readonly<Record<string, string>>): { code: number | null; stdout: string; stderr: string; outputs: string } {
  if (!step?.run) throw new Error("no step runs faultline scan --format github");
  const values = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? ""])), version, ...inputs };
  // The runner puts each input's value where the env block names it, and nowhere in the script.
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, value.replace(/^\$\{\{ inputs\.([\w-]+) \}\}$/, (_, input: string) => values[input as keyof typeof values] ?? "")]));
  const script = path.join(dir, "step.sh");
  const outputs = path.join(dir, `output-${Math.random().toString(36).slice(2)}`);
  writeFileSync(script, step.run);
  writeFileSync(outputs, "");
  const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { env: { ...process.env, ...env, GITHUB_OUTPUT: outputs }, encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, outputs: readFileSync(outputs, "utf8") };
}

const expired = "ERROR An error occurred (ExpiredToken) when calling the GetObject operation: The security token included in the request is expired";
const build = path.join(dir, "build.log");
writeFileSync(build, `step 1\n${expired}\nstep 2\n`);
const deploy = path.join(dir, "deploy.log");
writeFileSync(deploy, "HTTP/1.1 418 I'm a teapot\n");
const quiet = path.join(dir, "quiet.txt");
writeFileSync(quiet, "all good\n");

describe("the GitHub Action", () => {
  test("is a composite action whose bash step runs faultline scan --format github", () => {
    expect(action.runs.using).toBe("composite");
    expect(step?.shell).toBe("bash");
    expect(step?.run).toMatch(/npx --yes --package "\$\{FAULTLINE_PACKAGE:-faultline@\$FAULTLINE_VERSION\}" -- faultline scan --format github /);
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(["log", "kb", "version", "fail-on-match"]));
    expect(action.inputs["log"]?.required).toBe(true);
    expect(action.inputs["fail-on-match"]?.default).toBe("false");
    // No input is pasted into the script, where a crafted value would run as code.
    expect(step?.run).not.toContain("${{");
  });

  test("annotates the known errors of the logs a glob names, with layers, and does not fail the job", () => {
    const { code, stdout, outputs } = runStep({ log: path.join(dir, "*.log"), kb: "test/fixtures/kb" });
    expect(code).toBe(0);
    expect(stdout).toContain(`::error file=${build},line=2,title=aws-expired-token::AWS ExpiredToken`);
    expect(stdout).toContain(`::error file=${deploy},line=1,title=teapot-refused::`);
    expect(outputs).toBe("found=true\n");
  });

  test("fails the step on a known error only when fail-on-match is true", () => {
    expect(runStep({ log: build, "fail-on-match": "true" }).code).toBe(1);
    expect(runStep({ log: quiet, "fail-on-match": "true" })).toMatchObject({ code: 0, stdout: "", outputs: "found=false\n" });
  });

  test("a log that cannot be read is a warning, not a failed job", () => {
    const { code, stdout, stderr, outputs } = runStep({ log: path.join(dir, "missing.log"), "fail-on-match": "true" });
    expect(code).toBe(0);
    expect(stderr).toContain("cannot read");
    expect(stdout).toContain("::warning title=faultline::faultline could not scan the logs (exit 2)");
    expect(outputs).toBe("found=false\n");
  });
});
