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
  /** When the fix was last tried for real, and with which tools and versions. */
  readonly verified?: { readonly on: string; readonly with: readonly string[] } | undefined;
  readonly triggers: Condition;
  /** Name of the layer the entry came from (see `Bundle.layers`). */
  readonly layer?: string | undefined;
  /** The entry's markdown file, for entries compiled from a local folder. */
  readonly file?: string | undefined;
}

/** Where a layer of knowledge comes from, and where its entries are published. */
export interface LayerInfo {
  /** "built-in", or the folder or file the layer was read from as it was given. */
  readonly name: string;
  readonly version?: string | undefined;
  /** The date of the layer's newest entry review, YYYY-MM-DD. */
  readonly date?: string | undefined;
  /** The published site of the layer's entries; an entry's page is `${site}entries/ID/`. */
  readonly site?: string | undefined;
}

/** A compiled knowledge base. */
export interface Bundle {
  readonly format: typeof bundleFormat;
  /** The layers the entries came from, lowest first; a later layer's entry replaced an earlier one of the same id. */
  readonly layers?: readonly LayerInfo[] | undefined;
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
