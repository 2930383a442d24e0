import { expect, test } from "vitest";
import { dayText, toolsText } from "../../../site/lib/freshness.ts";

test.each([
  ["2026-11-20", "20 November 2026"],
  ["2026-01-05", "5 January 2026"],
])("dayText(%j) is %j, whatever the machine's time zone", (day, text) => {
  expect(dayText(day)).toBe(text);
});

test.each([
  [["gcloud 497.0.0"], "gcloud 497.0.0"],
  [["gcloud 497.0.0", "kubectl 1.31"], "gcloud 497.0.0 and kubectl 1.31"],
  [["gcloud 497.0.0", "google-auth-library 9.15", "kubectl 1.31"], "gcloud 497.0.0, google-auth-library 9.15 and kubectl 1.31"],
])("toolsText(%j) is %j", (tools, text) => {
  expect(toolsText(tools)).toBe(text);
});
