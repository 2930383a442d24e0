/** sitemap.xml: every page a search engine should know, with entries' last review dates. */
import type { APIRoute } from "astro";
import { allEntries, entryData } from "../lib/entries.ts";
import { facetPath, facets, facetValues } from "../lib/facets.ts";
import { entryUrl, siteUrl } from "../lib/site-url.ts";

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL("http://localhost:4321");
  const entries = entryData(await allEntries());
  const pages: Array<{ path: string; lastmod?: string }> = [
    { path: siteUrl() },
    { path: siteUrl("search/") },
    { path: siteUrl("authoring/") },
    ...entries.map((entry) => ({ path: entryUrl(entry.id), lastmod: entry.updated })),
    ...Object.values(facets).flatMap((facet) => facetValues(entries, facet).map(({ value }) => ({ path: siteUrl(facetPath(facet, value)) }))),
  ];
  const urls = pages.map(({ path, lastmod }) => `  <url><loc>${escapeXml(new URL(path, origin).href)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}</url>`);
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(body, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
