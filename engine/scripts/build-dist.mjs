#!/usr/bin/env node
// The second half of the engine's build, after tsc: the built-in knowledge (knowledge/ compiled to
// knowledge.js and knowledge.json, with the package version and the newest review date, and its rule
// index in knowledge-index.js) and the
// browser build (dist/web/: one ES module with json-rules-engine inside, the built-in knowledge in a
// chunk of its own that loads only when diagnose() asks for it). `--check-examples` also runs every
// entry's examples, so a package is never packed with a knowledge base that fails its own self-test.
import { readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { checkKnowledge } from "../dist/index.js";
import { builtinLayerName, projectSite } from "../dist/project.js";
import { ruleIndexData } from "../dist/rule-index-data.js";

const engine = new URL("../", import.meta.url);
const pkg = JSON.parse(await readFile(new URL("package.json", engine), "utf8"));
const knowledgeDir = fileURLToPath(new URL("../knowledge/", engine));

const result = await checkKnowledge(knowledgeDir, {
  examples: process.argv.includes("--check-examples"),
  layerNames: [builtinLayerName],
  layers: [{ version: pkg.version, site: projectSite }],
});
if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(problem.format());
  console.error(`faultline build: ${result.problems.length} problem(s) in knowledge/; the built-in knowledge was not written`);
  process.exit(1);
}
// The files are paths on the machine that built the package: the built-in layer links to its site instead.
const bundle = { ...result.bundle, entries: result.bundle.entries.map(({ file: _file, ...entry }) => entry) };
const json = JSON.stringify(bundle);
await writeFile(new URL("knowledge.json", engine), `${json}\n`);
// JSON.parse of one string literal: V8 parses that faster than the same data as an object literal.
await writeFile(new URL("knowledge.js", engine), `// The built-in knowledge, compiled from knowledge/ by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(json)});\n`);
// The rule index, computed now so that a cold `faultline match` restores it instead of analysing every trigger.
await writeFile(new URL("knowledge-index.js", engine), `// The built-in knowledge's rule index, computed by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(JSON.stringify(ruleIndexData(bundle)))});\n`);
await writeFile(new URL("dist/knowledge.d.ts", engine), `/** The built-in knowledge: knowledge/ compiled to a bundle when the package was built. */\nimport type { Bundle } from "./bundle.js";\n\ndeclare const knowledge: Bundle;\nexport default knowledge;\n`);

const web = new URL("dist/web/", engine);
await rm(web, { recursive: true, force: true });
await build({
  entryPoints: [fileURLToPath(new URL("src/browser.ts", engine))],
  outdir: fileURLToPath(web),
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "linked",
  alias: { "jsonpath-plus": fileURLToPath(new URL("scripts/stubs/jsonpath-plus.mjs", engine)) },
  logLevel: "warning",
});
console.error(`faultline build: built-in knowledge ${pkg.version} (${bundle.entries.length} entries, reviewed up to ${bundle.layers?.[0]?.date}) and dist/web/`);
