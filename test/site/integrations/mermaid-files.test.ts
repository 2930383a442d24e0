import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { copyMermaid } from "../../../site/integrations/mermaid-files.ts";
import { mermaidFolder, mermaidModule } from "../../../site/lib/mermaid-file.ts";

const out = await mkdtemp(path.join(os.tmpdir(), "faultline-mermaid-"));
afterAll(() => rm(out, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

test("mermaid's ES build is copied whole: every module a copied module imports is there too", async () => {
  const count = await copyMermaid(out);
  const files = await filesUnder(path.join(out, mermaidFolder));
  expect(files).toHaveLength(count);
  expect(files).toContain(path.join(out, mermaidModule));
  expect(files.every((file) => file.endsWith(".mjs"))).toBe(true);
  const missing: string[] = [];
  let imports = 0;
  for (const file of files) {
    const source = await readFile(file, "utf8");
    for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
      imports++;
      const target = path.resolve(path.dirname(file), specifier as string);
      if (!files.includes(target)) missing.push(`${path.relative(out, file)} imports ${specifier}`);
    }
  }
  expect(imports).toBeGreaterThan(files.length);
  expect(missing).toEqual([]);
});
