/** `faultline compile`: the stacked layers as one bundle. */
import { parseArgs } from "node:util";
import type { Bundle } from "../bundle.js";
import { layerOptions, layerSources, loadKnowledgeLayers } from "./knowledge-options.js";
import { writeOutputFile } from "./output.js";
import { writeOut } from "./stdout.js";
import { UsageError } from "./usage-error.js";

/** The bundle with the top layer renamed and given a site, as `--name` and `--site` ask. */
function describeTopLayer(bundle: Bundle, name: string | undefined, site: string | undefined): Bundle {
  const layers = bundle.layers ?? [];
  const top = layers[layers.length - 1];
  if (!top || (name === undefined && site === undefined)) return bundle;
  const renamed = { ...top, ...(name === undefined ? {} : { name }), ...(site === undefined ? {} : { site }) };
  return {
    ...bundle,
    layers: [...layers.slice(0, -1), renamed],
    entries: bundle.entries.map((entry) => (entry.layer === top.name ? { ...entry, layer: renamed.name } : entry)),
  };
}

/** Runs `faultline compile`. */
export async function runCompile(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    allowPositionals: false,
    options: { out: { type: "string" }, name: { type: "string" }, site: { type: "string" }, ...layerOptions },
  });
  if (values.site !== undefined && !URL.canParse(values.site)) throw new UsageError(`--site must be a URL, like https://kb.example.com/ (got ${JSON.stringify(values.site)})`);
  const bundle = describeTopLayer(await loadKnowledgeLayers(layerSources(values)), values.name, values.site);
  const json = `${JSON.stringify(bundle)}\n`;
  if (values.out) writeOutputFile(values.out, json);
  else writeOut(json);
  return 0;
}
