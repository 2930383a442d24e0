import { expect, test } from "vitest";
import { entryHref } from "../../../site/markdown/rehype-entry-links.ts";

test.each([
  ["gcp-adc-not-found", "/faultline/entries/gcp-adc-not-found/"],
  ["./gcp-adc-not-found.md", "/faultline/entries/gcp-adc-not-found/"],
  ["../knowledge/gcp-adc-not-found.md#fix", "/faultline/entries/gcp-adc-not-found/#fix"],
  ["gcp-adc-not-found/", "/faultline/entries/gcp-adc-not-found/"],
])("%s links to %s", (href, expected) => {
  expect(entryHref(href, "/faultline/")).toBe(expected);
});

test.each(["https://cloud.google.com/iam", "#fix", "/absolute", "mailto:x@example.com", "Some_Page"])("%s is left alone", (href) => {
  expect(entryHref(href, "/")).toBeUndefined();
});
