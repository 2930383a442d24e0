/** Picks what to search for when no entry matches: the most specific thing the engine recognised. */
import type { Facts } from "faultline/browser";

/** The best search term from the facts, or undefined when nothing specific was recognised. */
export function searchTermFor(facts: Pick<Facts, "reasons" | "codes" | "permissions" | "status" | "httpStatus">): string | undefined {
  return facts.reasons[0] ?? facts.codes[0] ?? facts.permissions[0] ?? facts.status ?? (facts.httpStatus === null ? undefined : String(facts.httpStatus));
}
