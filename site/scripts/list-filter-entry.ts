/** Entry script of listing pages: wires every filter box to the list it names. */
import { searchUrl } from "../lib/site-url.ts";
import { h } from "./dom.ts";
import { filterList, outcomeText, searchHint } from "./list-filter/filter-list.ts";

for (const box of document.querySelectorAll<HTMLElement>("[data-list-filter]")) {
  const scope = document.getElementById(box.dataset["listFilter"] ?? "");
  const input = box.querySelector("input");
  const status = box.querySelector("[data-filter-status]");
  if (!scope || !input || !status) continue;
  const apply = (): void => {
    const text = outcomeText(filterList(scope, input.value), input.value);
    // No entry in the list: the full-text search may still find the words in an entry's body.
    if (text.endsWith(searchHint)) status.replaceChildren(text.slice(0, -searchHint.length), h("a", { href: searchUrl(input.value.trim()) }, searchHint.slice(0, -1)), ".");
    else status.textContent = text;
  };
  input.addEventListener("input", apply);
  box.hidden = false;
  // A value the browser restored (back button) filters at once.
  if (input.value !== "") apply();
}
