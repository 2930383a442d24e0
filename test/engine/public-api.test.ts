import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import * as browser from "../../engine/src/browser.js";
import * as api from "../../engine/src/index.js";

// Pins the public surface: adding or removing an export must be a deliberate change to this list.
test("the Node entry point exports exactly these values", () => {
  expect(Object.keys(api).sort()).toEqual([
    "BundleFormatError", "KnowledgeCheckFailed", "KnowledgeProblem", "bundleFormat", "checkKnowledge", "compileBundle",
    "conditionSchema", "decodeJwt", "entrySchema", "extractFacts", "factCatalog", "findFact", "findSecrets", "formatField",
    "listEntryFiles", "loadBundle", "loadKnowledge", "maskSecret", "match", "maxInputLength", "normaliseText",
    "operatorCatalog", "parseEntry", "providerNames", "redact", "redactRange", "requiredSections", "sortProblems", "tokenKinds",
  ]);
});

test("the browser entry point exports exactly these values", () => {
  expect(Object.keys(browser).sort()).toEqual([
    "BundleFormatError", "bundleFormat", "decodeJwt", "extractFacts", "factCatalog", "findFact", "findSecrets", "loadBundle",
    "maskSecret", "match", "maxInputLength", "normaliseText", "operatorCatalog", "redact", "redactRange", "tokenKinds",
  ]);
});

test("the browser entry point imports nothing Node-only, directly or through its modules", async () => {
  const seen = new Set<string>();
  const forbidden: string[] = [];
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = await readFile(new URL(file, import.meta.url), "utf8");
    const dynamic = [...source.matchAll(/\bimport\("([^"]+)"\)/g)];
    for (const [, spec] of [...source.matchAll(/^(?:import|export) (?!type )[^;]*?from "([^"]+)";/gms), ...dynamic]) {
      if (!spec) continue;
      if (spec.startsWith(".")) await visit(new URL(spec.replace(/\.js$/, ".ts"), new URL(file, import.meta.url)).href);
      else if (/^node:|^(gray-matter|remark|remark-parse|unified|yaml|zod|recheck|mdast)/.test(spec)) forbidden.push(`${file} imports ${spec}`);
    }
  };
  await visit(new URL("../../engine/src/browser.ts", import.meta.url).href);
  expect(seen.size).toBeGreaterThan(5);
  expect(forbidden).toEqual([]);
});

test("package.json exports typed entry points for Node and the browser", async () => {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as { exports: Record<string, unknown>; bin: Record<string, string> };
  expect(pkg.exports["."]).toEqual({ types: "./engine/dist/index.d.ts", default: "./engine/dist/index.js" });
  expect(pkg.exports["./browser"]).toEqual({ types: "./engine/dist/browser.d.ts", default: "./engine/dist/browser.js" });
  expect(pkg.bin).toEqual({ faultline: "engine/bin/faultline.js" });
});
