/**
 * How the site looks and handles: screenshots of home (and filtered), a matcher result, a drafted entry and an entry page at
 * 1280 px and 375 px (saved to test-results/screenshots/), no sideways scrolling on a phone,
 * keyboard-only use with a visible focus, and WCAG AA contrast in the light and the dark theme.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { measureContrast } from "../support/contrast.ts";
import { paste, scopeErrorBody, waitForMatcher } from "../support/matcher-page.ts";
import { openSiteBrowser, type SiteBrowser } from "../support/site-browser.ts";

const screenshots = path.resolve("test-results", "screenshots");
let site: SiteBrowser;

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  site = await openSiteBrowser();
});

afterAll(async () => {
  await site?.close();
});

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe.each([1280, 375])("at %i px", (width) => {
  test("home", async () => {
    const { page, log } = await site.open("", width);
    await waitForMatcher(page);
    await page.screenshot({ path: path.join(screenshots, `home-${width}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
    expect(log.cspViolations).toEqual([]);
    await page.close();
  });

  test("matcher result", async () => {
    const { page } = await site.open("", width);
    await waitForMatcher(page);
    await paste(page, scopeErrorBody);
    await page.locator(".best-match").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, `matcher-result-${width}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
    await page.close();
  });

  test("a drafted entry under a paste that matches nothing", async () => {
    const { page } = await site.open("", width);
    await waitForMatcher(page);
    await paste(page, "ERROR: WIDGET_TOKEN_REFUSED: the widget broker refused the caller's credential\nAuthorization: Bearer ya29.a0AfH6SMBxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    await page.locator("[data-draft-action]").click();
    await page.locator(".draft-panel").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, `matcher-draft-${width}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
    await page.close();
  });

  test("home with the entry list filtered", async () => {
    const { page } = await site.open("", width);
    await page.locator("[data-list-filter] input").pressSequentially("token");
    await page.waitForFunction(() => document.querySelector("[data-filter-status]")?.textContent !== "");
    await page.locator(".all-entries").scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshots, `home-filtered-${width}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
    await page.close();
  });

  test("entry page", async () => {
    const { page } = await site.open("entries/gcp-oauth-scope-insufficient/", width);
    await page.screenshot({ path: path.join(screenshots, `entry-${width}.png`), fullPage: true });
    await expectNoSidewaysScroll(page);
    await page.close();
  });
});

test("the matcher works from the keyboard alone, with a visible focus", async () => {
  const { page } = await site.open();
  await waitForMatcher(page);
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
  await page.keyboard.press("Enter");
  let steps = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== "matcher-input" && steps++ < 15) await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("matcher-input");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.insertText(scopeErrorBody);
  await page.waitForSelector(".best-match");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest(".best-match") !== null)).toBe(true);
  await page.close();
});

test("controls have labels", async () => {
  for (const sitePath of ["", "search/"]) {
    const { page } = await site.open(sitePath);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, textarea, select")].filter((control) => (control as HTMLInputElement).labels?.length === 0 && !control.getAttribute("aria-label")).map((c) => c.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await page.close();
  }
});

describe.each(["light", "dark"] as const)("%s theme", (scheme) => {
  test("text meets WCAG AA contrast (4.5:1)", async () => {
    const { page } = await site.open();
    await page.emulateMedia({ colorScheme: scheme });
    await waitForMatcher(page);
    await paste(page, scopeErrorBody);
    await page.screenshot({ path: path.join(screenshots, `matcher-result-${scheme}-1280.png`), fullPage: false });
    const samples = await measureContrast(page, [
      "body",
      ".lede",
      ".privacy-note",
      ".matcher-status",
      ".kicker",
      ".best-match .summary",
      ".best-match h2 a",
      ".paste-view",
      ".paste-view mark",
      ".near-missing",
      ".button",
      ".header-search button",
      ".chip",
      ".chip-count",
      ".provider-group summary",
      ".list-filter .field-label",
      ".site-footer",
      ".nav-list a",
    ]);
    const entry = await site.open("entries/gcp-oauth-scope-insufficient/");
    await entry.page.emulateMedia({ colorScheme: scheme });
    samples.push(...(await measureContrast(entry.page, [".entry-summary", ".badge-provider", ".badge-status", "code.badge-code", ".entry-meta", ".prose p", ".prose code", ".toc a", ".copy-button"])));
    const failing = samples.filter((sample) => sample.ratio < 4.5);
    expect(failing).toEqual([]);
    expect(samples.length).toBeGreaterThan(15);
    await page.close();
    await entry.page.close();
  });
});
