import { expect, test } from "vitest";
import { matchesWords, outcomeText, queryWords } from "../../../../site/scripts/list-filter/filter-list.ts";

test("every typed word must appear, in any order and case", () => {
  const text = "caller lacks run.invoker cloud-run permission_denied";
  expect(matchesWords(text, queryWords("  Cloud-Run   INVOKER "))).toBe(true);
  expect(matchesWords(text, queryWords("cloud-run storage"))).toBe(false);
  expect(matchesWords(text, queryWords(""))).toBe(true);
});

test.each([
  [{ shown: 3, total: 84 }, "cloud run", "3 of 84 entries match “cloud run”."],
  [{ shown: 0, total: 84 }, " nothing ", "No entry matches “nothing”. Try fewer words, or search the entries."],
  [{ shown: 84, total: 84 }, "   ", ""],
])("outcome %o for %j", (outcome, query, text) => {
  expect(outcomeText(outcome, query)).toBe(text);
});
