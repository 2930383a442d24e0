/**
 * Credentials inside pasted text: where they are, what kind they are, and the claims of JWTs.
 * JWTs are decoded locally; nothing here verifies a signature or talks to any server.
 */

/** Kinds of secrets and tokens Faultline recognises. */
export type TokenKind =
  | "google-access-token"
  | "google-refresh-token"
  | "google-api-key"
  | "jwt"
  | "aws-access-key-id"
  | "aws-temporary-access-key-id"
  | "aws-secret-access-key"
  | "azure-client-secret"
  | "private-key"
  | "bearer-token"
  | "url-password"
  | "password";

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

interface SecretPattern {
  readonly kind: TokenKind;
  readonly regex: RegExp;
  /** The capture group holding the secret; 0 for the whole match. */
  readonly group: number;
  /** False when the text cannot hold a match: a cheap test that spares running a slow regex. */
  readonly possible?: (text: string) => boolean;
}

// Order matters: earlier patterns win when spans overlap (a JWT inside "Bearer …" stays a JWT).
const patterns: readonly SecretPattern[] = [
  { kind: "private-key", regex: /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]{0,8192}?-----END [A-Z ]*PRIVATE KEY-----/g, group: 0 },
  { kind: "jwt", regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, group: 0 },
  { kind: "google-access-token", regex: /\bya29\.[A-Za-z0-9_.-]{10,}/g, group: 0 },
  { kind: "google-refresh-token", regex: /\b1\/\/0[A-Za-z0-9_-]{20,}/g, group: 0 },
  { kind: "google-api-key", regex: /\bAIza[0-9A-Za-z_-]{35}/g, group: 0 },
  { kind: "aws-access-key-id", regex: /\bAKIA[A-Z0-9]{16}\b/g, group: 0 },
  { kind: "aws-temporary-access-key-id", regex: /\bASIA[A-Z0-9]{16}\b/g, group: 0 },
  { kind: "aws-secret-access-key", regex: /aws_?secret_?access_?key["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/gi, group: 1 },
  { kind: "azure-client-secret", regex: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}8Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g, group: 0 },
  { kind: "azure-client-secret", regex: /client_?secret["']?\s*[:=]\s*["']?([^\s"'&,;]{8,})/gi, group: 1 },
  {
    kind: "url-password",
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@"'<>]+:([^\s@/?#"'<>]+)@/gi,
    group: 1,
    // The regex starts with a character class, so it is tried at every offset; a match needs :// and an @ after it.
    possible: (text) => {
      const scheme = text.indexOf("://");
      return scheme >= 0 && text.indexOf("@", scheme) >= 0;
    },
  },
  { kind: "password", regex: /\b(?:password|passwd|pwd)["']?\s*[:=]\s*["']?([^\s"'&,;]{4,})/gi, group: 1 },
  { kind: "bearer-token", regex: /\bBearer\s+([A-Za-z0-9._~+/-]{16,}=*)/g, group: 1 },
];

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

/** Finds every secret in the text, left to right, without overlaps. */
export function findSecrets(text: string): FoundSecret[] {
  const found: FoundSecret[] = [];
  // One flag per character: checking a span costs its length, so a paste full of tokens stays linear
  // (a list of taken spans made a 512 KiB paste of access tokens take two seconds).
  const taken = new Uint8Array(text.length);
  const overlaps = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i] === 1) return true;
    return false;
  };
  for (const { kind, regex, group, possible } of patterns) {
    if (possible && !possible(text)) continue;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const secret = m[group];
      if (secret === undefined || secret.length === 0) continue;
      const start = m.index + (group === 0 ? 0 : m[0].lastIndexOf(secret));
      const end = start + secret.length;
      if (overlaps(start, end)) continue;
      taken.fill(1, start, end);
      if (kind === "jwt") {
        const claims = decodeJwt(secret);
        found.push({ kind, issuerKind: claims ? issuerKindOf(claims) : undefined, start, end, claims });
      } else {
        found.push({ kind, start, end });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
