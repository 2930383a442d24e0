/**
 * Splits the pasted text into what the page shows: plain runs, runs that made the entry match, and
 * secrets, which are replaced by their masks (a match span over a secret marks the mask instead).
 */

/** A half-open range of the pasted text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** One run of the displayed paste. */
export type PasteSegment =
  | { readonly kind: "text" | "match"; readonly text: string }
  | { readonly kind: "secret"; readonly text: string; readonly matched: boolean };

function covered(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= start && r.end >= end);
}

function overlaps(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && r.end > start);
}

/** Segments `text` by match spans and secrets; `masks[i]` is what replaces `secrets[i]`. */
export function segmentPaste(text: string, spans: readonly TextRange[], secrets: readonly TextRange[], masks: readonly string[]): PasteSegment[] {
  const clamp = (n: number): number => Math.max(0, Math.min(text.length, n));
  const marks = spans.map((s) => ({ start: clamp(s.start), end: clamp(s.end) })).filter((s) => s.end > s.start);
  const hidden = secrets.map((s, i) => ({ start: clamp(s.start), end: clamp(s.end), mask: masks[i] ?? "[redacted]" })).filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const r of [...marks, ...hidden]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: PasteSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    const secret = hidden.find((s) => s.start <= start && s.end >= end);
    if (secret) {
      if (secret.start === start) segments.push({ kind: "secret", text: secret.mask, matched: overlaps(marks, secret.start, secret.end) });
      continue;
    }
    const kind = covered(marks, start, end) ? "match" : "text";
    const last = segments[segments.length - 1];
    const piece = text.slice(start, end);
    if (last && last.kind === kind) segments[segments.length - 1] = { kind, text: last.text + piece };
    else segments.push({ kind, text: piece });
  }
  return segments;
}
