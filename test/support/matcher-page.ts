/** Driving the matcher like a person: paste into the textarea, wait for the answer to render. */
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { expectCleanLog, openSiteBrowser, type PageLog, type SiteBrowser } from "./site-browser.ts";

/** The 403 insufficient-scopes body from the seeds. */
export const scopeErrorBody = `{
  "error": {
    "code": 403,
    "message": "Request had insufficient authentication scopes.",
    "status": "PERMISSION_DENIED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
        "domain": "googleapis.com",
        "metadata": { "service": "aiplatform.googleapis.com" }
      }
    ]
  }
}`;

/** The 401 UNAUTHENTICATED body from the seeds. */
export const unauthenticatedBody = `{"error":{"code":401,"message":"Request is missing valid authentication credentials.","status":"UNAUTHENTICATED"}}`;

/** Waits until the matcher has loaded its bundle. */
export async function waitForMatcher(page: Page): Promise<void> {
  await page.waitForSelector('#matcher[data-state="ready"]', { timeout: 30_000 });
}

/**
 * Pastes text into the matcher through the clipboard (Ctrl+V, as a person would) and waits for the
 * result of exactly that text to render.
 */
export async function paste(page: Page, text: string): Promise<void> {
  const before = await page.locator("#matcher").getAttribute("data-renders");
  const input = page.locator("#matcher-input");
  await input.fill("");
  await input.focus();
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("ControlOrMeta+V");
  if ((await input.inputValue()) !== text) throw new Error("the paste did not reach the textarea");
  await page.waitForFunction(
    ([previous, length]) => {
      const root = document.getElementById("matcher");
      return root?.dataset["state"] === "done" && root.dataset["renders"] !== previous && root.dataset["renderedLength"] === String(length);
    },
    [before, text.length] as const,
    { timeout: 30_000 },
  );
}

/** The text of every highlighted span of the best match's paste view. */
export async function highlights(page: Page): Promise<string[]> {
  return page.locator(".best-match .paste-view mark").allTextContents();
}

/** The built site's matcher open in Chromium for one test file: `site`, `page` and `log` are set before its tests. */
export interface MatcherSession {
  readonly site: SiteBrowser;
  readonly page: Page;
  readonly log: PageLog;
}

/** Opens the matcher once before a test file's tests, and after them checks the page's log and closes the browser. */
export function useMatcherPage(): MatcherSession {
  const session: { site?: SiteBrowser; page?: Page; log?: PageLog } = {};
  beforeAll(async () => {
    session.site = await openSiteBrowser();
    Object.assign(session, await session.site.open());
    await waitForMatcher(session.page as Page);
  });
  afterAll(async () => {
    if (session.log) expectCleanLog(session.log);
    await session.site?.close();
  });
  return session as MatcherSession;
}
