/** Diagnosis with no set-up: the built-in knowledge unless a bundle is given. */
import type { Bundle } from "./bundle.js";
import { builtinKnowledge } from "./builtin.js";
import { match, type MatchOptions, type MatchReport } from "./match.js";

/** Options of `diagnose`: those of `match`, and the knowledge to match against. */
export interface DiagnoseOptions extends MatchOptions {
  /** The knowledge to match against; the built-in knowledge by default. */
  readonly bundle?: Bundle | undefined;
}

/** Explains an error text with the built-in knowledge (or `options.bundle`): ranked matches with reasons. */
export async function diagnose(text: string, options: DiagnoseOptions = {}): Promise<MatchReport> {
  const { bundle, ...rest } = options;
  return match(bundle ?? (await builtinKnowledge()), text, rest);
}
