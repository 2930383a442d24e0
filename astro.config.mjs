// The Faultline site: sources in site/, entries from knowledge/ (and the folders of FAULTLINE_KB,
// stacked on it as layers), static output in dist/.
// FAULTLINE_BASE hosts it under a sub-path (/faultline/), FAULTLINE_SITE is its public origin (for
// the sitemap), FAULTLINE_REPO_URL is where "edit this entry" links point.
import { defineConfig } from "astro/config";
import { normaliseBase } from "./site/lib/base-path.ts";
import { astroOnly, cacheDir, knowledgeLayers, outDir } from "./site/lib/build-settings.ts";
import { faultline } from "./site/integrations/faultline.ts";

const base = normaliseBase(process.env.FAULTLINE_BASE);

export default defineConfig({
  srcDir: "./site",
  publicDir: "./site/public",
  outDir,
  cacheDir,
  base,
  site: process.env.FAULTLINE_SITE || "http://localhost:4321",
  trailingSlash: "ignore",
  build: {
    format: "directory",
    // External stylesheets only, so a strict Content-Security-Policy needs no style hashes for ours.
    inlineStylesheets: "never",
  },
  devToolbar: { enabled: false },
  vite: {
    build: {
      // Astro inlines small scripts into the HTML when they fit under this limit; 0 keeps every script
      // an external file, which a `script-src 'self'` policy allows.
      assetsInlineLimit: 0,
      // Mermaid's diagram chunks are large; only entry pages with a diagram load them, on demand.
      chunkSizeWarningLimit: 800,
    },
    // The matcher worker imports the engine; ES workers keep its chunks shared with the page.
    worker: { format: "es" },
  },
  integrations: astroOnly ? [] : [faultline({ knowledgeLayers })],
});
