import { expect, test } from "vitest";
import { decodeEntities, excerptRuns } from "../../../../site/scripts/search/excerpt-text.ts";

test("splits an excerpt at its marks", () => {
  expect(excerptRuns("reason <mark>ACCESS_TOKEN_SCOPE_INSUFFICIENT</mark> means")).toEqual([
    { text: "reason ", marked: false },
    { text: "ACCESS_TOKEN_SCOPE_INSUFFICIENT", marked: true },
    { text: " means", marked: false },
  ]);
});

test("other markup stays literal text, decoded once", () => {
  expect(excerptRuns("&lt;img src=x onerror=alert(1)&gt; <b>x</b> &amp;lt;")).toEqual([{ text: "<img src=x onerror=alert(1)> <b>x</b> &lt;", marked: false }]);
});

test.each([
  ["&#39;quoted&#x27;", "'quoted'"],
  ["&quot;a&quot; &nbsp;", '"a" \u00a0'],
  ["&unknown; &#0; &#x110000;", "&unknown; &#0; &#x110000;"],
])("decodeEntities(%j)", (input, output) => {
  expect(decodeEntities(input)).toBe(output);
});
