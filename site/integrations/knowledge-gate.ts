/**
 * The build's gate on the knowledge base: the same check as `faultline check` without running
 * examples (that is the check's job, and it is slow), failing with the same one-line messages.
 */
import path from "node:path";
import { checkKnowledge, type Bundle, type KnowledgeProblem, type LoadedEntry } from "../../engine/src/index.ts";

/** Thrown when the knowledge base has problems; its message lists every one, one per line. */
export class KnowledgeGateError extends Error {
  override name = "KnowledgeGateError";
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    const lines = problems.map((problem) => problem.format());
    super(`${problems.length} problem${problems.length === 1 ? "" : "s"} in the knowledge base; fix ${problems.length === 1 ? "it" : "them"} and build again:\n${lines.join("\n")}`);
  }
}

/** What a clean knowledge base compiles to. */
export interface GateResult {
  readonly bundle: Bundle;
  readonly entries: readonly LoadedEntry[];
}

/** Checks the knowledge directory and returns its bundle, or throws listing every problem. */
export async function passKnowledgeGate(dir: string): Promise<GateResult> {
  const result = await checkKnowledge(path.resolve(dir), { examples: false });
  if (result.problems.length > 0) throw new KnowledgeGateError(result.problems);
  return { bundle: result.bundle, entries: result.entries };
}

/** Compiles whatever entries load, reporting problems without failing (for the dev server). */
export async function compileLeniently(dir: string): Promise<{ bundle: Bundle; problems: readonly KnowledgeProblem[] }> {
  const result = await checkKnowledge(path.resolve(dir), { examples: false });
  return { bundle: result.bundle, problems: result.problems };
}
