/**
 * The most distinctive constant phrases of an error text, for a proposed trigger: runs of plain words
 * within one clause, with what varies between two pastes of the same error left out (ids, ARNs, emails,
 * UUIDs, numbers, timestamps, hosts, IPs, paths, quoted names, masked secrets). Runs are ranked by how
 * many letters their uncommon words hold, so boilerplate ("Traceback (most recent call last)") loses to
 * what only this error says.
 */
import { phraseRegex } from "./operators.js";

/** The longest phrase proposed, in words: enough to be specific, short enough to survive rewording. */
const maxWords = 8;
/** The least score (letters of uncommon words) a phrase needs. */
const minScore = 8;

// Clauses end at quotes (also escaped ones), brackets, separators, and sentence punctuation before a space.
const clauseBreak = /\\["'`]|\\[nrt]|["'`()[\]{}<>|=,;]|[.:!?](?=\s|$)/;
// A constant word: letters of any script, with ' ’ _ - inside; no digit, dot, slash, @ or colon, which mark what varies.
const constantWord = /^\p{L}(?:[\p{L}'’_-]{0,38}\p{L})?$/u;
// Lowercase hex of 8 or more (request ids, hashes) is not a word even when it has no digit.
const hexRun = /^[a-f]{8,}$/;

/** Words every error shares: they do not count towards a phrase's score. */
const commonWords = new Set(
  ("a an the and or not no of to in on at by for from with as is are was were be been has have had do does did this that these those it its " +
    "error errors exception failed failure fail traceback most recent call last caused during handling above another occurred " +
    "warning info debug fatal message request response status code http https please try again while when then").split(" "),
);

/** A run of constant words and its score. */
interface Candidate {
  readonly words: readonly string[];
  readonly score: number;
  readonly position: number;
}

const scoreOf = (words: readonly string[]): number => words.reduce((sum, w) => sum + (commonWords.has(w.toLowerCase()) || w.length < 3 ? 0 : w.length), 0);

/** The best window of at most `maxWords` words of a run. */
function bestWindow(words: readonly string[]): readonly string[] {
  if (words.length <= maxWords) return words;
  let best = words.slice(0, maxWords);
  for (let i = 1; i + maxWords <= words.length; i++) {
    const window = words.slice(i, i + maxWords);
    if (scoreOf(window) > scoreOf(best)) best = window;
  }
  return best;
}

function candidatesOf(text: string): Candidate[] {
  const found: Candidate[] = [];
  let position = 0;
  for (const line of text.split("\n")) {
    for (const clause of line.split(clauseBreak)) {
      let run: string[] = [];
      const flush = (): void => {
        if (run.length >= 2) {
          const words = bestWindow(run);
          const score = scoreOf(words);
          if (score >= minScore) found.push({ words, score, position: position++ });
        }
        run = [];
      };
      for (const word of clause.split(/\s+/)) {
        if (word === "") continue;
        if (constantWord.test(word) && !hexRun.test(word) && word.toLowerCase() !== "redacted") run.push(word);
        else flush();
      }
      flush();
    }
  }
  return found;
}

/** Up to `max` distinctive constant phrases of the text, best first; each occurs in the text as `containsPhrase` reads it. */
export function distinctivePhrases(text: string, max: number): string[] {
  const ranked = candidatesOf(text).sort((a, b) => b.score - a.score || a.position - b.position);
  const chosen: string[] = [];
  for (const { words } of ranked) {
    if (chosen.length >= max) break;
    const phrase = words.join(" ");
    const folded = phrase.toLowerCase();
    if (chosen.some((c) => c.toLowerCase().includes(folded) || folded.includes(c.toLowerCase()))) continue;
    const regex = phraseRegex(phrase);
    regex.lastIndex = 0;
    if (regex.test(text)) chosen.push(phrase);
  }
  return chosen;
}
