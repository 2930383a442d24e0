/**
 * Build settings read from the environment, in one place for astro.config.mjs and the content
 * collection. FAULTLINE_KNOWLEDGE and FAULTLINE_OUT_DIR let the benchmark build the site from a
 * synthetic knowledge base without touching knowledge/ or dist/; FAULTLINE_ASTRO_ONLY=1 leaves out the
 * Faultline integration (knowledge gate, bundle, Pagefind) to time Astro alone on the same pages.
 */

/** The knowledge folder, relative to the project root or absolute. */
export const knowledgeDir = process.env["FAULTLINE_KNOWLEDGE"] || "knowledge";

/** Where the built site goes. */
export const outDir = process.env["FAULTLINE_OUT_DIR"] || "./dist";

/** Whether to build with Astro alone, for the build-time baseline. */
export const astroOnly = process.env["FAULTLINE_ASTRO_ONLY"] === "1";
