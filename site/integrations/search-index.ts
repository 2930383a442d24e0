/**
 * Builds the Pagefind index of the built site with Pagefind's Node API. The binary comes from the
 * @pagefind/<platform> package that npm installs next to pagefind; nothing is downloaded.
 */
import path from "node:path";
import * as pagefind from "pagefind";

/** Indexes the HTML under `siteDir` into `siteDir/pagefind/`; returns how many HTML pages Pagefind scanned. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
