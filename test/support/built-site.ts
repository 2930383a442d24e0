/** The built site (dist/) the browser tests run against, and what they need to know about it. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Bundle } from "faultline/browser";
import { normaliseBase } from "../../site/lib/base-path.ts";

/** The built site's folder. */
export const distDir = path.resolve("dist");

/** The base path the site was built with; the test scripts set FAULTLINE_BASE for build and tests alike. */
export const siteBase = normaliseBase(process.env["FAULTLINE_BASE"]);

/** Throws with the command to run when there is no built site. */
export function requireBuiltSite(): void {
  if (!existsSync(path.join(distDir, "index.html"))) {
    throw new Error(`no built site in ${distDir}: the browser tests test the build; run "npm run test:site" (or FAULTLINE_BASE=${siteBase} npm run build)`);
  }
}

/** The compiled bundle the build wrote. */
export function builtBundle(): Bundle {
  requireBuiltSite();
  return JSON.parse(readFileSync(path.join(distDir, "faultline-bundle.json"), "utf8")) as Bundle;
}

/** Whether an entry is in the built site. */
export function hasEntry(id: string): boolean {
  return builtBundle().entries.some((entry) => entry.id === id);
}
