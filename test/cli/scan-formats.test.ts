import ajvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Log } from "sarif";
import { describe, expect, test } from "vitest";
import { escapeData, escapeProperty, githubAnnotations } from "../../engine/src/cli/scan-formats/github.js";
import { codeQualityReport, type CodeQualityIssue } from "../../engine/src/cli/scan-formats/gitlab.js";
import type { DescribeEntry, Occurrence } from "../../engine/src/cli/scan-formats/occurrence.js";
import { OccurrenceSample, variedSelection } from "../../engine/src/cli/scan-formats/sample.js";
import { artifactUri, sarifLog } from "../../engine/src/cli/scan-formats/sarif.js";
import { statsText } from "../../engine/src/cli/scan-formats/stats.js";
import { runCli } from "../support/cli-process.js";
import { anySecret, leaked, logLine } from "../support/secret-arbitraries.js";

// Each CI format of `faultline scan`, through the real CLI on a generated log, checked against the
// occurrences `--format json` lists for the same log; then the formatters' limits on small inputs.

/** The SARIF 2.1.0 schema as @microsoft/jest-sarif ships it (see test/fixtures/sarif/README.md). */
const sarifSchema = JSON.parse(readFileSync("test/fixtures/sarif/sarif-2.1.0-rtm.5.json", "utf8")) as object;
// The schema is draft-04. Its `language` pattern has a stray `]` that is no valid regex in unicode mode:
// compiled as JSON Schema's ECMA-262 regexes without the u flag, as the schema's authors wrote them.
// Both packages are CommonJS whose module.exports carries the class (or plugin) as `default` too.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

const seed = 14;
const dir = mkdtempSync(path.join(tmpdir(), "faultline-formats-"));
// A file name with what GitHub's properties must escape (`:` and `,`) and `%`, given relative as CI does.
const file = path.relative(process.cwd(), path.join(dir, "job:1,retry 100%.log"));

/** Errors from the knowledge's examples, one line each: the first in colour, the second with a `%` to escape. */
const known = [
  "\u001b[31mERROR\u001b[0m An error occurred (ExpiredToken) when calling the GetObject operation: The security token included in the request is expired",
  `ERROR call failed (100% of retries used): {"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED"}}`,
  "User: arn:aws:sts::111122223333:assumed-role/readonly-federated/jdoe is not authorized to perform: dynamodb:PutItem on resource: arn:aws:dynamodb:us-west-2:111122223333:table/orders with an explicit deny in a session policy",
  `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '5b1e9c40-7d2a-4f83-9e11-2c6a0f4d8b7e'.","error_codes":[7000215]}`,
  'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password',
];
/** Known errors next to secrets of every kind. */
const withSecrets = fc.sample(logLine, { numRuns: 40, seed });
const secrets = withSecrets.flatMap((l) => l.secrets);
const lines = Array.from({ length: 900 }, (_, i) => {
  if (i % 7 === 3) return known[Math.floor(i / 7) % known.length] as string;
  if (i % 23 === 5) return (withSecrets[Math.floor(i / 23) % withSecrets.length] as { line: string }).line;
  return `2026-12-03T09:00:${String(i % 60).padStart(2, "0")}Z step ${i} INFO compiled 12 modules`;
});
writeFileSync(file, `${lines.join("\n")}\n`);

/** What the formats must report: the occurrences --format json lists. */
const listed = runCli(["scan", "--format", "json", file]);
const occurrences = listed.stdout
  .split("\n")
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Occurrence);
const ids = [...new Set(occurrences.map((o) => o.id))];

const formats = ["text", "json", "github", "sarif", "gitlab"] as const;
let statsRuns: Record<string, ReturnType<typeof runCli>> | undefined;
/** Each format's run with --stats, made once for the tests that read them. */
function withStats(format: (typeof formats)[number]): ReturnType<typeof runCli> {
  statsRuns ??= Object.fromEntries(formats.map((f) => [f, runCli(["scan", "--format", f, "--stats", file])]));
  return statsRuns[format] as ReturnType<typeof runCli>;
}

/** A workflow command as the runner reads it: unescaped properties and message. */
interface WorkflowCommand {
  readonly command: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly message: string;
}

function unescape(value: string): string {
  return value.replaceAll("%0D", "\r").replaceAll("%0A", "\n").replaceAll("%3A", ":").replaceAll("%2C", ",").replaceAll("%25", "%");
}

