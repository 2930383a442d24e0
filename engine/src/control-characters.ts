/**
 * Control characters in pasted text: terminal escape sequences (colours, window titles, cursor moves)
 * and the C0 and C1 control characters. They hide or move text on a terminal, and they can split a
 * token in two, so pasted text is read both with them blanked out and with them removed.
 */

// Escape sequences: CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \) and two-character escapes;
// then single control characters (tab and newline stay). Each part is bounded or stops at the next
// ESC, so the scan is linear. Both readings below are one pass over the code units: a regex
// replacement builds its result match by match (85 ms for a paste of 250,000 ESCs).
// eslint-disable-next-line no-control-regex
const sequencePattern = /\x1b(?:\[[0-?]{0,32}[ -/]{0,4}[@-~]|\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const singlePattern = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

const isControl = (code: number): boolean => (code <= 0x1f && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f);

/** The string of these UTF-16 code units, unchanged (TextDecoder would turn lone surrogates into U+FFFD). */
function fromUnits(units: Uint16Array): string {
  let text = "";
  for (let at = 0; at < units.length; at += 8192) text += String.fromCharCode(...units.subarray(at, at + 8192));
  return text;
}

/**
 * Walks the text once: `sequence(start, end)` for each escape sequence, `control(i)` for each other
 * control character, `kept(i, code)` for everything else.
 */
function walk(raw: string, sequence: (start: number, end: number) => void, control: (i: number) => void, kept: (i: number, code: number) => void): void {
  sequencePattern.lastIndex = 0;
  let next = sequencePattern.exec(raw);
  for (let i = 0; i < raw.length; ) {
    if (next && next.index === i) {
      const end = i + next[0].length;
      sequence(i, end);
      i = end;
      next = sequencePattern.exec(raw);
      continue;
    }
    const code = raw.charCodeAt(i);
    if (isControl(code)) control(i);
    else kept(i, code);
    i++;
  }
}

/** Replaces control characters and escape sequences with spaces, keeping every offset. */
export function normaliseText(raw: string): string {
  if (!singlePattern.test(raw)) return raw;
  const units = new Uint16Array(raw.length);
  walk(raw, (start, end) => units.fill(0x20, start, end), (i) => (units[i] = 0x20), (i, code) => (units[i] = code));
  return fromUnits(units);
}

/** Text as a terminal shows it: control sequences removed; `offsets[i]` is where `text[i]` was in the input. */
export interface VisibleText {
  readonly text: string;
  readonly offsets: Int32Array;
}

/** The text without its control sequences, or undefined when it holds none. */
export function withoutControls(raw: string): VisibleText | undefined {
  if (!singlePattern.test(raw)) return undefined;
  const units = new Uint16Array(raw.length);
  const offsets = new Int32Array(raw.length);
  let kept = 0;
  walk(raw, () => undefined, () => undefined, (i, code) => {
    units[kept] = code;
    offsets[kept++] = i;
  });
  return { text: fromUnits(units.subarray(0, kept)), offsets: offsets.subarray(0, kept) };
}
