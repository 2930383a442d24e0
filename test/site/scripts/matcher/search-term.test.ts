import { expect, test } from "vitest";
import { searchTermFor } from "../../../../site/scripts/matcher/search-term.ts";

const none = { reasons: [], codes: [], permissions: [], status: null, httpStatus: null };

test.each([
  [{ ...none, reasons: ["SERVICE_DISABLED"], codes: ["AccessDenied"] }, "SERVICE_DISABLED"],
  [{ ...none, codes: ["ThrottlingException"], status: "PERMISSION_DENIED" }, "ThrottlingException"],
  [{ ...none, permissions: ["storage.objects.get"], httpStatus: 403 }, "storage.objects.get"],
  [{ ...none, status: "UNAUTHENTICATED", httpStatus: 401 }, "UNAUTHENTICATED"],
  [{ ...none, httpStatus: 429 }, "429"],
  [none, undefined],
])("searches for the most specific fact: %j → %s", (facts, term) => {
  expect(searchTermFor(facts)).toBe(term);
});
