/**
 * The cost proof of trigger regexes. They run with the platform's backtracking engine (V8's, in Node and
 * in the browser) on pastes of up to 512 KiB, so each one must be cheap on any paste, including one
 * written to stall it. Rather than trusting an analysis that treats `{0,300}` as a constant (it is not:
 * `a[^\n]{0,300}b` on a paste of `a`s takes 300 steps at each of 512 K positions), the proof bounds the
 * work of a backtracking search from above, counting every bounded repeat for what it costs:
 *
 * - for each part of the regex, T = the steps it takes to try every way of matching it from one
 *   position, and K = how many ways it can end (the continuations the engine tries after it);
 * - a character or class: T = 1, K = 1; a sequence a·b: T = T(a) + K(a)·T(b), K = K(a)·K(b);
 *   alternatives: T = Σ (1 + T(i)), K = Σ K(i); a repeat c{m,n}: K = Σ_{j=m..n} K(c)^j and
 *   T = Σ_{j=0..n-1} K(c)^j · (1 + T(c)) + K (one step to try each further round, one to leave);
 * - the engine tries each of the n + 1 start positions; a top-level alternative that begins with a
 *   literal whose smallest period (case folded) is p gets past it at most (n - L) / p + 1 times, so what
 *   follows the literal is paid for only there.
 *
 * A failing search tries every way, so this is the most a search can do; it is exact for the cases
 * that stall real engines. The dialect is what the bound covers: literals, escapes, classes, groups,
 * alternatives, anchors, \b and \B, and repeats with an upper bound of at most 1000. Lookaround and
 * backreferences are refused, and so are unbounded repeats (*, +, {n,}), whose cost grows with the paste.
 */
import { RegExpParser, type AST } from "@eslint-community/regexpp";
import { CharSet } from "./regex-char-set.js";

/** The paste length the proof is made for; match.ts cuts input to the same length (maxInputLength). */
export const costedPasteLength = 512 * 1024;

/**
 * The most steps a trigger regex may take on a paste of `costedPasteLength`. On this project's 2-core
 * machine V8 takes 0.9 to 1.2 ns per step as counted here, on the shapes whose worst paste meets their
 * bound (`a[^\n]{0,300}b` on `a`s: 0.90; `x{0,100}y` on `x`s: 1.21; engine/bench: "regex evaluation
 * cost"), so 5e7 steps is at most about 60 ms, with room for a machine twice as slow under 120 ms.
 */
export const regexStepLimit = 5e7;

/** The largest upper bound a repeat may have. */
export const maxRepeatBound = 1000;

/** Why a trigger regex is refused, and what the author can do about it. */
export interface RegexRisk {
  readonly message: string;
  readonly hint?: string | undefined;
}

interface Cost {
  /** Steps to try every way of matching from one position. */
  readonly t: number;
  /** Ways it can end: the continuations tried after it. */
  readonly k: number;
}

/** A repeat's upper bound replaced, to ask what the regex would cost with it shorter. */
type Bounds = ReadonlyMap<AST.Quantifier, number>;

// Infinity times zero is NaN; no steps times any number of ways is no steps.
const times = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : a * b);

/** Σ_{j=0..n-1} k^j (rounds tried) and Σ_{j=m..n} k^j (ways to leave) for a repeat {m,n} of a part with k ways. */
function repeatSums(k: number, m: number, n: number): { rounds: number; exits: number } {
  if (k <= 1) return { rounds: n, exits: n - m + 1 };
  // Closed forms, rounded up: a geometric series of a part with several ways overflows to Infinity fast.
  const up = 1 + 1e-9;
  return { rounds: ((k ** n - 1) / (k - 1)) * up, exits: ((k ** (n + 1) - k ** m) / (k - 1)) * up };
}

// Prefixes whose ways after the head are costed as a sequence of their own (quadratic in their length).
const refinedPrefixLength = 64;

/** What a regex costs, with some repeats' upper bounds replaced; each part is costed once. */
class Costing {
  readonly #costs = new Map<AST.Element, Cost>();

