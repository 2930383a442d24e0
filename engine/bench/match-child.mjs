// One timing of `npm run bench`, in a process of its own so that its peak memory is its own. Plain
// Node on the compiled engine (engine/dist), as the CLI runs: no TypeScript loader in the figures.
// Usage: node match-child.mjs BUNDLE.json PASTE.txt indexed|exhaustive RUNS NOW
import { readFileSync } from "node:fs";
import { loadBundle, match } from "../dist/index.js";

const [bundleFile, pasteFile, mode, runs, now] = process.argv.slice(2);
const baselineRssMb = process.memoryUsage().rss / 1024 / 1024;
const bundle = loadBundle(readFileSync(bundleFile, "utf8"));
const paste = readFileSync(pasteFile, "utf8");
const options = { now: Number(now), exhaustive: mode === "exhaustive" };
const count = Number(runs);
for (let i = 0; i < Math.min(20, count); i++) await match(bundle, paste, options);
const samples = [];
for (let i = 0; i < count; i++) {
  const start = performance.now();
  await match(bundle, paste, options);
  samples.push(performance.now() - start);
}
samples.sort((a, b) => a - b);
const at = (p) => samples[Math.min(samples.length - 1, Math.floor((samples.length * p) / 100))];
const maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ p50: at(50), p99: at(99), runs: count, maxRssMb, aboveBaselineMb: maxRssMb - baselineRssMb }));
