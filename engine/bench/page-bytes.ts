/** What the matcher page downloads: its scripts and the modules they import, the matcher's worker, and the compiled rules. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** Bytes of a built site's matcher page (dist/index.html): JavaScript raw and gzip, the rules gzip; undefined without a build. */
export function matcherPageBytes(dist: string): Record<"matcherJsBytes" | "matcherJsGzipBytes" | "rulesJsonGzipBytes", number> | undefined {
  if (!existsSync(path.join(dist, "index.html"))) return undefined;
  const html = readFileSync(path.join(dist, "index.html"), "utf8");
  const fileOf = (src: string) => path.join(dist, src.replace(/^\/(?:[^/]+\/)?(?=_astro\/)/, "/").replace(/^\//, ""));
  const assets = path.join(dist, "_astro");
  const workers = existsSync(assets) ? readdirSync(assets).filter((f) => /worker.*\.js$/i.test(f)).map((f) => path.join(assets, f)) : [];
  const files = new Set<string>();
  // The page's scripts and every module they import, statically or on demand, then the worker.
  // Except the chunk of exhaustive matching (json-rules-engine, engine/src/reference-run.ts): the engine's
  // match() can be asked for it, the page never asks, and test/site/matcher.test.ts shows it is never fetched.
  const visit = (file: string): void => {
    if (files.has(file) || !existsSync(file) || path.basename(file).startsWith("reference-run")) return;
    files.add(file);
    for (const [, spec = ""] of readFileSync(file, "utf8").matchAll(/(?:\bfrom|\bimport\(?)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(path.resolve(path.dirname(file), spec));
  };
  for (const [, src = ""] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) visit(fileOf(src));
  for (const worker of workers) visit(worker);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  const bundleFile = path.join(dist, "faultline-bundle.json");
  const bundleGzip = existsSync(bundleFile) ? gzipSync(readFileSync(bundleFile)).length : 0;
  return { matcherJsBytes: raw, matcherJsGzipBytes: gzip, rulesJsonGzipBytes: bundleGzip };
}
