/**
 * The build's gate on the knowledge base: the same check as `faultline check` without running
 * examples (that is the check's job, and it is slow), failing with the same one-line messages.
 */
import path from "node:path";
import { builtinLayerName, checkKnowledge, type Bundle, type CheckedEntry, type CheckResult, type KnowledgeProblem } from "faultline";

/** Thrown when the knowledge base has problems; its message lists every one, one per line. */
export class KnowledgeGateError extends Error {
  override name = "KnowledgeGateError";
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    const lines = problems.map((problem) => problem.format());
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge base; fix ${problems.length === 1 ? "it" : "them"} and build again:\n${lines.join("\n")}`);
  }
}

/** Thrown when a layer of the site is not a folder of entries: pages need the entries' bodies. */
export class KnowledgeLayerError extends Error {
  override name = "KnowledgeLayerError";
}

/** What a clean knowledge base compiles to. */
export interface GateResult {
  readonly bundle: Bundle;
  /** The entries that stand in the stack, each with its layer. */
  readonly entries: readonly CheckedEntry[];
}

/**
 * Checks the knowledge folders as layers, lowest first (the first is the built-in layer, the others are
 * named as given), without running examples.
 */
export async function checkLayers(dirs: string | readonly string[]): Promise<CheckResult> {
  const layers = typeof dirs === "string" ? [dirs] : dirs;
  const bundle = layers.find((dir) => dir.toLowerCase().endsWith(".json"));
  if (bundle) throw new KnowledgeLayerError(`the site is built from folders of entries, whose bodies become pages; ${bundle} is a compiled bundle: give its folder instead`);
  return checkKnowledge(layers.map((dir) => path.resolve(dir)), { examples: false, layerNames: layers.map((dir, i) => (i === 0 ? builtinLayerName : dir)) });
}

/** Checks the knowledge folders and returns their stacked bundle, or throws listing every problem. */
export async function passKnowledgeGate(dirs: string | readonly string[]): Promise<GateResult> {
  const result = await checkLayers(dirs);
  if (result.problems.length > 0) throw new KnowledgeGateError(result.problems);
  return { bundle: result.bundle, entries: result.entries };
}

/** Compiles whatever entries load, reporting problems without failing (for the dev server). */
export async function compileLeniently(dirs: string | readonly string[]): Promise<{ bundle: Bundle; problems: readonly KnowledgeProblem[] }> {
  const result = await checkLayers(dirs);
  return { bundle: result.bundle, problems: result.problems };
}
