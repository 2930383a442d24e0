/**
 * An index over a bundle's triggers, so that a paste only evaluates the rules that can hold.
 *
 * Each rule gets a gate: a set of keys ("text:insufficient authentication scopes", "reasons:SERVICE_DISABLED",
 * "httpStatus:403") at least one of which is present whenever the rule holds. A paste's keys come from its
 * facts and from one Aho-Corasick pass over its text. json-rules-engine still decides what holds; the index
 * only skips rules that provably can neither hold nor be reported as near misses, so indexed and
 * exhaustive matching give the same results.
 */
import { AdaptiveLiteralMatcher, foldLiteral } from "./aho-corasick.js";
import type { Bundle, BundleEntry } from "./bundle.js";
import { leavesOf } from "./compile.js";
import { nearMissFacts } from "./explain.js";
import { serverErrorStatus, type Facts } from "./facts.js";
import type { TextOperators } from "./operators.js";
import type { Condition, FactCondition } from "./schema.js";
import { mayReport, tallyBound } from "./tally-bound.js";

/** Facts whose keys say little: a gate made only of them is kept only when nothing better exists. */
const weakFacts = new Set(["httpStatus", "status", "providers", "urls", "principals"]);
const listFacts = ["reasons", "codes", "tokenKinds", "providers", "permissions", "principals", "urls"] as const;
const scalarFacts = ["httpStatus", "status", "jwtExpired", "jwtAudienceHasPath", "jwtAudienceMatchesUrl"] as const;

/** The compiled index of one bundle. */
export interface RuleIndex {
  readonly literals: AdaptiveLiteralMatcher;
  /** Entry positions (in bundle order) whose gate contains the key. */
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** Entries without a gate: always evaluated. */
  readonly always: readonly number[];
  /** Entries that may be near misses when the key is present. */
  readonly nearByKey: ReadonlyMap<string, readonly number[]>;
  /** Entries that may be near misses whatever the paste (a strong leaf the index cannot key). */
  readonly nearAlways: readonly number[];
  /** Folded text phrases the literal scan looks for, gate or not, so that a paste's keys decide them. */
  readonly phrases: ReadonlySet<string>;
  /**
   * Each entry's leaf keys (`leafKeysOf`), when computed ahead of time: working them out reads every
   * regex, about 8 ms of a one-shot CLI match.
   */
  readonly leafKeys?: ReadonlyArray<ReadonlyArray<readonly string[] | null>> | undefined;
}

/**
 * The longest run of plain characters every match of the regex must contain (at least 3), or
 * undefined. Conservative: top-level alternation, groups, classes and quantified characters end a run.
 */
