/**
 * Serves the built site on localhost and prints its URL: `tsx site/server/serve.ts`.
 * PORT picks the port (default 4321; a free one if that is taken), FAULTLINE_BASE the base path
 * the site was built with.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { normaliseBase } from "../lib/base-path.ts";
import { startStaticServer, type RunningServer } from "./static-server.ts";

const root = path.resolve("dist");
if (!existsSync(path.join(root, "index.html"))) {
  console.error(`No built site in ${root}: run "npm run build" first.`);
  process.exit(1);
}

const base = normaliseBase(process.env["FAULTLINE_BASE"]);
const wanted = Number(process.env["PORT"] ?? 4321);

async function listen(): Promise<RunningServer> {
  try {
    return await startStaticServer({ root, base, port: wanted });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE") throw error;
    console.error(`Port ${wanted} is taken; using a free one.`);
    return startStaticServer({ root, base, port: 0 });
  }
}

const server = await listen();
console.log(`Faultline is running at ${server.url}  (Ctrl+C to stop)`);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
