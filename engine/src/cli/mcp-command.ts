/** `faultline mcp`: serves the Model Context Protocol on standard input and output. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { layerOptions, layerSources, linksIn, loadKnowledgeLayers } from "./knowledge-options.js";
import { UsageError } from "./usage-error.js";

/** Runs `faultline mcp` until the client closes standard input; only JSON-RPC is written to stdout. */
export async function runMcp(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...layerOptions } });
  if (positionals.length > 0) throw new UsageError(`mcp takes no FILE (got "${positionals[0]}"); clients send errors through the diagnose tool`);
  const bundle = await loadKnowledgeLayers({ ...layerSources(values), sections: true });
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  const [{ createServer }, { StdioServerTransport }] = await Promise.all([import("../mcp/server.js"), import("../mcp/sdk.js")]);
  const server = createServer({ bundle, links: linksIn(bundle), version: pkg.version });
  const closed = new Promise<void>((resolve) => process.stdin.once("end", resolve).once("close", resolve));
  await server.connect(new StdioServerTransport());
  process.stderr.write(`faultline mcp: serving ${bundle.entries.length} entries over stdio (${bundle.layers?.map((l) => l.name).join(" < ") ?? "no layers"})\n`);
  await closed;
  await server.close();
  return 0;
}
