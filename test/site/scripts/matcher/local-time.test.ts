import { expect, test } from "vitest";
import { localDate, relativeTime } from "../../../../site/scripts/matcher/local-time.ts";

test.each([
  [1000 + 3 * 3600, 1000, "in 3 hours"],
  [1000 - 125, 1000, "2 minutes ago"],
  [1000 - 2 * 86_400, 1000, "2 days ago"],
  [1000, 1000, "now"],
])("relativeTime(%i, %i) is %s", (at, now, text) => {
  expect(relativeTime(at, now)).toBe(text);
});

test("localDate is the calendar date where the reader is, zero-padded", () => {
  expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe("2026-01-05");
  expect(localDate(new Date(2026, 10, 20, 0, 0))).toBe("2026-11-20");
});
