/**
 * Operators triggers may use: json-rules-engine's built-ins plus two for text.
 * The text operators also report where they matched, so explanations can highlight the input.
 */

/** One operator that triggers can name. */
export interface OperatorSpec {
  readonly name: string;
  readonly builtin: boolean;
  readonly description: string;
  readonly example: Readonly<Record<string, unknown>>;
}

const specs = [
  { name: "equal", builtin: true, description: "The fact equals the value.", example: { fact: "httpStatus", operator: "equal", value: 403 } },
  { name: "notEqual", builtin: true, description: "The fact differs from the value.", example: { fact: "status", operator: "notEqual", value: "RESOURCE_EXHAUSTED" } },
  { name: "in", builtin: true, description: "The fact is one of the listed values.", example: { fact: "httpStatus", operator: "in", value: [401, 403] } },
  { name: "notIn", builtin: true, description: "The fact is none of the listed values.", example: { fact: "httpStatus", operator: "notIn", value: [404, 429] } },
  { name: "contains", builtin: true, description: "The list fact holds the value.", example: { fact: "reasons", operator: "contains", value: "SERVICE_DISABLED" } },
  { name: "doesNotContain", builtin: true, description: "The list fact lacks the value.", example: { fact: "codes", operator: "doesNotContain", value: "ExpiredToken" } },
  { name: "lessThan", builtin: true, description: "The number fact is below the value.", example: { fact: "httpStatus", operator: "lessThan", value: 500 } },
  { name: "lessThanInclusive", builtin: true, description: "The number fact is at most the value.", example: { fact: "httpStatus", operator: "lessThanInclusive", value: 499 } },
  { name: "greaterThan", builtin: true, description: "The number fact is above the value.", example: { fact: "httpStatus", operator: "greaterThan", value: 399 } },
  { name: "greaterThanInclusive", builtin: true, description: "The number fact is at least the value.", example: { fact: "httpStatus", operator: "greaterThanInclusive", value: 400 } },
  {
    name: "containsPhrase",
    builtin: false,
    description:
      "The text (or any item of a list fact) contains the phrase, ignoring case and runs of whitespace (escaped \\n counts as whitespace). A list of phrases holds when any one does.",
    example: { fact: "text", operator: "containsPhrase", value: ["insufficient authentication scopes", "insufficient_scope"] },
  },
  {
    name: "matchesRegex",
    builtin: false,
    description:
      "The text (or any item of a list fact) matches the regular expression, case-insensitively. `check` bounds the steps it can take on a 512 KiB paste, counting every bounded repeat for what it costs, and refuses more than 5e7: repeats need an upper bound of at most 1000 (write \\d{1,20}, not \\d+; .{0,80}, not .*), and lookaround and backreferences are refused.",
    example: { fact: "text", operator: "matchesRegex", value: "AADSTS700016\\b" },
  },
] as const satisfies readonly OperatorSpec[];

/** The name of an operator. */
export type OperatorName = (typeof specs)[number]["name"];

/** Every operator, built-ins first. */
export const operatorCatalog: readonly OperatorSpec[] = specs;

/** Names of every operator, for schema enums. */
export const operatorNames = specs.map((spec) => spec.name) as [OperatorName, ...OperatorName[]];

/** A half-open character range of the input: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const phraseCache = new Map<string, RegExp>();
const regexCache = new Map<string, RegExp>();

function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles a phrase to a global regex where any whitespace run (or escaped \n, \t) matches any other. */
export function phraseRegex(phrase: string): RegExp {
  let cached = phraseCache.get(phrase);
  if (!cached) {
    const words = phrase.trim().split(/\s+/).map(escapeRegex);
    // After a backslash, n, r or t is half of an escaped \n, \r or \t (whitespace), not a word's start;
    // the rule index folds text that way too.
    const guard = /^[nrt]/i.test(words[0] ?? "") ? "(?<!\\\\)" : "";
    cached = new RegExp(guard + words.join("(?:\\s|\\\\[nrt])+"), "gi");
    phraseCache.set(phrase, cached);
  }
  return cached;
}

