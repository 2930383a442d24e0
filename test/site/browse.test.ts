/**
 * Browsing at catalog scale, in a real browser on the built site: the home page folds every entry
 * into provider groups whose counts add up to the catalog, split by service, and a filter box
 * narrows them; listing pages are sorted, grouped and filterable; without JavaScript every link is
 * still in the page and no dead filter box shows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { builtBundle, distDir, siteBase } from "../support/built-site.ts";
import { expectCleanLog, openSiteBrowser, type PageLog, type SiteBrowser } from "../support/site-browser.ts";

let site: SiteBrowser;

beforeAll(async () => {
  site = await openSiteBrowser();
});

afterAll(async () => {
  await site?.close();
});

/** The visible entry links of a list, by title. */
async function visibleTitles(page: Page, list: string): Promise<string[]> {
  return page.locator(`${list} [data-filter-item]:visible a`).allTextContents();
}

/** Types into a filter box like a person and waits for the status line to change. */
async function filter(page: Page, query: string): Promise<string> {
  const input = page.locator("[data-list-filter] input");
  const before = await page.locator("[data-filter-status]").textContent();
  await input.fill("");
  await input.pressSequentially(query);
  if (query.trim() !== "") await page.waitForFunction((previous) => document.querySelector("[data-filter-status]")?.textContent !== previous, before);
  return (await page.locator("[data-filter-status]").textContent()) ?? "";
}

describe("home page", () => {
  let page: Page;
  let log: PageLog;
  const total = builtBundle().entries.length;

  beforeAll(async () => {
    ({ page, log } = await site.open());
    await page.waitForSelector("[data-list-filter]:not([hidden])");
  });

  afterAll(async () => {
    expectCleanLog(log);
    await page.close();
  });

  test("every entry sits in one provider group, the counts add up to the catalog, and the groups start folded", async () => {
    const groups = await page.locator(".provider-group").evaluateAll((elements) =>
      elements.map((el) => ({
        provider: el.getAttribute("data-provider"),
        open: (el as HTMLDetailsElement).open,
        count: Number(el.querySelector("summary [data-filter-count]")?.textContent),
        links: el.querySelectorAll("[data-filter-item] a").length,
        services: [...el.querySelectorAll(".service-group")].map((s) => Number(s.querySelector("[data-filter-count]")?.textContent ?? s.querySelectorAll("[data-filter-item]").length)),
      })),
    );
    expect(groups.map((g) => g.provider)).toEqual(expect.arrayContaining(["gcp", "aws", "azure"]));
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(total);
    for (const group of groups) {
      expect(group.links, `${group.provider}: links`).toBe(group.count);
      expect(group.services.reduce((sum, n) => sum + n, 0), `${group.provider}: service counts`).toBe(group.count);
      expect(group.open, `${group.provider} starts folded`).toBe(false);
    }
    const hrefs = await page.locator(".provider-group [data-filter-item] a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(new Set(hrefs)).toEqual(new Set(builtBundle().entries.map((entry) => `${siteBase}entries/${entry.id}/`)));
  });

  test("each service list is sorted by title", async () => {
    const lists = await page.locator(".service-group .title-list").evaluateAll((uls) => uls.map((ul) => [...ul.querySelectorAll("a")].map((a) => a.textContent ?? "")));
    for (const titles of lists) expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, "en")));
  });

  test("typing in the filter narrows the list, opens the groups with hits, and hides the rest", async () => {
    expect(await visibleTitles(page, "#all-entries-list")).toEqual([]);
    const status = await filter(page, "cloud-run");
    const shown = await visibleTitles(page, "#all-entries-list");
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(total);
    expect(status).toBe(`${shown.length} of ${total} entries match “cloud-run”.`);
    const openGroups = await page.locator(".provider-group[open]").evaluateAll((els) => els.map((el) => el.getAttribute("data-provider")));
    expect(openGroups).toEqual(["gcp"]);
    expect(await page.locator('.provider-group[data-provider="aws"]').isVisible()).toBe(false);
    expect(Number(await page.locator('.provider-group[data-provider="gcp"] summary [data-filter-count]').textContent())).toBe(shown.length);

    const narrower = await filter(page, "cloud-run invoker");
    expect(narrower).toMatch(/^\d+ of \d+ entries match/);
    expect((await visibleTitles(page, "#all-entries-list")).length).toBeLessThan(shown.length);

    expect(await filter(page, "no-such-word-anywhere")).toBe("No entry matches “no-such-word-anywhere”. Try fewer words, or search the entries.");
    expect(await page.locator(".provider-group:visible").count()).toBe(0);
    expect(await page.locator("[data-filter-status] a").getAttribute("href")).toBe(`${siteBase}search/?q=no-such-word-anywhere`);

    await filter(page, "");
    expect(await page.locator("[data-filter-status]").textContent()).toBe("");
    expect(await page.locator(".provider-group:visible").count()).toBe(await page.locator(".provider-group").count());
    expect(await page.locator(".provider-group[open]").count()).toBe(0);
  });

  test("a code finds its entries", async () => {
    await filter(page, "AccessDenied");
    const shown = await page.locator("#all-entries-list [data-filter-item]:visible").evaluateAll((items) => items.map((li) => li.closest(".provider-group")?.getAttribute("data-provider")));
    expect(shown.length).toBeGreaterThan(0);
    expect(new Set(shown)).toContain("aws");
    await filter(page, "");
  });
});

describe("listing pages", () => {
  test("a provider's page groups its entries by service, sorted by title, and filters them", async () => {
    const { page, log } = await site.open("providers/gcp/");
    await page.waitForSelector("[data-list-filter]:not([hidden])");
    const groups = await page.locator(".listing-group").evaluateAll((sections) =>
      sections.map((s) => ({ count: Number(s.querySelector("[data-filter-count]")?.textContent), titles: [...s.querySelectorAll(".entry-card-title a")].map((a) => a.textContent ?? "") })),
    );
    expect(groups.length).toBeGreaterThan(1);
    const gcpTotal = builtBundle().entries.filter((e) => e.provider === "gcp").length;
    expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(gcpTotal);
    for (const group of groups) {
      expect(group.titles.length).toBe(group.count);
      expect(group.titles).toEqual([...group.titles].sort((a, b) => a.localeCompare(b, "en")));
    }
    const status = await filter(page, "cloud-run");
    const shown = await page.locator(".entry-card:visible").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(gcpTotal);
    expect(status).toBe(`${shown} of ${gcpTotal} entries match “cloud-run”.`);
    expectCleanLog(log);
    await page.close();
  });

  test("a status page groups by provider", async () => {
    const { page, log } = await site.open("status/403/");
    const providers = await page.locator(".listing-group").evaluateAll((sections) => sections.map((s) => s.getAttribute("data-group")));
    expect(providers).toEqual(expect.arrayContaining(["gcp", "aws", "azure"]));
    expectCleanLog(log);
    await page.close();
  });
});

describe("without JavaScript", () => {
  test("the home page's HTML links every entry and keeps the filter box hidden", () => {
    const html = readFileSync(path.join(distDir, "index.html"), "utf8");
    for (const entry of builtBundle().entries) expect(html).toContain(`href="${siteBase}entries/${entry.id}/"`);
    expect(html).toMatch(/<div class="list-filter" data-list-filter="all-entries-list" hidden/);
  });
});
