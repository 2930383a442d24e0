/**
 * A real browser on the built site: Debian's Chromium driven by playwright-core, a fresh profile,
 * and the site served from dist/ on a random localhost port under the site's Content-Security-Policy.
 * Every page is watched for requests to other origins, CSP violations and script errors.
 */
import { expect } from "vitest";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { startStaticServer, type RunningServer } from "../../site/server/static-server.ts";
import { distDir, requireBuiltSite, siteBase } from "./built-site.ts";

/** Where Debian puts Chromium; CHROMIUM_PATH overrides it. */
export const chromiumPath = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** What a page did that tests look at. */
export interface PageLog {
  /** Every request URL, in order. */
  readonly requests: string[];
  /** Requests to anything but the test server. */
  readonly foreign: string[];
  /** Console messages about Content-Security-Policy violations. */
  readonly cspViolations: string[];
  /** Uncaught exceptions and console errors. */
  readonly errors: string[];
  /** Dialogs (alert, confirm…) opened by the page: a hostile paste that ran would open one. */
  readonly dialogs: string[];
}

/** Fails when a page reached another origin, broke its Content-Security-Policy or threw. */
export function expectCleanLog(log: PageLog): void {
  expect(log.foreign, "requests to other origins").toEqual([]);
  expect(log.cspViolations, "Content-Security-Policy violations").toEqual([]);
  expect(log.errors, "script errors").toEqual([]);
}

/** A browser and a server for one test file. */
export interface SiteBrowser {
  /** The site's home: http://localhost:PORT/BASE/. */
  readonly home: string;
  /** An absolute URL of a site path ("entries/x/"). */
  url(sitePath?: string): string;
  /** Opens a page at a width (height follows), watched by a fresh log. */
  open(sitePath?: string, width?: number): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
}

function watch(page: Page, origin: string): PageLog {
  const log: PageLog = { requests: [], foreign: [], cspViolations: [], errors: [], dialogs: [] };
  page.on("request", (request) => {
    const url = request.url();
    log.requests.push(url);
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) log.foreign.push(url);
  });
  page.on("console", (message) => {
    const text = message.text();
    if (/Content Security Policy/i.test(text)) log.cspViolations.push(text);
    else if (message.type() === "error") log.errors.push(text);
  });
  page.on("pageerror", (error) => log.errors.push(error.message));
  page.on("dialog", (dialog) => {
    log.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return log;
}

/** A built site to serve: its folder and the base path it was built for. */
export interface BuiltSite {
  readonly root: string;
  readonly base: string;
}

/** Starts the server (on dist/ unless another built site is given) and Chromium; fails with the fix when either is missing. */
export async function openSiteBrowser(site?: BuiltSite): Promise<SiteBrowser> {
  if (!site) requireBuiltSite();
  const { root, base } = site ?? { root: distDir, base: siteBase };
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is missing at ${chromiumPath}: run "bash test/setup/ensure-chromium.sh" (as root it installs Debian's chromium)`);
  }
  const server: RunningServer = await startStaticServer({ root, base, port: 0 });
  const origin = new URL(server.url).origin;
  const profile = await mkdtemp(path.join(tmpdir(), "faultline-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: chromiumArgs,
      viewport: { width: 1280, height: 900 },
      serviceWorkers: "block",
    });
  } catch (error) {
    await server.close();
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  // The matcher tests paste through the clipboard, as a person would.
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const url = (sitePath = ""): string => new URL(sitePath.replace(/^\/+/, ""), server.url).href;
  return {
    home: server.url,
    url,
    async open(sitePath = "", width = 1280) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: width < 600 ? 812 : 900 });
      const log = watch(page, origin);
      await page.goto(url(sitePath));
      return { page, log };
    },
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