/** Compiles a trigger's regex source the way matchesRegex runs it (case-insensitive). */
export function triggerRegex(source: string): RegExp {
  let cached = regexCache.get(source);
  if (!cached) {
    cached = new RegExp(source, "gi");
    regexCache.set(source, cached);
  }
  return cached;
}

function firstSpan(regex: RegExp, text: string): Span | undefined {
  regex.lastIndex = 0;
  const found = regex.exec(text);
  return found ? { start: found.index, end: found.index + found[0].length } : undefined;
}

function asTexts(factValue: unknown): string[] {
  if (typeof factValue === "string") return [factValue];
  if (Array.isArray(factValue)) return factValue.filter((item): item is string => typeof item === "string");
  return [];
}

function asPhrases(value: unknown): string[] {
  return typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The two text operators as json-rules-engine calls them (the fact's value, the trigger's), and where they held. */
export interface TextOperators {
  readonly containsPhrase: (factValue: unknown, value: unknown) => boolean;
  readonly matchesRegex: (factValue: unknown, value: unknown) => boolean;
  /** Where the operator held in `text`: the first span of each phrase, or of the regex. */
  readonly spans: (operator: string, value: unknown, text: string) => Span[];
}

/** Where a phrase, or a trigger's regex given by its source, first occurs in one string. */
type Find = (text: string, phraseOrSource: string) => Span | undefined;

const findPhrase: Find = (text, phrase) => firstSpan(phraseRegex(phrase), text);
const findRegex: Find = (text, source) => firstSpan(triggerRegex(source), text);

/** The operators over a string fact or each item of a list fact, given how to search one string. */
function textOperators(phraseAt: Find, regexAt: Find): TextOperators {
  return {
    containsPhrase: (factValue, value) => {
      const texts = asTexts(factValue);
      return asPhrases(value).some((phrase) => texts.some((text) => phraseAt(text, phrase) !== undefined));
    },
    matchesRegex: (factValue, value) => typeof value === "string" && asTexts(factValue).some((text) => regexAt(text, value) !== undefined),
    spans: (operator, value, text) => {
      const found =
        operator === "containsPhrase" ? asPhrases(value).map((phrase) => phraseAt(text, phrase))
        : operator === "matchesRegex" && typeof value === "string" ? [regexAt(text, value)]
        : [];
      return found.filter((span): span is Span => span !== undefined);
    },
  };
}

const plain = textOperators(findPhrase, findRegex);

/** Whether any phrase occurs in the fact (a string or list of strings). */
export const containsPhrase = plain.containsPhrase;

/** Whether the regex matches the fact (a string or any item of a list of strings). */
export const matchesRegex = plain.matchesRegex;

/** Where a text operator held in `text`: the first span of each phrase or of the regex. */
export const textOperatorSpans = plain.spans;

function remembered(found: Map<string, Span | null>, key: string, find: () => Span | undefined): Span | undefined {
  let span = found.get(key);
  if (span === undefined) {
    span = find() ?? null;
    found.set(key, span);
  }
  return span ?? undefined;
}

/**
 * The text operators for one paste. On its text they remember where each phrase or pattern was found, so
 * one that several rules (or the rule index, json-rules-engine and the explanations) ask about runs once;
 * `absent(phrase)` is true only when the phrase is certainly not in the text (the rule index's one pass
 * over it): no regex runs then.
 */
export function textOperatorsFor(text: string, absent: (phrase: string) => boolean = () => false): TextOperators {
  const phrases = new Map<string, Span | null>();
  const patterns = new Map<string, Span | null>();
  return textOperators(
    (item, phrase) => (item === text ? remembered(phrases, phrase, () => (absent(phrase) ? undefined : findPhrase(text, phrase))) : findPhrase(item, phrase)),
    (item, source) => (item === text ? remembered(patterns, source, () => findRegex(text, source)) : findRegex(item, source)),
  );
}
