/** `faultline scan`: known errors in logs. */
import { parseArgs } from "node:util";
import { projectSite } from "../project.js";
import { layerOptions, layerSources, linksIn, loadKnowledgeLayers } from "./knowledge-options.js";
import { scanFiles } from "./scan.js";
import type { DescribeEntry } from "./scan-formats/occurrence.js";
import { scanFormats, scanReport, type ScanFormat } from "./scan-formats/scan-report.js";
import { writeOut } from "./stdout.js";
import { UsageError } from "./usage-error.js";
import { engineVersion } from "./version.js";

/** Runs `faultline scan` and returns its exit code: 0 found something, 1 found nothing. */
export async function runScan(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string" }, json: { type: "boolean" }, stats: { type: "boolean" }, "show-secrets": { type: "boolean" }, ...layerOptions },
  });
  if (positionals.length === 0) throw new UsageError("scan needs at least one FILE (- for standard input)");
  const format = formatOf(values.format, values.json === true);
  const bundle = await loadKnowledgeLayers(layerSources(values));
  const links = linksIn(bundle);
  const entries = new Map(bundle.entries.map((entry) => [entry.id, entry]));
  const describe: DescribeEntry = (id) => {
    const entry = entries.get(id);
    return { id, title: entry?.title ?? id, summary: entry?.summary ?? "", page: links(id).page };
  };
  const report = scanReport(format, {
    describe,
    tool: { version: await engineVersion(), informationUri: projectSite },
    listAll: ["faultline", "scan", ...(values.kb ?? []).flatMap((kb) => ["--kb", kb]), ...(values["no-builtin"] ? ["--no-builtin"] : []), ...positionals].map(shellWord).join(" "),
    stats: values.stats === true,
    out: (text) => writeOut(text),
    err: (text) => process.stderr.write(text),
  });
  const found = await scanFiles(bundle, positionals, { showSecrets: values["show-secrets"] === true, found: (occurrence) => report.found(occurrence) });
  report.end();
  return found > 0 ? 0 : 1;
}

function formatOf(format: string | undefined, json: boolean): ScanFormat {
  if (format === undefined) return json ? "json" : "text";
  if (!(scanFormats as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}"; expected ${scanFormats.join(", ")}`);
  if (json && format !== "json") throw new UsageError(`--json is --format json: it cannot go with --format ${format}`);
  return format as ScanFormat;
}

/** A word as a POSIX shell reads it back: quoted when it holds anything but plain path characters. */
function shellWord(word: string): string {
  return /^[\w./:=@%+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
