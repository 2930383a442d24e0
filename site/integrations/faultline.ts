/**
 * The Astro integration that ties the site to the engine: it refuses to build a knowledge base with
 * problems, and after the build writes the compiled bundle and the Pagefind index into the output.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { joinBase } from "../lib/base-path.ts";
import { bundleFileName } from "../lib/bundle-file.ts";
import { compileLeniently, passKnowledgeGate, type GateResult } from "./knowledge-gate.ts";
import { buildSearchIndex } from "./search-index.ts";

/** Options of the Faultline integration. */
export interface FaultlineOptions {
  /** The knowledge folder, relative to the project root. */
  readonly knowledgeDir: string;
}

/** The Faultline integration: knowledge gate, bundle file and search index. */
export function faultline(options: FaultlineOptions): AstroIntegration {
  let knowledgeDir = options.knowledgeDir;
  let gate: GateResult | undefined;
  return {
    name: "faultline",
    hooks: {
      // The check runs here rather than in astro:build:start because Astro validates the content
      // collection before build:start, and would stop at the first bad entry with its own message.
      "astro:config:setup": async ({ config, command }) => {
        knowledgeDir = fileURLToPath(new URL(`${options.knowledgeDir.replace(/\/?$/, "/")}`, config.root));
        if (command === "build") gate = await passKnowledgeGate(knowledgeDir);
      },
      "astro:build:start": ({ logger }) => {
        if (gate) logger.info(`knowledge check passed: ${gate.entryCount} entr${gate.entryCount === 1 ? "y" : "ies"}`);
      },
      // In development the bundle is compiled on each request, so edited entries show up at once.
      "astro:server:setup": ({ server, logger }) => {
        const bundlePath = joinBase(server.config.base, bundleFileName);
        server.middlewares.use((req, res, next) => {
          if (req.url?.split("?")[0] !== bundlePath) return next();
          compileLeniently(knowledgeDir).then(
            ({ bundle, problems }) => {
              for (const problem of problems) logger.warn(problem.format());
              res.setHeader("Content-Type", "application/json");
              res.end(JSON.stringify(bundle));
            },
            (error: unknown) => next(error),
          );
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        if (!gate) throw new Error("the knowledge gate did not run before the build finished");
        const outDir = fileURLToPath(dir);
        await writeFile(path.join(outDir, bundleFileName), JSON.stringify(gate.bundle));
        logger.info(`wrote ${bundleFileName} (${gate.entryCount} entries)`);
        const scanned = await buildSearchIndex(outDir);
        logger.info(`Pagefind scanned ${scanned} HTML pages and indexed the entry pages (data-pagefind-body)`);
      },
    },
  };
}
