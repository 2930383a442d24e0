/** The search page's DOM: filter checkboxes and result cards, built from text nodes only. */
import { h } from "../dom.ts";
import { excerptRuns } from "./excerpt-text.ts";
import type { FilterCounts, PagefindResultData } from "./pagefind-api.ts";
import { filterNames, type SearchState } from "./search-state.ts";

function excerpt(html: string, className: string): HTMLElement {
  const paragraph = h("p", { class: className });
  for (const run of excerptRuns(html)) paragraph.append(run.marked ? h("mark", {}, run.text) : run.text);
  return paragraph;
}

/** One result: the entry, its matching excerpt, and links to the sections that matched. */
export function renderResult(data: PagefindResultData): HTMLElement {
  const title = data.meta["title"] ?? data.url;
  // The first sub-result is usually the page top; the others are sections with their own anchors.
  const sections = data.sub_results.filter((sub) => sub.url.includes("#")).slice(0, 3);
  // Sections' excerpts read better than the page's, which may come from the page top's keyword list.
  return h(
    "li",
    { class: "search-result" },
    h("h2", { class: "search-result-title" }, h("a", { href: data.url }, title)),
    data.meta["summary"] ? h("p", { class: "search-summary" }, data.meta["summary"]) : null,
    sections.length === 0 ? excerpt(data.excerpt, "search-excerpt muted") : null,
    sections.length > 0
      ? h("ul", { class: "sub-results", "aria-label": `Sections of ${title}` }, ...sections.map((sub) => h("li", {}, h("a", { href: sub.url }, sub.title), excerpt(sub.excerpt, "search-excerpt muted"))))
      : null,
  );
}

/**
 * The filter fieldsets, one checkbox per value, checked from the state. `counts` are the results'
 * counts; a group with a selection shows `unfiltered` counts instead, so its other values stay
 * offered as alternatives.
 */
export function renderFilters(all: FilterCounts, counts: FilterCounts, unfiltered: FilterCounts, state: SearchState): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const { key, title } of filterNames) {
    const values = Object.keys(all[key] ?? {}).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    if (values.length === 0) continue;
    const fieldset = h("fieldset", { class: "filter-group", "data-filter-group": key }, h("legend", {}, title));
    for (const value of values) {
      const id = `filter-${key}-${value.replace(/[^A-Za-z0-9]+/g, "-")}`;
      const box = h("input", { type: "checkbox", id, name: key, value, "data-filter": key });
      box.checked = state.filters[key]?.includes(value) ?? false;
      const count = ((state.filters[key]?.length ?? 0) > 0 ? unfiltered : counts)[key]?.[value] ?? 0;
      // A value no result carries would only empty the list; keep it only while it is selected.
      if (count === 0 && !box.checked) continue;
      fieldset.append(h("div", { class: "filter-option" }, box, h("label", { for: id }, value, " ", h("span", { class: "chip-count" }, String(count)))));
    }
    if (fieldset.querySelector("input")) fragment.append(fieldset);
  }
  return fragment;
}
