import { expect, test } from "vitest";
import { joinBase, normaliseBase } from "../../../site/lib/base-path.ts";

test.each([
  [undefined, "/"],
  ["", "/"],
  ["/", "/"],
  ["faultline", "/faultline/"],
  ["/faultline", "/faultline/"],
  ["/docs/faultline/", "/docs/faultline/"],
])("normaliseBase(%j) is %j", (raw, base) => {
  expect(normaliseBase(raw)).toBe(base);
});

test.each(["/../etc/", "/a//b/", "https://example.com/", "/a b/"])("refuses %j", (raw) => {
  expect(() => normaliseBase(raw)).toThrow(/FAULTLINE_BASE must be a plain URL path/);
});

test.each([
  ["/", "entries/x/", "/entries/x/"],
  ["/faultline/", "/entries/x/", "/faultline/entries/x/"],
  ["/faultline", "", "/faultline/"],
])("joinBase(%j, %j) is %j", (base, path, joined) => {
  expect(joinBase(base, path)).toBe(joined);
});
