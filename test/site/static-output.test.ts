/**
 * The built files themselves: no inline scripts or handlers (so `script-src 'self'` is enough), no
 * resource from another origin, every internal link and section link resolving, the bundle, the
 * sitemap, and a search index of entry pages only.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { matcherPageBytes } from "../../engine/bench/page-bytes.ts";
import { loadBundle } from "../../engine/src/browser.ts";
import { contentSecurityPolicyMeta } from "../../site/server/content-security-policy.ts";
import { builtBundle, distDir, requireBuiltSite, siteBase } from "../support/built-site.ts";

interface BuiltPage {
  /** Path under dist, such as entries/x/index.html. */
  readonly file: string;
  readonly html: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

let pages: BuiltPage[];

beforeAll(() => {
  requireBuiltSite();
  pages = walk(distDir)
    .filter((file) => file.endsWith(".html") && !file.includes(`${path.sep}pagefind${path.sep}`))
    .map((file) => ({ file: path.relative(distDir, file), html: readFileSync(file, "utf8") }));
});

const tagsOf = (html: string, names: string): string[] => html.match(new RegExp(`<(?:${names})\\b[^>]*>`, "gi")) ?? [];
const attributeOf = (tag: string, name: string): string | undefined => tag.match(new RegExp(`\\s${name}="([^"]*)"`, "i"))?.[1];
const decode = (value: string): string => value.replace(/&amp;/g, "&").replace(/&#38;/g, "&").replace(/&quot;/g, '"');

/** Whether a site path (with the base) names a built file. */
function resolves(sitePath: string): boolean {
  const rel = decodeURIComponent(sitePath.slice(siteBase.length).split(/[?#]/)[0] ?? "");
  const target = path.join(distDir, rel);
  return (existsSync(target) && statSync(target).isFile()) || existsSync(path.join(target, "index.html"));
}

describe("content security policy", () => {
  test("every page carries the strict policy in a meta tag, before any script or stylesheet", () => {
    const problems: string[] = [];
    for (const { file, html } of pages) {
      const meta = tagsOf(html, "meta").find((tag) => /http-equiv="Content-Security-Policy"/i.test(tag));
      if (!meta) problems.push(`${file}: no Content-Security-Policy meta tag`);
      else if (decode(attributeOf(meta, "content") ?? "") !== contentSecurityPolicyMeta) problems.push(`${file}: a different policy`);
      else if (html.indexOf(meta) > Math.min(...["<script", "<link rel=\"stylesheet\""].map((t) => (html.includes(t) ? html.indexOf(t) : Infinity)))) {
        problems.push(`${file}: the policy comes after a script or stylesheet`);
      }
    }
    expect(pages.length).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });
});

describe("scripts", () => {
  test("every script is an external file: no inline code, no inline handlers, no javascript: URLs", () => {
    const problems: string[] = [];
    for (const { file, html } of pages) {
      for (const [, attributes = "", body = ""] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        if (!/\ssrc="/.test(attributes) || body.trim() !== "") problems.push(`${file}: inline <script${attributes}>`);
      }
      for (const tag of tagsOf(html, "[a-z][a-z0-9-]*")) {
        if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`${file}: inline handler in ${tag.slice(0, 80)}`);
        if (/="\s*javascript:/i.test(tag)) problems.push(`${file}: javascript: URL in ${tag.slice(0, 80)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test("the matcher page's JavaScript, worker included, stays within its 45 KB gzip budget", () => {
    // A value imported from faultline/browser into a page script would add the whole engine (about 30 KB gzip).
    const bytes = matcherPageBytes(distDir);
    expect(bytes?.matcherJsGzipBytes).toBeGreaterThan(10 * 1024);
    expect(bytes?.matcherJsGzipBytes, `${((bytes?.matcherJsGzipBytes ?? 0) / 1024).toFixed(1)} KB gzip`).toBeLessThanOrEqual(45 * 1024);
  });

  test("nothing is loaded from another origin", () => {
    const problems: string[] = [];
    for (const { file, html } of pages) {
      for (const tag of tagsOf(html, "script|img|iframe|source|video|audio|embed|object|link")) {
        const rel = attributeOf(tag, "rel") ?? "";
        if (/\b(canonical|sitemap)\b/.test(rel)) continue;
        const url = attributeOf(tag, "src") ?? attributeOf(tag, "href") ?? attributeOf(tag, "data");
        if (url !== undefined && !url.startsWith(siteBase) && !url.startsWith("data:")) problems.push(`${file}: ${tag}`);
      }
    }
    for (const css of walk(distDir).filter((f) => f.endsWith(".css"))) {
      if (/url\(\s*["']?(?:https?:)?\/\//i.test(readFileSync(css, "utf8"))) problems.push(`${path.relative(distDir, css)}: url() to another origin`);
    }
    expect(problems).toEqual([]);
  });
});

describe("links", () => {
  test("every internal link respects the base path and resolves to a built page", () => {
    const broken: string[] = [];
    for (const { file, html } of pages) {
      for (const tag of tagsOf(html, "a|link|form")) {
        const raw = attributeOf(tag, "href") ?? attributeOf(tag, "action");
        if (raw === undefined || /^(?:https?:|mailto:|#)/.test(raw)) continue;
        const href = decode(raw);
        if (!href.startsWith(siteBase)) broken.push(`${file}: ${href} ignores the base path ${siteBase}`);
        else if (!resolves(href)) broken.push(`${file}: ${href} does not exist`);
      }
    }
    expect(broken).toEqual([]);
  });

  test("every section link points at an element of its page", () => {
    const broken: string[] = [];
    for (const { file, html } of pages) {
      const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
      for (const [, id = ""] of html.matchAll(/\shref="#([^"]+)"/g)) {
        if (!ids.has(decodeURIComponent(id))) broken.push(`${file}: #${id}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("generated files", () => {
  test("the bundle loads and has a page per entry", () => {
    const bundle = loadBundle(readFileSync(path.join(distDir, "faultline-bundle.json"), "utf8"));
    expect(bundle.entries.length).toBeGreaterThan(0);
    for (const entry of bundle.entries) expect(existsSync(path.join(distDir, "entries", entry.id, "index.html"))).toBe(true);
    const pagesBuilt = readdirSync(path.join(distDir, "entries")).length;
    expect(pagesBuilt).toBe(bundle.entries.length);
  });

  test("the sitemap lists every entry, and every URL in it exists", () => {
    const sitemap = readFileSync(path.join(distDir, "sitemap.xml"), "utf8");
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(decode(m[1] ?? "")).pathname);
    for (const entry of builtBundle().entries) expect(locs).toContain(`${siteBase}entries/${entry.id}/`);
    expect(locs.filter((loc) => !resolves(loc))).toEqual([]);
  });

  test("Pagefind indexed the entry pages and nothing else", () => {
    const meta = JSON.parse(readFileSync(path.join(distDir, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    const indexed = Object.values(meta.languages).reduce((sum, language) => sum + language.page_count, 0);
    expect(indexed).toBe(builtBundle().entries.length);
    const bodies = pages.filter((p) => p.html.includes("data-pagefind-body"));
    expect(bodies.every((p) => p.file.startsWith(`entries${path.sep}`))).toBe(true);
  });

  test("entry pages carry the filters and the code keywords Pagefind indexes", () => {
    const page = pages.find((p) => p.file === path.join("entries", "gcp-oauth-scope-insufficient", "index.html"));
    expect(page).toBeDefined();
    const html = page?.html ?? "";
    expect(html).toContain('data-pagefind-filter="provider"');
    expect(html).toContain('data-pagefind-filter="status:403 Forbidden"');
    expect(html).toContain('data-pagefind-filter="service"');
    expect(html).toMatch(/class="search-keywords"[^>]*>[^<]*\bSCOPE INSUFFICIENT\b/);
  });
});
