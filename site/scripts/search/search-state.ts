/** The search page's state in its URL: ?q=…&provider=…&status=…, so searches can be linked and shared. */
import type { FilterSelection } from "./pagefind-api.ts";

/** The filters the page offers, in display order, with their headings. */
export const filterNames = [
  { key: "provider", title: "Provider" },
  { key: "status", title: "HTTP status" },
  { key: "service", title: "Service" },
] as const;

/** A query and the selected values of each filter. */
export interface SearchState {
  readonly query: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

/** Reads the state from a URL's query string. */
export function readSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Record<string, string[]> = {};
  for (const { key } of filterNames) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (values.length > 0) filters[key] = values;
  }
  return { query: params.get("q")?.trim() ?? "", filters };
}

/** Writes the state as a query string ("" when empty). */
export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query !== "") params.set("q", state.query);
  for (const { key } of filterNames) for (const value of state.filters[key] ?? []) params.append(key, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** Pagefind's filter option for the state: values of one filter are alternatives. */
export function toFilterSelection(state: SearchState): FilterSelection {
  const selection: FilterSelection = {};
  for (const [key, values] of Object.entries(state.filters)) if (values.length > 0) selection[key] = { any: [...values] };
  return selection;
}

/** Whether the state asks for anything at all. */
export function isEmptySearch(state: SearchState): boolean {
  return state.query === "" && Object.values(state.filters).every((values) => values.length === 0);
}
