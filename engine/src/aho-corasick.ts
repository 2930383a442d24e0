/**
 * Aho-Corasick over folded text: finds which of many literals occur in one pass, in time linear in
 * the text. Folding matches `containsPhrase`: case is ignored (for ASCII) and any run of whitespace,
 * including escaped \n, \r and \t, reads as one space.
 *
 * Written here rather than taken from npm because the packages measured on this machine scanned at
 * 0.01-3 MB/s, far below what `scan` needs; this one keeps the root's transitions in a dense table,
 * which is where a scan over text that matches nothing spends its time.
 */

const SPACE = 32;

/**
 * Folds a literal the way the scanner folds text: lower case, single spaces, no edge spaces. Escapes
 * are read in either case, as containsPhrase's case-insensitive regex reads them; folding twice
 * changes nothing.
 */
export function foldLiteral(literal: string): string {
  return literal.replace(/(?:\s|\\[nrt])+/gi, " ").trim().toLowerCase();
}

/** Whether a code unit after a backslash makes an escaped \n, \r or \t (either case). */
export function escapesSpace(code: number): boolean {
  return code === 110 || code === 114 || code === 116 || code === 78 || code === 82 || code === 84;
}

/** Folds one UTF-16 code unit the way the scanner folds text: lower case, any whitespace to a space. */
export function foldCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 32 || code === 0xa0) return SPACE;
  if (code < 128) return code;
  // The same set JavaScript's \s matches beyond ASCII, so folding agrees with containsPhrase.
  if (code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff) return SPACE;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** Set in what `foldedAt` returns when the character was a backslash escape, two code units long. */
const ESCAPED = 1 << 16;
/** Set in what `foldedAt` returns for a space after a space: a run of them reads as one. */
const REPEATED = 1 << 17;

/**
 * The folded code unit at `i` of text read up to `to`, with ESCAPED set for an escaped \n, \r or \t
 * and REPEATED for a space after a space: the one reading of folded text that the trie's scan and
 * `foldText` share (a callback would cost the scan a fifth of its speed).
 */
function foldedAt(text: string, i: number, to: number, afterSpace: boolean): number {
  const raw = text.charCodeAt(i);
  const escaped = raw === 92 && i + 1 < to && escapesSpace(text.charCodeAt(i + 1));
  const code = escaped ? SPACE : foldCode(raw);
  return code | (escaped ? ESCAPED : 0) | (code === SPACE && afterSpace ? REPEATED : 0);
}

/** A literal set's complete transition function; see `LiteralMatcher.automaton`. */
export interface Automaton {
  readonly states: number;
  /** Characters that occur in some literal, plus column 0 for every other character. */
  readonly columns: number;
  /** Column of each folded UTF-16 code unit; 0 for characters in no literal. */
  readonly columnOf: Uint16Array;
  /** next[state * columns + column]: the state after reading that character. */
  readonly next: Int32Array;
  /** 1 where a literal ends at the state (itself or along its failure chain). */
  readonly accepting: Uint8Array;
  /** 1 where the state is entered by a space. */
  readonly enteredBySpace: Uint8Array;
}

/**
 * A compiled set of literals; literals equal after folding report the first one's index.
 *
 * The trie is numbered breadth-first with each state's children in increasing code order, so a state's
 * children are the contiguous ids first[s] .. first[s + 1] - 1 and the edge into state c is labelled
 * code[c]: no per-state Map and no edge-target array, about 18 bytes a state.
 */
export class LiteralMatcher {
  readonly literals: readonly string[];
  private readonly rootNext = new Int32Array(128).fill(-1);
  /** Id of each state's first child; first[s + 1] ends the run, so the array has states + 1 entries. */
  private readonly first: Int32Array;
  /** The code unit on the edge into each state (unused for the root). */
  private readonly code: Uint16Array;
  private readonly fail: Int32Array;
  /** The literal that ends at each state, or -1. */
  private readonly output: Int32Array;
  /** The nearest state along the failure chain that has an output, or -1. */
  private readonly dictLink: Int32Array;

