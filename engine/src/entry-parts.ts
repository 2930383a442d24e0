/**
 * The parts of an entry that tools name without validating one: the providers it can belong to and
 * the body sections it must have. Kept apart from the zod schema so that the browser build (drafts)
 * can use them without zod.
 */

/** Providers an entry can belong to. */
export const providerNames = ["gcp", "aws", "azure", "kubernetes", "generic"] as const;

/** A provider an entry belongs to. */
export type Provider = (typeof providerNames)[number];

/** The body sections every entry must have, in order, as level-2 headings. */
export const requiredSections = ["Symptoms", "Cause", "Fix", "Verify", "Wrong fixes"] as const;

/** One of the body sections every entry must have. */
export type RequiredSection = (typeof requiredSections)[number];
