/**
 * The search page: Pagefind over the entry pages, with provider, status and service filters. The
 * query and filters live in the URL, so a search (or the matcher's "search for this code") can be
 * linked.
 */
import { loadPagefind, type FilterCounts, type Pagefind } from "./pagefind-api.ts";
import { isEmptySearch, readSearchState, toFilterSelection, writeSearchState, type SearchState } from "./search-state.ts";
import { renderFilters, renderResult } from "./search-view.ts";

const debounceMs = 200;
const maxResults = 25;

/** Starts the search page once its elements exist; `base` is the site's base path. */
export async function startSearch(base: string): Promise<void> {
  const root = document.getElementById("search");
  const input = document.getElementById("search-input");
  const status = document.getElementById("search-status");
  const filtersBox = document.getElementById("search-filters");
  const list = document.getElementById("search-results");
  if (!root || !(input instanceof HTMLInputElement) || !status || !filtersBox || !list) return;

  let state: SearchState = readSearchState(location.search);
  input.value = state.query;
  let pagefind: Pagefind;
  let allFilters: FilterCounts;
  try {
    pagefind = await loadPagefind(`${base}pagefind/pagefind.js`, base);
    allFilters = await pagefind.filters();
  } catch (error) {
    // In `astro dev` there is no index: it is written by `npm run build`.
    root.dataset["state"] = "failed";
    status.textContent = `Search is not available (${error instanceof Error ? error.message : String(error)}). The index is built by npm run build.`;
    return;
  }

  let seq = 0;
  const run = async (): Promise<void> => {
    const mine = ++seq;
    history.replaceState(null, "", `${location.pathname}${writeSearchState(state)}`);
    if (isEmptySearch(state)) {
      filtersBox.replaceChildren(renderFilters(allFilters, allFilters, allFilters, state));
      list.replaceChildren();
      status.textContent = "Type an error code, a message or a service name.";
      root.dataset["state"] = "idle";
      return;
    }
    root.dataset["state"] = "searching";
    const search = await pagefind.search(state.query === "" ? null : state.query, { filters: toFilterSelection(state) });
    const data = await Promise.all(search.results.slice(0, maxResults).map((result) => result.data()));
    if (mine !== seq) return;
    filtersBox.replaceChildren(renderFilters(allFilters, search.filters, search.totalFilters, state));
    list.replaceChildren(...data.map(renderResult));
    const shown = search.results.length;
    const filtered = Object.values(state.filters).some((values) => values.length > 0);
    const what = state.query === "" ? "the selected filters" : `“${state.query}”${filtered ? " with the selected filters" : ""}`;
    status.textContent = shown === 0 ? `No entry matches ${what}.` : `${shown} entr${shown === 1 ? "y matches" : "ies match"} ${what}.`;
    root.dataset["state"] = "done";
    root.dataset["resultCount"] = String(shown);
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    state = { ...state, query: input.value.trim() };
    clearTimeout(timer);
    timer = setTimeout(() => void run(), debounceMs);
  });
  // Enter searches at once instead of submitting the no-JS form.
  input.form?.addEventListener("submit", (event) => {
    event.preventDefault();
    state = { ...state, query: input.value.trim() };
    clearTimeout(timer);
    void run();
  });
  filtersBox.addEventListener("change", (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset["filter"]) return;
    const key = box.dataset["filter"];
    const current = new Set(state.filters[key] ?? []);
    if (box.checked) current.add(box.value);
    else current.delete(box.value);
    state = { ...state, filters: { ...state.filters, [key]: [...current] } };
    void run().then(() => document.getElementById(box.id)?.focus());
  });
  await run();
}
