/** Checks that a trigger's regular expression compiles and cannot backtrack super-linearly. */
import safeRegex from "safe-regex2";

/** Explains why a trigger regex is rejected, or returns undefined when it is fine. */
export function describeRegexRisk(source: string): string | undefined {
  try {
    new RegExp(source, "i");
  } catch (error) {
    return `invalid regular expression /${source}/: ${(error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "")}`;
  }
  if (!safeRegex(source)) {
    return `regular expression /${source}/ nests quantifiers (like (a+)+) or repeats too often, so it can backtrack super-linearly on a long paste; rewrite it without a quantifier inside a quantified group`;
  }
  return undefined;
}
