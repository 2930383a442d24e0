import { expect, test } from "vitest";
import { relativeTime } from "../../../../site/scripts/matcher/local-time.ts";

test.each([
  [1000 + 3 * 3600, 1000, "in 3 hours"],
  [1000 - 125, 1000, "2 minutes ago"],
  [1000 - 2 * 86_400, 1000, "2 days ago"],
  [1000, 1000, "now"],
])("relativeTime(%i, %i) is %s", (at, now, text) => {
  expect(relativeTime(at, now)).toBe(text);
});
