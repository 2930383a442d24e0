/**
 * Reading knowledge layers from where a user keeps them: the built-in knowledge first (unless left
 * out), then folders of markdown entries and compiled bundles, in the order given. Node only.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Bundle } from "./bundle.js";
import { builtinKnowledgeFromFiles } from "./builtin-files.js";
import { stackLayers, type Replacement } from "./layers.js";
import { packageRoot } from "./package-root.js";
import type { KnowledgeProblem } from "./problem.js";

/** Which layers to read. */
export interface LayerSources {
  /** Whether the built-in knowledge is the first layer. */
  readonly builtin: boolean;
  /** Folders of markdown entries and compiled bundles (`*.json`), lowest first. */
  readonly paths: readonly string[];
  /** Whether entries carry their body sections (for showing entries; bundle layers carry what they were compiled with). */
  readonly sections?: boolean | undefined;
}

/** The knowledge the layers stack up to, and what was wrong on the way. */
export interface LoadedLayers {
  readonly bundle: Bundle;
  readonly replacements: readonly Replacement[];
  /** Problems of folder and bundle layers; their broken entries are left out of the bundle. */
  readonly problems: readonly KnowledgeProblem[];
}

/** Thrown when a layer cannot be read at all (a missing folder, a file that is not a bundle). */
export class LayerError extends Error {
  override name = "LayerError";
  constructor(
    readonly layer: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`knowledge layer ${layer}: ${message}`, options);
  }
}

/** The layer paths a user gave: FAULTLINE_KB's path list (split like PATH), then each --kb, in order. */
export function layerPaths(envList: string | undefined, flags: readonly string[] = []): string[] {
  return [...(envList ?? "").split(path.delimiter).filter((p) => p.trim() !== ""), ...flags];
}

/** Whether a layer path names a compiled bundle rather than a folder of entries. */
export function isBundlePath(layer: string): boolean {
  return layer.toLowerCase().endsWith(".json");
}

/**
 * The knowledge/ folder the built-in knowledge is compiled from, when this engine runs from the
 * project's own checkout (engine/ beside knowledge/); undefined in an installed package.
 */
export function builtinSource(): string | undefined {
  const engineDir = packageRoot();
  const knowledge = path.join(engineDir, "..", "knowledge");
  return path.basename(engineDir) === "engine" && existsSync(path.join(knowledge, "README.md")) ? knowledge : undefined;
}

/** Whether a folder is the built-in knowledge's own source: checking it replaces the built-in layer rather than stacking on it. */
export function isBuiltinSource(dir: string): boolean {
  const source = builtinSource();
  return source !== undefined && path.resolve(dir) === path.resolve(source);
}

function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

async function readBundleLayer(file: string, problems: KnowledgeProblem[]): Promise<Bundle> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new LayerError(file, `cannot read it (${reason(error)})`, { cause: error });
  }
  // A bundle can come from anywhere: it is checked like markdown (the schema, the regex cost proof),
  // and only its valid entries stack. Imported here, like check.js below: the built-in layer never needs it.
  const { checkBundle } = await import("./bundle-check.js");
  const checked = checkBundle(text, file);
  problems.push(...checked.problems);
  return checked.bundle;
}

/** Reads and stacks the layers; folders are checked like `faultline check` does, without running examples. */
export async function loadLayers(sources: LayerSources): Promise<LoadedLayers> {
  let base: Bundle | undefined = !sources.builtin ? undefined : sources.sections ? await (await import("./builtin-sections.js")).builtinKnowledgeWithSections() : await builtinKnowledgeFromFiles();
  const problems: KnowledgeProblem[] = [];
  const replacements: Replacement[] = [];
  for (const layer of sources.paths) {
    if (isBundlePath(layer)) {
      const stacked = stackLayers([...(base ? [base] : []), await readBundleLayer(layer, problems)], base ? ["", layer] : [layer]);
      replacements.push(...stacked.replacements);
      base = stacked.bundle;
      continue;
    }
    if (!existsSync(layer) || !statSync(layer).isDirectory()) throw new LayerError(layer, "is neither a folder of entries nor a bundle (.json)");
    // Imported here: only folders need the schema and the markdown parsers, never a bundle or the built-in layer.
    const { checkKnowledge } = await import("./check.js");
    const checked = await checkKnowledge([layer], { examples: false, base, sections: sources.sections });
    problems.push(...checked.problems);
    replacements.push(...checked.replacements);
    base = checked.bundle;
  }
  return { bundle: base ?? stackLayers([]).bundle, replacements, problems };
}
