import { expect, test } from "vitest";
import { isEmptySearch, readSearchState, toFilterSelection, writeSearchState } from "../../../../site/scripts/search/search-state.ts";

test("reads the query and the known filters from the URL", () => {
  expect(readSearchState("?q=+sts%3AAssumeRole+&provider=AWS&status=403+Forbidden&status=401+Unauthorized&other=x")).toEqual({
    query: "sts:AssumeRole",
    filters: { provider: ["AWS"], status: ["403 Forbidden", "401 Unauthorized"] },
  });
});

test("writes what it reads", () => {
  const state = { query: "AADSTS7000215", filters: { provider: ["Azure"], service: ["entra-id"] } };
  expect(readSearchState(writeSearchState(state))).toEqual(state);
  expect(writeSearchState({ query: "", filters: {} })).toBe("");
});

test("values of one filter are alternatives for Pagefind", () => {
  expect(toFilterSelection({ query: "", filters: { provider: ["AWS", "Azure"], service: [] } })).toEqual({ provider: { any: ["AWS", "Azure"] } });
});

test.each([
  [{ query: "", filters: {} }, true],
  [{ query: "", filters: { provider: [] } }, true],
  [{ query: "x", filters: {} }, false],
  [{ query: "", filters: { provider: ["AWS"] } }, false],
])("isEmptySearch(%j) is %s", (state, empty) => {
  expect(isEmptySearch(state)).toBe(empty);
});
