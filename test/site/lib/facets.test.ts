import { expect, test } from "vitest";
import { entriesWith, facetPath, facets, facetValues, statusLabel, type FacetedEntry } from "../../../site/lib/facets.ts";

const entry = (id: string, provider: FacetedEntry["provider"], http: number[], services: string[] = [], tags: string[] = []): FacetedEntry => ({ id, title: id, provider, http, services, tags });
const entries = [entry("b", "gcp", [403], ["cloud-run"]), entry("a", "gcp", [401, 403], ["cloud-run", "iam"]), entry("c", "aws", [403])];

test("counts values, most common first, then by value", () => {
  expect(facetValues(entries, facets.provider)).toEqual([
    { value: "gcp", label: "Google Cloud", count: 2 },
    { value: "aws", label: "AWS", count: 1 },
  ]);
  expect(facetValues(entries, facets.status).map((v) => `${v.label}:${v.count}`)).toEqual(["403 Forbidden:3", "401 Unauthorized:1"]);
});

test("lists the entries of a value by title", () => {
  expect(entriesWith(entries, facets.service, "cloud-run").map((e) => e.id)).toEqual(["a", "b"]);
});

test("listing paths per facet", () => {
  expect(facetPath(facets.provider, "gcp")).toBe("providers/gcp/");
  expect(facetPath(facets.status, "403")).toBe("status/403/");
  expect(facetPath(facets.tag, "id-token")).toBe("tags/id-token/");
});

test("unknown statuses still get a label", () => {
  expect(statusLabel("418")).toBe("HTTP 418");
});

// Issue #16: tags: [".."] made dist/index.html the page "Tag: ..", and a value with / crashed the build.
test.each(["..", ".", "a/b", "../../x", "<script>x</script>", "Cloud Run", ""])("a facet value that is not a slug never becomes a page path: %j", (value) => {
  expect(() => facetPath(facets.tag, value)).toThrow(`Tag ${JSON.stringify(value)} is not a slug, so it cannot name a page under /tags/`);
});