function parseCommand(line: string): WorkflowCommand {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${JSON.stringify(line)}`);
  const pairs = (match[2] ?? "").split(",").filter(Boolean).map((pair) => pair.split("=", 2).map(unescape) as [string, string]);
  return { command: match[1] as string, properties: Object.fromEntries(pairs), message: unescape(match[3] as string) };
}

/** Every string in a JSON value, one per line: what a reader of the report can see. */
function stringsOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(stringsOf).join("\n");
  if (value && typeof value === "object") return Object.values(value).map(stringsOf).join("\n");
  return "";
}

describe("scan's CI formats on a generated log", () => {
  test("the log holds several known errors, repeated past GitHub's limits", () => {
    expect(listed.code).toBe(0);
    expect(occurrences.length).toBeGreaterThan(100);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    expect(ids).toEqual(expect.arrayContaining(["aws-expired-token", "gcp-oauth-scope-insufficient", "aws-explicit-deny", "azure-invalid-client-secret"]));
  });

  test("github: at most 10 error annotations, the first of each entry first, then a notice counting the rest", () => {
    const { code, stdout, stderr } = runCli(["scan", "--format", "github", file]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const outputLines = stdout.split("\n").filter(Boolean);
    // One command per line: a newline in a message would end the command early.
    expect(outputLines.every((line) => line.startsWith("::"))).toBe(true);
    const commands = outputLines.map(parseCommand);
    const errors = commands.filter((c) => c.command === "error");
    expect(errors).toHaveLength(10);
    // The log's colour codes are blanked, as in text: the run's page shows the message as written.
    expect(errors.find((c) => c.properties["line"] === "4")?.message).toContain("Log line: ERROR     An error occurred (ExpiredToken)");
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    // Every entry's first occurrence before any repetition: all of them when there are 10 or fewer.
    const firsts = ids.map((id) => occurrences.find((o) => o.id === id) as Occurrence);
    const expected = variedSelection(occurrences, 10);
    expect(expected.filter((o) => firsts.includes(o))).toHaveLength(Math.min(10, ids.length));
    expect(errors.map((c) => [c.properties["file"], Number(c.properties["line"]), c.properties["title"]])).toEqual(expected.map((o) => [file, o.line, o.id]));
    for (const error of errors) expect(Object.keys(error.properties).sort()).toEqual(["file", "line", "title"]);
    // The file name survives its `:`, `,` and `%`; the message its newlines and the `%` of its log line.
    const scope = errors.find((c) => c.message.includes("100%")) as WorkflowCommand;
    expect(scope.properties["title"]).toBe("gcp-oauth-scope-insufficient");
    expect(scope.message.split("\n")).toEqual([
      "Google API returns 403: request had insufficient authentication scopes",
      expect.stringContaining("OAuth scopes"),
      `Log line: ${known[1]}`,
      "Read: https://faultline-kb.github.io/faultline/entries/gcp-oauth-scope-insufficient/",
    ]);
    expect(stdout).toContain(`file=${file.replaceAll("%", "%25").replaceAll(":", "%3A").replaceAll(",", "%2C")},`);
    expect(stdout).toContain("100%25 of retries");
    const notices = commands.filter((c) => c.command === "notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toBe(
      `${occurrences.length - 10} more occurrences of known errors not annotated (GitHub shows 10 error annotations per step). All of them: faultline scan '${file}'`,
    );
  });

  test("sarif: a SARIF 2.1.0 log the schema accepts, a rule per entry and a result per occurrence", () => {
    const { code, stdout, stderr } = runCli(["scan", "--format", "sarif", file]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const log = JSON.parse(stdout) as Log;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    const driver = run?.tool.driver;
    expect(driver?.name).toBe("faultline");
    expect(driver?.version).toBe((JSON.parse(readFileSync("engine/package.json", "utf8")) as { version: string }).version);
    expect(driver?.rules?.map((r) => r.id)).toEqual(ids);
    const rule = driver?.rules?.find((r) => r.id === "aws-expired-token");
    expect(rule?.shortDescription?.text).toBe("AWS ExpiredToken: The security token included in the request is expired");
    expect(rule?.helpUri).toBe("https://faultline-kb.github.io/faultline/entries/aws-expired-token/");
    expect(rule?.fullDescription?.text).toMatch(/^The request was signed with temporary credentials/);
    const results = run?.results ?? [];
    expect(results.map((r) => [r.ruleId, r.level, driver?.rules?.[r.ruleIndex ?? -1]?.id])).toEqual(occurrences.map((o) => [o.id, "error", o.id]));
    const locations = results.map((r) => r.locations?.[0]?.physicalLocation);
    // The URI is the relative file as given, each segment percent-encoded.
    expect(locations.map((l) => [l?.artifactLocation?.uri?.split("/").map(decodeURIComponent).join("/"), l?.region?.startLine])).toEqual(occurrences.map((o) => [file, o.line]));
    expect(locations[0]?.artifactLocation?.uri).toContain("job%3A1%2Cretry%20100%25.log");
    expect(new Set(results.map((r) => r.partialFingerprints?.["faultlineOccurrence/v1"])).size).toBe(results.length);
  });

  test("sarif: the schema refuses what is not SARIF, so the test above can fail", () => {
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "faultline" } }, results: [{ message: {} }] }] })).toBe(false);
    expect(validateSarif({ version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a b" } } }] }] }] })).toBe(false);
  });

  test("gitlab: a Code Quality report with every field GitLab needs and one fingerprint per occurrence", () => {
    const { code, stdout, stderr } = runCli(["scan", "--format", "gitlab", file]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const issues = JSON.parse(stdout) as CodeQualityIssue[];
    expect(Array.isArray(issues)).toBe(true);
    expect(issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual(occurrences.map((o) => [o.id, file, o.line]));
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(["check_name", "description", "fingerprint", "location", "severity"]);
      expect(issue.severity).toBe("major");
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(issue.description.length).toBeGreaterThan(20);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    // Stable: the same log gives the same fingerprints.
    expect((JSON.parse(runCli(["scan", "--format", "gitlab", file]).stdout) as CodeQualityIssue[]).map((i) => i.fingerprint)).toEqual(issues.map((i) => i.fingerprint));
  });

  test("no format shows a secret of the log", () => {
    expect(secrets.length).toBeGreaterThan(40);
    for (const format of formats) {
      const { stdout } = withStats(format);
      // What a reader sees: the runner's unescaped messages, the strings of a JSON document.
      const seen = format === "github" ? stdout.split("\n").filter(Boolean).map((line) => JSON.stringify(parseCommand(line))).join("\n") : format === "sarif" || format === "gitlab" ? stringsOf(JSON.parse(stdout)) : stdout;
      expect(seen.length).toBeGreaterThan(1000);
      expect(leaked(seen, secrets), `--format ${format}`).toBeUndefined();
      expect(leaked(stdout, secrets), `--format ${format}, as written`).toBeUndefined();
    }
  });

  test("--show-secrets shows them in the CI formats, so the test above can fail", () => {
    const [sample] = fc.sample(anySecret.filter((s) => !s.line.includes("\u001b") && s.kind === "google-access-token"), { numRuns: 1, seed });
    if (!sample) throw new Error("no sample");
    const shown = path.join(dir, "shown.log");
    writeFileSync(shown, `${sample.line} ${known[0]}\n`);
    for (const format of ["github", "sarif", "gitlab"]) {
      expect(leaked(runCli(["scan", "--format", format, shown]).stdout, [sample]), format).toBeUndefined();
      expect(leaked(runCli(["scan", "--format", format, "--show-secrets", shown]).stdout, [sample]), format).toBeDefined();
    }
  });

  test("--stats counts each entry, the most frequent first: after the lines for text, on stderr for the others", () => {
    const counts = new Map<string, number>();
    for (const o of occurrences) counts.set(o.id, (counts.get(o.id) ?? 0) + 1);
    const rows = [...counts].sort(([a, m], [b, n]) => n - m || a.localeCompare(b));
    const text = withStats("text");
    const statLines = text.stdout.split("Occurrences by entry:\n")[1]?.split("\n").filter(Boolean) ?? [];
    expect(statLines.map((l) => l.trim().split(/\s+/))).toEqual([...rows.map(([id, n]) => [String(n), id]), [String(occurrences.length), "in", "all"]]);
    expect(text.stdout.split("\n").filter((l) => l.startsWith(`${file}:`))).toHaveLength(occurrences.length);
    for (const format of ["json", "sarif", "gitlab", "github"] as const) {
      const { stdout, stderr } = withStats(format);
      expect(stderr, format).toContain(`Occurrences by entry:\n${statLines.join("\n")}\n`);
      expect(stdout, format).not.toContain("Occurrences by entry");
    }
    // --json is --format json.
    expect(runCli(["scan", "--json", file]).stdout).toBe(listed.stdout);
  });

  test("a log without known errors: exit 1, and still a valid document", () => {
    const quiet = path.join(dir, "quiet.log");
    writeFileSync(quiet, "all good\n");
    const sarif = runCli(["scan", "--format", "sarif", quiet]);
    expect(sarif.code).toBe(1);
    expect(validateSarif(JSON.parse(sarif.stdout))).toBe(true);
    expect(runCli(["scan", "--format", "gitlab", quiet]).stdout).toBe("[]\n");
    expect(runCli(["scan", "--format", "github", quiet])).toEqual({ code: 1, stdout: "", stderr: "" });
  });

  test.each([
    [["--format", "xml"], 'faultline: unknown --format "xml"; expected text, json, github, sarif, gitlab'],
    [["--json", "--format", "sarif"], "faultline: --json is --format json: it cannot go with --format sarif"],
  ])("scan %j is a usage error", (args, message) => {
    expect(runCli(["scan", ...args, file])).toEqual({ code: 2, stdout: "", stderr: `${message}\n` });
  });
});

describe("the formatters", () => {
  const describeEntry: DescribeEntry = (id) => ({ id, title: `Title of ${id}`, summary: `Summary of ${id}.`, page: `https://kb.example/entries/${id}/` });
  const at = (line: number, id: string, text = `line ${line}`): Occurrence => ({ file: "ci.log", line, id, score: 5, text });
  const log = [at(1, "a"), at(2, "a"), at(3, "a"), at(4, "b"), at(5, "a"), at(6, "c"), at(7, "b")];

  test("variedSelection takes the first of each entry, then the earliest others, in log order", () => {
    expect(variedSelection(log, 3).map((o) => o.line)).toEqual([1, 4, 6]);
    expect(variedSelection(log, 5).map((o) => o.line)).toEqual([1, 2, 3, 4, 6]);
    expect(variedSelection(log, 2).map((o) => o.line)).toEqual([1, 4]);
    expect(variedSelection(log, 10)).toEqual(log);
  });

  test("OccurrenceSample keeps the first few and the first of each entry, and counts all", () => {
    const sample = new OccurrenceSample(2);
    for (const o of log) sample.add(o);
    expect(sample.kept.map((o) => o.line)).toEqual([1, 2, 4, 6]);
    expect(sample.total).toBe(7);
    expect([...sample.counts]).toEqual([["a", 4], ["b", 2], ["c", 1]]);
  });

  test.each([
    ["100%", "100%25", "100%25"],
    ["a\r\nb", "a%0D%0Ab", "a%0D%0Ab"],
    ["x:1,y", "x:1,y", "x%3A1%2Cy"],
    ["%0A", "%250A", "%250A"],
  ])("escapes %j as data %j and as a property %j", (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });

  test("github: a limit of 3 annotates 3 and counts the 4 left out; no notice when nothing is", () => {
    const out = githubAnnotations(log, describeEntry, { total: log.length, listAll: "faultline scan ci.log", limit: 3 });
    expect(out.split("\n").filter(Boolean).map((l) => l.slice(0, l.indexOf("::", 2)))).toEqual([
      "::error file=ci.log,line=1,title=a",
      "::error file=ci.log,line=4,title=b",
      "::error file=ci.log,line=6,title=c",
      "::notice title=faultline",
    ]);
    expect(out).toContain("::4 more occurrences of known errors not annotated (GitHub shows 3 error annotations per step). All of them: faultline scan ci.log\n");
    // The sample the CLI keeps may be shorter than the log: the total counts what it left out too.
    expect(githubAnnotations(log.slice(0, 2), describeEntry, { total: 9, listAll: "x" })).toContain("::7 more occurrences");
    expect(githubAnnotations(log, describeEntry, { total: log.length, listAll: "x" })).not.toContain("::notice");
  });

  test("sarif: a limit keeps the variety and the invocation says how many were left out", () => {
    const sarif = sarifLog(log, describeEntry, { tool: { version: "9.9.9", informationUri: "https://kb.example/" }, total: 10, limit: 3 });
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]?.results?.map((r) => r.locations?.[0]?.physicalLocation?.region?.startLine)).toEqual([1, 4, 6]);
    expect(sarif.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.[0]?.message.text).toBe(
      "7 more occurrences of known errors left out: a run holds at most 3 results. faultline scan --stats counts them all.",
    );
  });

  test.each([
    ["logs/ci.log", "logs/ci.log"],
    ["job:1,a#b?.log", "job%3A1%2Ca%23b%3F.log"],
    ["../up/x y.log", "../up/x%20y.log"],
    ["/var/log/a b.log", "file:///var/log/a%20b.log"],
    ["-", "-"],
  ])("sarif names %j as %j", (given, uri) => {
    expect(artifactUri(given)).toBe(uri);
  });

  test("gitlab: the same occurrence twice (a file given twice) is one issue", () => {
    const issues = codeQualityReport([at(1, "a"), at(4, "b"), at(1, "a")], describeEntry);
    expect(issues.map((i) => i.location.lines.begin)).toEqual([1, 4]);
    expect(issues[0]?.description).toBe("Title of a: line 1 (https://kb.example/entries/a/)");
  });

  test("statsText: by count, then by id", () => {
    expect(statsText(new Map([["b", 2], ["a", 2], ["c", 11]]))).toBe("Occurrences by entry:\n11  c\n 2  a\n 2  b\n15  in all\n");
  });
});
