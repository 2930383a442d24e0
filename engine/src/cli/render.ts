/** How the CLI shows a match report: human text or one JSON object, with secrets masked unless asked. */
import type { Facts } from "../facts.js";
import { maxInputLength, type Match, type MatchReport, type NearMiss } from "../match.js";
import type { Span } from "../operators.js";
import { builtinLayerName } from "../project.js";
import { redactRange } from "../redact.js";
import type { FoundSecret } from "../tokens.js";
import type { EntryLinks } from "./knowledge-options.js";
import { plainStyle, type Style } from "./style.js";

/** Options shared by the renderers. */
export interface RenderOptions {
  readonly showSecrets: boolean;
  /** Where an entry can be read, by id: its page, its file, and the layer it came from. */
  readonly links: (id: string) => EntryLinks;
  /** Colour for the human report; none by default. */
  readonly style?: Style | undefined;
}

/** Where to read an entry, as one string: the page when it has one, else the file. */
export function readAt(links: EntryLinks): string {
  return [links.page, links.file].filter(Boolean).join("  ") || "(no page or file)";
}

/** Where an entry can be read, as JSON fields: only those it has. */
export function linkFields(links: EntryLinks): { layer?: string; page?: string; file?: string } {
  return { ...(links.layer ? { layer: links.layer } : {}), ...(links.page ? { page: links.page } : {}), ...(links.file ? { file: links.file } : {}) };
}

function linksJson(links: EntryLinks) {
  return { entry: links.page ?? links.file ?? null, ...linkFields(links) };
}

/** The text of a span, with any secret inside it masked, at most 160 characters. */
export function spanText(text: string, span: Span, secrets: readonly FoundSecret[], showSecrets: boolean): string {
  const snippet = showSecrets ? text.slice(span.start, span.end) : redactRange(text, span, secrets);
  return snippet.length > 160 ? `${snippet.slice(0, 157)}...` : snippet;
}

function reasonsJson(reasons: Match["why"], text: string, secrets: readonly FoundSecret[], showSecrets: boolean) {
  return reasons.map((r) => ({
    description: r.description,
    fact: r.fact,
    operator: r.operator,
    value: r.value,
    ...(r.path ? { path: r.path } : {}),
    weight: r.weight,
    spans: r.spans.map((s) => ({ start: s.start, end: s.end, text: spanText(text, s, secrets, showSecrets) })),
  }));
}

// The text itself is left out: it is the input, and printing it back would repeat its secrets.
function factsJson(facts: Facts): Omit<Facts, "text"> & { textLength: number } {
  const { text, ...rest } = facts;
  return { textLength: text.length, ...rest };
}

/** The one JSON object `faultline match --json` prints. */
export function reportJson(report: MatchReport, options: RenderOptions): unknown {
  const { facts, secrets } = report;
  const text = facts.text;
  return {
    matches: report.matches.map((m) => ({
      id: m.id,
      title: m.title,
      summary: m.summary,
      provider: m.provider,
      score: m.score,
      confidence: m.confidence,
      ...linksJson(options.links(m.id)),
      why: reasonsJson(m.why, text, secrets, options.showSecrets),
    })),
    near: report.near.map((n: NearMiss) => ({
      id: n.id,
      title: n.title,
      ...linksJson(options.links(n.id)),
      held: n.held,
      message: n.message,
      missing: n.missing,
      why: reasonsJson(n.why, text, secrets, options.showSecrets),
    })),
    facts: factsJson(facts),
    secrets: secrets.map((s) => ({
      kind: s.issuerKind ?? s.kind,
      start: s.start,
      end: s.end,
      text: spanText(text, s, secrets, options.showSecrets),
      ...(s.claims ? { claims: s.claims } : {}),
    })),
    truncated: report.truncated,
  };
}

/** The human report of `faultline match`. */
export function reportText(report: MatchReport, options: RenderOptions): string {
  const lines: string[] = [];
  const { facts, secrets } = report;
  const style = options.style ?? plainStyle;
  if (report.truncated) lines.push(`Note: the input was longer than ${maxInputLength / 1024} KiB; only its first ${maxInputLength / 1024} KiB were read and matched.`, "");
  if (report.matches.length === 0) {
    lines.push("No entry matches this error.");
    const seen = [
      facts.httpStatus !== null ? `HTTP ${facts.httpStatus}` : "",
      facts.status ?? "",
      ...facts.reasons.map((r) => `reason ${r}`),
      ...facts.codes.map((c) => `code ${c}`),
      ...facts.providers.map((p) => `provider ${p}`),
    ].filter(Boolean);
    lines.push(seen.length ? `Recognised: ${seen.join(", ")}.` : "Nothing in it was recognised as an error status, code or reason.");
  }
  report.matches.forEach((m, i) => {
    const links = options.links(m.id);
    const from = links.layer && links.layer !== builtinLayerName ? `  from ${links.layer}` : "";
    lines.push(`${i + 1}. ${style.title(m.title)}  [${style.id(m.id)}]${from}  score ${m.score}, confidence ${Math.round(m.confidence * 100)}%`);
    lines.push(`   ${m.summary}`);
    for (const r of m.why) {
      const quoted = r.spans.slice(0, 2).map((s) => `"${spanText(facts.text, s, secrets, options.showSecrets).replace(/\s+/g, " ")}"`);
      lines.push(`   - ${r.description}${quoted.length ? `: ${quoted.join(", ")}` : ""}`);
    }
    lines.push(`   Read: ${readAt(links)}`);
    lines.push("");
  });
  if (secrets.length > 0) {
    lines.push("Credentials in the paste (decoded here, never sent anywhere):");
    for (const s of secrets) {
      const claims = s.claims ? ` ${JSON.stringify(s.claims)}` : "";
      lines.push(`   ${s.issuerKind ?? s.kind}: ${spanText(facts.text, s, secrets, options.showSecrets)}${claims}`);
    }
    lines.push("");
  }
  if (report.near.length > 0) {
    lines.push(style.dim("Near misses:"));
    for (const n of report.near) {
      const layer = options.links(n.id).layer;
      lines.push(style.dim(`   ${n.id}${layer && layer !== builtinLayerName ? ` (from ${layer})` : ""}: ${n.message}`));
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
