/** Renders one match run: best match with its evidence, tokens, other matches, near misses, or no match. */
// Types only: a value imported from the engine would bring all of it into the page; the worker has it.
import type { Match, NearMiss } from "faultline/browser";
import { h } from "../dom.ts";
import { recognisedAnything, renderFacts } from "./facts-view.ts";
import type { MatcherInfo } from "./matcher-client.ts";
import { renderPasteView } from "./paste-view.ts";
import type { MatcherResult } from "./protocol.ts";
import { searchTermFor } from "./search-term.ts";
import { renderTokenPanel } from "./token-panel.ts";

/** Where results link to. */
export interface SiteLinks {
  entry(id: string): string;
  search(term?: string): string;
}

/** "93% confidence". */
export function confidenceText(confidence: number): string {
  return `${Math.round(confidence * 100)}% confidence`;
}

function sizeText(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / 1024 / 1024).toFixed(1)} MB` : `${Math.round(chars / 1024)} KB`;
}

function largePasteNotice(length: number, limit: number): HTMLElement | null {
  if (length <= limit) return null;
  return h(
    "p",
    { class: "notice", role: "note", "data-notice": "truncated" },
    h("strong", {}, "Large paste: "),
    `this text is ${sizeText(length)}; only its first ${sizeText(limit)} were matched and are shown. Paste the error itself rather than a whole log for a sharper result.`,
  );
}

/** The layer of an entry from a team's own knowledge; undefined for the built-in knowledge. */
function teamLayer(entry: Pick<Match, "layer">, builtin: string): string | undefined {
  return entry.layer && entry.layer !== builtin ? entry.layer : undefined;
}

/** "from org-kb", marked for tests and styles, or nothing. */
function layerNote(entry: Pick<Match, "layer">, builtin: string): HTMLElement[] {
  const layer = teamLayer(entry, builtin);
  return layer ? [h("span", { class: "layer", "data-layer": layer }, `from ${layer}`)] : [];
}

function bestMatch(best: Match, text: string, result: MatcherResult, links: SiteLinks): HTMLElement {
  const spans = best.why.flatMap((reason) => reason.spans);
  return h(
    "article",
    { class: "best-match", "aria-labelledby": "best-match-title", "data-entry-id": best.id },
    h("p", { class: "kicker" }, "Best match · ", ...layerNote(best, result.builtinLayer).flatMap((note) => [note, " · "]), h("span", { class: "confidence" }, confidenceText(best.confidence))),
    h("h2", { id: "best-match-title" }, h("a", { href: links.entry(best.id) }, best.title)),
    h("p", { class: "summary" }, best.summary),
    h("meter", { min: "0", max: "1", value: String(best.confidence), "aria-label": confidenceText(best.confidence) }),
    h("h3", {}, "Why this entry"),
    h("ul", { class: "reasons" }, ...[...new Set(best.why.map((reason) => reason.description))].map((description) => h("li", {}, description))),
    h("h3", {}, "Your paste, with the evidence highlighted"),
    renderPasteView(text, spans, result.report.secrets, result.masks),
    h("p", {}, h("a", { class: "button", href: links.entry(best.id) }, "Read the fix")),
  );
}

function otherMatches(others: readonly Match[], builtin: string, links: SiteLinks): HTMLElement | null {
  if (others.length === 0) return null;
  return h(
    "section",
    { class: "other-matches", "aria-labelledby": "other-matches-title" },
    h("h2", { id: "other-matches-title" }, "Other possible matches"),
    h("ol", { class: "result-list" }, ...others.map((m) => h("li", { "data-entry-id": m.id }, h("a", { href: links.entry(m.id) }, m.title), " ", h("span", { class: "muted" }, `(${[teamLayer(m, builtin) ? `from ${teamLayer(m, builtin)}` : "", confidenceText(m.confidence)].filter(Boolean).join(", ")})`), h("p", { class: "muted" }, m.summary)))),
  );
}

function nearMisses(near: readonly NearMiss[], builtin: string, links: SiteLinks): HTMLElement | null {
  if (near.length === 0) return null;
  return h(
    "section",
    { class: "near-misses", "aria-labelledby": "near-misses-title" },
    h("h2", { id: "near-misses-title" }, "Close, but not these"),
    h("ul", { class: "result-list" }, ...near.map((n) => h("li", { "data-entry-id": n.id }, h("a", { href: links.entry(n.id) }, n.title), ...layerNote(n, builtin).flatMap((note) => [" ", note]), h("p", { class: "near-missing" }, `not this one: ${n.missing.join("; ")}`)))),
  );
}

/** The label of every control that drafts an entry from the paste. */
export const draftActionText = "Write the entry for this error";

/**
 * The control that asks for a draft (matcher-page.ts handles its clicks): a button when nothing
 * matched, a quiet one under a match. Either way a button, as it acts in the page and goes nowhere.
 */
function draftAction(quiet: boolean): HTMLElement {
  const button = h("button", { type: "button", class: quiet ? "link-button" : undefined, "data-draft-action": "" }, draftActionText);
  return quiet ? h("p", { class: "draft-offer muted" }, "Not the error you have? ", button) : h("p", { class: "draft-offer" }, button, " ", h("span", { class: "muted" }, "A draft made from your paste, redacted, for you to review and complete."));
}

function noMatch(result: MatcherResult, info: MatcherInfo, links: SiteLinks): HTMLElement {
  const facts = result.report.facts;
  const term = searchTermFor(facts);
  return h(
    "section",
    { class: "no-match", "aria-labelledby": "no-match-title" },
    h("h2", { id: "no-match-title" }, "No entry matches this error"),
    h("p", {}, `None of the ${info.entryCount} entries applies to this text.`),
    draftAction(false),
    h("h3", {}, "What Faultline recognised"),
    renderFacts(facts),
    h(
      "p",
      {},
      term
        ? h("a", { href: links.search(term), "data-search-term": term }, `Search the entries for ${term}`)
        : h("a", { href: links.search() }, recognisedAnything(facts) ? "Search the entries" : "Search the entries with a phrase from the error"),
    ),
  );
}

/** Renders a match run into a fragment for the results region. */
export function renderReport(result: MatcherResult, text: string, info: MatcherInfo, links: SiteLinks): DocumentFragment {
  const { report } = result;
  const shown = text.length > info.maxInputLength ? text.slice(0, info.maxInputLength) : text;
  const fragment = document.createDocumentFragment();
  const [best, ...others] = report.matches;
  const parts = [
    largePasteNotice(text.length, info.maxInputLength),
    best ? bestMatch(best, shown, result, links) : noMatch(result, info, links),
    best ? draftAction(true) : null,
    // Where the draft's review panel goes, next to the control that asked for it.
    h("div", { class: "draft-slot", "data-draft-slot": "" }),
    renderTokenPanel(report, shown, result.masks),
    otherMatches(others, result.builtinLayer, links),
    nearMisses(report.near, result.builtinLayer, links),
    best ? h("details", { class: "recognised" }, h("summary", {}, "What Faultline recognised in your paste"), renderFacts(report.facts)) : null,
  ];
  for (const part of parts) if (part) fragment.append(part);
  return fragment;
}

/** One sentence for screen readers announcing the outcome. */
export function outcomeText(result: MatcherResult): string {
  const best = result.report.matches[0];
  if (!best) return "No entry matches this error.";
  const more = result.report.matches.length - 1;
  return `Best match: ${best.title} (${confidenceText(best.confidence)})${more > 0 ? `, and ${more} other possible match${more === 1 ? "" : "es"}` : ""}.`;
}
