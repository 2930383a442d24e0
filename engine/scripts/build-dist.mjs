#!/usr/bin/env node
// The second half of the engine's build, after tsc: the built-in knowledge (knowledge/ compiled to
// knowledge.js and knowledge.json, with the package version and the newest review date, and its rule
// index in knowledge-index.js; each entry's body sections in knowledge-sections.js, which only readers
// of entries such as `faultline mcp` load), the MCP SDK bundled into dist/mcp/sdk.js, and the
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
  sections: true,
});
if (result.problems.length > 0) {
  for (const problem of result.problems) console.error(problem.format());
  console.error(`faultline build: ${result.problems.length} problem(s) in knowledge/; the built-in knowledge was not written`);
  process.exit(1);
}
// The files are paths on the machine that built the package: the built-in layer links to its site instead.
// The sections go in a file of their own: the matcher (and the browser's chunk of the built-in knowledge) never needs them.
const bundle = { ...result.bundle, entries: result.bundle.entries.map(({ file: _file, sections: _sections, ...entry }) => entry) };
const sections = Object.fromEntries(result.bundle.entries.map((entry) => [entry.id, entry.sections]));
const json = JSON.stringify(bundle);
await writeFile(new URL("knowledge.json", engine), `${json}\n`);
// JSON.parse of one string literal: V8 parses that faster than the same data as an object literal.
await writeFile(new URL("knowledge.js", engine), `// The built-in knowledge, compiled from knowledge/ by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(json)});\n`);
// The rule index, computed now so that a cold `faultline match` restores it instead of analysing every trigger.
await writeFile(new URL("knowledge-index.js", engine), `// The built-in knowledge's rule index, computed by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(JSON.stringify(ruleIndexData(bundle)))});\n`);
await writeFile(new URL("knowledge-sections.js", engine), `// The built-in entries' body sections by id, cut from knowledge/ by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(JSON.stringify(sections))});\n`);
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
// The MCP SDK inside dist/mcp/sdk.js (over tsc's re-export): installed, it would weigh 20 MB of HTTP
// servers the stdio server never loads. zod stays outside, resolved to the engine's own dependency.
await build({
  entryPoints: [fileURLToPath(new URL("src/mcp/sdk.ts", engine))],
  outfile: fileURLToPath(new URL("dist/mcp/sdk.js", engine)),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "linked",
  external: ["zod"],
  // The SDK's CommonJS dependencies (ajv) call require, which an ES module has only through createRequire.
  banner: { js: 'import { createRequire as __faultlineRequire } from "node:module"; const require = __faultlineRequire(import.meta.url);' },
  logLevel: "warning",
});
console.error(`faultline build: built-in knowledge ${pkg.version} (${bundle.entries.length} entries, reviewed up to ${bundle.layers?.[0]?.date}), dist/web/ and dist/mcp/sdk.js`);
