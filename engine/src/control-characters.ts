/**
 * Control characters in pasted text: terminal escape sequences (colours, window titles, cursor moves)
 * and the C0 and C1 control characters. They hide or move text on a terminal, and they can split a
 * token in two, so pasted text is read both with them blanked out and with them removed.
 */

// CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), two-character escapes, then single controls
// (tab and newline stay). Every part is bounded or stops at the next ESC, so the scan is linear.
// eslint-disable-next-line no-control-regex
const controlPattern = /\x1b\[[0-?]{0,32}[ -/]{0,4}[@-~]|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)|\x1b[@-Z\\-_]|[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** Replaces control characters and escape sequences with spaces, keeping every offset. */
export function normaliseText(raw: string): string {
  return raw.replace(controlPattern, (m) => " ".repeat(m.length));
}

/** Text as a terminal shows it: control sequences removed; `offsets[i]` is where `text[i]` was in the input. */
export interface VisibleText {
  readonly text: string;
  readonly offsets: Int32Array;
}

/** The text without its control sequences, or undefined when it holds none. */
export function withoutControls(raw: string): VisibleText | undefined {
  controlPattern.lastIndex = 0;
  if (!controlPattern.test(raw)) return undefined;
  const offsets = new Int32Array(raw.length);
  let text = "";
  let kept = 0;
  let at = 0;
  const keep = (end: number): void => {
    text += raw.slice(at, end);
    for (let i = at; i < end; i++) offsets[kept++] = i;
  };
  controlPattern.lastIndex = 0;
  for (let m = controlPattern.exec(raw); m; m = controlPattern.exec(raw)) {
    keep(m.index);
    at = m.index + m[0].length;
  }
  keep(raw.length);
  return { text, offsets: offsets.subarray(0, kept) };
}
