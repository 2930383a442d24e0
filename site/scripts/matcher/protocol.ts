/** Messages between the matcher page and its worker. Everything crosses by structured clone. */
import type { MatchReport } from "faultline/browser";

/** Page → worker. The page fetches the bundle once and hands its text to every worker it starts. */
export type MatcherRequest =
  | { readonly type: "init"; readonly bundleJson: string }
  | { readonly type: "match"; readonly seq: number; readonly text: string; readonly now: number }
  | { readonly type: "draft"; readonly seq: number; readonly text: string; readonly today: string };

/** One match run, with every secret of the paste already masked by the engine. */
export interface MatcherResult {
  readonly report: MatchReport;
  /** `maskSecret` of each `report.secrets[i]`, same order: the page never needs the secret itself. */
  readonly masks: readonly string[];
  /** The engine's name of the built-in layer: matches from other layers say where they come from. */
  readonly builtinLayer: string;
}

/** A draft entry made from a paste, redacted by the engine before anything of it reaches the page. */
export interface DraftResult {
  /** The proposed entry id: the file is knowledge/ID.md. */
  readonly id: string;
  /** The whole entry file: front matter, the redacted paste as its first example, section prompts. */
  readonly markdown: string;
  /** How many secrets the engine masked in the paste before drafting. */
  readonly secretsMasked: number;
}

/** Worker → page. */
export type MatcherResponse =
  | { readonly type: "ready"; readonly entryCount: number; readonly maxInputLength: number }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "result"; readonly seq: number; readonly result: MatcherResult }
  | { readonly type: "draft"; readonly seq: number; readonly draft: DraftResult }
  | { readonly type: "error"; readonly seq: number; readonly message: string };
