#!/usr/bin/env node
// The second half of the engine's build, after tsc: the built-in knowledge (knowledge/ compiled to
// knowledge.js and knowledge.json, with the package version and the newest review date, and its rule
// index in knowledge-index.js; each entry's body sections in knowledge-sections.js, which only readers
// of entries such as `faultline mcp` load), the MCP SDK bundled into dist/mcp/sdk.js, and the
// browser build (dist/web/: one ES module with json-rules-engine inside, the built-in knowledge in a
// chunk of its own that loads only when diagnose() asks for it). `--check-examples` also runs every
// entry's examples, so a package is never packed with a knowledge base that fails its own self-test.
import { spawnSync } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
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
const indexJson = JSON.stringify(ruleIndexData(bundle));
await writeFile(new URL("knowledge-index.js", engine), `// The built-in knowledge's rule index, computed by scripts/build-dist.mjs.\nexport default JSON.parse(${JSON.stringify(indexJson)});\n`);
// The same two as plain JSON, which a cold Node process reads faster than it imports a module (src/builtin-files.ts).
await writeFile(new URL("knowledge-index.json", engine), `${indexJson}\n`);
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
// The CLI as one CommonJS file, dist/bin/run.cjs, with json-rules-engine inside: a cold `faultline
// match` then reads one file where it resolved and linked some forty ES modules (about 25 ms of its
// start, against 75 ms for `node -e 0`). CommonJS because there a dependency's require stays where the
// code needs it: an ES bundle hoists every import of zod, regexpp and the markdown parser to the top,
// and `match` would load what only `check` uses. The built-in knowledge and the MCP SDK stay the
// package's own files; dependencies stay outside. scan's worker threads start dist/bin/scan-worker.js.
const cliDir = fileURLToPath(new URL("dist/bin/", engine));
const ownFiles = ["knowledge.js", "knowledge-index.js", "knowledge-sections.js", "dist/mcp/sdk.js"].map((name) => fileURLToPath(new URL(name, engine)));
const cli = {
  bundle: true,
  platform: "node",
  target: "node20",
  // Every dependency stays outside but json-rules-engine (exhaustive matching), which would otherwise be its tree of CommonJS files.
  external: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).filter((name) => name !== "json-rules-engine"),
  alias: { "jsonpath-plus": fileURLToPath(new URL("scripts/stubs/jsonpath-plus.mjs", engine)) },
  plugins: [{
    name: "keep-own-files",
    setup(build) {
      build.onResolve({ filter: /\.js$/ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        return ownFiles.includes(target) ? { path: `./${path.relative(cliDir, target)}`, external: true } : undefined;
      });
    },
  }],
  legalComments: "linked",
  logLevel: "warning",
};
await rm(cliDir, { recursive: true, force: true });
await build({
  ...cli,
  entryPoints: [fileURLToPath(new URL("dist/cli/run.js", engine))],
  outfile: fileURLToPath(new URL("dist/bin/run.cjs", engine)),
  format: "cjs",
  // CommonJS has no import.meta: the modules that find the package's files from their own get this file's URL.
  define: { "import.meta.url": "__faultlineFileUrl" },
  banner: { js: 'const __faultlineFileUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// A script V8 compiles with a code cache can only import() with an experimental vm option that warns on
// stderr, so the bundle's dynamic imports (peer dependencies, the built-in knowledge's modules, the MCP
// SDK) call the importer bin/faultline.js hands it instead.
const runFile = new URL("dist/bin/run.cjs", engine);
const bundled = await readFile(runFile, "utf8");
const dynamicImport = /\bimport\((?=["`])/g;
await writeFile(runFile, bundled.replace(dynamicImport, "__faultlineImport("));
// The training run: bin/faultline.js matches a paste and writes V8's code cache of the bundle, with
// the functions that ran compiled, to dist/bin/run.cjs.cache. It serves the Node version that built it.
const training = spawnSync(process.execPath, [fileURLToPath(new URL("bin/faultline.js", engine)), "match", "--json", "-"], {
  input: '{"error": {"code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED"}}',
  env: { ...process.env, FAULTLINE_TRAIN_CODE_CACHE: "1" },
  encoding: "utf8",
});
if (training.status !== 0) {
  console.error(`faultline build: the CLI's training run failed (exit ${training.status}):\n${training.stderr}`);
  process.exit(1);
}
await build({
  ...cli,
  entryPoints: [fileURLToPath(new URL("dist/cli/scan-worker.js", engine))],
  outfile: fileURLToPath(new URL("dist/bin/scan-worker.js", engine)),
  format: "esm",
});
console.error(`faultline build: built-in knowledge ${pkg.version} (${bundle.entries.length} entries, reviewed up to ${bundle.layers?.[0]?.date}), dist/web/, dist/mcp/sdk.js and dist/bin/ (code cache ${(await readFile(new URL("dist/bin/run.cjs.cache", engine))).length >> 10} KB)`);
