/** `faultline scan`: known errors in logs. */
import { parseArgs } from "node:util";
import { layerOptions, layerSources, loadKnowledgeLayers } from "./knowledge-options.js";
import { scanFiles } from "./scan.js";
import { UsageError } from "./usage-error.js";

/** Runs `faultline scan` and returns its exit code: 0 found something, 1 found nothing. */
export async function runScan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, "show-secrets": { type: "boolean" }, ...layerOptions },
  });
  if (positionals.length === 0) throw new UsageError("scan needs at least one FILE (- for standard input)");
  const bundle = await loadKnowledgeLayers(layerSources(values));
  const found = await scanFiles(bundle, positionals, {
    json: values.json === true,
    showSecrets: values["show-secrets"] === true,
    write: (line) => process.stdout.write(line),
  });
  return found > 0 ? 0 : 1;
}
