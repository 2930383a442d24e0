/**
 * Layered knowledge bases: the built-in entries first, then a team's own folders or bundles on top.
 * An entry of a later layer replaces the entry of the same id below it, and every entry keeps the
 * name of the layer it came from, so a match can say where its explanation was written.
 */
import { bundleFormat, type Bundle, type BundleEntry, type LayerInfo } from "./bundle.js";
import { compareIds } from "./ids.js";

/** One entry that a later layer replaced. */
export interface Replacement {
  readonly id: string;
  /** The layer whose entry now stands. */
  readonly layer: string;
  /** The layer whose entry it replaced. */
  readonly replaced: string;
}

/** A stack of layers and what the upper ones replaced. */
export interface StackedLayers {
  readonly bundle: Bundle;
  readonly replacements: readonly Replacement[];
}

/** The layer name of an entry; entries of a bundle without layer names take the bundle's own name. */
function layerOf(entry: BundleEntry, bundle: Bundle, fallback: string): string {
  return entry.layer ?? bundle.layers?.[bundle.layers.length - 1]?.name ?? fallback;
}

/**
 * Stacks bundles, lowest first: an entry replaces any entry of the same id below it. `names` name the
 * layers of bundles that carry no layer information (a bundle compiled before layers existed).
 */
export function stackLayers(bundles: readonly Bundle[], names: readonly string[] = []): StackedLayers {
  const byId = new Map<string, BundleEntry>();
  const layers: LayerInfo[] = [];
  const replacements: Replacement[] = [];
  bundles.forEach((bundle, i) => {
    const fallback = names[i] ?? `layer ${i + 1}`;
    layers.push(...(bundle.layers ?? [{ name: fallback }]));
    for (const entry of bundle.entries) {
      const layer = layerOf(entry, bundle, fallback);
      const below = byId.get(entry.id);
      if (below) replacements.push({ id: entry.id, layer, replaced: below.layer ?? "" });
      byId.set(entry.id, entry.layer === layer ? entry : { ...entry, layer });
    }
  });
  const entries = [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
  return { bundle: { format: bundleFormat, layers, entries }, replacements };
}

/** The layer an entry came from, with what the bundle knows about it. */
export function layerInfoOf(bundle: Bundle, entry: Pick<BundleEntry, "layer">): LayerInfo | undefined {
  return entry.layer === undefined ? undefined : bundle.layers?.find((layer) => layer.name === entry.layer);
}

/** The page of an entry on its layer's published site, if the layer has one. */
export function entryPageUrl(site: string, id: string): string {
  return new URL(`entries/${encodeURIComponent(id)}/`, site.endsWith("/") ? site : `${site}/`).href;
}
