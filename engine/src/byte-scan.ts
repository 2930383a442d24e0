/**
 * Finds the lines of UTF-8 bytes that may hold one of many literals, without decoding them, for
 * `faultline scan`. Bytes are read the way LiteralMatcher reads text (ASCII case ignored, any run of
 * whitespace or escaped \n, \r, \t as one space), and the lines it finds include every line in which
 * LiteralMatcher finds one of the same literals: `scan` matches only those in full, and decodes no other.
 *
 * Each literal is looked for by its longest ASCII run, so a 256-entry map folds a byte and non-ASCII
 * text is mostly read without decoding (see leadBytes); what the filter finds is checked by matching
 * the line in full anyway.
 */
import { escapesSpace, foldCode, foldLiteral, LiteralMatcher } from "./aho-corasick.js";

const NEWLINE = 10;
const SPACE = 32;
const BACKSLASH = 92;

// Table entries below zero leave the inner loop. Everything else is the next state's row offset.
/** A newline ending a line that holds no literal. */
const LINE_END = -1;
/** A newline ending a line that holds a literal. */
const FLAGGED_LINE_END = -2;
/** A backslash or a non-ASCII byte: what it means depends on the bytes after it. */
const SPECIAL = -3;

/** Below this many bytes a range is walked in one piece: splitting it would cost more than it saves. */
const interleaveFrom = 16 * 1024;

/** The tables a filter runs on, shareable with worker threads (the jump table lives in shared memory). */
export interface ByteFilterTables {
  /** jump[row + column]: the next row (a state's offset) or an entry below zero. Undefined when every line is a candidate. */
  readonly jump: Int32Array | undefined;
  readonly columnOfByte: Uint8Array;
  /** Column of each folded ASCII character, for characters decoded from several bytes. */
  readonly columnOfAscii: Uint8Array;
  /** Row offset of the state a line stays in once it holds a literal. */
  readonly dead: number;
}

/** What the byte scan looks for in place of a literal: its longest ASCII run once folded ("" if none). */
export function asciiRun(literal: string): string {
  let best = "";
  for (const run of foldLiteral(literal).split(/[^\x00-\x7f]+/)) {
    const trimmed = run.trim();
    if (trimmed.length > best.length) best = trimmed;
  }
  return best;
}

/** One of the two stretches of whole lines that a scan walks side by side. */
interface Segment {
  start: number;
  pos: number;
  end: number;
  /** Row offset of the current state. */
  at: number;
  /** Newlines passed so far. */
  line: number;
  /** Pairs of line index (within the segment) and line start offset. */
  readonly found: number[];
}

/** A compiled byte filter; see the module comment. */
export class ByteLineFilter {
  private readonly first: Segment = { start: 0, pos: 0, end: 0, at: 0, line: 0, found: [] };
  private readonly second: Segment = { start: 0, pos: 0, end: 0, at: 0, line: 0, found: [] };
  private readonly lockstep: (buf: Buffer, s0: Segment, s1: Segment) => boolean;
  private readonly walk: (buf: Buffer, segment: Segment) => boolean;

  private constructor(readonly tables: ByteFilterTables) {
    const settle: Settle = (segment, entry, buf, i, at) => this.settle(segment, entry, buf, i, at);
    this.lockstep = tables.jump ? lockstepOver(tables.jump, tables.columnOfByte, settle) : () => false;
    this.walk = tables.jump ? walkOver(tables.jump, tables.columnOfByte, settle) : () => false;
  }

  /**
   * A filter for these literals (undefined: some line can match without any, so every line is a
   * candidate). Literal runs are cut shorter until the table fits in `maxCells` 32-bit cells: a shorter
   * run finds more lines, never fewer.
   */
  static build(literals: readonly string[] | undefined, maxCells = 16 * 1024 * 1024): ByteLineFilter {
    if (!literals) return ByteLineFilter.everyLine();
    const runs: string[] = [];
    for (const literal of literals) {
      const run = asciiRun(literal);
      // A literal that folds to nothing never matches; one with no ASCII run cannot be found in bytes.
      if (run.length > 0) runs.push(run);
      else if (foldLiteral(literal).length > 0) return ByteLineFilter.everyLine();
    }
    for (const cut of [Infinity, 48, 24, 12, 6, 3]) {
      const tables = compile(runs.map((run) => run.slice(0, cut).trim()), maxCells);
      if (tables) return new ByteLineFilter(tables);
    }
    return ByteLineFilter.everyLine();
  }

