/**
 * A draft entry from a pasted error that nothing explains yet: the facts the engine extracts (provider,
 * status, codes, reasons), a proposed trigger (codes and reasons first, then the paste's most distinctive
 * phrases, with ids, hosts, numbers and other variable parts left out), the paste with its secrets
 * masked as the first example, and the five sections with prompts. Pure and browser-safe: the site
 * builds the same draft in the page.
 */
import { draftComment, draftMarker, sectionPrompts } from "./draft-marker.js";
import { providerNames, requiredSections, type Provider } from "./entry-parts.js";
import { extractFacts, type Evidence } from "./facts.js";
import { phraseRegex } from "./operators.js";
import { redact } from "./redact.js";
import type { Condition, FactCondition } from "./schema.js";
import { findSecrets } from "./tokens.js";
import { normaliseText } from "./control-characters.js";
import { distinctivePhrases } from "./distinctive-phrases.js";
import { yamlBlock, yamlScalar } from "./yaml-text.js";

/** Options of `draftEntry`. */
export interface DraftOptions {
  /** The entry's id (kebab-case); by default one is proposed from the facts. */
  readonly id?: string;
  /** The date the draft is written, YYYY-MM-DD (its `updated`); by default today. */
  readonly today?: string;
}

/** A draft entry, ready to be saved as `ID.md` and completed. */
export interface Draft {
  /** `options.id`, or one proposed from the facts (kebab-case, e.g. "gcp-permission-denied-draft"). */
  readonly id: string;
  /** The whole entry file: front matter and the five sections with prompts. */
  readonly markdown: string;
  /** The paste with its secrets masked: what the first example holds. */
  readonly redactedPaste: string;
  /** How many secrets were masked. */
  readonly secretsMasked: number;
  /** The proposed triggers, as in the front matter. */
  readonly trigger: unknown;
}

/** Pastes are read up to the length `match` reads (512 KiB). */
const maxPasteLength = 512 * 1024;
/** The longest example a draft holds: an entry file may be at most 256 KiB, and a long log is mostly context. */
const maxExampleLength = 16 * 1024;
const maxCodes = 4;

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const providerLabels: Readonly<Record<Provider, string>> = { gcp: "Google Cloud", aws: "AWS", azure: "Azure", kubernetes: "Kubernetes", generic: "" };

/** The text without leading blank lines or trailing whitespace on any line; no regex, which would retry from every offset of a long run. */
function trimPaste(text: string): string {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const first = lines.findIndex((line) => line !== "");
  return first < 0 ? "" : lines.slice(first).join("\n").trimEnd();
}

/** The lines of `text` from the one holding `start` to the one holding `end - 1`. */
function linesAround(text: string, start: number, end: number): { start: number; end: number } {
  const from = text.lastIndexOf("\n", Math.max(0, start - 1));
  const to = text.indexOf("\n", end);
  return { start: start === 0 || from < 0 ? 0 : from + 1, end: to < 0 ? text.length : to };
}

/** Where a long log without codes or statuses most likely has its error. */
const errorWord = /error|denied|forbidden|unauthori[sz]ed|refused|invalid|expired|failed/i;

