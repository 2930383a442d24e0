/**
 * Words that make an entry findable by its error codes, whole and in parts. Pagefind splits
 * `ACCESS_TOKEN_SCOPE_INSUFFICIENT` or `iam.serviceAccounts.getAccessToken` in its own way, so the
 * entry page carries an indexed (not displayed) block with each code, its parts and its parts run
 * together. Codes come from the front matter and from what the engine recognises in the examples.
 */
import type { EntryMeta } from "faultline";
import { extractFacts } from "faultline/browser";

// Split at punctuation, and where letters meet digits (AADSTS7000215 → AADSTS 7000215).
const separators = /[_.:/\-\s]+|(?<=[A-Za-z])(?=[0-9])/;

/** A code, its parts split at _ . : / - and letter-digit boundaries, and the parts run together. */
export function codeVariants(code: string): string[] {
  const parts = code.split(separators).filter((part) => part.length > 0);
  const variants = [code, ...parts];
  if (parts.length > 1) variants.push(parts.join(" "), parts.join(""));
  return [...new Set(variants)];
}

/** Codes, reasons, statuses and permissions named by an entry and found in its examples. */
export function entryCodes(meta: Pick<EntryMeta, "codes" | "examples">): string[] {
  const found = new Set<string>(meta.codes);
  for (const example of meta.examples) {
    const { facts } = extractFacts(example, { now: 0 });
    for (const value of [...facts.reasons, ...facts.codes, ...facts.permissions, ...(facts.status ? [facts.status] : [])]) found.add(value);
  }
  return [...found];
}

/** The keyword block's words for one entry. */
export function searchKeywords(meta: Pick<EntryMeta, "codes" | "examples">): string[] {
  return [...new Set(entryCodes(meta).flatMap(codeVariants))];
}
