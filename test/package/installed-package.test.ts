import { execFileSync, spawnSync } from "node:child_process";
import { createReadStream, existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chromiumArgs, chromiumPath } from "../support/site-browser.ts";

// The engine as another tool gets it: `npm pack` of the workspace package, installed with npm into an
// empty project, then used from Node, from npx and from a bundler-free browser page.
const seed001 = `{ "error": { "code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED", "details": [{"reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}] } }`;
const budgetBytes = 10 * 1024 * 1024;
// A Cloud Run 401 with an ID token whose aud has a path: its entry tests a JWT claim by path ($.aud).
const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const idToken = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: "https://accounts.google.com", aud: "https://orders-7hq2xkq3pa-uc.a.run.app/api/v1/items", exp: 4102444800, iat: 4102441200, sub: "1098" })}.ZmFrZS1zaWduYXR1cmU`;
const audiencePaste = `requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://orders-7hq2xkq3pa-uc.a.run.app/api/v1/items\nsent header Authorization: Bearer ${idToken}`;

let work: string;
let app: string;
let tarball: string;

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });
}

function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "faultline-package-"));
  const packed = JSON.parse(npm(["pack", "--workspace", "faultline", "--json", "--pack-destination", work], process.cwd())) as Array<{ filename: string }>;
  tarball = path.join(work, packed[0]?.filename ?? "");
  app = path.join(work, "app");
  await mkdir(app);
  await writeFile(path.join(app, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  npm(["install", "--prefer-offline", "--no-package-lock", tarball], app);
}, 300_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe("the packed engine, installed into an empty project", () => {
  test("installs within the size budget, without what only check needs", () => {
    const modules = path.join(app, "node_modules");
    const size = sizeOf(modules);
    expect(size, `node_modules is ${(size / 1024 / 1024).toFixed(1)} MB`).toBeLessThanOrEqual(budgetBytes);
    for (const heavy of ["recheck", "recheck-jar", "gray-matter", "remark-parse", "unified", "astro"]) expect(existsSync(path.join(modules, heavy)), heavy).toBe(false);
  });

  test("the package ships the built-in knowledge and no source tree", async () => {
    const listing = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(listing).toContain("package/knowledge.js");
    expect(listing).toContain("package/dist/web/browser.js");
    expect(listing.some((file) => file.startsWith("package/src/") || file.startsWith("package/scripts/") || file.startsWith("package/bench/"))).toBe(false);
    const pkg = JSON.parse(await readFile(path.join(app, "node_modules/faultline/package.json"), "utf8")) as { version: string };
    const knowledge = JSON.parse(await readFile(path.join(app, "node_modules/faultline/knowledge.json"), "utf8")) as { layers: Array<{ name: string; version: string; date: string }>; entries: Array<{ file?: string }> };
    expect(knowledge.layers).toEqual([expect.objectContaining({ name: "built-in", version: pkg.version, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })]);
    expect(knowledge.entries.length).toBeGreaterThan(30);
    expect(knowledge.entries.every((entry) => entry.file === undefined)).toBe(true);
    // The sections are for readers (faultline mcp), in a file of their own: the matcher never loads them.
    expect(knowledge.entries.every((entry) => !("sections" in entry))).toBe(true);
    expect(listing).toContain("package/knowledge-sections.js");
    expect(listing).toContain("package/dist/mcp/sdk.js");
  });

  test("Node imports it as ESM and diagnoses the seed 001 paste with the built-in knowledge", async () => {
    const script = `import { diagnose } from "faultline";\nconst report = await diagnose(${JSON.stringify(seed001)});\nconsole.log(JSON.stringify({ id: report.matches[0]?.id, layer: report.matches[0]?.layer }));\n`;
    await writeFile(path.join(app, "diagnose.mjs"), script);
    const result = spawnSync(process.execPath, ["diagnose.mjs"], { cwd: app, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ id: "gcp-oauth-scope-insufficient", layer: "built-in" });
  });

  test("TypeScript sees the typed exports", async () => {
    await writeFile(path.join(app, "typed.ts"), `import { diagnose, type MatchReport } from "faultline";\nimport { match, type Bundle } from "faultline/browser";\nimport knowledge from "faultline/knowledge";\nconst bundle: Bundle = knowledge;\nconst report: MatchReport = await diagnose("x");\nvoid match(bundle, report.facts.text);\n`);
    await writeFile(path.join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ["typed.ts"] }));
    const tsc = path.resolve("node_modules/typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: app, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  test("npx faultline match explains the seed 001 paste, links to the published entry and exits", () => {
    const result = spawnSync("npx", ["--no-install", "faultline", "match"], { cwd: app, input: seed001, encoding: "utf8", timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("[gcp-oauth-scope-insufficient]");
    expect(result.stdout).toContain("Read: https://faultline-kb.github.io/faultline/entries/gcp-oauth-scope-insufficient/");
    expect(result.stdout).not.toContain("node_modules");
  });

  test("npx faultline mcp serves its tools without the SDK installed", async () => {
    expect(existsSync(path.join(app, "node_modules", "@modelcontextprotocol"))).toBe(false);
    const client = new Client({ name: "package-test", version: "1.0.0" });
    await client.connect(new StdioClientTransport({ command: "npx", args: ["--no-install", "faultline", "mcp"], cwd: app, stderr: "pipe" }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(["diagnose", "get_entry", "search_entries"]);
      const result = await client.callTool({ name: "diagnose", arguments: { text: seed001 } });
      expect((result.structuredContent as { matches: Array<{ id: string; fix?: string }> }).matches[0]).toMatchObject({ id: "gcp-oauth-scope-insufficient", fix: expect.stringContaining("cloud-platform") });
    } finally {
      await client.close();
    }
  }, 60_000);

  test("check without the markdown parsers says in one line what to install", async () => {
    await mkdir(path.join(app, "kb"), { recursive: true });
    await writeFile(path.join(app, "kb", "x.md"), "---\nid: x\n---\n");
    const result = spawnSync("npx", ["--no-install", "faultline", "check", "kb"], { cwd: app, encoding: "utf8", timeout: 60_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("faultline: reading markdown entries (check, new, --kb FOLDER) needs gray-matter, yaml, remark-parse, unified, mdast-util-to-string, which matching does not; install them: npm install --save-dev gray-matter yaml remark-parse unified mdast-util-to-string\n");
  });
});

describe("faultline/browser in a bundler-free page", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    await writeFile(
      path.join(app, "index.html"),
      `<!doctype html><meta charset="utf-8"><title>consumer</title>
<script type="importmap">{ "imports": { "faultline/browser": "/node_modules/faultline/dist/web/browser.js" } }</script>
<script type="module">
import { diagnose } from "faultline/browser";
const report = await diagnose(${JSON.stringify(seed001)});
const audience = await diagnose(${JSON.stringify(audiencePaste)});
document.body.dataset.result = JSON.stringify({ id: report.matches[0]?.id, why: report.matches[0]?.why.length, audience: audience.matches[0]?.id });
</script>`,
    );
    server = createServer((request, response) => {
      const file = path.join(app, decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
      if (!file.startsWith(app) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": file.endsWith(".js") ? "text/javascript" : "text/html" });
      createReadStream(file).pipe(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });

  test("imports faultline/browser through an import map and diagnoses with the built-in knowledge", async () => {
    const profile = await mkdtemp(path.join(tmpdir(), "faultline-chromium-"));
    const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("request", (request) => {
        if (!request.url().startsWith(origin)) foreign.push(request.url());
      });
      await page.goto(`${origin}/index.html`);
      await page.waitForFunction(() => document.body.dataset["result"] !== undefined, undefined, { timeout: 20_000 });
      const result = JSON.parse((await page.evaluate(() => document.body.dataset["result"])) ?? "{}") as { id?: string; why?: number; audience?: string };
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
      expect(result.id).toBe("gcp-oauth-scope-insufficient");
      expect(result.why).toBeGreaterThan(0);
      expect(result.audience).toBe("cloud-run-audience-mismatch");
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });
});
