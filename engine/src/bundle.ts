/**
 * The compiled knowledge base: entry metadata and triggers as plain JSON, built once at build time and
 * loaded by the CLI and the browser without gray-matter, remark or zod.
 */
import type { Condition, Provider } from "./schema.js";

/** The format tag every bundle carries, so a stale bundle is refused rather than misread. */
export const bundleFormat = "faultline-bundle@1";

/** One entry as the matcher needs it. */
export interface BundleEntry {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly provider: Provider;
  readonly services: readonly string[];
  readonly http: readonly number[];
  readonly codes: readonly string[];
  readonly tags: readonly string[];
  readonly related: readonly string[];
  readonly updated: string;
  readonly triggers: Condition;
}

/** A compiled knowledge base. */
export interface Bundle {
  readonly format: typeof bundleFormat;
  readonly entries: readonly BundleEntry[];
}

/** Error thrown when JSON handed to `loadBundle` is not a bundle this engine can read. */
export class BundleFormatError extends Error {
  override name = "BundleFormatError";
}

/** Checks the shape of parsed JSON and returns it as a bundle. */
export function loadBundle(json: unknown): Bundle {
  const value = typeof json === "string" ? (JSON.parse(json) as unknown) : json;
  if (!value || typeof value !== "object") throw new BundleFormatError("a bundle must be a JSON object");
  const { format, entries } = value as { format?: unknown; entries?: unknown };
  if (format !== bundleFormat) {
    throw new BundleFormatError(`bundle format is ${JSON.stringify(format)}, expected "${bundleFormat}": rebuild it with this version of faultline`);
  }
  if (!Array.isArray(entries)) throw new BundleFormatError("bundle.entries must be a list");
  entries.forEach((entry: unknown, index) => {
    const e = entry as Partial<BundleEntry> | null;
    if (!e || typeof e.id !== "string" || typeof e.title !== "string" || !e.triggers || typeof e.triggers !== "object") {
      throw new BundleFormatError(`bundle.entries[${index}] lacks an id, a title or triggers`);
    }
  });
  return value as Bundle;
}
