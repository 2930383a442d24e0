/**
 * Build settings read from the environment, in one place for astro.config.mjs and the pages.
 * FAULTLINE_KNOWLEDGE and FAULTLINE_OUT_DIR let the benchmark build the site from a
 * synthetic knowledge base without touching knowledge/ or dist/; FAULTLINE_ASTRO_ONLY=1 leaves out the
 * Faultline integration (knowledge gate, bundle, Pagefind) to time Astro alone on the same pages.
 */

import { delimiter } from "node:path";

/** The knowledge folder, relative to the project root or absolute. */
export const knowledgeDir = process.env["FAULTLINE_KNOWLEDGE"] || "knowledge";

/**
 * The knowledge folders the site is built from, lowest first: the knowledge folder (the built-in
 * layer), then the folders of FAULTLINE_KB (a path list, separated like PATH), as the CLI stacks them.
 * An entry of a later folder replaces the entry with the same id below it.
 */
export const knowledgeLayers: readonly string[] = [knowledgeDir, ...(process.env["FAULTLINE_KB"] ?? "").split(delimiter).filter((p) => p.trim() !== "")];

/**
 * Astro's cache for a knowledge folder. Each folder gets its own: when entries were a content
 * collection, a data store left by a build of another folder (the benchmark's synthetic entries) was
 * read back into the next build of knowledge/, which then published the synthetic pages.
 */
export function cacheDirFor(dir: string): string {
  return dir === "knowledge" ? "./node_modules/.astro" : `./node_modules/.astro-${dir.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`;
}

/** Astro's cache for this build's knowledge folder. */
export const cacheDir = cacheDirFor(knowledgeDir);

/** Where the built site goes. */
export const outDir = process.env["FAULTLINE_OUT_DIR"] || "./dist";

/** Whether to build with Astro alone, for the build-time baseline. */
export const astroOnly = process.env["FAULTLINE_ASTRO_ONLY"] === "1";