  constructor(
    readonly n: number,
    readonly bounds: Bounds = new Map(),
  ) {}

  upper(q: AST.Quantifier): number {
    return this.bounds.get(q) ?? q.max;
  }

  element(element: AST.Element): Cost {
    let cost = this.#costs.get(element);
    if (!cost) {
      cost = this.#elementUncached(element);
      this.#costs.set(element, cost);
    }
    return cost;
  }

  #elementUncached(element: AST.Element): Cost {
    switch (element.type) {
      case "Group":
      case "CapturingGroup":
        return this.alternatives(element.alternatives);
      case "Quantifier": {
        const body = this.element(element.element);
        const { rounds, exits } = repeatSums(body.k, element.min, this.upper(element));
        return { t: times(rounds, 1 + body.t) + exits, k: exits };
      }
      case "Backreference":
        throw new Error("backreferences are refused before costing");
      default:
        // A character, a class, an anchor or \b: one step, at most one way on.
        return { t: 1, k: 1 };
    }
  }

  sequence(elements: readonly AST.Element[]): Cost {
    return this.suffixes(elements)[0] ?? { t: 0, k: 1 };
  }

  /**
   * The cost of each suffix of a sequence, from the right: T(e·rest) = T(e) + K(e)·T(rest). A repeated
   * class C{m,n} (one character a round) ends its K ways at K neighbouring positions, which makes two
   * cases cheaper, and each bound holds on its own, so the smaller is taken:
   * - the rest must start with a character outside C: only the way where the run of C ends can get past
   *   the rest's first character; at every other, the next character is in C and the rest fails at once;
   * - the rest starts with a literal (or alternatives of literals): in a window of K positions, a literal
   *   of period p occurs at most (K - 1) / p + 1 times, and so does each of its prefixes, which bounds
   *   both the characters compared and the ways on.
   * And an optional part e? whose first characters the rest cannot start with: on any next character
   * one of the two ways (through e, or past it) fails at once.
   */
  suffixes(elements: readonly AST.Element[]): Cost[] {
    const out = new Array<Cost>(elements.length + 1);
    out[elements.length] = { t: 0, k: 1 };
    for (let j = elements.length - 1; j >= 0; j--) {
      const e = elements[j] as AST.Element;
      const c = this.element(e);
      const rest = out[j + 1] as Cost;
      let t = c.t + times(c.k, rest.t);
      let k = times(c.k, rest.k);
      if (e.type === "Quantifier" && isSingleCharacter(e.element)) {
        const start = firstCharacters(elements, j + 1);
        if (start && CharSet.of(e.element).disjoint(start.set)) {
          t = Math.min(t, c.t + times(c.k - 1, start.failSteps) + rest.t);
          k = Math.min(k, rest.k);
        }
        // \b after a repeat of word characters holds only where the run of them ends (and, with no
        // round at all, possibly where it starts).
        const next = elements[j + 1];
        if (next?.type === "Assertion" && next.kind === "word" && !next.negate && CharSet.of(e.element).within(CharSet.word)) {
          const through = e.min >= 1 ? 1 : 2;
          const after = out[j + 2] as Cost;
          t = Math.min(t, c.t + c.k + times(Math.min(through, c.k), after.t));
          k = Math.min(k, times(Math.min(through, c.k), after.k));
        }
        const window = this.#window(elements, j + 1, c.k, out);
        if (window) {
          t = Math.min(t, c.t + window.t);
          k = Math.min(k, window.k);
        }
      }
      if (e.type === "Quantifier" && e.min === 0 && e.max === 1) {
        const own = elementFirst(e.element);
        const start = own && !own.optional ? firstCharacters(elements, j + 1) : undefined;
        if (own && start && own.set.disjoint(start.set)) {
          // Either the part fails on the next character (and the rest is tried once), or the rest does.
          const body = this.element(e.element);
          t = Math.min(t, c.t + Math.max(times(body.k, rest.t) + start.failSteps, rest.t));
          k = Math.min(k, Math.max(times(body.k, rest.k), rest.k));
        }
      }
      out[j] = { t, k };
    }
    return out;
  }

  /** The cost of elements[from..] tried at each of `width` neighbouring positions, when they start with literals. */
  #window(elements: readonly AST.Element[], from: number, width: number, suffixes: readonly Cost[]): Cost | undefined {
    const head = elements[from];
    if (head?.type === "Character") {
      let end = from;
      const chars: number[] = [];
      while (elements[end]?.type === "Character") chars.push((elements[end++] as AST.Character).value);
      const literal = literalInWindow(chars, width);
      const rest = suffixes[end] as Cost;
      return { t: literal.compared + times(literal.matches, rest.t), k: times(literal.matches, rest.k) };
    }
    if (head?.type === "Group" || head?.type === "CapturingGroup") {
      const literals = pureLiterals(head.alternatives);
      if (!literals) return undefined;
      let compared = 0;
      let matches = 0;
      for (const chars of literals) {
        const literal = literalInWindow(chars, width);
        compared += width + literal.compared;
        matches += literal.matches;
      }
      const rest = suffixes[from + 1] as Cost;
      return { t: compared + times(matches, rest.t), k: times(matches, rest.k) };
    }
    return undefined;
  }

  /**
   * Alternatives: T = Σ (1 + T(i)), K = Σ K(i), except that only the alternatives that can start with
   * the next character get past their first steps: T and K are at most what the alternatives of one
   * character take, plus the first steps of all; and of alternatives that are all literals, only a
   * chain of prefixes of one another can match together.
   */
  alternatives(alternatives: readonly AST.Alternative[]): Cost {
    let t = 0;
    let k = 0;
    const costs: Cost[] = [];
    for (const alternative of alternatives) {
      const c = this.sequence(alternative.elements);
      t += 1 + c.t;
      k += c.k;
      costs.push(c);
    }
    const literals = pureLiterals(alternatives);
    if (literals) k = Math.min(k, longestPrefixChain(literals));
    const firsts = alternatives.map((a) => firstCharacters(a.elements, 0));
    if (firsts.every((f) => f !== undefined)) {
      // The alternatives that cannot start with the next character fail in their first steps.
      const failing = firsts.reduce((sum, f) => sum + 1 + f.failSteps, 0);
      let mostWays = 0;
      let mostSteps = 0;
      for (const member of CharSet.members) {
        let ways = 0;
        let steps = 0;
        firsts.forEach((f, i) => {
          if (!f.set.has(member)) return;
          ways += costs[i]?.k ?? 0;
          steps += (costs[i]?.t ?? 0) - f.failSteps;
        });
        mostWays = Math.max(mostWays, ways);
        mostSteps = Math.max(mostSteps, steps);
      }
      k = Math.min(k, mostWays);
      t = Math.min(t, failing + mostSteps);
    }
    return { t, k };
  }

  /**
   * For each prefix of a sequence (0 to all elements): its steps from one position, and an upper bound
   * of Σ over every start position of the ways it can end. That is n + 1 positions times its ways in
   * general; fewer when it starts with ^ or $ (one position), a literal (its occurrences), or a group or
   * repeat of those: then the head's exits times the ways of what follows it (costed as a sequence).
   */
  prefixes(elements: readonly AST.Element[]): Array<{ t: number; exits: number }> {
    const out = [{ t: 0, exits: this.n + 1 }];
    let t = 0;
    let k = 1;
    let leadingZeroWidth = true;
    let inHeadRun = false;
    let head: { end: number; exits: number } | undefined;
    const run = new LiteralRun();
    for (const [i, element] of elements.entries()) {
      const c = this.element(element);
      t += times(k, c.t);
      k = times(k, c.k);
      let exits = times((out[i] as { exits: number }).exits, c.k);
      if (leadingZeroWidth) exits = Math.min(exits, this.exits(element));
      if (element.type === "Character" && (leadingZeroWidth || inHeadRun)) {
        exits = Math.min(exits, run.push(element.value, this.n));
        inHeadRun = true;
      } else inHeadRun = false;
      if (leadingZeroWidth && !(element.type === "Assertion" && element.kind === "word")) head = { end: i + 1, exits };
      else if (inHeadRun && head) head = { end: i + 1, exits };
      else if (head && i - head.end < refinedPrefixLength) exits = Math.min(exits, times(head.exits, this.sequence(elements.slice(head.end, i + 1)).k));
      leadingZeroWidth &&= element.type === "Assertion";
      out.push({ t, exits });
    }
    return out;
  }

  /** Σ over every start position of the ways one element can end there. */
  exits(element: AST.Element): number {
    const everywhere = times(this.n + 1, this.element(element).k);
    switch (element.type) {
      case "Assertion":
        // Without the m flag, ^ holds only at the start and $ only at the end.
        return element.kind === "start" || element.kind === "end" ? 1 : everywhere;
      case "Character":
        return new LiteralRun().push(element.value, this.n);
      case "Group":
      case "CapturingGroup":
        return Math.min(everywhere, element.alternatives.reduce((sum, a) => sum + (this.prefixes(a.elements).at(-1)?.exits ?? everywhere), 0));
      case "Quantifier": {
        if (element.min === 0) return everywhere;
        // The first round starts where the body can; the others are any of the ways of {m-1,n-1} rounds.
        const rest = repeatSums(this.element(element.element).k, element.min - 1, this.upper(element) - 1).exits;
        return Math.min(everywhere, times(this.exits(element.element), rest));
      }
      default:
        return everywhere;
    }
  }

  /** The cheapest split of a top-level alternative into a prefix tried everywhere and a rest tried where the prefix ends. */
  split(elements: readonly AST.Element[]): Split {
    const suffix = this.suffixes(elements).map((c) => c.t);
    let best: Split = { steps: Infinity, prefix: 0 };
    for (const [j, p] of this.prefixes(elements).entries()) {
      const steps = times(this.n + 1, p.t) + times(p.exits, suffix[j] ?? 0);
      if (steps < best.steps) best = { steps, prefix: j };
    }
    const head = this.#literalHead(elements);
    if (head) {
      const steps = head.steps + times(head.exits, suffix[head.end] ?? 0);
      if (steps < best.steps) best = { steps, prefix: head.end };
    }
    return best;
  }

  /**
   * A sequence that starts (after any \b or \B) with a literal or alternatives of literals: its steps
   * summed over every start position are not n + 1 times its length. The i+1-th character is compared
   * only where the first i matched, which is at most at their occurrences: the text is one window.
   */
  #literalHead(elements: readonly AST.Element[]): { steps: number; exits: number; end: number } | undefined {
    const positions = this.n + 1;
    let start = 0;
    while (elements[start]?.type === "Assertion" && (elements[start] as AST.Assertion).kind === "word") start++;
    const first = elements[start];
    const assertions = start * positions;
    if (first?.type === "Character") {
      let end = start;
      const chars: number[] = [];
      while (elements[end]?.type === "Character") chars.push((elements[end++] as AST.Character).value);
      const literal = literalInWindow(chars, positions);
      return { steps: assertions + literal.compared, exits: literal.matches, end };
    }
    if (first?.type === "Group" || first?.type === "CapturingGroup") {
      const literals = pureLiterals(first.alternatives);
      if (!literals) return undefined;
      let steps = assertions;
      let exits = 0;
      for (const chars of literals) {
        const literal = literalInWindow(chars, positions);
        steps += positions + literal.compared;
        exits += literal.matches;
      }
      return { steps, exits, end: start + 1 };
    }
    return undefined;
  }

  pattern(pattern: AST.Pattern): number {
    // One step per position and alternative to try it, then the alternative's own steps.
    return pattern.alternatives.reduce((sum, a) => sum + (this.n + 1) + this.split(a.elements).steps, 0);
  }
}

