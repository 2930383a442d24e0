/**
 * Filters a listing as the reader types: items whose text holds every typed word stay, the rest and
 * the groups left empty are hidden, group counts follow, and folded groups with hits open. The page
 * lists everything without it; this only narrows what is already there.
 */

/** The words of a query, lowercased: every one must appear in an item's text. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((word) => word !== "");
}

/** Whether an item's filter text holds every word. */
export function matchesWords(text: string, words: readonly string[]): boolean {
  return words.every((word) => text.includes(word));
}

/** How many items a filter left visible, of how many. */
export interface FilterOutcome {
  readonly shown: number;
  readonly total: number;
}

/** The count element that belongs to a group itself, not to one of its sub-groups. */
function ownCount(group: Element): HTMLElement | undefined {
  for (const count of group.querySelectorAll<HTMLElement>("[data-filter-count]")) {
    if (count.closest("[data-filter-group]") === group) return count;
  }
  return undefined;
}

/** Shows the items of a scope that match the query and hides the rest, with their emptied groups. */
export function filterList(scope: Element, query: string): FilterOutcome {
  const words = queryWords(query);
  const items = [...scope.querySelectorAll<HTMLElement>("[data-filter-item]")];
  let shown = 0;
  for (const item of items) {
    const visible = matchesWords(item.dataset["filterText"] ?? item.textContent?.toLowerCase() ?? "", words);
    item.hidden = !visible;
    if (visible) shown++;
  }
  for (const group of scope.querySelectorAll<HTMLElement>("[data-filter-group]")) {
    const count = group.querySelectorAll("[data-filter-item]:not([hidden])").length;
    group.hidden = count === 0;
    const counter = ownCount(group);
    if (counter) counter.textContent = String(count);
    if (group instanceof HTMLDetailsElement) {
      // Folded groups open while a filter is on, and go back to how the page had them when it is cleared.
      group.dataset["openedByPage"] ??= String(group.open);
      group.open = words.length > 0 ? count > 0 : group.dataset["openedByPage"] === "true";
    }
  }
  return { shown, total: items.length };
}

/** "3 of 84 entries match “cloud run”."; with none, what to try next ends the sentence (the page links it to the search). */
export function outcomeText({ shown, total }: FilterOutcome, query: string): string {
  if (queryWords(query).length === 0) return "";
  const quoted = `“${query.trim()}”`;
  if (shown === 0) return `No entry matches ${quoted}. Try fewer words, or ${searchHint}`;
  return `${shown} of ${total} entries match ${quoted}.`;
}

/** The end of the no-match sentence, which the page turns into a link to the full-text search. */
export const searchHint = "search the entries.";
