/**
 * The part of Pagefind's browser API the search page uses, typed. Pagefind is loaded at run time
 * from the site's own /pagefind/ folder, which the build writes after Astro has bundled the pages.
 */

/** Filter values with their page counts: { provider: { "Google Cloud": 12 } }. */
export type FilterCounts = Record<string, Record<string, number>>;

/** Selected filter values; values of one filter are alternatives, filters combine. */
export type FilterSelection = Record<string, { any: string[] }>;

/** One section of a result page. */
export interface PagefindSubResult {
  readonly title: string;
  readonly url: string;
  readonly excerpt: string;
}

/** A result page's data. */
export interface PagefindResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: Readonly<Record<string, string | undefined>>;
  readonly filters: Readonly<Record<string, readonly string[]>>;
  readonly sub_results: readonly PagefindSubResult[];
}

/** A result before its data is loaded. */
export interface PagefindResult {
  readonly id: string;
  readonly score: number;
  data(): Promise<PagefindResultData>;
}

/** What a search returns. */
export interface PagefindSearch {
  readonly results: readonly PagefindResult[];
  readonly unfilteredResultCount: number;
  /** Counts of each filter value among this search's results. */
  readonly filters: FilterCounts;
  readonly totalFilters: FilterCounts;
}

/** The Pagefind module. */
export interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: FilterSelection }): Promise<PagefindSearch>;
}

/** Loads Pagefind from the built site; the URL is computed, so bundlers leave it alone. */
export async function loadPagefind(bundleUrl: string, baseUrl: string): Promise<Pagefind> {
  const pagefind = (await import(/* @vite-ignore */ bundleUrl)) as Pagefind;
  await pagefind.options({ baseUrl, excerptLength: 24 });
  await pagefind.init();
  return pagefind;
}
