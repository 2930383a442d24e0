/** URLs inside the site, always under the configured base path. */
import { joinBase } from "./base-path.ts";

/** The base path as Astro was configured ("/" or "/faultline/"). */
export const basePath: string = import.meta.env.BASE_URL.endsWith("/") ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** A link to a page or file of this site: `siteUrl("entries/x/")` → "/faultline/entries/x/". */
export function siteUrl(path = ""): string {
  return joinBase(basePath, path);
}

/** The page of one entry. */
export function entryUrl(id: string): string {
  return siteUrl(`entries/${encodeURIComponent(id)}/`);
}

/** The search page, optionally with a query filled in. */
export function searchUrl(query?: string): string {
  return siteUrl(query ? `search/?q=${encodeURIComponent(query)}` : "search/");
}