  private static everyLine(): ByteLineFilter {
    return new ByteLineFilter({ jump: undefined, columnOfByte: new Uint8Array(256), columnOfAscii: new Uint8Array(128), dead: 0 });
  }

  /** A filter over tables built elsewhere (another thread's `tables`). */
  static fromTables(tables: ByteFilterTables): ByteLineFilter {
    return new ByteLineFilter(tables);
  }

  /**
   * Finds the candidate lines of buf[from, to), which holds whole lines (the last may lack its newline).
   * Pushes each one's line index (0 for the line at `from`) and start offset onto `found`, in order;
   * returns the number of newlines in the range.
   */
  scan(buf: Buffer, from: number, to: number, found: number[]): number {
    if (!this.tables.jump) return everyLine(buf, from, to, found);
    const { first, second } = this;
    // Two walks side by side: each is a chain of dependent table reads, and the processor can
    // overlap two chains. (Four measured no faster here; the loop then runs short of registers.)
    const half = buf.indexOf(NEWLINE, from + ((to - from) >> 1));
    const middle = to - from < interleaveFrom || half === -1 || half >= to ? to : half + 1;
    reset(first, from, middle);
    reset(second, middle, to);
    while (this.lockstep(buf, first, second));
    while (this.walk(buf, first));
    while (this.walk(buf, second));
    let lines = 0;
    for (const segment of [first, second]) {
      // A last line without a newline that holds a literal.
      if (segment.at === this.tables.dead) segment.found.push(segment.line, lineStart(buf, segment, segment.end));
      for (let k = 0; k < segment.found.length; k += 2) found.push(lines + (segment.found[k] as number), segment.found[k + 1] as number);
      lines += segment.line;
    }
    return lines;
  }

  /** Takes the step that reading `entry` at buf[i] in state `at` stands for, and notes where the segment is. */
  private settle(segment: Segment, entry: number, buf: Buffer, i: number, at: number): void {
    segment.pos = i + 1;
    if (entry >= 0) {
      segment.at = entry;
    } else if (entry === SPECIAL) {
      const special = this.special(buf, i, segment.end);
      segment.at = (this.tables.jump as Int32Array)[at + (special & 0xff)] as number;
      segment.pos = i + (special >>> 8);
    } else {
      if (entry === FLAGGED_LINE_END) segment.found.push(segment.line, lineStart(buf, segment, i));
      segment.at = 0;
      segment.line++;
    }
  }

  /**
   * The column that buf[i] (a backslash or a lead byte to decode) and the bytes after it read as, plus
   * 256 times how many bytes that takes. Only 2- and 3-byte characters can fold to a space or an ASCII
   * letter; anything else, valid or not, reads as a character in no literal.
   */
  private special(buf: Buffer, i: number, end: number): number {
    const { columnOfAscii } = this.tables;
    const b = buf[i] as number;
    const b1 = i + 1 < end ? (buf[i + 1] as number) : 0;
    if (b === BACKSLASH) {
      return escapesSpace(b1) ? (columnOfAscii[SPACE] as number) + 512 : (columnOfAscii[BACKSLASH] as number) + 256;
    }
    let code = -1;
    let length = 1;
    if (b >= 0xc2 && b <= 0xdf && continues(buf, i + 1, end)) {
      code = ((b & 0x1f) << 6) | (b1 & 0x3f);
      length = 2;
    } else if (b >= 0xe0 && b <= 0xef && continues(buf, i + 1, end) && continues(buf, i + 2, end) && !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0)) {
      code = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | ((buf[i + 2] as number) & 0x3f);
      length = 3;
    } else {
      // Not one of those: skip its continuation bytes too (never ASCII, so nothing is lost).
      while (continues(buf, i + length, end)) length++;
    }
    const folded = code < 0 ? -1 : foldCode(code);
    return (folded >= 0 && folded < 128 ? (columnOfAscii[folded] as number) : 0) + length * 256;
  }
}

