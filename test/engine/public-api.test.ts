import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import * as browser from "../../engine/src/browser.js";
import * as api from "../../engine/src/index.js";

// Pins the public surface: adding or removing an export must be a deliberate change to this list.
const browserSurface = [
  "BundleFormatError", "builtinKnowledge", "builtinLayerName", "bundleFormat", "decodeJwt", "diagnose", "draftEntry", "entryPageUrl", "extractFacts",
  "factCatalog", "findFact", "findSecrets", "layerInfoOf", "loadBundle", "maskSecret", "match", "maxInputLength", "normaliseText",
  "operatorCatalog", "projectSite", "redact", "redactRange", "stackLayers",
];

test("the Node entry point exports exactly these values: the browser's, and loading, checking, compiling and layers", () => {
  expect(Object.keys(api).sort()).toEqual(
    [
      ...browserSurface,
      "KnowledgeCheckFailed", "KnowledgeProblem", "LayerError", "checkBundle", "MissingDependencyError", "checkKnowledge", "compileBundle", "conditionSchema",
      "entrySchema", "findOverlaps", "formatField", "formatOverlap", "isBuiltinSource", "layerPaths", "listEntryFiles", "loadKnowledge", "loadLayers", "markdownPackages",
      "newestReview", "parseEntry", "providerNames", "requiredSections", "sortProblems",
    ].sort(),
  );
});

test("the browser entry point exports exactly these values", () => {
  expect(Object.keys(browser).sort()).toEqual(browserSurface);
});

test("the browser entry point imports nothing Node-only, directly or through its modules", async () => {
  const seen = new Set<string>();
  const forbidden: string[] = [];
  const visit = async (file: string): Promise<void> => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = await readFile(new URL(file), "utf8");
    const dynamic = [...source.matchAll(/\bimport\("([^"]+)"\)/g)];
    for (const [, spec] of [...source.matchAll(/^(?:import|export) (?!type )[^;]*?from "([^"]+)";/gms), ...dynamic]) {
      if (!spec) continue;
      if (spec.startsWith(".")) {
        // A source module, or generated data (the built-in knowledge, engine/knowledge.js).
        const ts = new URL(spec.replace(/\.js$/, ".ts"), file);
        await visit(existsSync(fileURLToPath(ts)) ? ts.href : new URL(spec, file).href);
      } else if (/^node:|^(gray-matter|remark|remark-parse|unified|yaml|zod|@eslint-community\/regexpp|mdast)/.test(spec)) forbidden.push(`${file} imports ${spec}`);
    }
  };
  await visit(new URL("../../engine/src/browser.ts", import.meta.url).href);
  expect(seen.size).toBeGreaterThan(5);
  expect([...seen].some((file) => file.endsWith("/engine/knowledge.js"))).toBe(true);
  expect(forbidden).toEqual([]);
});

test("engine/package.json is a publishable package with typed entry points for Node and the browser", async () => {
  const pkg = JSON.parse(await readFile(new URL("../../engine/package.json", import.meta.url), "utf8")) as Record<string, unknown> & { exports: Record<string, unknown>; dependencies: Record<string, string> };
  expect(pkg["name"]).toBe("faultline");
  expect(pkg["private"]).toBeUndefined();
  expect(pkg["sideEffects"]).toBe(false);
  expect(pkg["bin"]).toEqual({ faultline: "bin/faultline.js" });
  expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
  expect(pkg.exports["./browser"]).toEqual({ types: "./dist/browser.d.ts", default: "./dist/web/browser.js" });
  expect(pkg.exports["./knowledge"]).toEqual({ types: "./dist/knowledge.d.ts", default: "./knowledge.js" });
  // Matching needs json-rules-engine and zod, and regexpp (110 KB) parses trigger regexes for the cost
  // proof, which bundles from other layers get too; what only check needs is an optional peer.
  expect(Object.keys(pkg.dependencies).sort()).toEqual(["@eslint-community/regexpp", "json-rules-engine", "zod"]);
  const root = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as Record<string, unknown>;
  expect(root["private"]).toBe(true);
  expect(root["workspaces"]).toEqual(["engine"]);
});
