/**
 * The Astro integration that ties the site to the engine: it refuses to build a knowledge base with
 * problems, and after the build writes the compiled bundle and the Pagefind index into the output.
 */
import { createReadStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { joinBase } from "../lib/base-path.ts";
import { bundleFileName } from "../lib/bundle-file.ts";
import { handOverEntries } from "../lib/entries.ts";
import type { Bundle } from "faultline";
import { contentTypeOf } from "../server/content-types.ts";
import { resolveRequestPath } from "../server/static-server.ts";
import { compileLeniently, passKnowledgeGate } from "./knowledge-gate.ts";
import { mermaidFolder } from "../lib/mermaid-file.ts";
import { renderAll } from "../markdown/render-pool.ts";
import { copyMermaid, mermaidDistDir } from "./mermaid-files.ts";
import { buildSearchIndex } from "./search-index.ts";

/** Options of the Faultline integration. */
export interface FaultlineOptions {
  /** The knowledge folders, lowest layer first, relative to the project root or absolute. */
  readonly knowledgeLayers: readonly string[];
}

/** The Faultline integration: knowledge gate, bundle file and search index. */
export function faultline(options: FaultlineOptions): AstroIntegration {
  let layers = options.knowledgeLayers;
  // Only the bundle outlives the gate: loaded entries hold their parsed YAML, for line numbers.
  let bundle: Bundle | undefined;
  return {
    name: "faultline",
    hooks: {
      // The check runs first, before Astro builds anything, so a broken knowledge base fails in
      // seconds with every problem listed.
      "astro:config:setup": async ({ config, command }) => {
        const root = fileURLToPath(config.root);
        // Named as given (the CLI names layers that way too), read from the project root.
        layers = options.knowledgeLayers.map((dir) => (path.isAbsolute(dir) ? dir : path.relative(process.cwd(), path.join(root, dir)) || "."));
        if (command !== "build") return;
        const gate = await passKnowledgeGate(layers);
        // Rendering starts now, on other threads, and runs while Astro bundles and builds pages.
        handOverEntries(gate.entries, renderAll(gate.entries.map((entry) => ({ id: entry.meta.id, body: entry.body })), config.base));
        bundle = gate.bundle;
      },
      "astro:build:start": ({ logger }) => {
        if (bundle) logger.info(`knowledge check passed: ${bundle.entries.length} entr${bundle.entries.length === 1 ? "y" : "ies"} from ${bundle.layers?.map((layer) => layer.name).join(" < ")}`);
      },
      // In development the bundle is compiled on each request, so edited entries show up at once.
      "astro:server:setup": ({ server, logger }) => {
        const bundlePath = joinBase(server.config.base, bundleFileName);
        const mermaidPath = joinBase(server.config.base, mermaidFolder);
        server.middlewares.use((req, res, next) => {
          const url = req.url?.split("?")[0] ?? "";
          if (url.startsWith(mermaidPath)) {
            // The static server's own path mapping and content types: it never leaves mermaid's folder.
            Promise.resolve(url).then((raw) => resolveRequestPath(mermaidDistDir(), mermaidPath, decodeURIComponent(raw))).then((found) => {
              if (found.kind !== "file") return next();
              res.setHeader("Content-Type", contentTypeOf(found.file));
              createReadStream(found.file).on("error", next).pipe(res);
            }, next);
            return;
          }
          if (url !== bundlePath) return next();
          compileLeniently(layers).then(
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
        if (!bundle) throw new Error("the knowledge gate did not run before the build finished");
        const outDir = fileURLToPath(dir);
        await writeFile(path.join(outDir, bundleFileName), JSON.stringify(bundle));
        logger.info(`wrote ${bundleFileName} (${bundle.entries.length} entries)`);
        logger.info(`copied mermaid's ESM build (${await copyMermaid(outDir)} files) to ${mermaidFolder}`);
        const scanned = await buildSearchIndex(outDir);
        logger.info(`Pagefind scanned ${scanned} HTML pages and indexed the entry pages (data-pagefind-body)`);
      },
    },
  };
}