type SingleCharacter = AST.Character | AST.CharacterClass | AST.CharacterSet | AST.ExpressionCharacterClass;

function isSingleCharacter(e: AST.Element): e is SingleCharacter {
  return e.type === "Character" || e.type === "CharacterClass" || e.type === "CharacterSet" || e.type === "ExpressionCharacterClass";
}

/** What a sequence that must consume a character starts with: the characters it can start with, and the most steps it takes to fail on any other. */
interface FirstCharacters {
  readonly set: CharSet;
  readonly failSteps: number;
}

/**
 * The first characters of elements[from..], when every way through them consumes one; undefined when a
 * way can consume nothing (the rest of the enclosing pattern would decide) or a part is not covered.
 */
function firstCharacters(elements: readonly AST.Element[], from: number): FirstCharacters | undefined {
  let set = CharSet.empty;
  let failSteps = 0;
  for (let j = from; j < elements.length; j++) {
    const e = elements[j] as AST.Element;
    if (e.type === "Assertion") {
      if (e.kind !== "start" && e.kind !== "end" && e.kind !== "word") return undefined;
      failSteps += 1;
      continue;
    }
    const first = elementFirst(e);
    if (!first) return undefined;
    set = set.union(first.set);
    failSteps += first.failSteps;
    if (!first.optional) return { set, failSteps };
    // An optional part fails on the character and leaves by its one empty way: one step more.
    failSteps += 1;
  }
  return undefined;
}

