/**
 * Search on the built site: Pagefind over the entry pages only, error codes found whole and in
 * parts, filters that narrow, sections as sub-results, and ?q= links from the matcher.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { builtBundle, hasEntry } from "../support/built-site.ts";
import { pagefindIds, resultIds, search, waitForResults } from "../support/search-page.ts";
import { expectCleanLog, openSiteBrowser, type PageLog, type SiteBrowser } from "../support/site-browser.ts";

let site: SiteBrowser;
let page: Page;
let log: PageLog;

beforeAll(async () => {
  site = await openSiteBrowser();
  ({ page, log } = await site.open("search/"));
  await waitForResults(page);
});

afterAll(async () => {
  expectCleanLog(log);
  await site?.close();
});

function requireEntry(id: string): void {
  if (!hasEntry(id)) throw new Error(`the built site has no entry "${id}"; the search test for it needs knowledge/${id}.md`);
}

describe("error codes", () => {
  test.each([
    ["ACCESS_TOKEN_SCOPE_INSUFFICIENT", "gcp-oauth-scope-insufficient"],
    ["AADSTS7000215", "azure-invalid-client-secret"],
    ["iam.serviceAccounts.getAccessToken", "gcp-impersonation-token-creator"],
    ["sts:AssumeRole", "aws-assume-role-denied"],
  ])("%s finds %s first", async (code, id) => {
    requireEntry(id);
    expect((await search(page, code))[0]).toBe(id);
  });

  test.each([
    ["SCOPE_INSUFFICIENT", "gcp-oauth-scope-insufficient"],
    ["scope insufficient", "gcp-oauth-scope-insufficient"],
    ["7000215", "azure-invalid-client-secret"],
    ["getAccessToken", "gcp-impersonation-token-creator"],
    ["AssumeRole", "aws-assume-role-denied"],
  ])("the part %s finds %s among the first three", async (part, id) => {
    requireEntry(id);
    expect((await search(page, part)).slice(0, 3)).toContain(id);
  });

  test("every code an entry lists finds that entry", async () => {
    const missing: string[] = [];
    for (const entry of builtBundle().entries) {
      for (const code of entry.codes) {
        if (!(await pagefindIds(page, code)).includes(entry.id)) missing.push(`${code} → ${entry.id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("only entry pages are indexed: navigation and listing pages are not results", async () => {
    const ids = await pagefindIds(page, "browse");
    const entryIds = new Set(builtBundle().entries.map((e) => e.id));
    for (const id of ids) expect(entryIds.has(id)).toBe(true);
    // The layout's skip link, as an exact phrase: entries may use its words apart ("skip the step").
    expect(await pagefindIds(page, '"Skip to content"')).toEqual([]);
  });
});

describe("filters", () => {
  test("a provider filter narrows the results to that provider", async () => {
    const all = await search(page, "token");
    expect(all.length).toBeGreaterThan(1);
    const options = await page.locator('input[data-filter="provider"]').evaluateAll((boxes) =>
      boxes.map((box) => ({ value: (box as HTMLInputElement).value, count: Number(box.parentElement?.querySelector(".chip-count")?.textContent ?? 0) })),
    );
    const narrowing = options.find((option) => option.count > 0 && option.count < all.length);
    if (!narrowing) throw new Error(`no provider filter narrows ${all.length} results for "token": ${JSON.stringify(options)}`);
    await page.locator(`input[data-filter="provider"][value="${narrowing.value}"]`).check();
    await page.waitForFunction((value) => new URL(location.href).searchParams.get("provider") === value && document.getElementById("search")?.dataset["state"] === "done", narrowing.value);
    const narrowed = await resultIds(page);
    expect(narrowed.length).toBe(narrowing.count);
    expect(narrowed.length).toBeLessThan(all.length);
    const providerOf = new Map(builtBundle().entries.map((e) => [e.id, e.provider]));
    const providers = new Set(narrowed.map((id) => providerOf.get(id)));
    expect(providers.size).toBe(1);
    // The other providers stay offered, as alternatives to add.
    expect(await page.locator('input[data-filter="provider"]').count()).toBe(options.length);
    await page.locator(`input[data-filter="provider"][value="${narrowing.value}"]`).uncheck();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("provider") && document.getElementById("search")?.dataset["state"] === "done");
    expect(await resultIds(page)).toEqual(all);
  });

  test("status and service filters exist", async () => {
    await search(page, "token");
    expect(await page.locator('input[data-filter="status"]').count()).toBeGreaterThan(0);
    expect(await page.locator('input[data-filter="service"]').count()).toBeGreaterThan(0);
  });
});

test("results link to the sections that matched", async () => {
  await search(page, "metadata server scopes");
  const sections = await page.locator(".sub-results a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(sections.length).toBeGreaterThan(0);
  for (const href of sections) expect(href).toMatch(/\/entries\/[a-z0-9-]+\/#[a-z0-9-]+$/);
});

test("a ?q= link opens with the query searched", async () => {
  const opened = await site.open("search/?q=ACCESS_TOKEN_SCOPE_INSUFFICIENT");
  await waitForResults(opened.page);
  expect(await opened.page.locator("#search-input").inputValue()).toBe("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
  expect((await resultIds(opened.page))[0]).toBe("gcp-oauth-scope-insufficient");
  expect(opened.log.cspViolations).toEqual([]);
  await opened.page.close();
});
