/**
 * The one marker of what an author has still to write: a prompt that starts with "TODO:". `faultline
 * new` leaves prompts (in a scaffold and in a draft made from a paste), and `check` reports each one
 * left, with what to write, until it is replaced. In the body a prompt is an HTML comment, which the
 * site never publishes; in front matter it is a value.
 */
import type { RequiredSection } from "./entry-parts.js";

/** The words that open every prompt. */
export const draftMarker = "TODO:";

/** What to write in each required section: the prompt a new entry starts with. */
export const sectionPrompts: Readonly<Record<RequiredSection, string>> = {
  Symptoms: "write what the reader sees, in the words of the error: the message, the status, the tool or call that printed it",
  Cause: "write the cause in one sentence, then the proof of it, and how to tell this error from its neighbours",
  Fix: "write commands that can be pasted, with UPPER_CASE placeholders, for each tool where they differ: gcloud, aws, az, kubectl, Terraform, the client library",
  Verify: "write the command that proves the fix worked, and what it prints then",
  "Wrong fixes": "write the tempting fixes that do not work, and why each fails",
};

/** The body line that marks a section as unwritten: a comment holding the prompt. */
export function draftComment(prompt: string): string {
  return `<!-- ${draftMarker} ${prompt} -->`;
}

/** The prompt of a front-matter value or body text that is still a draft prompt, else undefined. */
export function draftPromptOf(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return text.startsWith(draftMarker) ? text.slice(draftMarker.length).trim() : undefined;
}

/** The prompt of an HTML comment written by `draftComment`, else undefined. */
export function draftPromptOfComment(html: string): string | undefined {
  const text = html.trim();
  if (!text.startsWith("<!--") || !text.endsWith("-->")) return undefined;
  return draftPromptOf(text.slice(4, -3));
}
