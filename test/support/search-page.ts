/** Driving the search page: type a query, wait for Pagefind's answer, read the result ids. */
import type { Page } from "playwright-core";
import { siteBase } from "./built-site.ts";

/** Waits until the search page has shown the results for its current query and filters. */
export async function waitForResults(page: Page): Promise<void> {
  await page.waitForSelector('#search[data-state="done"], #search[data-state="idle"]', { timeout: 30_000 });
}

/** Entry ids of the results on screen, in order. */
export async function resultIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator(".search-result-title a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => href.slice(`${siteBase}entries/`.length).replace(/\/.*$/, ""));
}

/** Types a query and waits for its results. */
export async function search(page: Page, query: string): Promise<string[]> {
  const root = page.locator("#search");
  await page.locator("#search-input").fill(query);
  await page.waitForFunction((q) => document.getElementById("search")?.dataset["state"] === "done" && new URL(location.href).searchParams.get("q") === q, query, { timeout: 30_000 });
  await root.waitFor();
  return resultIds(page);
}

/** Asks Pagefind directly (not through the page's UI) for every result id of a query. */
export async function pagefindIds(page: Page, query: string): Promise<string[]> {
  // A string, not a function: the test runner would rewrite a dynamic import() inside a function.
  const urls = await page.evaluate<string[]>(`(async () => {
    const pagefind = await import(${JSON.stringify(`${siteBase}pagefind/pagefind.js`)});
    await pagefind.options({ baseUrl: ${JSON.stringify(siteBase)} });
    const found = await pagefind.search(${JSON.stringify(query)});
    const data = await Promise.all(found.results.map((r) => r.data()));
    return data.map((d) => d.url);
  })()`);
  return urls.map((url) => url.slice(`${siteBase}entries/`.length).replace(/\/.*$/, ""));
}
