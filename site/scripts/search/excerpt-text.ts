/**
 * Pagefind's excerpts are escaped text with <mark> around the hits. This turns one into runs of
 * plain and marked text, so the page can show it with text nodes instead of parsing HTML.
 */

/** One run of an excerpt. */
export interface ExcerptRun {
  readonly text: string;
  readonly marked: boolean;
}

const entities: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the character references Pagefind writes (&amp; &lt; &#39; &#x27; …); leaves others as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return entities[ref.toLowerCase()] ?? whole;
  });
}

/** Splits an excerpt at its <mark> tags; any other markup is kept as literal text. */
export function excerptRuns(excerpt: string): ExcerptRun[] {
  const runs: ExcerptRun[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<mark>|<\/mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece !== "") runs.push({ text: decodeEntities(piece), marked });
  }
  return runs;
}