function elementFirst(e: AST.Element): (FirstCharacters & { optional: boolean }) | undefined {
  if (isSingleCharacter(e)) return { set: CharSet.of(e), failSteps: 1, optional: false };
  if (e.type === "Group" || e.type === "CapturingGroup") {
    let set = CharSet.empty;
    let failSteps = 0;
    for (const alternative of e.alternatives) {
      const first = firstCharacters(alternative.elements, 0);
      if (!first) return undefined;
      set = set.union(first.set);
      failSteps += 1 + first.failSteps;
    }
    return { set, failSteps, optional: false };
  }
  if (e.type === "Quantifier") {
    const body = elementFirst(e.element);
    if (!body || body.optional || e.max === 0) return undefined;
    return { set: body.set, failSteps: 1 + body.failSteps, optional: e.min === 0 };
  }
  return undefined;
}

/** The alternatives as folded character codes, when every one is a plain literal. */
function pureLiterals(alternatives: readonly AST.Alternative[]): number[][] | undefined {
  const out: number[][] = [];
  for (const a of alternatives) {
    if (a.elements.length === 0 || !a.elements.every((e) => e.type === "Character")) return undefined;
    out.push(a.elements.map((e) => (e as AST.Character).value));
  }
  return out;
}

/** The most literals that can match at one position: each must be a prefix of the next (case folded). */
function longestPrefixChain(literals: readonly number[][]): number {
  const sorted = [...literals].map((l) => l.map(fold)).sort((a, b) => a.length - b.length);
  const chain = sorted.map(() => 1);
  for (const [i, longer] of sorted.entries()) {
    for (const [j, shorter] of sorted.slice(0, i).entries()) {
      if (shorter.every((c, n) => longer[n] === c)) chain[i] = Math.max(chain[i] ?? 1, (chain[j] ?? 1) + 1);
    }
  }
  return Math.max(1, ...chain);
}

