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

/** Folds a literal the way the scanner folds text: lower case, single spaces, no edge spaces. */
export function foldLiteral(literal: string): string {
  return literal.replace(/(?:\s|\\[nrt])+/g, " ").trim().toLowerCase();
}

function foldCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code === 9 || code === 10 || code === 11 || code === 12 || code === 13 || code === 32 || code === 0xa0) return SPACE;
  if (code < 128) return code;
  // The same set JavaScript's \s matches beyond ASCII, so folding agrees with containsPhrase.
  if (code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff) return SPACE;
  return String.fromCharCode(code).toLowerCase().charCodeAt(0);
}

/** A compiled set of literals; literals equal after folding report the first one's index. */
export class LiteralMatcher {
  readonly literals: readonly string[];
  private readonly rootNext = new Int32Array(128).fill(-1);
  private readonly next: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** The literal that ends at each state, or -1. */
  private readonly output: number[] = [-1];
  /** The nearest state along the failure chain that has an output, or -1. */
  private readonly dictLink: number[] = [-1];

  constructor(literals: readonly string[]) {
    this.literals = literals;
    literals.forEach((literal, index) => {
      const folded = foldLiteral(literal);
      if (folded.length === 0) return;
      let state = 0;
      for (let i = 0; i < folded.length; i++) {
        const code = folded.charCodeAt(i);
        let target = this.next[state]?.get(code);
        if (target === undefined) {
          target = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.output.push(-1);
          this.dictLink.push(-1);
          this.next[state]?.set(code, target);
        }
        state = target;
      }
      if (this.output[state] === -1) this.output[state] = index;
    });
    this.link();
  }

  private link(): void {
    const queue: number[] = [];
    for (const [code, child] of this.next[0] ?? []) {
      if (code < 128) this.rootNext[code] = child;
      queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head] as number;
      for (const [code, child] of this.next[state] ?? []) {
        let f = this.fail[state] as number;
        while (f !== 0 && !this.next[f]?.has(code)) f = this.fail[f] as number;
        const target = this.next[f]?.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        const fc = this.fail[child] as number;
        this.dictLink[child] = (this.output[fc] as number) >= 0 ? fc : (this.dictLink[fc] as number);
        queue.push(child);
      }
    }
  }

  private step(state: number, code: number): number {
    let s = state;
    for (;;) {
      if (s === 0) return code < 128 ? (this.rootNext[code] as number) : (this.next[0]?.get(code) ?? -1);
      const target = this.next[s]?.get(code);
      if (target !== undefined) return target;
      s = this.fail[s] as number;
    }
  }

  /**
   * Runs the automaton over text[from, to), calling `onHit(literalIndex, endOffset)` for every literal
   * occurrence; stops early when `onHit` returns true.
   */
  scan(text: string, onHit: (literal: number, end: number) => boolean | void, from = 0, to = text.length): void {
    let state = 0;
    let lastWasSpace = true;
    for (let i = from; i < to; i++) {
      let code = text.charCodeAt(i);
      if (code === 92 && i + 1 < to) {
        const after = text.charCodeAt(i + 1);
        if (after === 110 || after === 114 || after === 116) {
          code = SPACE;
          i++;
        }
      }
      code = foldCode(code);
      if (code === SPACE) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      const target = this.step(state, code);
      state = target < 0 ? 0 : target;
      if (state === 0) continue;
      for (let s = (this.output[state] as number) >= 0 ? state : (this.dictLink[state] as number); s > 0; s = this.dictLink[s] as number) {
        if (onHit(this.output[s] as number, i + 1) === true) return;
      }
    }
  }

  /**
   * A dense automaton for long texts (`scan`): every state's transition for every character that occurs
   * in a literal, so the inner loop is one table read. Undefined when the table would pass `maxCells`.
   */
  dense(maxCells = 64 * 1024 * 1024): DenseLiteralMatcher | undefined {
    const alphabet = new Uint16Array(0x10000); // code unit → column; 0 for characters in no literal
    let columns = 1;
    for (const map of this.next) {
      for (const code of map.keys()) if (alphabet[code] === 0) alphabet[code] = columns++;
    }
    const states = this.next.length;
    if (states * columns > maxCells) return undefined;
    const table = new Int32Array(states * columns);
    // Breadth-first, so a state's failure target is complete before the state itself.
    const order: number[] = [0];
    for (let head = 0; head < order.length; head++) for (const child of (this.next[order[head] as number] ?? new Map()).values()) order.push(child);
    for (const state of order) {
      const f = this.fail[state] as number;
      for (let column = 0; column < columns; column++) table[state * columns + column] = state === 0 ? 0 : (table[f * columns + column] as number);
      for (const [code, child] of this.next[state] ?? []) table[state * columns + (alphabet[code] as number)] = child;
    }
    const hasOutput = new Uint8Array(states);
    for (let state = 0; state < states; state++) hasOutput[state] = (this.output[state] as number) >= 0 || (this.dictLink[state] as number) >= 0 ? 1 : 0;
    return new DenseLiteralMatcher(this.literals, table, columns, alphabet, hasOutput, this.output, this.dictLink);
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

  constructor(
    readonly literals: readonly string[],
    table: Int32Array,
    private readonly columns: number,
    alphabet: Uint16Array,
    hasOutput: Uint8Array,
    private readonly output: readonly number[],
    private readonly dictLink: readonly number[],
  ) {
    for (let code = 0; code < 0x10000; code++) this.columnOf[code] = alphabet[foldCode(code)] as number;
    this.spaceColumn = alphabet[SPACE] as number;
    this.jump = new Int32Array(table.length);
    for (let i = 0; i < table.length; i++) {
      const next = table[i] as number;
      this.jump[i] = hasOutput[next] === 1 ? -(next * columns) - 1 : next * columns;
    }
  }

  /** Indices of the literals that occur in the text. */
  findAll(text: string): Set<number> {
    return literalsIn(this, text);
  }

  /** Same contract as `LiteralMatcher.scan`. */
  scan(text: string, onHit: (literal: number, end: number) => boolean | void, from = 0, to = text.length): void {
    const { jump, columnOf, spaceColumn, columns } = this;
    let at = 0; // state * columns
    let lastWasSpace = true;
    for (let i = from; i < to; i++) {
      const raw = text.charCodeAt(i);
      let column: number;
      if (raw === 32 || raw === 10 || raw === 9 || raw === 13 || raw === 11 || raw === 12 || raw === 0xa0 || (raw === 92 && isEscapedSpace(text, i, to))) {
        if (raw === 92) i++;
        if (lastWasSpace) continue;
        lastWasSpace = true;
        column = spaceColumn;
      } else {
        column = columnOf[raw] as number;
        // Unicode spaces fold to the space column too; they are rare enough to test after the lookup.
        if (column === spaceColumn && spaceColumn !== 0) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else {
          lastWasSpace = false;
        }
      }
      const next = jump[at + column] as number;
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
  return after === 110 || after === 114 || after === 116;
}
