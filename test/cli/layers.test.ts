import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";

// Two layers as a team keeps them: the built-in knowledge, and an org folder that adds one entry and
// replaces one built-in entry. Every command shows both, and says which layer each answer came from.
const bin = path.resolve("engine/bin/faultline.js");
const org = "test/fixtures/layers/org";

function run(args: string[], input = "", env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FAULTLINE_KB: "", FAULTLINE_SITE: "", ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const orgPaste = "acme-cb: ERROR ACME-CB-401 credential broker lease expired for role deployer";
const scopePaste = '{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}';
const builtinPaste = "An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired";

type JsonMatch = { id: string; title: string; layer?: string; page?: string; file?: string; entry: string };

describe("match with an org layer", () => {
  test.each([
    ["--kb", ["--kb", org], {}],
    ["FAULTLINE_KB", [], { FAULTLINE_KB: org }],
  ])("through %s: the org's new entry, the org's replacement and a built-in entry, each with its layer and link", (_how, args, env) => {
    const own = JSON.parse(run(["match", "--json", ...args], orgPaste, env).stdout) as { matches: JsonMatch[] };
    expect(own.matches[0]).toMatchObject({ id: "acme-vault-lease-expired", layer: org, file: path.join(org, "acme-vault-lease-expired.md") });
    expect(own.matches[0]?.page).toBeUndefined();

    const replaced = JSON.parse(run(["match", "--json", ...args], scopePaste, env).stdout) as { matches: JsonMatch[] };
    expect(replaced.matches[0]).toMatchObject({ id: "gcp-oauth-scope-insufficient", layer: org });
    expect(replaced.matches[0]?.title).toContain("Acme");

    const builtin = JSON.parse(run(["match", "--json", ...args], builtinPaste, env).stdout) as { matches: JsonMatch[] };
    expect(builtin.matches[0]).toMatchObject({ id: "aws-expired-token", layer: "built-in", page: "https://faultline-kb.github.io/faultline/entries/aws-expired-token/" });
    expect(builtin.matches[0]?.entry).toBe(builtin.matches[0]?.page);
  });

  test("human output names the org layer and the entry's file; built-in entries link to the published site", () => {
    const own = run(["match", "--kb", org], orgPaste);
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/\[acme-vault-lease-expired\] {2}from test\/fixtures\/layers\/org/);
    expect(own.stdout).toContain(`Read: ${path.join(org, "acme-vault-lease-expired.md")}`);
    const builtin = run(["match", "--kb", org], builtinPaste);
    expect(builtin.stdout).toContain("Read: https://faultline-kb.github.io/faultline/entries/aws-expired-token/");
  });

  test("FAULTLINE_SITE moves the links to a team's own site, for every layer without a site of its own", () => {
    const env = { FAULTLINE_SITE: "https://kb.acme.example/faultline" };
    const own = JSON.parse(run(["match", "--json", "--kb", org], orgPaste, env).stdout) as { matches: JsonMatch[] };
    expect(own.matches[0]?.page).toBe("https://kb.acme.example/faultline/entries/acme-vault-lease-expired/");
    const builtin = JSON.parse(run(["match", "--json"], builtinPaste, env).stdout) as { matches: JsonMatch[] };
    expect(builtin.matches[0]?.page).toBe("https://kb.acme.example/faultline/entries/aws-expired-token/");
  });

  test("--no-builtin leaves only the org's entries", () => {
    const { code, stdout } = run(["match", "--json", "--no-builtin", "--kb", org], builtinPaste);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as { matches: unknown[] }).matches).toEqual([]);
  });

  test("a later layer wins: a bundle of the org folder on top of the folder itself names the bundle's layer", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-layers-"));
    const bundle = path.join(dir, "acme.json");
    expect(run(["compile", "--no-builtin", "--kb", org, "--name", "acme", "--site", "https://kb.acme.example/", "--out", bundle]).code).toBe(0);
    const compiled = JSON.parse(readFileSync(bundle, "utf8")) as { layers: Array<{ name: string; site?: string }>; entries: Array<{ id: string; layer: string }> };
    expect(compiled.layers).toEqual([expect.objectContaining({ name: "acme", site: "https://kb.acme.example/" })]);
    expect(new Set(compiled.entries.map((e) => e.layer))).toEqual(new Set(["acme"]));
    const report = JSON.parse(run(["match", "--json", "--kb", org, "--kb", bundle], orgPaste).stdout) as { matches: JsonMatch[] };
    expect(report.matches[0]).toMatchObject({ layer: "acme", page: "https://kb.acme.example/entries/acme-vault-lease-expired/" });
  });
});

describe("scan, check and compile with an org layer", () => {
  test("scan names the layer of each occurrence that is not built-in", () => {
    const log = ["INFO ok", scopePaste, orgPaste, builtinPaste].join("\n");
    const { code, stdout } = run(["scan", "--kb", org, "-"], log);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").map((line) => line.split(": ").slice(0, 2).join(": "))).toEqual([
      `-:2: gcp-oauth-scope-insufficient (from ${org})`,
      `-:3: acme-vault-lease-expired (from ${org})`,
      "-:4: aws-expired-token",
    ]);
    const json = run(["scan", "--json", "--kb", org, "-"], log).stdout.trim().split("\n").map((line) => JSON.parse(line) as { id: string; layer?: string });
    expect(json.map((f) => f.layer)).toEqual([org, org, undefined]);
  });

  test("check runs the org's examples against both layers and says which built-in entry it replaces", () => {
    const { code, stdout } = run(["check", org]);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toEqual([
      `${org}/gcp-oauth-scope-insufficient.md:3:5: id: notice: replaces the entry "gcp-oauth-scope-insufficient" of the layer built-in`,
      `ok: 2 entries, 7 examples and counterexamples pass (layers: built-in < ${org})`,
    ]);
    const json = JSON.parse(run(["check", "--json", org]).stdout) as { notices: Array<{ message: string }>; problems: unknown[] };
    expect(json.problems).toEqual([]);
    expect(json.notices.map((n) => n.message)).toEqual(['notice: replaces the entry "gcp-oauth-scope-insufficient" of the layer built-in']);
  });

  test("check fails an org entry whose example the built-in knowledge explains better", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-layers-"));
    const source = readFileSync(path.join(org, "acme-vault-lease-expired.md"), "utf8");
    writeFileSync(path.join(dir, "acme-vault-lease-expired.md"), source.replace(`  - '{"error":"ACME-CB-401"`, `  - "${builtinPaste} ACME-CB-401"\n  - '{"error":"ACME-CB-401"`));
    const { code, stdout } = run(["check", dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('does not rank this entry first: it ranks "aws-expired-token" first');
  });

  test("compile writes the stack with each entry's layer", () => {
    const { code, stdout } = run(["compile", "--kb", org]);
    expect(code).toBe(0);
    const bundle = JSON.parse(stdout) as { layers: Array<{ name: string }>; entries: Array<{ id: string; layer: string }> };
    expect(bundle.layers.map((l) => l.name)).toEqual(["built-in", org]);
    const layerOf = new Map(bundle.entries.map((e) => [e.id, e.layer]));
    expect(layerOf.get("gcp-oauth-scope-insufficient")).toBe(org);
    expect(layerOf.get("acme-vault-lease-expired")).toBe(org);
    expect(layerOf.get("aws-expired-token")).toBe("built-in");
  });
});
