/** Entry script of listing pages: wires every filter box to the list it names. */
import { filterList, outcomeText } from "./list-filter/filter-list.ts";

for (const box of document.querySelectorAll<HTMLElement>("[data-list-filter]")) {
  const scope = document.getElementById(box.dataset["listFilter"] ?? "");
  const input = box.querySelector("input");
  const status = box.querySelector("[data-filter-status]");
  if (!scope || !input || !status) continue;
  const apply = (): void => {
    status.textContent = outcomeText(filterList(scope, input.value), input.value);
  };
  input.addEventListener("input", apply);
  box.hidden = false;
  // A value the browser restored (back button) filters at once.
  if (input.value !== "") apply();
}
