/** The knowledge options every command shares (--kb, --no-builtin, FAULTLINE_KB), and loading what they name. */
import path from "node:path";
import type { Bundle } from "../bundle.js";
import { entryPageUrl, layerInfoOf } from "../layers.js";
import { layerPaths, LayerError, loadLayers, type LayerSources } from "../layer-sources.js";
import { MissingDependencyError } from "../missing-dependency.js";
import { builtinLayerName, projectSite } from "../project.js";
import { UsageError } from "./usage-error.js";

/** The parseArgs options of the knowledge layers. */
export const layerOptions = {
  kb: { type: "string", multiple: true },
  "no-builtin": { type: "boolean" },
} as const;

/** The layers the parsed options and FAULTLINE_KB name. */
export function layerSources(values: { readonly kb?: string[] | undefined; readonly "no-builtin"?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): LayerSources {
  return { builtin: values["no-builtin"] !== true, paths: layerPaths(env["FAULTLINE_KB"], values.kb ?? []) };
}

/** Turns the errors of reading layers into one-line usage errors. */
export function asUsageError(error: unknown): unknown {
  if (error instanceof LayerError || error instanceof MissingDependencyError) return new UsageError(error.message, { cause: error });
  const code = (error as NodeJS.ErrnoException).code;
  return code ? new UsageError(`cannot read the knowledge: ${code}`, { cause: error }) : error;
}

/** Loads the stacked knowledge for matching; a layer with problems is refused, naming the first. */
export async function loadKnowledgeLayers(sources: LayerSources): Promise<Bundle> {
  if (!sources.builtin && sources.paths.length === 0) throw new UsageError("no knowledge to match against: --no-builtin needs a --kb FOLDER or BUNDLE.json (or FAULTLINE_KB)");
  const loaded = await loadLayers(sources).catch((error: unknown) => {
    throw asUsageError(error);
  });
  const first = loaded.problems[0];
  if (first) throw new UsageError(`${loaded.problems.length} problem(s) in the knowledge layers; run "faultline check" on them (first: ${first.format()})`);
  return loaded.bundle;
}

/** Where a person can read an entry: its page on the published site, and its file for a local layer. */
export interface EntryLinks {
  readonly layer?: string | undefined;
  readonly page?: string | undefined;
  readonly file?: string | undefined;
}

/**
 * How to find each entry's links in a bundle. The built-in layer is published on the project's site
 * (or FAULTLINE_SITE); a layer that names its own site keeps it; a local folder's entries are on
 * FAULTLINE_SITE when it is set (a team that builds its own site) and always name their file.
 */
export function linksIn(bundle: Bundle, env: NodeJS.ProcessEnv = process.env): (id: string) => EntryLinks {
  const override = env["FAULTLINE_SITE"]?.trim() || undefined;
  const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  return (id) => {
    const entry = byId.get(id);
    if (!entry) return {};
    const layer = layerInfoOf(bundle, entry);
    const builtin = entry.layer === builtinLayerName;
    const site = builtin ? (override ?? layer?.site ?? projectSite) : (layer?.site ?? override);
    return {
      layer: entry.layer,
      ...(site ? { page: entryPageUrl(site, id) } : {}),
      ...(entry.file ? { file: path.relative(process.cwd(), entry.file) || entry.file } : {}),
    };
  };
}