/** Takes the step that reading `entry` at buf[i] in state `at` stands for. */
type Settle = (segment: Segment, entry: number, buf: Buffer, i: number, at: number) => void;

/**
 * Walks two segments one byte a step until one ends or meets anything but a table step or a plain
 * newline; returns false once one has ended. Built as a closure over the tables, with one loop that
 * calls nothing: V8 then keeps tables and positions in registers. (The same loop as a method reading
 * this.tables, or nested in another loop, measured 1.4 to 2 times slower.)
 */
function lockstepOver(jump: Int32Array, columnOfByte: Uint8Array, settle: Settle): (buf: Buffer, s0: Segment, s1: Segment) => boolean {
  return (buf, s0, s1) => {
    let i0 = s0.pos;
    let i1 = s1.pos;
    let a0 = s0.at;
    let a1 = s1.at;
    let l0 = s0.line;
    let l1 = s1.line;
    const n = Math.min(s0.end - i0, s1.end - i1);
    if (n <= 0) return false;
    const stop = i0 + n;
    let x0 = 0;
    let x1 = 0;
    for (; i0 < stop; i0++, i1++) {
      x0 = jump[a0 + (columnOfByte[buf[i0] as number] as number)] as number;
      x1 = jump[a1 + (columnOfByte[buf[i1] as number] as number)] as number;
      if ((x0 | x1) >= 0) {
        a0 = x0;
        a1 = x1;
        continue;
      }
      if (x0 < LINE_END || x1 < LINE_END) break;
      if (x0 < 0) {
        a0 = 0;
        l0++;
      } else a0 = x0;
      if (x1 < 0) {
        a1 = 0;
        l1++;
      } else a1 = x1;
    }
    // One way out for both exits: a path first taken after V8 optimized the function would cost a
    // deoptimization every time.
    s0.line = l0;
    s1.line = l1;
    s0.pos = i0;
    s0.at = a0;
    s1.pos = i1;
    s1.at = a1;
    if (i0 < stop) {
      settle(s0, x0, buf, i0, a0);
      settle(s1, x1, buf, i1, a1);
    }
    return true;
  };
}

/** Walks one segment alone, as `lockstepOver` walks two; returns false once it has ended. */
function walkOver(jump: Int32Array, columnOfByte: Uint8Array, settle: Settle): (buf: Buffer, segment: Segment) => boolean {
  return (buf, segment) => {
    let i = segment.pos;
    let at = segment.at;
    let line = segment.line;
    const end = segment.end;
    if (i >= end) return false;
    let x = 0;
    for (; i < end; i++) {
      x = jump[at + (columnOfByte[buf[i] as number] as number)] as number;
      if (x >= 0) {
        at = x;
        continue;
      }
      if (x < LINE_END) break;
      at = 0;
      line++;
    }
    segment.line = line;
    segment.pos = i;
    segment.at = at;
    if (i < end) settle(segment, x, buf, i, at);
    return true;
  };
}

function reset(segment: Segment, start: number, end: number): void {
  segment.start = start;
  segment.pos = start;
  segment.end = end;
  segment.at = 0;
  segment.line = 0;
  segment.found.length = 0;
}

/** Start of the line that holds buf[i] (or ends at it). */
function lineStart(buf: Buffer, segment: Segment, i: number): number {
  return i > segment.start ? Math.max(segment.start, buf.lastIndexOf(NEWLINE, i - 1) + 1) : segment.start;
}

/** Whether buf[k] is a UTF-8 continuation byte before `end`. */
function continues(buf: Buffer, k: number, end: number): boolean {
  return k < end && ((buf[k] as number) & 0xc0) === 0x80;
}

/** Every line of buf[from, to) as a candidate; returns the number of newlines. */
function everyLine(buf: Buffer, from: number, to: number, found: number[]): number {
  let line = 0;
  for (let start = from; start < to; ) {
    found.push(line, start);
    const newline = buf.indexOf(NEWLINE, start);
    if (newline === -1 || newline >= to) break;
    line++;
    start = newline + 1;
  }
  return line;
}

