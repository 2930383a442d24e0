/**
 * The one schema of a knowledge entry's front matter. The loader, `faultline check`, the site's content
 * collection and the generated JSON Schema for editors all use it.
 */
import { z } from "zod";
import { factNames, findFact } from "./catalog.js";
import { providerNames } from "./entry-parts.js";
import { operatorNames } from "./operators.js";
import { proveRegexCost } from "./regex-cost.js";

export { providerNames, requiredSections } from "./entry-parts.js";
export type { Provider, RequiredSection } from "./entry-parts.js";

/** A scalar a condition compares against. */
export type ConditionScalar = string | number | boolean | null;

/** A json-rules-engine leaf condition over one fact. */
export interface FactCondition {
  fact: (typeof factNames)[number];
  operator: (typeof operatorNames)[number];
  value: ConditionScalar | ConditionScalar[];
  /** A JSONPath into an object fact, such as `$.aud` on `jwt`. */
  path?: string | undefined;
}

/** A json-rules-engine condition tree: `all`, `any`, `not`, or a fact condition. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FactCondition;

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(", ");

const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const factConditionSchema = z
  .object({
    fact: z.enum(factNames, {
      errorMap: (_issue, ctx) => ({
        message: `unknown fact ${JSON.stringify(ctx.data)}; expected one of ${quoted(factNames)}`,
      }),
    }),
    operator: z.enum(operatorNames, {
      errorMap: (_issue, ctx) => ({
        message: `unknown operator ${JSON.stringify(ctx.data)}; expected one of ${quoted(operatorNames)}`,
      }),
    }),
    // The list first: a scalar tried against a list fails cheaply, while a list tried against the
    // scalar union fails it whole, and every failed union builds ZodErrors with stack traces.
    value: z.union([z.array(scalarSchema), scalarSchema], {
      errorMap: () => ({ message: "value must be a string, number, boolean, null, or a list of them" }),
    }),
    path: z.string().startsWith("$", { message: 'path must be a JSONPath starting with "$", e.g. "$.aud"' }).optional(),
  })
  .strict()
  .superRefine((leaf, ctx) => {
    const spec = findFact(leaf.fact);
    if (leaf.path !== undefined && spec && !spec.type.startsWith("object")) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["path"], message: `path only applies to object facts; "${leaf.fact}" is ${spec.type}` });
    }
    if (leaf.operator === "matchesRegex") {
      if (typeof leaf.value !== "string") {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: "matchesRegex takes one regular expression as a string" });
        return;
      }
      // The cost proof runs here, synchronously, so every way in (markdown, bundles, the site's gate) has it.
      const risk = proveRegexCost(leaf.value);
      if (risk) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: risk.message, params: { hint: risk.hint } });
    }
    if (leaf.operator === "containsPhrase") {
      const phrases = Array.isArray(leaf.value) ? leaf.value : [leaf.value];
      if (phrases.length === 0 || phrases.some((p) => typeof p !== "string" || p.trim() === "")) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: "containsPhrase takes a non-empty phrase or a list of non-empty phrases" });
      }
    }
    if ((leaf.operator === "in" || leaf.operator === "notIn") && !Array.isArray(leaf.value)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["value"], message: `${leaf.operator} takes a list of values, e.g. [401, 403]` });
    }
  });

/** Schema of a trigger condition tree. */
// Zod tries the options in order, and a failed option that holds a union fails that union whole, which
// builds ZodErrors with stack traces. all and any fail cheaply on other nodes; a leaf tried on a branch
// fails its value union, and not tried on anything else fails a whole nested condition; so they come
// last. The order is also how load.ts picks the branch an author meant (conditionBranches).
// zod's lazy calls its getter on every parse, at every node of every tree; building the union once
// made loading 1,000 entries about a third faster.
export const conditionSchema: z.ZodType<Condition, z.ZodTypeDef, unknown> = z.lazy(() => (conditionUnion ??= z.union([
  z.object({ all: z.array(conditionSchema).min(1, { message: "all needs at least one condition" }) }).strict(),
  z.object({ any: z.array(conditionSchema).min(1, { message: "any needs at least one condition" }) }).strict(),
  factConditionSchema,
  z.object({ not: conditionSchema }).strict(),
]))) as z.ZodType<Condition, z.ZodTypeDef, unknown>;
let conditionUnion: z.ZodTypeAny | undefined;

/** The keys that pick a branch of `conditionSchema`'s union, in its order; a leaf has none of them. */
export const conditionBranches = ["all", "any", undefined, "not"] as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A facet value (a tag or service): each names a page, /tags/VALUE/, so it must be a slug and can never be a path. */
const facetValue = (what: string) =>
  z.string().refine(
    (value) => slug.test(value),
    (value) => {
      const suggestion = value.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
      return {
        message: `${what} ${JSON.stringify(value)} is not a slug: each ${what} names a page (/${what}s/VALUE/), so it must be lowercase words joined by -`,
        params: { hint: suggestion ? `write ${JSON.stringify(suggestion)}` : "e.g. cloud-run" },
      };
    },
  );

/** A date written YYYY-MM-DD; YAML reads an unquoted one as a Date, which is turned back into that form. */
const dateSchema = (field: string) =>
  z.preprocess(
    (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
    z.string().regex(isoDate, { message: `${field} must be a date written YYYY-MM-DD` }),
  );

/** Schema of `verified`: when the fix was last tried for real, and with which tools and versions. */
export const verifiedSchema = z
  .object({
    /** The day the fix was last tried and worked. */
    on: dateSchema("verified.on").describe("The day the fix was last tried and worked, YYYY-MM-DD."),
    /** The tools and libraries it was tried with, each with its version: "gcloud 497.0.0", "google-auth-library 9.15". */
    with: z
      .array(
        z.string().refine((tool) => /^\S.*\s\S*\d/.test(tool), (tool) => ({
          message: `${JSON.stringify(tool)} does not name a tool and its version`,
          params: { hint: 'write the tool, a space and the version it was tried with, e.g. "gcloud 497.0.0"' },
        })),
      )
      .min(1, { message: "verified.with names at least one tool and its version" })
      .describe('The tools and libraries the fix was tried with, each with its version: "gcloud 497.0.0".'),
  })
  .strict()
  .describe("When the fix was last tried for real, and with which tools and versions.");

/** Schema of an entry's front matter. */
export const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: "id must be kebab-case (lowercase words joined by -)" }),
    title: z.string().min(5, { message: "title is too short to tell the reader anything" }),
    summary: z
      .string()
      .min(20, { message: "summary must state the diagnosis in one line" })
      .refine((s) => !s.includes("\n"), { message: "summary must be one line" }),
    provider: z.enum(providerNames, {
      errorMap: (_issue, ctx) => ({ message: `unknown provider ${JSON.stringify(ctx.data)}; expected one of ${quoted(providerNames)}` }),
    }),
    services: z.array(facetValue("service")).default([]),
    http: z.array(z.number().int().min(100).max(599)).default([]),
    codes: z.array(z.string()).default([]),
    tags: z.array(facetValue("tag")).default([]),
    related: z.array(z.string()).default([]),
    updated: dateSchema("updated"),
    verified: verifiedSchema.optional(),
    triggers: conditionSchema,
    examples: z.array(z.string().min(1)).min(2, { message: "give at least two examples of the error as people paste it" }),
    counterexamples: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** An entry's validated front matter. */
export type EntryMeta = z.output<typeof entrySchema>;

/** An entry's front matter as an author writes it. */
export type EntryMetaInput = z.input<typeof entrySchema>;
