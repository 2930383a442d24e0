/**
 * The literal strings a bundle's triggers can hold on: phrases, reasons, codes and statuses.
 * A text that contains none of them cannot satisfy any trigger, so `scan` skips it cheaply.
 */
import type { Bundle } from "./bundle.js";
import type { Condition } from "./schema.js";

const literalFacts = new Set(["reasons", "codes", "status"]);

function leafLiterals(condition: Condition): string[] | undefined {
  if (!("fact" in condition)) return undefined;
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  if (condition.fact === "text" && condition.operator === "containsPhrase") return values.map(String);
  if (literalFacts.has(condition.fact) && (condition.operator === "contains" || condition.operator === "equal" || condition.operator === "in")) {
    return values.map(String);
  }
  return undefined;
}

/**
 * Literals of which at least one must occur for the condition to hold, or undefined when the
 * condition can hold without any literal (a status code alone, a regex, a negation).
 */
export function requiredLiterals(condition: Condition): string[] | undefined {
  if ("all" in condition) {
    // Any one child's requirement is enough for the whole; the shortest list filters best.
    const options = condition.all.map(requiredLiterals).filter((l): l is string[] => l !== undefined);
    return options.sort((a, b) => a.length - b.length)[0];
  }
  if ("any" in condition) {
    const parts = condition.any.map(requiredLiterals);
    return parts.every((p): p is string[] => p !== undefined) ? parts.flat() : undefined;
  }
  if ("not" in condition) return undefined;
  return leafLiterals(condition);
}

/** Literals that together gate every entry of the bundle, or undefined if some entry has no literal gate. */
export function bundleLiterals(bundle: Bundle): string[] | undefined {
  const all = new Set<string>();
  for (const entry of bundle.entries) {
    const literals = requiredLiterals(entry.triggers);
    if (!literals) return undefined;
    for (const literal of literals) all.add(literal.toLowerCase().replace(/\s+/g, " ").trim());
  }
  return [...all];
}
