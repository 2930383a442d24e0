/**
 * Builds the Pagefind index of the built site with Pagefind's Node API. The binary comes from the
 * @pagefind/<platform> package that npm installs next to pagefind; nothing is downloaded.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";

/** Indexes the HTML under `siteDir` into `siteDir/pagefind/`; returns how many HTML pages Pagefind scanned. */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${siteDir}: ${added.errors.join("; ")}`);
    // Not index.writeFiles: Pagefind 1.5 answers it before its writes are flushed, and close() then
    // kills the process mid-write, which once left an empty pagefind-entry.json. Its files are taken
    // in memory and written here instead, so they are complete when this returns.
    const built = await index.getFiles();
    if (built.errors.length > 0) throw new Error(`Pagefind could not build its files: ${built.errors.join("; ")}`);
    const outDir = path.join(siteDir, "pagefind");
    for (const file of built.files) {
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