/**
 * A literal tried at each of `width` neighbouring positions: the characters compared (the first at
 * every position, the i+1-th only where the first i matched) and the positions where it matches whole.
 */
function literalInWindow(chars: readonly number[], width: number): { compared: number; matches: number } {
  const run = new LiteralRun();
  let compared = width;
  let matches = width;
  for (const [i, c] of chars.entries()) {
    // Occurrences of the first i+1 characters starting in the window: a text of width - 1 + (i + 1) characters.
    matches = Math.min(width, run.push(c, width + i));
    if (i < chars.length - 1) compared += matches;
  }
  return { compared, matches };
}

// Case folding for periods: V8 without the u flag never folds an ASCII character to a non-ASCII one, so
// ASCII letters fold to lower case and every non-ASCII character is taken as equal to every other one
// (coarser than the engine, which can only shorten periods and so raise the bound).
function fold(value: number): number {
  if (value >= 0x80) return -1;
  return value >= 0x41 && value <= 0x5a ? value + 0x20 : value;
}

/**
 * A literal read one character at a time, with how many positions of a text of length n it can match
 * at: two occurrences are at least its smallest period apart (kept by KMP's failure function).
 */
class LiteralRun {
  readonly #chars: number[] = [];
  readonly #fail: number[] = [-1];

