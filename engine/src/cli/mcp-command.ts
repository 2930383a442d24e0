/** `faultline mcp`: serves the Model Context Protocol on standard input and output. */
import { parseArgs } from "node:util";
import { layerOptions, layerSources, linksIn, loadKnowledgeLayers } from "./knowledge-options.js";
import { exitOnOutputError } from "./output.js";
import { UsageError } from "./usage-error.js";
import { engineVersion } from "./version.js";

/**
 * The longest message read, in bytes: a pasted log of 12 MiB is answered (diagnose reads its first
 * 512 KiB); a longer message is answered with an error, and the server goes on.
 */
const maxMessageBytes = 16 * 1024 * 1024;

/** Runs `faultline mcp` until the client closes standard input; only JSON-RPC is written to stdout. */
export async function runMcp(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { ...layerOptions } });
  if (positionals.length > 0) throw new UsageError(`mcp takes no FILE (got "${positionals[0]}"); clients send errors through the diagnose tool`);
  const bundle = await loadKnowledgeLayers({ ...layerSources(values), sections: true });
  const [{ createServer }, { StdioServerTransport }, { boundedLines, requestId }] = await Promise.all([import("../mcp/server.js"), import("../mcp/sdk.js"), import("../mcp/bounded-lines.js")]);
  const server = createServer({ bundle, links: linksIn(bundle), version: await engineVersion() });
  let failed = false;
  const input = process.stdin.pipe(
    boundedLines(maxMessageBytes, (line) => {
      const id = requestId(line);
      const message = `a message of ${line.bytes} bytes is longer than the ${maxMessageBytes} this server reads; send the error's first 512 KiB`;
      process.stderr.write(`faultline mcp: ${message}\n`);
      if (id !== undefined) void transport.send({ jsonrpc: "2.0", id, error: { code: -32600, message } });
    }),
  );
  // JSON-RPC goes through the stream (the SDK writes to it): a closed pipe ends the server quietly.
  exitOnOutputError(process.stdout);
  const transport = new StdioServerTransport(input, process.stdout, { maxBufferSize: maxMessageBytes + 1 });
  const closed = new Promise<void>((resolve) => {
    input.once("end", resolve).once("close", resolve);
    server.server.onclose = resolve;
  });
  server.server.onerror = (error) => {
    failed = true;
    process.stderr.write(`faultline mcp: ${error.message}\n`);
  };
  await server.connect(transport);
  process.stderr.write(`faultline mcp: serving ${bundle.entries.length} entries over stdio (${bundle.layers?.map((l) => l.name).join(" < ") ?? "no layers"})\n`);
  await closed;
  await server.close();
  return failed ? 1 : 0;
}