  constructor(literals: readonly string[]) {
    this.literals = literals;
    const firstIndex = new Map<string, number>();
    literals.forEach((literal, index) => {
      const folded = foldLiteral(literal);
      if (folded.length > 0 && !firstIndex.has(folded)) firstIndex.set(folded, index);
    });
    // The default sort compares UTF-16 code units, the order children must be numbered in.
    const words = [...firstIndex.keys()].sort();
    let capacity = 1;
    for (const word of words) capacity += word.length;
    const code = new Uint16Array(capacity);
    const output = new Int32Array(capacity).fill(-1);
    const childCount = new Int32Array(capacity);
    // Sorted words sharing a prefix are adjacent, so a word reuses its predecessor's state at every
    // depth up to their common prefix and opens a new state past it. Going depth by depth over the
    // words still that long then creates the states in breadth-first order, children by code.
    const shared = new Int32Array(words.length);
    for (let i = 1; i < words.length; i++) shared[i] = commonPrefix(words[i - 1] as string, words[i] as string);
    const at = new Int32Array(words.length); // each word's state at the current depth
    let active = Int32Array.from(words.keys());
    let states = 1;
    for (let depth = 1; active.length > 0; depth++) {
      let kept = 0;
      for (const i of active) {
        const word = words[i] as string;
        if ((shared[i] as number) >= depth) {
          at[i] = at[i - 1] as number;
        } else {
          const parent = at[i] as number;
          childCount[parent] = (childCount[parent] as number) + 1;
          code[states] = word.charCodeAt(depth - 1);
          at[i] = states++;
        }
        if (word.length === depth) output[at[i] as number] = firstIndex.get(word) as number;
        else active[kept++] = i;
      }
      active = active.subarray(0, kept);
    }
    this.first = new Int32Array(states + 1);
    this.first[0] = 1;
    for (let s = 0; s < states; s++) this.first[s + 1] = (this.first[s] as number) + (childCount[s] as number);
    // Views, not copies: a copy would hold both at once, megabytes at 10,000 entries.
    this.code = code.subarray(0, states);
    this.output = output.subarray(0, states);
    this.fail = new Int32Array(states);
    this.dictLink = new Int32Array(states).fill(-1);
    this.link();
  }

  private link(): void {
    const { first, code, fail, output, dictLink } = this;
    for (let child = first[0] as number; child < (first[1] as number); child++) {
      if ((code[child] as number) < 128) this.rootNext[code[child] as number] = child;
    }
    // Breadth-first numbering means every state's failure target is set before its children need it.
    for (let state = 1; state < code.length; state++) {
      for (let child = first[state] as number; child < (first[state + 1] as number); child++) {
        const f = Math.max(0, this.step(fail[state] as number, code[child] as number));
        fail[child] = f;
        dictLink[child] = (output[f] as number) >= 0 ? f : (dictLink[f] as number);
      }
    }
  }

  /** The child of `state` along `code`, or -1. */
  private child(state: number, code: number): number {
    const codes = this.code;
    let lo = this.first[state] as number;
    let hi = this.first[state + 1] as number;
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (codes[lo] === code) return lo;
      return -1;
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = codes[mid] as number;
      if (c < code) lo = mid + 1;
      else if (c > code) hi = mid;
      else return mid;
    }
    return -1;
  }

  private step(state: number, code: number): number {
    let s = state;
    for (;;) {
      if (s === 0) return code < 128 ? (this.rootNext[code] as number) : this.child(0, code);
      const target = this.child(s, code);
      if (target >= 0) return target;
      s = this.fail[s] as number;
    }
  }

  /**
   * Runs the automaton over text[from, to), calling `onHit(literalIndex, endOffset)` for every literal
   * occurrence; stops early when `onHit` returns true.
   */
  scan(text: string, onHit: (literal: number, end: number) => boolean | void, from = 0, to = text.length): void {
    let state = 0;
    let afterSpace = true;
    for (let i = from; i < to; i++) {
      const read = foldedAt(text, i, to, afterSpace);
      if (read & ESCAPED) i++;
      if (read & REPEATED) continue;
      afterSpace = (read & 0xffff) === SPACE;
      const target = this.step(state, read & 0xffff);
      state = target < 0 ? 0 : target;
      if (state === 0) continue;
      for (let s = (this.output[state] as number) >= 0 ? state : (this.dictLink[state] as number); s > 0; s = this.dictLink[s] as number) {
        if (onHit(this.output[s] as number, i + 1) === true) return;
      }
    }
  }

  /**
   * The complete transition function over the characters that occur in a literal, for scanners that
   * need one table read a character. Undefined when states x columns would pass `maxCells`.
   */
  automaton(maxCells = 64 * 1024 * 1024): Automaton | undefined {
    const { first, code, fail } = this;
    const states = code.length;
    const columnOf = new Uint16Array(0x10000);
    let columns = 1;
    for (let state = 1; state < states; state++) if (columnOf[code[state] as number] === 0) columnOf[code[state] as number] = columns++;
    if (states * columns > maxCells) return undefined;
    const next = new Int32Array(states * columns);
    // States are numbered breadth-first, so a state's failure target's row is complete before its own.
    for (let state = 0; state < states; state++) {
      const f = fail[state] as number;
      if (state !== 0) next.copyWithin(state * columns, f * columns, f * columns + columns);
      for (let child = first[state] as number; child < (first[state + 1] as number); child++) next[state * columns + (columnOf[code[child] as number] as number)] = child;
    }
    const accepting = new Uint8Array(states);
    for (let state = 0; state < states; state++) accepting[state] = (this.output[state] as number) >= 0 || (this.dictLink[state] as number) >= 0 ? 1 : 0;
    const enteredBySpace = new Uint8Array(states);
    for (let state = 1; state < states; state++) enteredBySpace[state] = code[state] === SPACE ? 1 : 0;
    return { states, columns, columnOf, next, accepting, enteredBySpace };
  }

  /**
   * A dense automaton for long texts: every state's transition for every character that occurs in a
   * literal, so the inner loop is one table read. Undefined when the table would pass `maxCells`.
   */
  dense(maxCells = 64 * 1024 * 1024): DenseLiteralMatcher | undefined {
    const automaton = this.automaton(maxCells);
    return automaton && new DenseLiteralMatcher(this.literals, automaton, this.output, this.dictLink);
  }

  /** Indices of the literals that occur in the text. */
  findAll(text: string): Set<number> {
    return literalsIn(this, text);
  }

  /** Whether any literal occurs in text[from, to). */
  test(text: string, from = 0, to = text.length): boolean {
    let hit = false;
    this.scan(text, () => (hit = true), from, to);
    return hit;
  }
}