export function requiredLiteral(source: string): string | undefined {
  if (splitTopLevel(source).length > 1) return undefined;
  const runs: string[] = [];
  let run = "";
  const end = () => {
    runs.push(run);
    run = "";
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    const next = source[i + 1];
    const quantified = next === "*" || next === "+" || next === "?" || next === "{";
    if (ch === "\\") {
      const escaped = source[i + 1] ?? "";
      i++;
      if (/[.\-\/\\()[\]{}*+?^$|:"'#@,=_ ]/.test(escaped) && !(source[i + 1] === "*" || source[i + 1] === "+" || source[i + 1] === "?" || source[i + 1] === "{")) run += escaped;
      else end();
    } else if (ch === "(" || ch === "[") {
      end();
      // Skip the group or class whole: what is inside may be optional or alternative.
      let level = 0;
      for (; i < source.length; i++) {
        const c = source[i];
        if (c === "\\") i++;
        else if (c === "(" || c === "[") level++;
        else if (c === ")" || c === "]") {
          level--;
          if (level === 0) break;
        }
      }
      if (["*", "+", "?", "{"].includes(source[i + 1] ?? "")) end();
    } else if (ch === "{") {
      // A quantifier's bounds ({1,40}) are not text the match holds.
      end();
      const close = source.indexOf("}", i);
      i = close < 0 ? source.length : close;
    } else if (/[.^$*+?{}|)\]]/.test(ch) || quantified) {
      end();
    } else {
      run += ch;
    }
  }
  end();
  const longest = runs.map((r) => r.trim()).sort((a, b) => b.length - a.length)[0] ?? "";
  const folded = foldLiteral(longest);
  // A run with two spaces in a row would fold differently from how the regex reads it: no promise then.
  return folded.length >= 3 && folded === longest.toLowerCase() ? folded : undefined;
}

/**
 * The strings a regex made only of literals, groups, alternation and `?` can match, e.g.
 * `^(?:ExpiredToken|TokenRefreshRequired)(?:Exception)?$`; undefined for anything else or more than
 * 256 strings. `anchored` tells whether it is wrapped in ^…$ (then it matches exactly these strings).
 */
export function literalUnion(source: string): { strings: string[]; anchored: boolean } | undefined {
  let body = source;
  const anchored = body.startsWith("^") && body.endsWith("$") && !body.endsWith("\\$");
  if (body.startsWith("^")) body = body.slice(1);
  if (body.endsWith("$") && !body.endsWith("\\$")) body = body.slice(0, -1);
  let at = 0;
  const limit = 256;
  const cross = (a: string[], b: string[]): string[] | undefined => (a.length * b.length > limit ? undefined : a.flatMap((x) => b.map((y) => x + y)));
  const alternation = (): string[] | undefined => {
    const out: string[] = [];
    for (;;) {
      const seq = sequence();
      if (!seq) return undefined;
      out.push(...seq);
      if (out.length > limit) return undefined;
      if (body[at] !== "|") return out;
      at++;
    }
  };
  const sequence = (): string[] | undefined => {
    let acc: string[] = [""];
    while (at < body.length && body[at] !== "|" && body[at] !== ")") {
      let atom: string[];
      const ch = body[at] as string;
      if (ch === "(") {
        at += body.startsWith("(?:", at) ? 3 : 1;
        if (body[at] === "?") return undefined; // lookarounds and named groups
        const inner = alternation();
        if (!inner || body[at] !== ")") return undefined;
        at++;
        atom = inner;
      } else if (ch === "\\" && (body[at + 1] === "b" || body[at + 1] === "B")) {
        // A word boundary matches no text: the strings stay what the rest of the sequence makes them.
        atom = [""];
        at += 2;
      } else if (ch === "\\") {
        const escaped = body[at + 1] ?? "";
        if (!/[.\-\/\\()[\]{}*+?^$|:"'#@,=_ ]/.test(escaped)) return undefined;
        atom = [escaped];
        at += 2;
      } else if (/[.[\]{}*+^$]/.test(ch)) {
        return undefined;
      } else {
        atom = [ch];
        at++;
      }
      if (body[at] === "?") {
        atom = ["", ...atom];
        at++;
      } else if (body[at] === "*" || body[at] === "+" || body[at] === "{") {
        return undefined;
      }
      const next = cross(acc, atom);
      if (!next) return undefined;
      acc = next;
    }
    return acc;
  };
  const strings = alternation();
  return strings && at === body.length ? { strings, anchored } : undefined;
}

function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "|" && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}

/**
 * The part of a folded literal that folded text surely holds wherever the raw text holds the literal.
 * The scan reads a backslash followed by n, r or t as whitespace, so a leading n, r or t may have been
 * eaten by a backslash before it, and a trailing backslash may eat the letter after it.
 */
function foldSafe(folded: string): string {
  return folded.replace(/^[nrt]/, "").replace(/\\+$/, "");
}

/**
 * The strings of an unquantified group of plain alternatives in the sequence, such as
 * `(?:TF400813|VS30063)` or `(?:65001|90094)`, of which every match of the sequence holds one: the
 * group whose shortest string is longest, when that is at least 3 characters. Undefined without one.
 */
export function groupLiterals(sequence: string): string[] | undefined {
  let best: string[] | undefined;
  let bestShortest = 2;
  for (let i = 0; i < sequence.length; i++) {
    const ch = sequence[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "[") {
      for (i++; i < sequence.length && sequence[i] !== "]"; i++) if (sequence[i] === "\\") i++;
      continue;
    }
    if (ch !== "(") continue;
    let depth = 0;
    let end = i;
    for (; end < sequence.length; end++) {
      const c = sequence[end];
      if (c === "\\") end++;
      else if (c === "(") depth++;
      else if (c === ")" && --depth === 0) break;
    }
    const quantified = /^[*+?{]/.test(sequence.slice(end + 1, end + 2));
    const inner = sequence.slice(i + (sequence.startsWith("(?:", i) ? 3 : 1), end);
    const union = quantified || sequence.startsWith("(?", i) && !sequence.startsWith("(?:", i) ? undefined : literalUnion(inner);
    const strings = union?.strings.map((s) => foldSafe(foldLiteral(s)));
    const shortest = strings && strings.length > 0 ? Math.min(...strings.map((s) => s.length)) : 0;
    if (strings && shortest > bestShortest) {
      best = strings;
      bestShortest = shortest;
    }
    // Groups inside this one are alternatives or optional: only whole top-level groups are promised.
    i = end;
  }
  return best;
}

/** Folded literals, one set per alternative, of which any text the regex matches holds at least one. */
function textRegexKeys(source: string): string[] | undefined {
  const union = literalUnion(source);
  const literals = union
    ? union.strings.map((s) => foldSafe(foldLiteral(s)))
    : splitTopLevel(source).flatMap((part) => {
        const required = requiredLiteral(part);
        return required !== undefined ? [foldSafe(required)] : (groupLiterals(part) ?? [""]);
      });
  return literals.every((l) => l.length >= 3) ? [...new Set(literals)] : undefined;
}

/**
 * Whether a phrase can be decided by the literal scan alone: ASCII (where the scan's lower-casing and
 * the regex's i flag agree) with no backslash (which the scan may read as half of an escaped \n).
 * containsPhrase guards a leading n, r or t against a backslash before it, so no other case remains.
 */
function scannable(phrase: string): boolean {
  return /^[\x20-\x5b\x5d-\x7e]+$/.test(phrase.trim());
}

function leafKeys(leaf: FactCondition): string[] | undefined {
  const values = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  if (leaf.path !== undefined) return undefined;
  if (leaf.fact === "text") {
    if (leaf.operator === "containsPhrase") {
      const phrases = values.map(String);
      return phrases.every((p) => scannable(p) && foldLiteral(p).length > 0) ? phrases.map((p) => `text:${foldLiteral(p)}`) : undefined;
    }
    if (leaf.operator === "contains") {
      const folded = values.map((v) => foldSafe(foldLiteral(String(v))));
      return folded.every((f) => f.length > 0) ? folded.map((f) => `text:${f}`) : undefined;
    }
    if (leaf.operator === "matchesRegex" && typeof leaf.value === "string") return textRegexKeys(leaf.value)?.map((l) => `text:${l}`);
    return undefined;
  }
  if ((listFacts as readonly string[]).includes(leaf.fact)) {
    // Keys of list facts are lower case: matchesRegex ignores case, so the gate must too.
    if (leaf.operator === "contains") return [`${leaf.fact}:${String(leaf.value).toLowerCase()}`];
    if (leaf.operator === "matchesRegex" && typeof leaf.value === "string") {
      const union = literalUnion(leaf.value);
      return union?.anchored ? [...new Set(union.strings.map((v) => `${leaf.fact}:${v.toLowerCase()}`))] : undefined;
    }
  }
  if ((scalarFacts as readonly string[]).includes(leaf.fact)) {
    if (leaf.operator === "equal" && leaf.value !== null) return [`${leaf.fact}:${String(leaf.value)}`];
    // `in [null, 403]` holds when the fact is missing (null), which presents no key.
    if (leaf.operator === "in" && !values.includes(null)) return values.map((v) => `${leaf.fact}:${String(v)}`);
  }
  return undefined;
}

function cost(keys: readonly string[]): number {
  return keys.reduce((sum, key) => sum + (weakFacts.has(key.slice(0, key.indexOf(":"))) ? 1000 : 1), 0);
}

/**
 * Keys of which at least one is present whenever the condition holds; undefined when none can be
 * promised. `keysOf` says which keys a leaf promises (the matcher's facts, or `scan`'s raw literals).
 */
export function gateOf(condition: Condition, keysOf: (leaf: FactCondition) => string[] | undefined = leafKeys): string[] | undefined {
  if ("all" in condition) {
    const gates = condition.all.map((c) => gateOf(c, keysOf)).filter((g): g is string[] => g !== undefined);
    return gates.sort((a, b) => cost(a) - cost(b))[0];
  }
  if ("any" in condition) {
    const gates = condition.any.map((c) => gateOf(c, keysOf));
    return gates.every((g): g is string[] => g !== undefined) ? [...new Set(gates.flat())] : undefined;
  }
  if ("not" in condition) return undefined;
  return keysOf(condition);
}

/**
 * Raw-text literals a leaf promises: a fact value that can only be extracted from text holding it.
 * Statuses also appear in gRPC's camel case (PermissionDenied); HTTP statuses as their digits.
 */
function literalKeys(leaf: FactCondition): string[] | undefined {
  if (leaf.fact === "text") return leafKeys(leaf);
  const raw = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
  const positive = leaf.operator === "contains" || leaf.operator === "equal" || leaf.operator === "in" || leaf.operator === "matchesRegex";
  // A null value stands for a fact the line lacks: no literal promises it.
  if (!positive || leaf.path !== undefined || raw.includes(null)) return undefined;
  const values = raw.map(String);
  // Reasons, codes and permissions are copied from the text as written, so what their regex requires
  // (the whole value of an anchored union, else its required run) is in the text too.
  if (leaf.fact === "reasons" || leaf.fact === "codes" || leaf.fact === "permissions") {
    const required = leaf.operator === "matchesRegex" && typeof leaf.value === "string" ? requiredLiteral(leaf.value) : undefined;
    return leafKeys(leaf) ?? (required === undefined ? undefined : [`${leaf.fact}:${foldSafe(required)}`]);
  }
  if (leaf.fact === "urls" && leaf.operator === "matchesRegex" && typeof leaf.value === "string") return urlLiteralKeys(leaf.value);
  if (leaf.fact === "status") {
    const camel = (v: string) => v.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    return values.flatMap((v) => [`status:${v}`, `status:${camel(v)}`, ...(v === "CANCELLED" ? ["status:canceled"] : [])]);
  }
  if (leaf.fact === "httpStatus") return values.flatMap((v) => [`httpStatus:${v}`, ...(statusWords.get(Number(v)) ?? []).map((w) => `httpStatus:(${w})`)]);
  return undefined;
}

/**
 * Literals in the text of any URL the regex matches, as text keys. A URL fact is the text's URL
 * without its `user:password@`, which is cut right after a "//": the part of a literal after its last
 * "//" cannot straddle that cut, so it is in the text as well.
 */
function urlLiteralKeys(source: string): string[] | undefined {
  const inText = (literal: string) => literal.slice(literal.lastIndexOf("//") + 1).replace(/^\/+/, "");
  const union = textRegexKeys(source)?.map(inText);
  const required = requiredLiteral(source);
  const literals = union?.every((l) => l.length >= 3) ? union : required !== undefined && inText(required).length >= 3 ? [inText(required)] : undefined;
  return literals?.map((l) => `text:${l}`);
}

// kubectl writes "Error from server (Forbidden)" with no digits: those words stand for the status too.
const statusWords = new Map<number, string[]>();
for (const [word, status] of Object.entries(serverErrorStatus)) statusWords.set(status, [...(statusWords.get(status) ?? []), word]);

/**
 * Literals of which every line that can match holds at least one, or undefined when some entry can
 * match without any (then every line must be matched).
 */
export function scanLiterals(bundle: Bundle): string[] | undefined {
  const literals = new Set<string>();
  for (const entry of bundle.entries) {
    const gate = gateOf(entry.triggers, literalKeys);
    if (!gate) return undefined;
    for (const key of gate) literals.add(key.slice(key.indexOf(":") + 1));
  }
  return [...literals];
}

/** Keys of the leaves that can make the entry a near miss; undefined when one of them has no key. */
export function nearKeysOf(condition: Condition): string[] | undefined {
  if ("all" in condition || "any" in condition) {
    const parts = ("all" in condition ? condition.all : condition.any).map(nearKeysOf);
    return parts.every((p): p is string[] => p !== undefined) ? parts.flat() : undefined;
  }
  if ("not" in condition) return [];
  if (!nearMissFacts.has(condition.fact)) return [];
  return leafKeys(condition);
}

function addTo(map: Map<string, number[]>, key: string, position: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== position) list.push(position);
  } else {
    map.set(key, [position]);
  }
}

/** Cells of the dense literal table at most: it is faster per character; past a few million cells (thousands of entries) memory wins. */
export const denseLimit = 4 * 1024 * 1024;

/** Builds the index of a bundle. */
export function buildRuleIndex(bundle: Bundle): RuleIndex {
  const byKey = new Map<string, number[]>();
  const nearByKey = new Map<string, number[]>();
  const always: number[] = [];
  const nearAlways: number[] = [];
  const literalIds = new Map<string, number>();
  const phraseKeys = new Set<string>();
  bundle.entries.forEach((entry, position) => {
    const gate = gateOf(entry.triggers);
    if (gate) for (const key of gate) addTo(byKey, key, position);
    else always.push(position);
    const near = nearKeysOf(entry.triggers);
    if (near) for (const key of near) addTo(nearByKey, key, position);
    else nearAlways.push(position);
    const phraseKeysHere = textPhraseKeys(entry.triggers);
    for (const key of phraseKeysHere) phraseKeys.add(key);
    for (const key of [...(gate ?? []), ...(near ?? []), ...phraseKeysHere]) {
      if (key.startsWith("text:") && !literalIds.has(key)) literalIds.set(key, literalIds.size);
    }
  });
  const keys = [...literalIds.keys()];
  const texts = keys.map((key) => key.slice(5));
  // The same strings as the matcher's literals: at 10,000 entries a second copy costs megabytes.
  const phrases = new Set(texts.filter((_text, i) => phraseKeys.has(keys[i] as string)));
  const literals = new AdaptiveLiteralMatcher(texts, denseLimit);
  return { literals, byKey, always, nearByKey, nearAlways, phrases };
}

/** Keys of every scannable phrase a containsPhrase leaf on the text looks for. */
function textPhraseKeys(condition: Condition): string[] {
  return [...leavesOf(condition)].flatMap(({ leaf }) =>
    leaf.fact === "text" && leaf.operator === "containsPhrase" && leaf.path === undefined
      ? (Array.isArray(leaf.value) ? leaf.value : [leaf.value]).map(String).filter(scannable).map((p) => `text:${foldLiteral(p)}`)
      : [],
  );
}

// Per index, phrase → the key the literal scan reports it by, or null when the scan does not look for it.
const phraseKeysOf = new WeakMap<RuleIndex, Map<string, string | null>>();

/**
 * What the literal scan knows of a paste's text: `absent(phrase)` is true when the phrase was scanned
 * for and is not there, so containsPhrase needs no regex. False means "run the regex".
 */
export function phraseAbsence(index: RuleIndex, keys: ReadonlySet<string>): (phrase: string) => boolean {
  let phraseKeys = phraseKeysOf.get(index);
  if (!phraseKeys) {
    phraseKeys = new Map();
    phraseKeysOf.set(index, phraseKeys);
  }
  const known = phraseKeys;
  return (phrase) => {
    let key = known.get(phrase);
    if (key === undefined) {
      const folded = scannable(phrase) ? foldLiteral(phrase) : "";
      key = folded !== "" && index.phrases.has(folded) ? `text:${folded}` : null;
      known.set(phrase, key);
    }
    return key !== null && !keys.has(key);
  };
}

/** The keys a paste presents: its fact values, and the indexed literals found in its text. */
export function presentKeys(index: RuleIndex, facts: Facts): Set<string> {
  const keys = new Set<string>();
  for (const literal of index.literals.findAll(facts.text)) keys.add(`text:${index.literals.literals[literal]}`);
  for (const fact of listFacts) for (const value of facts[fact]) keys.add(`${fact}:${value.toLowerCase()}`);
  for (const fact of scalarFacts) if (facts[fact] !== null) keys.add(`${fact}:${String(facts[fact])}`);
  return keys;
}

// Keys of each leaf asked about, computed once: leaves are immutable and at 10,000 entries most are never asked.
const keysOfLeaf = new WeakMap<FactCondition, readonly string[] | null>();

/** The keys each leaf of a trigger promises (null where it promises none), leaves in document order. */
export function leafKeysOf(condition: Condition): Array<string[] | null> {
  return [...leavesOf(condition)].map(({ leaf }) => leafKeys(leaf) ?? null);
}

// Triggers whose leaves have their keys from the index's precomputed ones.
const primed = new WeakSet<Condition>();

function primeLeafKeys(triggers: Condition, keys: ReadonlyArray<readonly string[] | null> | undefined): void {
  if (!keys || primed.has(triggers)) return;
  primed.add(triggers);
  let n = 0;
  for (const { leaf } of leavesOf(triggers)) {
    const own = keys[n++];
    if (own !== undefined && !keysOfLeaf.has(leaf)) keysOfLeaf.set(leaf, own);
  }
}

function cachedLeafKeys(leaf: FactCondition): readonly string[] | null {
  let keys = keysOfLeaf.get(leaf);
  if (keys === undefined) {
    keys = leafKeys(leaf) ?? null;
    keysOfLeaf.set(leaf, keys);
  }
  return keys;
}

function anyPresent(needed: readonly string[], keys: ReadonlySet<string>): boolean {
  for (const key of needed) if (keys.has(key)) return true;
  return false;
}

/**
 * What is known of a leaf before json-rules-engine evaluates it: false when its keys are all absent and
 * the keys are complete (every fact value, and every phrase of a containsPhrase leaf on the text, which
 * buildRuleIndex scans for); else a text operator's answer, from the very function the engine then calls
 * and which remembers it; else undefined: only evaluation can tell.
 */
function leafOutcome(leaf: FactCondition, facts: Facts, keys: ReadonlySet<string>, operators: TextOperators): boolean | undefined {
  if (leaf.path !== undefined) return undefined;
  const text = leaf.fact === "text";
  if (!text || leaf.operator === "containsPhrase") {
    const needed = cachedLeafKeys(leaf);
    if (needed && !anyPresent(needed, keys)) return false;
  }
  if (leaf.operator === "containsPhrase" || leaf.operator === "matchesRegex") {
    // json-rules-engine reads facts from the object it is given; a name it lacks reads as undefined.
    return operators[leaf.operator](Object.hasOwn(facts, leaf.fact) ? facts[leaf.fact as keyof Facts] : undefined, leaf.value);
  }
  return undefined;
}

/**
 * Bundle positions of the entries worth evaluating for a paste, in bundle order: those whose gate or
 * near-miss keys are present, less those that what is known of their leaves shows can neither match nor
 * be reported as near misses. `operators` must be the ones json-rules-engine will evaluate with.
 */
export function candidates(index: RuleIndex, entries: readonly BundleEntry[], facts: Facts, keys: ReadonlySet<string>, operators: TextOperators): number[] {
  const chosen = new Set<number>([...index.always, ...index.nearAlways]);
  for (const key of keys) {
    for (const position of index.byKey.get(key) ?? []) chosen.add(position);
    for (const position of index.nearByKey.get(key) ?? []) chosen.add(position);
  }
  const outcome = (leaf: FactCondition) => leafOutcome(leaf, facts, keys, operators);
  return [...chosen]
    .filter((position) => {
      const { triggers } = entries[position] as BundleEntry;
      primeLeafKeys(triggers, index.leafKeys?.[position]);
      return mayReport(tallyBound(triggers, outcome));
    })
    .sort((a, b) => a - b);
}
