/** The facts the engine recognised in a paste, as a definition list. */
import type { Facts } from "faultline/browser";
import { h } from "../dom.ts";

type ListedFact = readonly [label: string, values: readonly string[]];

function listedFacts(facts: Facts): ListedFact[] {
  const rows: ListedFact[] = [
    ["HTTP status", facts.httpStatus === null ? [] : [String(facts.httpStatus)]],
    ["RPC status", facts.status === null ? [] : [facts.status]],
    ["Reasons", facts.reasons],
    ["Error codes", facts.codes],
    ["Providers", facts.providers],
    ["Permissions", facts.permissions],
    ["Principals", facts.principals],
    ["URLs", facts.urls],
    ["Credentials", facts.tokenKinds],
  ];
  return rows.filter(([, values]) => values.length > 0);
}

/** Whether the engine recognised anything at all in the paste. */
export function recognisedAnything(facts: Facts): boolean {
  return listedFacts(facts).length > 0;
}

/** Renders the recognised facts; empty facts render as one plain sentence. */
export function renderFacts(facts: Facts): HTMLElement {
  const rows = listedFacts(facts);
  if (rows.length === 0) return h("p", {}, "Nothing recognisable: no HTTP status, error code, reason, permission or token.");
  const list = h("dl", { class: "facts" });
  for (const [label, values] of rows) {
    list.append(h("dt", {}, label), h("dd", {}, ...values.flatMap((value, i) => [i > 0 ? ", " : null, h("code", {}, value)])));
  }
  return list;
}
