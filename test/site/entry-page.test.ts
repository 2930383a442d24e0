/**
 * Entry pages on the built site: the parts a reader relies on (badges, highlighted code with copy
 * buttons, section links, examples, related entries, last updated, edit link) and diagrams that
 * render only where there is one.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hasEntry, siteBase } from "../support/built-site.ts";
import { expectCleanLog, openSiteBrowser, type PageLog, type SiteBrowser } from "../support/site-browser.ts";

let site: SiteBrowser;

beforeAll(async () => {
  site = await openSiteBrowser();
});

afterAll(async () => {
  await site?.close();
});

/** The entry the mermaid test uses: cloud-run-unauthenticated-token, else any entry with a diagram. */
function diagramEntry(): string {
  const dir = path.resolve("knowledge");
  const withDiagram = readdirSync(dir)
    .filter((name) => name.endsWith(".md") && name !== "README.md")
    .filter((name) => /^[ \t]*(?:```|~~~)[ \t]*mermaid\b/m.test(readFileSync(path.join(dir, name), "utf8")))
    .map((name) => name.slice(0, -3))
    .filter(hasEntry);
  const chosen = withDiagram.includes("cloud-run-unauthenticated-token") ? "cloud-run-unauthenticated-token" : withDiagram[0];
  if (!chosen) throw new Error("no built entry has a ```mermaid block yet (cloud-run-unauthenticated-token will); the diagram test needs one");
  return chosen;
}

describe("gcp-oauth-scope-insufficient", () => {
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    ({ page, log } = await site.open("entries/gcp-oauth-scope-insufficient/"));
  });

  afterAll(async () => {
    expectCleanLog(log);
    await page.close();
  });

  test("title, summary and badges", async () => {
    expect(await page.locator("h1").textContent()).toBe("Google API returns 403: request had insufficient authentication scopes");
    expect(await page.locator(".entry-summary").textContent()).toContain("OAuth scopes");
    expect(await page.locator(".badge-provider").getAttribute("href")).toBe(`${siteBase}providers/gcp/`);
    expect(await page.locator(".badge-status").first().textContent()).toBe("403 Forbidden");
    expect(await page.locator("code.badge-code").allTextContents()).toContain("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(await page.locator(".badge-service").allTextContents()).toContain("compute-engine");
  });

  test("the sections, each with a deep link", async () => {
    const headings = await page.locator(".prose h2").evaluateAll((hs) => hs.map((h) => ({ id: h.id, text: h.textContent, link: h.querySelector("a.heading-anchor")?.getAttribute("href") })));
    expect(headings.map((h) => h.text)).toEqual(expect.arrayContaining(["Symptoms", "Cause", "Fix", "Verify", "Wrong fixes"]));
    for (const heading of headings) expect(heading.link).toBe(`#${heading.id}`);
    expect(await page.locator('.toc a[href="#wrong-fixes"]').count()).toBe(1);
  });

  test("code is highlighted and each block has a working copy button", async () => {
    const highlighted = page.locator(".prose pre.astro-code");
    expect(await highlighted.count()).toBeGreaterThan(0);
    expect(await highlighted.first().locator("span[style]").count()).toBeGreaterThan(0);
    const button = page.locator(".prose .code-block .copy-button").first();
    await button.click();
    // The clipboard write is asynchronous: on a loaded machine the label changes a moment after the click.
    await expect.poll(() => button.textContent()).toBe("Copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await page.locator(".prose .code-block pre").first().textContent())?.trimEnd());
  });

  test("matches errors like: its examples", async () => {
    const examples = await page.locator(".examples pre.example").allTextContents();
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.join("\n")).toContain("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
  });

  test("related entries, freshness (not yet verified, last updated) and the edit link", async () => {
    const related = await page.locator(".related .entry-card a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(related.length).toBeGreaterThan(0);
    for (const href of related) expect(href).toMatch(new RegExp(`^${siteBase}entries/[a-z0-9-]+/$`));
    expect(await page.locator(".entry-meta .updated time").getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const meta = ((await page.locator(".entry-meta").textContent()) ?? "").replace(/\s+/g, " ").trim();
    expect(meta).toMatch(/^Not yet verified · Last updated \d{1,2} [A-Z][a-z]+ \d{4} · Edit this entry$/);
    expect(await page.locator(".entry-meta a").getAttribute("href")).toMatch(/\/edit\/[^/]+\/knowledge\/gcp-oauth-scope-insufficient\.md$/);
  });

  test("a page without a diagram never loads mermaid", async () => {
    expect(await page.locator("pre[data-mermaid]").count()).toBe(0);
    expect(log.requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
  });
});

test("an entry's mermaid diagram renders in the browser", async () => {
  const id = diagramEntry();
  const { page, log } = await site.open(`entries/${id}/`);
  const figure = page.locator("figure.diagram").first();
  await page.waitForSelector('figure.diagram[data-rendered]', { timeout: 30_000 });
  expect(await figure.getAttribute("data-rendered")).toBe("true");
  const svg = figure.locator(".diagram-rendered svg");
  expect(await svg.count()).toBe(1);
  const box = await svg.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  expect(await svg.locator("text, foreignObject").count()).toBeGreaterThan(0);
  expectCleanLog(log);
  await page.close();
});