/** The dense form of a LiteralMatcher; see `LiteralMatcher.dense`. */
export class DenseLiteralMatcher {
  /** Column of each UTF-16 code unit after folding; whitespace maps to `spaceColumn`. */
  private readonly columnOf = new Uint16Array(0x10000);
  private readonly spaceColumn: number;
  /**
   * table[state * columns + column] = next state * columns, negated minus one when that state ends a
   * literal: the inner loop then needs no multiply and no second lookup to know there is a hit.
   */
  private readonly jump: Int32Array;
  private readonly columns: number;

  constructor(
    readonly literals: readonly string[],
    { columns, columnOf: alphabet, next: table, accepting, enteredBySpace }: Automaton,
    private readonly output: ArrayLike<number>,
    private readonly dictLink: ArrayLike<number>,
  ) {
    this.columns = columns;
    for (let code = 0; code < 0x10000; code++) this.columnOf[code] = alphabet[foldCode(code)] as number;
    this.spaceColumn = alphabet[SPACE] as number;
    this.jump = new Int32Array(table.length);
    for (let i = 0; i < table.length; i++) {
      const next = table[i] as number;
      this.jump[i] = accepting[next] === 1 ? -(next * columns) - 1 : next * columns;
    }
    // Folded text has single spaces: a space after a space stays put and reports nothing again. As a
    // self-loop in the table, the inner loop needs no whitespace branch at all.
    if (this.spaceColumn !== 0) {
      for (let state = 0; state < enteredBySpace.length; state++) if (enteredBySpace[state] === 1) this.jump[state * columns + this.spaceColumn] = state * columns;
    }
  }

  /** Indices of the literals that occur in the text. */
  findAll(text: string): Set<number> {
    return literalsIn(this, text);
  }

  /** Same contract as `LiteralMatcher.scan`. */
  scan(text: string, onHit: (literal: number, end: number) => boolean | void, from = 0, to = text.length): void {
    const { jump, columnOf, columns } = this;
    let at = 0; // state * columns
    for (let i = from; i < to; i++) {
      let raw = text.charCodeAt(i);
      // An escaped \n, \r or \t (backslash and letter) reads as one space, as in containsPhrase.
      if (raw === 92 && isEscapedSpace(text, i, to)) {
        raw = SPACE;
        i++;
      }
      const next = jump[at + (columnOf[raw] as number)] as number;
      if (next >= 0) {
        at = next;
        continue;
      }
      at = -next - 1;
      const state = at / columns;
      for (let s = (this.output[state] as number) >= 0 ? state : (this.dictLink[state] as number); s > 0; s = this.dictLink[s] as number) {
        if (onHit(this.output[s] as number, i + 1) === true) return;
      }
    }
  }
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}

/** Runs a matcher over the whole text and collects which literals occur. */
function literalsIn(matcher: Pick<LiteralMatcher, "scan">, text: string): Set<number> {
  const found = new Set<number>();
  matcher.scan(text, (literal) => {
    found.add(literal);
  });
  return found;
}

function isEscapedSpace(text: string, i: number, to: number): boolean {
  if (i + 1 >= to) return false;
  const after = text.charCodeAt(i + 1);
  return escapesSpace(after);
}

