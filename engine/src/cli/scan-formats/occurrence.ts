/** What `scan` found, as every output format reads it. */
import { createHash } from "node:crypto";
import { normaliseText } from "../../control-characters.js";

/** A known error on one line of a log. */
export interface Occurrence {
  /** The file as given on the command line; - for standard input. */
  readonly file: string;
  /** Line number, from 1. */
  readonly line: number;
  /** The entry that matched best. */
  readonly id: string;
  /** The entry's layer, named only when layers are stacked and it is not the built-in one. */
  readonly layer?: string | undefined;
  readonly score: number;
  /** The line's start (at most 200 characters), secrets masked unless --show-secrets; control characters kept. */
  readonly text: string;
}

/** What the formats say about an entry: its title and summary, and where to read it. */
export interface EntryDescription {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly page?: string | undefined;
}

/** Looks up an entry that fired; formats are handed this instead of the bundle. */
export type DescribeEntry = (id: string) => EntryDescription;

/**
 * The line as a terminal, an annotation or a report shows it: control characters blanked, trimmed. A
 * terminal would act on the log's own (titles, colours, carriage returns), and a CI page garble them.
 */
export function excerptOf(occurrence: Occurrence): string {
  return normaliseText(occurrence.text).trim();
}

/**
 * A stable identity of an occurrence across runs (SARIF's partialFingerprints, GitLab's fingerprint):
 * the same entry on the same line of the same file, with the same text, is the same finding.
 */
export function fingerprintOf(occurrence: Occurrence): string {
  return createHash("sha256").update(JSON.stringify([occurrence.id, occurrence.file, occurrence.line, excerptOf(occurrence)])).digest("hex");
}

/** "1 occurrence", "75,000 more occurrences": a count as the formats' notes say it. */
export function occurrenceCount(count: number, qualifier?: string): string {
  return `${count.toLocaleString("en-US")}${qualifier ? ` ${qualifier}` : ""} occurrence${count === 1 ? "" : "s"}`;
}