/** UTF-8 lead bytes that a filter reads as a space, or decodes; see `leadBytes`. */
export interface LeadBytes {
  readonly space: ReadonlySet<number>;
  readonly decode: ReadonlySet<number>;
}

let leads: LeadBytes | undefined;

/**
 * How a filter reads the characters above 127 without decoding them. It may find more than
 * LiteralMatcher, never less: reading a character that folds to nothing useful as a space, or skipping
 * a byte, only ever adds occurrences of literals made of ASCII. So a lead byte that some space starts
 * with (C2 for U+00A0, E3 for U+3000, ...) reads as a space, continuation bytes are skipped, other
 * lead bytes read as a character in no literal, and only the lead bytes of characters that fold to an
 * ASCII letter (C4 for U+0130, E2 for the Kelvin sign) are decoded. Computed from foldCode, so it
 * follows the engine's Unicode data.
 */
export function leadBytes(): LeadBytes {
  if (!leads) {
    const space = new Set<number>();
    const decode = new Set<number>();
    for (let code = 0x80; code < 0x10000; code++) {
      const folded = foldCode(code);
      if (folded < 128) (folded === SPACE ? space : decode).add(Buffer.from(String.fromCharCode(code))[0] as number);
    }
    for (const lead of decode) space.delete(lead);
    leads = { space, decode };
  }
  return leads;
}

/** The byte tables for these runs, or undefined when they would pass `maxCells`. */
function compile(runs: readonly string[], maxCells: number): ByteFilterTables | undefined {
  const automaton = new LiteralMatcher(runs).automaton(maxCells);
  if (!automaton) return undefined;
  const { states, next, accepting, enteredBySpace } = automaton;
  const width = automaton.columns;
  // Three more columns (newline, special, no-op) and one more row (the dead state a line stays in once flagged).
  const newlineColumn = width;
  const specialColumn = width + 1;
  const skipColumn = width + 2;
  const columns = width + 3;
  if ((states + 1) * columns > maxCells) return undefined;
  const columnOfAscii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) columnOfAscii[code] = automaton.columnOf[code] as number;
  // Non-ASCII text stays in the table (see leadBytes): a lead byte reads as a space, as a character in
  // no literal (column 0), or is decoded; continuation bytes change nothing.
  const spaceColumn = columnOfAscii[SPACE] as number;
  const { space, decode } = leadBytes();
  const columnOfByte = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte++) {
    if (byte < 128) columnOfByte[byte] = columnOfAscii[foldCode(byte)] as number;
    else if (byte < 0xc0) columnOfByte[byte] = skipColumn;
    else columnOfByte[byte] = space.has(byte) ? spaceColumn : decode.has(byte) ? specialColumn : 0;
  }
  columnOfByte[NEWLINE] = newlineColumn;
  columnOfByte[BACKSLASH] = specialColumn;
  const dead = states * columns;
  // Where each state leads: its row, or the dead row if a literal ends there.
  const rowOf = new Int32Array(states);
  for (let state = 0; state < states; state++) rowOf[state] = accepting[state] === 1 ? dead : state * columns;
  const jump = new Int32Array(new SharedArrayBuffer((states + 1) * columns * 4));
  for (let state = 0; state < states; state++) {
    const row = state * columns;
    const from = state * width;
    for (let column = 0; column < width; column++) jump[row + column] = rowOf[next[from + column] as number] as number;
    // Folded text has single spaces: after a space, more whitespace changes nothing.
    if (spaceColumn !== 0 && enteredBySpace[state] === 1) jump[row + spaceColumn] = row;
    jump[row + newlineColumn] = LINE_END;
    jump[row + specialColumn] = SPECIAL;
    jump[row + skipColumn] = row;
  }
  jump.fill(dead, dead, dead + columns);
  jump[dead + newlineColumn] = FLAGGED_LINE_END;
  return { jump, columnOfByte, columnOfAscii, dead };
}
