/**
 * Credentials inside pasted text: where they are, what kind they are, and the claims of JWTs.
 * JWTs are decoded locally; nothing here verifies a signature or talks to any server.
 */

import { withoutControls, normaliseText } from "./control-characters.js";
import { secretRules, type SecretRule, type TokenKind } from "./secret-catalog.js";

export type { TokenKind } from "./secret-catalog.js";

/** Claims of a decoded JWT that diagnoses use. */
export interface JwtClaims {
  readonly iss?: string;
  readonly aud?: string | string[];
  readonly sub?: string;
  readonly email?: string;
  readonly azp?: string;
  readonly exp?: number;
  readonly iat?: number;
}

/** A secret found in the text; the span covers only the secret part, which is what gets masked. */
export interface FoundSecret {
  readonly kind: TokenKind;
  /** A more precise kind for JWTs, from the issuer: google-id-token, azure-ad-token, kubernetes-token. */
  readonly issuerKind?: "google-id-token" | "azure-ad-token" | "kubernetes-token" | undefined;
  readonly start: number;
  readonly end: number;
  readonly claims?: JwtClaims | undefined;
}

function decodeBase64Url(segment: string): string | undefined {
  try {
    const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
    const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

function pickClaims(payload: Record<string, unknown>): JwtClaims {
  const claims: Record<string, unknown> = {};
  for (const key of ["iss", "sub", "email", "azp"] as const) {
    if (typeof payload[key] === "string") claims[key] = payload[key];
  }
  for (const key of ["exp", "iat"] as const) {
    if (typeof payload[key] === "number" && Number.isFinite(payload[key])) claims[key] = payload[key];
  }
  const aud = payload["aud"];
  if (typeof aud === "string") claims["aud"] = aud;
  else if (Array.isArray(aud) && aud.every((a) => typeof a === "string")) claims["aud"] = aud;
  return claims as JwtClaims;
}

/** Decodes a JWT's payload without verifying it; undefined when it is not a JWT. */
export function decodeJwt(token: string): JwtClaims | undefined {
  const payloadPart = token.split(".")[1];
  if (!payloadPart) return undefined;
  const json = decodeBase64Url(payloadPart);
  if (!json) return undefined;
  try {
    const payload: unknown = JSON.parse(json);
    return payload && typeof payload === "object" && !Array.isArray(payload) ? pickClaims(payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function issuerKindOf(claims: JwtClaims): FoundSecret["issuerKind"] {
  const iss = claims.iss ?? "";
  if (iss === "https://accounts.google.com" || iss === "accounts.google.com") return "google-id-token";
  if (/sts\.windows\.net|login\.microsoftonline\.com/.test(iss)) return "azure-ad-token";
  if (/kubernetes|\.svc\b|container\.googleapis\.com\/v1\/projects/.test(iss)) return "kubernetes-token";
  return undefined;
}

/** Where a secret was found in one reading of the text, before the readings are merged. */
interface Hit {
  readonly kind: TokenKind;
  start: number;
  end: number;
}

/**
 * The pairs of adjacent ASCII characters of a text, so that a needle with a pair the text lacks is
 * known absent without a search: 83 indexOf calls over a 2 KB paste were a tenth of a warm match.
 */
class AsciiPairs {
  private readonly seen = new Uint8Array(128 * 128);

  constructor(text: string) {
    for (let i = 1; i < text.length; i++) {
      const a = text.charCodeAt(i - 1);
      const b = text.charCodeAt(i);
      if (a < 128 && b < 128) this.seen[a * 128 + b] = 1;
    }
  }

  /** False when the needle surely does not occur in the text. */
  mayHold(needle: string): boolean {
    for (let i = 1; i < needle.length; i++) {
      const a = needle.charCodeAt(i - 1);
      const b = needle.charCodeAt(i);
      if (a < 128 && b < 128 && this.seen[a * 128 + b] !== 1) return false;
    }
    return true;
  }
}

/**
 * Lower-cases A-Z only, so every offset stays where it was (toLowerCase turns U+0130 into two code
 * units); needles are ASCII.
 */
function foldAscii(text: string): string {
  return text.includes("\u0130") ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text.toLowerCase();
}

/**
 * Where a rule's regex may next match, from `from` on: the nearest of its needles, -1 when none is
 * left. `next` caches each needle's next offset, so each needle's search only moves forward.
 */
function nextStart(folded: string, needles: readonly string[], next: number[], from: number): number {
  let best = -1;
  for (let i = 0; i < needles.length; i++) {
    let offset = next[i] as number;
    if (offset !== -1 && offset < from) next[i] = offset = folded.indexOf(needles[i] as string, from);
    if (offset !== -1 && (best === -1 || offset < best)) best = offset;
  }
  return best;
}

/** The secret of a match: its `group`, or from the first group that took part to the end of the last, else the whole match. */
function secretOf(m: RegExpExecArray, group: number | undefined): [start: number, end: number] | undefined {
  const indices = m.indices;
  if (!indices) return undefined;
  if (group !== undefined) {
    const span = indices[group];
    return span && span[1] > span[0] ? [span[0], span[1]] : undefined;
  }
  let start = -1;
  let end = -1;
  for (let g = 1; g < indices.length; g++) {
    const span = indices[g];
    if (!span) continue;
    if (start === -1) start = span[0];
    end = span[1];
  }
  if (start === -1) [start, end] = indices[0] as [number, number];
  return end > start ? [start, end] : undefined;
}

/** Runs the catalog over one reading of the text: rules in order, each tried at its needles, earlier rules winning overlaps. */
function findHits(text: string, rules: readonly SecretRule[] = secretRules): Hit[] {
  const folded = foldAscii(text);
  const pairs = new AsciiPairs(folded);
  const hits: Hit[] = [];
  // One flag per character: checking a span costs its length, so a paste full of tokens stays linear.
  const taken = new Uint8Array(text.length);
  const free = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i] === 1) return false;
    return true;
  };
  for (const rule of rules) {
    const { regex, accept, kind, needles, secretGroup } = rule;
    const next = needles.map((needle) => (pairs.mayHold(needle) ? folded.indexOf(needle) : -1));
    // The regex is global: from the next needle on, it finds the next match itself or there is none.
    for (let from = nextStart(folded, needles, next, 0); from !== -1; from = nextStart(folded, needles, next, regex.lastIndex)) {
      regex.lastIndex = from;
      const m = regex.exec(text);
      if (!m) break;
      if (m[0].length === 0) regex.lastIndex++;
      const span = secretOf(m, secretGroup);
      if (!span || !free(span[0], span[1])) continue;
      if (accept && !accept(text.slice(span[0], span[1]), m)) continue;
      taken.fill(1, span[0], span[1]);
      hits.push({ kind, start: span[0], end: span[1] });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * Merges the secrets found in the text as a terminal shows it (control sequences removed, so a token
 * split by a colour code is whole) into those found with them blanked out: a secret of the second
 * reading that overlaps one of the first widens it; one that overlaps none is added.
 */
function mergeHits(blanked: Hit[], visible: Hit[]): Hit[] {
  const all = [...blanked.map((h) => ({ ...h, first: true })), ...visible.map((h) => ({ ...h, first: false }))].sort((a, b) => a.start - b.start || Number(b.first) - Number(a.first));
  const merged: Hit[] = [];
  for (const hit of all) {
    const last = merged[merged.length - 1];
    if (last && hit.start < last.end) last.end = Math.max(last.end, hit.end);
    else merged.push({ kind: hit.kind, start: hit.start, end: hit.end });
  }
  return merged;
}

/** Finds every secret in the text, left to right, without overlaps; control characters neither hide nor split one. */
export function findSecrets(raw: string): FoundSecret[] {
  const text = normaliseText(raw);
  let hits = findHits(text);
  const visible = withoutControls(raw);
  if (visible) {
    const { offsets } = visible;
    const mapped = findHits(visible.text).map((h) => ({ kind: h.kind, start: offsets[h.start] as number, end: (offsets[h.end - 1] as number) + 1 }));
    hits = mergeHits(hits, mapped);
  }
  return hits.map(({ kind, start, end }) => {
    if (kind !== "jwt") return { kind, start, end };
    const claims = decodeJwt(text.slice(start, end).replace(/\s+/g, ""));
    return { kind, issuerKind: claims ? issuerKindOf(claims) : undefined, start, end, claims };
  });
}

/** Finds what one rule alone finds in the text (for the benchmark and tests of each rule). */
export function findWithRule(rule: SecretRule, text: string): Array<{ start: number; end: number }> {
  return findHits(text, [rule]).map(({ start, end }) => ({ start, end }));
}
