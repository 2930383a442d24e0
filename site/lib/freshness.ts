/**
 * How fresh an entry is, in the words of its page: when its fix was last tried for real and with
 * which tools ("verified"), or that it has not been yet, beside when it was last updated.
 */

/** An entry's `verified` front matter: the day its fix last worked, and the tools and versions it was tried with. */
export interface Verified {
  readonly on: string;
  readonly with: readonly string[];
}

/** "20 November 2026" for "2026-11-20": the one way entry pages write a day. */
export function dayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

/** "gcloud 497.0.0, google-auth-library 9.15 and kubectl 1.31". */
export function toolsText(tools: readonly string[]): string {
  return new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(tools);
}