/**
 * Folds text the way `LiteralMatcher.scan` reads it: a literal's fold occurs in the result exactly
 * where the scan would report the literal.
 */
export function foldText(text: string, from = 0, to = text.length): string {
  const codes = new Uint16Array(Math.max(0, to - from));
  let length = 0;
  let afterSpace = true;
  for (let i = from; i < to; i++) {
    const read = foldedAt(text, i, to, afterSpace);
    if (read & ESCAPED) i++;
    if (read & REPEATED) continue;
    codes[length++] = read & 0xffff;
    afterSpace = (read & 0xffff) === SPACE;
  }
  return utf16.decode(codes.subarray(0, length));
}

const utf16 = new TextDecoder("utf-16le");
const tripleSlots = 1 << 18;
const tripleOf = (a: number, b: number, c: number): number => ((a * 7919) ^ (b * 131) ^ c) & (tripleSlots - 1);

/**
 * A literal set for short texts, with nothing to build: a literal is looked for in the folded text
 * with indexOf once every run of three characters in it is seen in the text (a hashed set, so a few
 * literals are looked for in vain). Building the trie of the real knowledge base's 1,600 literals
 * took about 25 ms of a one-shot `faultline match` of a 2 KB paste; this finds the same literals in
 * about the time the trie takes to scan.
 */
export class ShortTextLiterals {
  private readonly folded: string[] = [];
  /** The literal each fold reports: literals equal after folding report the first one. */
  private readonly reports: number[] = [];
  /** The text's triples, set and cleared by each findAll (which runs to its end without yielding). */
  private readonly seen = new Uint8Array(tripleSlots);

  /** `folds` are literals as `foldLiteral` gives them (the rule index's are): folding 1,600 again took 5 ms cold. */
  constructor(folds: readonly string[]) {
    const seen = new Set<string>();
    folds.forEach((folded, index) => {
      if (folded.length === 0 || seen.has(folded)) return;
      seen.add(folded);
      this.folded.push(folded);
      this.reports.push(index);
    });
  }

  /** Indices of the literals that occur in the text. */
  findAll(text: string): Set<number> {
    const folded = foldText(text);
    const { seen } = this;
    for (let i = 2; i < folded.length; i++) seen[tripleOf(folded.charCodeAt(i - 2), folded.charCodeAt(i - 1), folded.charCodeAt(i))] = 1;
    const found = new Set<number>();
    for (let n = 0; n < this.folded.length; n++) {
      const literal = this.folded[n] as string;
      let held = true;
      for (let i = 2; i < literal.length && held; i++) held = seen[tripleOf(literal.charCodeAt(i - 2), literal.charCodeAt(i - 1), literal.charCodeAt(i))] === 1;
      if (held && folded.includes(literal)) found.add(this.reports[n] as number);
    }
    for (let i = 2; i < folded.length; i++) seen[tripleOf(folded.charCodeAt(i - 2), folded.charCodeAt(i - 1), folded.charCodeAt(i))] = 0;
    return found;
  }
}

/**
 * A literal set that reads its first texts with `ShortTextLiterals`, which needs no set-up, then with
 * the sparse trie once it has read enough text to pay for building it, then with the dense table once
 * it has read enough to pay for that (building it took about 60 ms for the real knowledge base). A
 * one-shot CLI match of a 2 KB paste builds nothing; a server matching many pastes ends on the
 * tables. All three find the same literals.
 */
export class AdaptiveLiteralMatcher {
  private shortForm: ShortTextLiterals | undefined;
  private sparseForm: LiteralMatcher | undefined;
  private denseForm: DenseLiteralMatcher | null | undefined;
  private scanned = 0;

  /** `literals` as `foldLiteral` gives them. */
  constructor(
    readonly literals: readonly string[],
    private readonly maxCells: number,
    private readonly trieAfterChars = 16 * 1024,
    private readonly denseAfterChars = 1024 * 1024,
  ) {}

  /** Indices of the literals that occur in the text. */
  findAll(text: string): Set<number> {
    this.scanned += text.length;
    if (this.scanned <= this.trieAfterChars) return (this.shortForm ??= new ShortTextLiterals(this.literals)).findAll(text);
    const sparse = (this.sparseForm ??= new LiteralMatcher(this.literals));
    // null: the table would be too large, and the sparse trie stays.
    if (this.denseForm === undefined && this.scanned >= this.denseAfterChars) this.denseForm = sparse.dense(this.maxCells) ?? null;
    return (this.denseForm ?? sparse).findAll(text);
  }
}
