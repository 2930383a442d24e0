import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Bundle } from "faultline/browser";
import { paste, waitForMatcher } from "../support/matcher-page.ts";
import { expectCleanLog, openSiteBrowser, type SiteBrowser } from "../support/site-browser.ts";

// A team's own site: the built-in knowledge with an org folder stacked on it through FAULTLINE_KB,
// built by the real Astro build into a folder of its own. The org adds one entry and replaces one,
// and keeps its entries in a repository of its own, which drafted entries go to.
const org = "test/fixtures/layers/org";
let out: string;
let browser: SiteBrowser;

const read = (file: string) => readFileSync(path.join(out, file), "utf8");

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), "faultline-layered-site-"));
  const build = spawnSync(process.execPath, [path.resolve("node_modules/astro/astro.js"), "build"], {
    encoding: "utf8",
    env: { ...process.env, FAULTLINE_KB: org, FAULTLINE_OUT_DIR: out, FAULTLINE_BASE: "/", FAULTLINE_REPO_URL: "https://github.com/acme/platform-kb/", FAULTLINE_REPO_BRANCH: "kb/main" },
  });
  if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
  browser = await openSiteBrowser({ root: out, base: "/" });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (out) await rm(out, { recursive: true, force: true });
});

describe("a site built from two layers", () => {
  test("the bundle holds both layers, and each entry says where it came from", () => {
    const bundle = JSON.parse(read("faultline-bundle.json")) as Bundle;
    expect(bundle.layers?.map((layer) => layer.name)).toEqual(["built-in", org]);
    const layerOf = new Map(bundle.entries.map((entry) => [entry.id, entry.layer]));
    expect(layerOf.get("acme-vault-lease-expired")).toBe(org);
    expect(layerOf.get("gcp-oauth-scope-insufficient")).toBe(org);
    expect(layerOf.get("aws-expired-token")).toBe("built-in");
  });

  test("the org's pages: a new entry, a replaced one, each naming its layer instead of an edit link", () => {
    const added = read("entries/acme-vault-lease-expired/index.html");
    expect(added).toContain("ACME-CB-401 lease expired");
    expect(added).toContain(`data-layer="${org}"`);
    const replaced = read("entries/gcp-oauth-scope-insufficient/index.html");
    expect(replaced).toContain("Acme: use the platform node pools");
    expect(replaced).not.toContain("Edit this entry");
    expect(read("entries/aws-expired-token/index.html")).toContain("Edit this entry");
    // Freshness: the org entry says when its fix was last tried and with what; the others that they were not.
    expect(added).toMatch(/Last verified <time datetime="2026-11-20">20 November 2026<\/time> with acme-cb 3\.2\.0 and vault 1\.18\.1<\/span>/);
    expect(replaced).toContain("Not yet verified");
    expect(existsSync(path.join(out, "pagefind", "pagefind.js"))).toBe(true);
  });

  test("the matcher answers with the org's entry and says which layer it is from", async () => {
    const { page, log } = await browser.open();
    await waitForMatcher(page);
    await paste(page, "acme-cb: ERROR ACME-CB-401 credential broker lease expired for role deployer");
    await expect.poll(() => page.locator(".best-match").getAttribute("data-entry-id")).toBe("acme-vault-lease-expired");
    expect(await page.locator(".best-match .layer").textContent()).toBe(`from ${org}`);
    expectCleanLog(log);
    await page.close();
  });

  test("a drafted entry opens in the org's repository and branch, as configured at build time", async () => {
    const { page, log } = await browser.open();
    await waitForMatcher(page);
    await paste(page, "ERROR: WIDGET_TOKEN_REFUSED: the widget broker refused the caller's credential");
    await page.locator("[data-draft-action]").click();
    const href = (await page.locator("[data-draft-editor]").getAttribute("href")) ?? "";
    const id = await page.locator(".draft-panel").getAttribute("data-draft-id");
    expect(href.startsWith(`https://github.com/acme/platform-kb/new/kb/main/knowledge?filename=${id}.md&value=`)).toBe(true);
    expectCleanLog(log);
    await page.close();
  });
});