  get length(): number {
    return this.#chars.length;
  }

  push(value: number, n: number): number {
    const c = fold(value);
    this.#chars.push(c);
    let j = this.#fail[this.#chars.length - 1] ?? -1;
    while (j >= 0 && this.#chars[j] !== c) j = this.#fail[j] ?? -1;
    this.#fail.push(j + 1);
    const length = this.#chars.length;
    if (n < length) return 0;
    return Math.floor((n - length) / (length - (this.#fail[length] ?? 0))) + 1;
  }

  clear(): void {
    this.#chars.length = 0;
    this.#fail.length = 1;
  }
}

/** The split of a top-level alternative into a prefix tried everywhere and a rest tried where the prefix ends. */
interface Split {
  readonly steps: number;
  /** How many elements the prefix has (0: the whole alternative is tried at every position). */
  readonly prefix: number;
}

function patternSteps(pattern: AST.Pattern, n: number, bounds: Bounds): number {
  return new Costing(n, bounds).pattern(pattern);
}

const parser = new RegExpParser({ ecmaVersion: 2025 });

/** A regex the proof covers, parsed. */
export interface CostedRegex {
  readonly source: string;
  readonly pattern: AST.Pattern;
}

/** Parses a trigger regex and checks that it is in the dialect the proof covers; a risk when it is not. */
export function parseTriggerRegex(source: string): CostedRegex | RegexRisk {
  try {
    new RegExp(source, "i");
  } catch (error) {
    return { message: `invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "")}` };
  }
  let pattern: AST.Pattern;
  try {
    pattern = parser.parsePattern(source, 0, source.length, { unicode: false, unicodeSets: false });
  } catch (error) {
    return { message: `regular expression /${source}/ cannot be analysed: ${(error as Error).message}` };
  }
  const refusal = refuseOutsideDialect(source, pattern);
  return refusal ?? { source, pattern };
}

function* walk(node: AST.Node): Generator<AST.Node> {
  yield node;
  if ("alternatives" in node) for (const a of node.alternatives) yield* walk(a);
  if ("elements" in node && node.type === "Alternative") for (const e of node.elements) yield* walk(e);
  if (node.type === "Quantifier") yield* walk(node.element);
}

const quantifiersOf = (pattern: AST.Pattern): AST.Quantifier[] => [...walk(pattern)].filter((n): n is AST.Quantifier => n.type === "Quantifier");

function refuseOutsideDialect(source: string, pattern: AST.Pattern): RegexRisk | undefined {
  const regex = `regular expression /${source}/`;
  for (const node of walk(pattern)) {
    if (node.type === "Backreference") {
      return { message: `${regex} uses a backreference (${node.raw}), which needs backtracking whose cost no proof bounds`, hint: "match the text without it, e.g. two containsPhrase conditions in an all" };
    }
    if (node.type === "Assertion" && (node.kind === "lookahead" || node.kind === "lookbehind")) {
      const what = node.kind === "lookahead" ? `a lookahead (${node.raw})` : `a lookbehind (${node.raw})`;
      const hint = node.negate ? 'put what must not be there in a "not" condition of its own' : "match the text itself, or give it a condition of its own in an all";
      return { message: `${regex} uses ${what}, which the cost proof does not cover`, hint };
    }
    if (node.type === "Group" && node.modifiers) {
      return { message: `${regex} changes flags inside the pattern (${node.raw.slice(0, node.raw.indexOf(":") + 1)}…), which the matcher does not support`, hint: "triggers always match case-insensitively; remove the modifier" };
    }
  }
  const quantifiers = quantifiersOf(pattern);
  const unbounded = quantifiers.filter((q) => q.max === Infinity);
  if (unbounded.length > 0) {
    const limit = boundThatFits(pattern, unbounded);
    const rewrites = unbounded.map((q) => `${q.element.raw}{${q.min},${Math.max(q.min, limit ?? 20)}}${q.greedy ? "" : "?"} instead of ${q.raw}`);
    const still = limit === undefined ? "; even so it would be over the limit: split it into an all of shorter conditions" : "";
    return {
      message: `${regex} repeats ${unbounded.map((q) => `"${q.raw}"`).join(", ")} without an upper bound, so a long paste can make it take time that grows faster than the paste`,
      hint: `give every repeat an upper bound: write ${rewrites.join(", ")}${still}`,
    };
  }
  const huge = quantifiers.find((q) => q.max > maxRepeatBound);
  if (huge) {
    return { message: `${regex} repeats "${huge.raw}" up to ${huge.max} times; a repeat may have at most ${maxRepeatBound}`, hint: "lower its bound, or match the phrases on either side with two containsPhrase conditions in an all" };
  }
  return undefined;
}

/** The largest of a few round bounds that, given to every unbounded repeat, keeps the regex within the limit. */
function boundThatFits(pattern: AST.Pattern, unbounded: readonly AST.Quantifier[]): number | undefined {
  return [200, 100, 80, 40, 20, 10, 5].find((limit) => {
    const bounds = new Map(unbounded.map((q) => [q, Math.max(q.min, limit)] as const));
    return patternSteps(pattern, costedPasteLength, bounds) <= regexStepLimit;
  });
}

/** An upper bound of the steps a backtracking engine takes to search a text of length n with the regex. */
export function regexStepBound(regex: CostedRegex, n: number = costedPasteLength): number {
  return patternSteps(regex.pattern, n, new Map());
}

/** "1.3e8", "5e7", "900". */
export function formatSteps(steps: number): string {
  if (!Number.isFinite(steps) || steps > 1e300) return "more than 1e300";
  if (steps < 1e4) return String(Math.ceil(steps));
  // Rounded up, so a regex just over the limit never reads as at it.
  const exponent = Math.floor(Math.log10(steps));
  const mantissa = Math.ceil(steps / 10 ** (exponent - 1)) / 10;
  return mantissa >= 10 ? `1e${exponent + 1}` : `${mantissa}e${exponent}`.replace(/\.0e/, "e");
}

/** Proves that a trigger regex stays within the step limit on any paste; a risk naming what costs, or undefined. */
export function proveRegexCost(source: string): RegexRisk | undefined {
  let verdict = verdicts.get(source);
  if (verdict === undefined) {
    verdict = judge(source) ?? null;
    verdicts.set(source, verdict);
  }
  return verdict ?? undefined;
}

// Knowledge bases repeat regexes (`^arn:aws` in several entries); each is judged once per process.
const verdicts = new Map<string, RegexRisk | null>();

function judge(source: string): RegexRisk | undefined {
  const parsed = parseTriggerRegex(source);
  if (!("pattern" in parsed)) return parsed;
  const steps = regexStepBound(parsed);
  if (steps <= regexStepLimit) return undefined;
  return describeCost(parsed, steps);
}

// A hostile regex can hold thousands of repeats; the search for the one that costs most looks at this many.
const culpritCandidates = 200;

function describeCost(regex: CostedRegex, steps: number): RegexRisk {
  const n = costedPasteLength;
  const head = `regular expression /${regex.source}/ can take up to ${formatSteps(steps)} steps on a 512 KiB paste (limit ${formatSteps(regexStepLimit)})`;
  // An optional part (?) has nothing to shorten; the repeats that can are the candidates.
  const quantifiers = quantifiersOf(regex.pattern).filter((q) => q.max > 1).slice(0, culpritCandidates);
  // The repeat whose removal (down to its lower bound) saves the most steps is the part that costs.
  let culprit: AST.Quantifier | undefined;
  let cheapest = steps;
  for (const q of quantifiers) {
    const without = patternSteps(regex.pattern, n, new Map([[q, q.min]]));
    if (without < cheapest) [culprit, cheapest] = [q, without];
  }
  if (!culprit) {
    return { message: `${head}: its alternatives and optional parts multiply the ways tried at every position`, hint: "make fewer parts optional, or split it into several conditions in an any" };
  }
  const fit = cheapest <= regexStepLimit ? largestFittingBound(regex.pattern, culprit) : undefined;
  const body = new Costing(n).element(culprit.element);
  const where = whereTried(regex.pattern, culprit);
  if (body.k > 1) {
    return {
      message: `${head}: the repeat ${culprit.raw} repeats a part that can match in ${formatSteps(body.k)} ways, and every combination of them is tried ${where}`,
      hint: `repeat a part that matches in one way only, such as a single character class${fit !== undefined ? `, or lower its bound to {${culprit.min},${fit}}` : ""}`,
    };
  }
  const after = literalBefore(culprit);
  const gap = culprit.min === 0 && after !== undefined && literalAfter(culprit) !== undefined;
  const part = `the ${gap ? "gap" : "repeat"} ${culprit.raw}${after !== undefined ? ` after "${after}"` : ""}`;
  const split = gap ? ", or split the phrases into an all of two containsPhrase conditions" : "";
  const hint =
    fit !== undefined ? `shorten it (e.g. {${culprit.min},${fit}})${split}`
    : `lowering it alone is not enough: lower the bounds of the repeats (each one multiplies the cost of what follows it)${split || ", or split the regex into an all of shorter conditions"}`;
  return { message: `${head}: ${part} is tried ${where}`, hint };
}

/** The largest upper bound of one repeat that brings the regex within the limit (a round figure when one fits). */
function largestFittingBound(pattern: AST.Pattern, q: AST.Quantifier): number | undefined {
  const fits = (max: number) => patternSteps(pattern, costedPasteLength, new Map([[q, max]])) <= regexStepLimit;
  let [lo, hi] = [q.min, q.max - 1];
  if (!fits(lo)) return undefined;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  // 83 reads as arbitrary; 80 says "about this much".
  const round = lo >= 20 ? lo - (lo % 10) : lo;
  return Math.max(q.min, round);
}

/** "at every occurrence of "insufficient_scope"" or "at every position of the paste". */
function whereTried(pattern: AST.Pattern, q: AST.Quantifier): string {
  const top = pattern.alternatives.find((a) => a.start <= q.start && q.end <= a.end);
  if (!top) return "at every position of the paste";
  const split = new Costing(costedPasteLength).split(top.elements);
  // A prefix that ends inside a literal reads as the whole literal.
  let end = split.prefix;
  while (end > 0 && top.elements[end - 1]?.type === "Character" && top.elements[end]?.type === "Character") end++;
  const prefix = top.elements.slice(0, end);
  const last = prefix[prefix.length - 1];
  if (split.prefix === 0 || !last || q.start < last.end) return "at every position of the paste";
  return `at every occurrence of "${top.raw.slice(0, last.end - top.start).slice(0, 60)}"`;
}

function siblings(q: AST.Quantifier): readonly AST.Element[] | undefined {
  return q.parent.type === "Alternative" ? q.parent.elements : undefined;
}

/** The literal text right before a repeat in its sequence, if any. */
function literalBefore(q: AST.Quantifier): string | undefined {
  const elements = siblings(q);
  if (!elements) return undefined;
  let i = elements.indexOf(q) - 1;
  const chars: string[] = [];
  while (i >= 0 && elements[i]?.type === "Character") chars.unshift((elements[i--] as AST.Character).raw);
  return chars.length > 0 ? chars.join("") : undefined;
}

/** The literal text right after a repeat in its sequence, if any. */
function literalAfter(q: AST.Quantifier): string | undefined {
  const elements = siblings(q);
  const next = elements?.[elements.indexOf(q) + 1];
  return next?.type === "Character" || next?.type === "Group" || next?.type === "CapturingGroup" ? next.raw : undefined;
}
