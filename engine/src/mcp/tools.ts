/**
 * The MCP tools' answers: the same report `faultline match` gives, the entry's sections, and a search
 * of the metadata, each as `structuredContent` (the shapes of schemas.ts) with readable markdown text.
 * Every span of the caller's text goes through `spanText`, so secrets come back masked.
 */
import type { z } from "zod";
import type { Bundle, BundleEntry } from "../bundle.js";
import type { EntryLinks } from "../cli/knowledge-options.js";
import { linkFields, readAt, spanText } from "../cli/render.js";
import { match, maxInputLength, type Match } from "../match.js";
import { searchEntries } from "../search.js";
import type { diagnoseOutput, getEntryOutput, searchOutput } from "./schemas.js";

/** What the tools need: the stacked knowledge, and where each entry can be read. */
export interface ToolContext {
  readonly bundle: Bundle;
  readonly links: (id: string) => EntryLinks;
}

/** A tool's answer as the SDK sends it. */
export interface ToolAnswer<T> {
  readonly content: Array<{ type: "text"; text: string }>;
  readonly structuredContent?: T;
  readonly isError?: boolean;
  [key: string]: unknown;
}

type Shape<S extends z.ZodRawShape> = z.infer<z.ZodObject<S>>;

/** Most matches `diagnose` returns: past five, an agent is better served by near misses and search. */
const maxMatches = 5;

function section(title: string, markdown: string | undefined): string[] {
  return markdown ? [`### ${title}`, "", markdown, ""] : [];
}

/** `diagnose`: the ranked matches with each one's Fix, Verify and Wrong fixes. */
export async function diagnoseTool(context: ToolContext, text: string): Promise<ToolAnswer<Shape<typeof diagnoseOutput>>> {
  const report = await match(context.bundle, text);
  const { facts, secrets } = report;
  const byId = new Map(context.bundle.entries.map((e) => [e.id, e]));
  const why = (reasons: Match["why"]) =>
    reasons.map((r) => ({ description: r.description, spans: r.spans.map((s) => ({ start: s.start, end: s.end, text: spanText(facts.text, s, secrets, false) })) }));
  const matches = report.matches.slice(0, maxMatches).map((m) => {
    const sections = byId.get(m.id)?.sections;
    return {
      id: m.id,
      title: m.title,
      summary: m.summary,
      provider: m.provider,
      score: m.score,
      confidence: m.confidence,
      why: why(m.why),
      ...linkFields(context.links(m.id)),
      ...(sections ? { fix: sections.fix, verify: sections.verify, wrongFixes: sections.wrongFixes } : {}),
    };
  });
  const near = report.near.map((n) => ({ id: n.id, title: n.title, held: n.held, message: n.message, missing: [...n.missing], ...linkFields(context.links(n.id)) }));
  const found = secrets.map((s) => ({ kind: s.issuerKind ?? s.kind, text: spanText(facts.text, s, secrets, false) }));

  const lines: string[] = [];
  if (report.truncated) lines.push(`Note: the text was longer than ${maxInputLength / 1024} KiB; only its start was matched.`, "");
  if (matches.length === 0) lines.push("No entry matches this error.", "");
  matches.forEach((m, i) => {
    lines.push(`## ${i + 1}. ${m.title} [${m.id}]`, "", `Score ${m.score}, confidence ${Math.round(m.confidence * 100)}%${m.layer ? `, from ${m.layer}` : ""}. ${m.summary}`, "");
    lines.push("Why:", ...m.why.map((r) => `- ${r.description}${r.spans.length ? `: ${r.spans.slice(0, 2).map((s) => JSON.stringify(s.text.replace(/\s+/g, " "))).join(", ")}` : ""}`), "");
    // The best match's remedy in full; the others are a get_entry away, and the text stays readable.
    if (i === 0) lines.push(...section("Fix", m.fix), ...section("Verify", m.verify), ...section("Wrong fixes", m.wrongFixes));
    lines.push(`Read: ${readAt(context.links(m.id))}`, "");
  });
  if (found.length > 0) lines.push("Credentials in the text (masked; check whether they need rotating):", ...found.map((s) => `- ${s.kind}: ${s.text}`), "");
  if (near.length > 0) lines.push("Near misses:", ...near.map((n) => `- ${n.id}: ${n.message}`), "");
  return { content: [{ type: "text", text: lines.join("\n").trimEnd() }], structuredContent: { matches, near, secrets: found, truncated: report.truncated } };
}

