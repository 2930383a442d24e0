/**
 * A compiled bundle from another source (a knowledge layer, `--kb BUNDLE.json`) checked like markdown
 * is: every entry against the schema's metadata and trigger parts, so its regexes get the cost proof
 * and an unknown operator is a problem rather than a stack trace in the matcher. Problems name the
 * bundle, the entry's index and id, and the field; the entries that pass make the bundle returned.
 */
import { bundleFormat, type Bundle, type BundleEntry } from "./bundle.js";
import { describeIssues, formatField, type FieldPath } from "./load.js";
import { KnowledgeProblem } from "./problem.js";
import { z } from "zod";
import { entrySchema } from "./schema.js";

/** An entry's body sections, as `compileBundle` writes them for readers. */
const sectionsSchema = z.object({ symptoms: z.string(), cause: z.string(), fix: z.string(), verify: z.string(), wrongFixes: z.string() }).strict();

/** The fields of an entry a bundle carries: the front matter without examples and counterexamples, where it came from, and optionally its body sections. */
const bundleEntrySchema = entrySchema.omit({ examples: true, counterexamples: true }).extend({ layer: z.string().optional(), file: z.string().optional(), sections: sectionsSchema.optional() });

const layersSchema = z.array(z.object({ name: z.string(), version: z.string().optional(), date: z.string().optional(), site: z.string().url().optional() }).strict());

/** What `checkBundle` found: the entries that passed, as a bundle, and every problem. */
export interface BundleCheck {
  readonly bundle: Bundle;
  readonly problems: readonly KnowledgeProblem[];
}

/** Validates a bundle (JSON text or parsed) from `source`, the name printed in problems. */
export function checkBundle(json: unknown, source: string): BundleCheck {
  const problems: KnowledgeProblem[] = [];
  const problem = (field: string, message: string, hint?: string) => problems.push(new KnowledgeProblem({ file: source, line: 1, column: 1, field, message, hint }));
  const empty: Bundle = { format: bundleFormat, entries: [] };
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (error) {
      problem("bundle", `is not JSON: ${(error as Error).message}`, "rebuild it with faultline compile");
      return { bundle: empty, problems };
    }
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    problem("bundle", "a bundle must be a JSON object", "rebuild it with faultline compile");
    return { bundle: empty, problems };
  }
  const { format, entries, layers } = value as { format?: unknown; entries?: unknown; layers?: unknown };
  const parsedLayers = layers === undefined ? undefined : layersSchema.safeParse(layers);
  if (parsedLayers && !parsedLayers.success) {
    for (const issue of describeIssues(parsedLayers.error.issues, layers)) problem(`layers${issue.path.length > 0 ? formatField(issue.path).replace(/^(?!\[)/, ".") : ""}`, issue.message, issue.hint);
  }
  if (format !== bundleFormat) problem("format", `bundle format is ${JSON.stringify(format)}, expected "${bundleFormat}"`, "rebuild it with this version of faultline");
  if (!Array.isArray(entries)) problem("entries", "bundle.entries must be a list");
  if (problems.length > 0) return { bundle: empty, problems };

  const valid: BundleEntry[] = [];
  const seen = new Set<string>();
  (entries as unknown[]).forEach((entry, index) => {
    const id = entry && typeof entry === "object" && typeof (entry as { id?: unknown }).id === "string" ? (entry as { id: string }).id : undefined;
    const where = (path: FieldPath) => `entries[${index}]${id ? ` (${id})` : ""}${path.length > 0 ? `.${formatField(path)}` : ""}`;
    const parsed = bundleEntrySchema.safeParse(entry);
    if (!parsed.success) {
      for (const issue of describeIssues(parsed.error.issues, entry)) problem(where(issue.path), issue.message, issue.hint);
      return;
    }
    if (seen.has(parsed.data.id)) {
      problem(where(["id"]), `duplicate id "${parsed.data.id}"`, "ids must be unique within a bundle");
      return;
    }
    seen.add(parsed.data.id);
    valid.push(parsed.data);
  });
  const kept = parsedLayers?.success ? { layers: parsedLayers.data } : {};
  return { bundle: { format: bundleFormat, ...kept, entries: valid }, problems };
}
