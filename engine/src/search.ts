/**
 * Finding entries by what a person or an agent knows of an error: a code (`AADSTS7000215`,
 * `sts:AssumeRole`), a reason (`ACCESS_TOKEN_SCOPE_INSUFFICIENT`), an HTTP status, or a few words.
 * It reads the metadata a bundle already carries, and the matcher's verdict on the query itself, so a
 * pasted error line finds its entry too.
 */
import type { Bundle, BundleEntry } from "./bundle.js";
import { compareIds } from "./ids.js";
import { match } from "./match.js";

/** One entry a search found, with how strongly it was found. */
export interface SearchHit {
  readonly entry: BundleEntry;
  readonly score: number;
  /** What of the query the entry matched: "code AccessDenied", "title: expired". */
  readonly matched: readonly string[];
}

/** Options of `searchEntries`. */
export interface SearchOptions {
  /** Most hits to return (default 10). */
  readonly limit?: number | undefined;
}

/** Queries longer than this are cut: a search is a few words, and a pasted log belongs to `diagnose`. */
const maxQueryLength = 4096;

function termsOf(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/[\s,;"'`()[\]{}<>|]+/).map((t) => t.replace(/^[.:]+|[.:]+$/g, "")).filter((t) => t.length > 1))];
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9_.:-]+/).filter(Boolean);
}

// "expired" finds "expires" and "expiry": words agree on their first letters, at least four of them.
// Codes (AADSTS7000215, sts:AssumeRole) match whole: AADSTS700016 is another error.
function wordMatches(word: string, term: string): boolean {
  if (word === term) return true;
  if (!/^[a-z]+$/.test(word) || !/^[a-z]+$/.test(term)) return false;
  const common = Math.min(word.length, term.length, 6);
  return common >= 4 && word.slice(0, common) === term.slice(0, common);
}

/** Scores one entry for the query's terms: codes weigh most, then id and title, tags and services, the summary. */
function scoreEntry(entry: BundleEntry, terms: readonly string[], whole: string): { score: number; matched: string[]; terms: number } {
  let score = 0;
  const matched: string[] = [];
  const found = new Set<string>();
  for (const code of entry.codes) {
    const lower = code.toLowerCase();
    if (lower === whole || terms.includes(lower)) {
      score += 10;
      matched.push(`code ${code}`);
      found.add(lower);
      for (const t of terms) if (lower === t) found.add(t);
    }
  }
  const fields: Array<[string, readonly string[], number]> = [
    ["id", entry.id.split("-"), 3],
    ["title", wordsOf(entry.title), 3],
    ["tags", entry.tags.flatMap((tag) => [tag, ...tag.split("-")]), 2],
    ["services", entry.services.flatMap((service) => [service, ...service.split("-")]), 2],
    ["provider", [entry.provider], 2],
    ["summary", wordsOf(entry.summary), 1],
  ];
  for (const term of terms) {
    if (/^[1-5]\d\d$/.test(term) && entry.http.includes(Number(term))) {
      score += 2;
      found.add(term);
      matched.push(`HTTP ${term}`);
      continue;
    }
    for (const [name, words, weight] of fields) {
      if (!words.some((word) => wordMatches(word, term))) continue;
      score += weight;
      found.add(term);
      matched.push(`${name}: ${term}`);
      break;
    }
  }
  return { score, matched, terms: found.size };
}

/**
 * Entries that fit a query, best first: each must match at least one of its terms, entries matching
 * more of them rank higher, and entries the matcher picks for the query as an error text rank higher still.
 */
export async function searchEntries(bundle: Bundle, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const text = query.slice(0, maxQueryLength);
  const whole = text.trim().toLowerCase();
  const terms = termsOf(text);
  if (terms.length === 0) return [];
  const diagnosed = new Map((await match(bundle, text)).matches.map((m) => [m.id, m.score]));
  const hits = bundle.entries.flatMap((entry) => {
    const scored = scoreEntry(entry, terms, whole);
    const matcher = diagnosed.get(entry.id);
    const matched = matcher === undefined ? scored.matched : [`the query as an error (score ${matcher})`, ...scored.matched];
    const score = scored.score + (matcher === undefined ? 0 : 5 + matcher);
    return score > 0 ? [{ entry, score, matched, terms: scored.terms + (matcher === undefined ? 0 : terms.length) }] : [];
  });
  hits.sort((a, b) => b.terms - a.terms || b.score - a.score || compareIds(a.entry.id, b.entry.id));
  return hits.slice(0, options.limit ?? 10).map(({ entry, score, matched }) => ({ entry, score, matched }));
}
