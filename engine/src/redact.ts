/**
 * Masks secrets in text that Faultline displays: pages, CLI output, JSON, and the facts and reasons
 * of a match report. Every mask goes through `redactRange`, driven by what the secret catalog found.
 */
import { maskPrefixes } from "./secret-catalog.js";
import { findSecrets, type FoundSecret } from "./tokens.js";

/** A half-open range of a text. */
interface Range {
  readonly start: number;
  readonly end: number;
}

/** The masked form of one secret: a recognisable prefix at most, never the secret itself. */
export function maskSecret(secret: string): string {
  const prefix = maskPrefixes.find((p) => secret.startsWith(p)) ?? "";
  return `${prefix}[redacted]`;
}

/** Index of the first secret that ends after `at`; secrets are sorted and do not overlap. */
function firstEndingAfter(secrets: readonly Range[], at: number): number {
  let low = 0;
  let high = secrets.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((secrets[mid] as Range).end <= at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether any secret overlaps the range. */
export function overlapsSecret(range: Range, secrets: readonly Range[]): boolean {
  const next = secrets[firstEndingAfter(secrets, range.start)];
  return next !== undefined && next.start < range.end;
}

/** The text of a range with each secret that overlaps it replaced by its mask (the whole mask, even for a secret the range only touches). */
export function redactRange(text: string, range: Range, secrets: readonly Range[]): string {
  let out = "";
  let at = range.start;
  for (let i = firstEndingAfter(secrets, range.start); i < secrets.length; i++) {
    const secret = secrets[i] as Range;
    if (secret.start >= range.end) break;
    out += text.slice(at, Math.max(at, secret.start)) + maskSecret(text.slice(secret.start, secret.end));
    at = Math.min(secret.end, range.end);
  }
  return out + text.slice(at, range.end);
}

/** Replaces every secret in the text with its mask; pass `secrets` when already found. */
export function redact(text: string, secrets: readonly FoundSecret[] = findSecrets(text)): string {
  return redactRange(text, { start: 0, end: text.length }, secrets);
}
