/**
 * Mermaid's own prebuilt ES modules, published as static files. Bundling mermaid from source made Vite
 * transform about 1,500 modules on every build (25-40 s, whatever the number of entries) for a script
 * that only entry pages with a diagram load; mermaid ships a minified ESM build for this use.
 */
import { cp, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { mermaidFolder, mermaidModule } from "../lib/mermaid-file.ts";

/** The folder of mermaid's ESM build, with the entry module and its chunks. */
export function mermaidDistDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve(`mermaid/dist/${path.basename(mermaidModule)}`));
}

/** Copies mermaid's ESM build (no source maps) into the built site; returns how many files. */
export async function copyMermaid(outDir: string): Promise<number> {
  const from = mermaidDistDir();
  const to = path.join(outDir, mermaidFolder);
  const chunks = path.join("chunks", "mermaid.esm.min");
  const files = [path.basename(mermaidModule), ...(await readdir(path.join(from, chunks))).filter((name) => name.endsWith(".mjs")).map((name) => path.join(chunks, name))];
  await Promise.all(files.map((file) => cp(path.join(from, file), path.join(to, file))));
  return files.length;
}