function closestIds(bundle: Bundle, id: string): string[] {
  const words = id.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2);
  const shared = bundle.entries.map((e) => ({ id: e.id, shared: words.filter((w) => e.id.includes(w)).length }));
  // Only the ids sharing the most words: "gcp" alone is shared by every Google entry.
  const best = Math.max(1, ...shared.map((e) => e.shared));
  return shared
    .filter((e) => e.shared === best)
    .slice(0, 3)
    .map((e) => e.id);
}

/** `get_entry`: one entry's metadata, sections and links; an error answer naming close ids for an unknown one. */
export function getEntryTool(context: ToolContext, id: string): ToolAnswer<Shape<typeof getEntryOutput>> {
  const entry: BundleEntry | undefined = context.bundle.entries.find((e) => e.id === id);
  if (!entry) {
    const close = closestIds(context.bundle, id);
    const hint = close.length > 0 ? `; did you mean ${close.map((c) => `"${c}"`).join(", ")}?` : "; search_entries finds entries by code, reason or words";
    return { isError: true, content: [{ type: "text", text: `No entry has the id ${JSON.stringify(id.slice(0, 200))}${hint}` }] };
  }
  const links = context.links(entry.id);
  const { sections } = entry;
  const structured = {
    id: entry.id,
    title: entry.title,
    summary: entry.summary,
    provider: entry.provider,
    services: [...entry.services],
    http: [...entry.http],
    codes: [...entry.codes],
    tags: [...entry.tags],
    related: [...entry.related],
    updated: entry.updated,
    ...linkFields(links),
    ...(sections ?? {}),
  };
  const lines = [`# ${entry.title} [${entry.id}]`, "", entry.summary, ""];
  if (entry.codes.length > 0) lines.push(`Codes: ${entry.codes.join(", ")}`, "");
  if (sections) {
    lines.push(...section("Symptoms", sections.symptoms), ...section("Cause", sections.cause), ...section("Fix", sections.fix), ...section("Verify", sections.verify), ...section("Wrong fixes", sections.wrongFixes));
  } else lines.push(`This entry's layer was compiled without its sections; read it at the link below.`, "");
  if (entry.related.length > 0) lines.push(`Related: ${entry.related.join(", ")}`, "");
  lines.push(`Read: ${readAt(links)}`);
  return { content: [{ type: "text", text: lines.join("\n") }], structuredContent: structured };
}

/** `search_entries`: entries by code, reason or words, best first. */
export async function searchTool(context: ToolContext, query: string, limit: number | undefined): Promise<ToolAnswer<Shape<typeof searchOutput>>> {
  const hits = await searchEntries(context.bundle, query, { limit });
  const entries = hits.map(({ entry, matched }) => ({ id: entry.id, title: entry.title, summary: entry.summary, provider: entry.provider, matched: [...matched], ...linkFields(context.links(entry.id)) }));
  const text =
    entries.length === 0
      ? "No entry fits this query. Try an error code or reason as the error shows it, or paste the error to diagnose."
      : entries.map((e, i) => `${i + 1}. ${e.title} [${e.id}]\n   ${e.summary}\n   Matched: ${e.matched.join(", ")}\n   Read: ${readAt(context.links(e.id))}`).join("\n");
  return { content: [{ type: "text", text }], structuredContent: { entries } };
}
