import { expect, test } from "vitest";
import { filterText, groupByProvider, groupByService, mainService, otherServicesLabel } from "../../../site/lib/entry-groups.ts";
import type { FacetedEntry } from "../../../site/lib/facets.ts";

const entry = (title: string, provider: FacetedEntry["provider"], services: string[] = []): FacetedEntry => ({ id: title.toLowerCase().replace(/\W+/g, "-"), title, provider, services, http: [], tags: [] });
const entries = [
  entry("Run denied", "gcp", ["cloud-run", "iam"]),
  entry("Bucket denied", "gcp", ["cloud-storage"]),
  entry("Another run error", "gcp", ["cloud-run"]),
  entry("IAM binding missing", "gcp", ["iam", "cloud-run"]),
  entry("IAM condition", "gcp", ["iam"]),
  entry("No service", "gcp"),
  entry("Assume role", "aws", ["sts"]),
];

test("an entry's main service is its first", () => {
  expect(mainService(entries[0] as FacetedEntry)).toBe("cloud-run");
  expect(mainService(entry("x", "aws"))).toBe("");
});

test("groups by main service, largest first, titles sorted; services of one entry and entries with none go last together", () => {
  const groups = groupByService(entries.filter((e) => e.provider === "gcp"));
  expect(groups.map((g) => [g.label, g.entries.map((e) => e.title)])).toEqual([
    ["cloud-run", ["Another run error", "Run denied"]],
    ["iam", ["IAM binding missing", "IAM condition"]],
    [otherServicesLabel, ["Bucket denied", "No service"]],
  ]);
});

test("each entry is in exactly one provider group and one service group, so counts add up", () => {
  const providers = groupByProvider(entries);
  expect(providers.map((p) => [p.value, p.label, p.entries.length])).toEqual([
    ["gcp", "Google Cloud", 6],
    ["aws", "AWS", 1],
  ]);
  for (const provider of providers) expect(provider.services.reduce((sum, s) => sum + s.entries.length, 0)).toBe(provider.entries.length);
  expect(providers.flatMap((p) => p.services.flatMap((s) => s.entries)).length).toBe(entries.length);
});

test("a provider whose services all have one entry gets one group", () => {
  expect(groupByService([entry("A", "aws", ["s3"]), entry("B", "aws", ["sts"])]).map((g) => g.entries.length)).toEqual([2]);
});

test("the filter text holds title, id, provider, services and codes in lower case", () => {
  expect(filterText({ ...entry("Run Denied", "gcp", ["cloud-run"]), codes: ["PERMISSION_DENIED"] })).toBe("run denied run-denied google cloud cloud-run permission_denied");
});
