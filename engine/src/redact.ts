/** Masks secrets in text that Faultline displays: pages, CLI output and JSON. */
import { findSecrets, type FoundSecret } from "./tokens.js";

const knownPrefixes = ["ya29.", "eyJ", "AKIA", "ASIA", "AIza", "1//0"];

/** The masked form of one secret: a recognisable prefix at most, never the secret itself. */
export function maskSecret(secret: string): string {
  const prefix = knownPrefixes.find((p) => secret.startsWith(p)) ?? "";
  return `${prefix}[redacted]`;
}

/** Replaces every secret in the text with its mask; pass `secrets` when already found. */
export function redact(text: string, secrets: readonly FoundSecret[] = findSecrets(text)): string {
  let out = "";
  let at = 0;
  for (const secret of secrets) {
    out += text.slice(at, secret.start) + maskSecret(text.slice(secret.start, secret.end));
    at = secret.end;
  }
  return out + text.slice(at);
}