/** At most `maxExampleLength` of a long paste: whole lines, from the first that says something about the error. */
function excerpt(text: string): string {
  if (text.length <= maxExampleLength) return text;
  const { evidence } = extractFacts(text);
  const said = evidence.filter((e) => e.fact === "codes" || e.fact === "reasons" || e.fact === "httpStatus" || e.fact === "status").reduce((min, e) => Math.min(min, e.start), text.length);
  const first = said < text.length ? said : Math.max(0, text.search(errorWord));
  const from = linesAround(text, first, first).start;
  const cut = text.lastIndexOf("\n", from + maxExampleLength);
  return trimPaste(text.slice(from, cut > from ? cut : from + maxExampleLength));
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** The proposed trigger: what the error says (codes, reasons, phrases), and evidence that only ranks (status, provider). */
function proposeTrigger(codes: readonly string[], reasons: readonly string[], phrases: readonly string[], ranking: readonly FactCondition[]): Condition {
  const says: Condition[] = [
    ...codes.map((value): FactCondition => ({ fact: "codes", operator: "contains", value })),
    ...reasons.map((value): FactCondition => ({ fact: "reasons", operator: "contains", value })),
    ...(phrases.length > 0 ? [{ fact: "text", operator: "containsPhrase", value: [...phrases] } satisfies FactCondition] : []),
  ];
  // Nothing constant to key on: a prompt `check` reports, rather than a trigger that fires on everything.
  if (says.length === 0) says.push({ fact: "text", operator: "containsPhrase", value: [`${draftMarker} the stable core of the message`] });
  const meaning: Condition = says.length === 1 ? (says[0] as Condition) : { any: says };
  if (ranking.length === 0) return meaning;
  return { all: [meaning, ranking.length === 1 ? (ranking[0] as Condition) : { any: [...ranking] }] };
}

/** kebab-case words of a code or reason: ACCESS_TOKEN_SCOPE_INSUFFICIENT and AccessDenied alike. */
function slugOf(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function proposeId(provider: Provider, key: string | undefined): string {
  const words = slugOf(key ?? "").split("-").filter(Boolean).slice(0, 5).join("-") || "error";
  const prefix = provider === "generic" || words.startsWith(`${provider}-`) ? "" : `${provider}-`;
  return `${prefix}${words}-draft`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The second example: the lines of the paste that hold the trigger's evidence. When that is the whole
 * paste, the same lines behind a log's timestamp, so the draft holds two shapes of the error. No level
 * word ("ERROR") goes in front: "ERROR 403" is a status of its own and would change the facts.
 */
function coreExample(text: string, spans: ReadonlyArray<{ start: number; end: number }>, today: string): string {
  const start = spans.reduce((min, s) => Math.min(min, s.start), text.length);
  const end = spans.reduce((max, s) => Math.max(max, s.end), 0);
  const lines = linesAround(text, start, end);
  const core = start < end ? trimPaste(text.slice(lines.start, lines.end)) : text;
  return core !== text && core.length > 0 ? core : `${today}T00:00:00Z ${text}`;
}

function phraseSpans(text: string, phrases: readonly string[]): Array<{ start: number; end: number }> {
  return phrases.flatMap((phrase) => {
    const regex = phraseRegex(phrase);
    regex.lastIndex = 0;
    const m = regex.exec(text);
    return m ? [{ start: m.index, end: m.index + m[0].length }] : [];
  });
}

/** The trigger as front-matter YAML lines, indented under `triggers:`. */
function conditionYaml(condition: Condition, indent: string): string[] {
  if ("all" in condition || "any" in condition) {
    const [key, children] = "all" in condition ? ["all", condition.all] : ["any", condition.any];
    return [`${indent}${key}:`, ...children.flatMap((child) => listItem(conditionYaml(child, `${indent}    `), `${indent}  `))];
  }
  if ("not" in condition) return [`${indent}not:`, ...conditionYaml(condition.not, `${indent}  `)];
  const value = Array.isArray(condition.value)
    ? [`${indent}value:`, ...condition.value.map((v) => `${indent}  - ${yamlScalar(v)}`)]
    : [`${indent}value: ${yamlScalar(condition.value)}`];
  return [`${indent}fact: ${condition.fact}`, `${indent}operator: ${condition.operator}`, ...value];
}

/** Lines of a mapping written one level deeper, as an item of a list at `indent`. */
function listItem(lines: readonly string[], indent: string): string[] {
  return lines.map((line, i) => (i === 0 ? `${indent}- ${line.trimStart()}` : line));
}

function flowList(values: ReadonlyArray<string | number>): string {
  return `[${values.map((v) => yamlScalar(v)).join(", ")}]`;
}

/** Drafts an entry from a pasted error; never throws for any paste, and no secret of the paste reaches the draft. */
export function draftEntry(paste: string, options: DraftOptions = {}): Draft {
  if (options.id !== undefined && !kebab.test(options.id)) throw new RangeError(`draft id ${JSON.stringify(options.id)} is not kebab-case (lowercase words joined by -, e.g. gcp-billing-disabled)`);
  if (options.today !== undefined && !isoDate.test(options.today)) throw new RangeError(`draft date ${JSON.stringify(options.today)} is not written YYYY-MM-DD`);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const raw = paste.length > maxPasteLength ? paste.slice(0, maxPasteLength) : paste;
  const secrets = findSecrets(raw);
  // Control characters become spaces (as matching sees them), so the example is plain text.
  const redactedPaste = excerpt(trimPaste(redact(normaliseText(raw), secrets)));

  const { facts, evidence } = extractFacts(redactedPaste);
  const provider = (facts.providers.find((p) => (providerNames as readonly string[]).includes(p)) ?? "generic") as Provider;
  const codes = facts.codes.filter((c) => !c.includes("[redacted]")).slice(0, maxCodes);
  const reasons = facts.reasons.filter((r) => !r.includes("[redacted]") && !codes.includes(r)).slice(0, maxCodes);
  const phrases = distinctivePhrases(redactedPaste, 3);
  const ranking: FactCondition[] = [
    ...(facts.httpStatus !== null ? [{ fact: "httpStatus", operator: "equal", value: facts.httpStatus } satisfies FactCondition] : []),
    ...(facts.status !== null ? [{ fact: "status", operator: "equal", value: facts.status } satisfies FactCondition] : []),
    ...(provider !== "generic" ? [{ fact: "providers", operator: "contains", value: provider } satisfies FactCondition] : []),
  ];
  const trigger = proposeTrigger(codes, reasons, phrases, ranking);

  const used = (e: Evidence): boolean =>
    (e.fact === "codes" && codes.includes(String(e.value))) ||
    (e.fact === "reasons" && reasons.includes(String(e.value))) ||
    (e.fact === "httpStatus" && e.value === facts.httpStatus) ||
    (e.fact === "status" && e.value === facts.status) ||
    (e.fact === "providers" && e.value === provider);
  const secondExample = coreExample(redactedPaste, [...evidence.filter(used), ...phraseSpans(redactedPaste, phrases)], today);

  const key = reasons[0] ?? codes[0] ?? phrases[0] ?? facts.status ?? undefined;
  const id = options.id ?? proposeId(provider, key);
  const said = phrases[0] ?? codes[0] ?? reasons[0] ?? facts.status ?? undefined;
  const label = providerLabels[provider];
  const status = facts.httpStatus !== null ? `${label ? "returns " : "HTTP "}${facts.httpStatus}` : "";
  const subject = [label, status].filter(Boolean).join(" ");
  const title = said ? clip(subject ? `${subject}: ${said}` : said, 120) : "An error no entry explains yet";
  const summary = `Drafted from a pasted error${said ? ` that says “${clip(said, 80)}”` : ""}; its cause and fix are still to be written.`;
  const fileCodes = unique([...reasons, ...codes, ...(facts.status !== null ? [facts.status] : [])]);

  const markdown = [
    "---",
    "# yaml-language-server: $schema=../engine/entry.schema.json",
    `id: ${id}`,
    `title: ${yamlScalar(title)}`,
    "# Once the Cause section is written, say it here in one line.",
    `summary: ${yamlScalar(summary)}`,
    `provider: ${provider}`,
    "services: []",
    `http: ${flowList(facts.httpStatus !== null ? [facts.httpStatus] : [])}`,
    `codes: ${flowList(fileCodes)}`,
    "tags: []",
    "related: []",
    `updated: ${today}`,
    "# Proposed from the paste: what the error says (its codes, reasons and most distinctive phrases),",
    "# then evidence that only ranks (its status and provider). Widen it to other wordings of the error.",
    "triggers:",
    ...conditionYaml(trigger, "  "),
    "examples:",
    ...(redactedPaste === ""
      ? [`  - ${yamlScalar(`${draftMarker} paste the error as one client prints it`)}`, `  - ${yamlScalar(`${draftMarker} the same error as another client or tool prints it`)}`]
      : [
          "  # The paste, with its secrets masked.",
          ...yamlBlock(redactedPaste, "  - ", "    "),
          "  # The lines of the paste the trigger reads. Add the error as other clients and tools print it.",
          ...yamlBlock(secondExample, "  - ", "    "),
        ]),
    "# Add the error of the most confusable neighbouring entry: it must not rank this one first.",
    "counterexamples: []",
    "---",
    "",
    ...requiredSections.flatMap((section) => [`## ${section}`, "", draftComment(sectionPrompts[section]), ""]),
  ].join("\n");
  return { id, markdown, redactedPaste, secretsMasked: secrets.length, trigger };
}
