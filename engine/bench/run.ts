/**
 * `npm run bench`: Faultline's speed figures, each next to a baseline measured in the same run.
 * Every knowledge-base size runs in its own process (plain Node on engine/dist, see match-child.mjs) so
 * that its peak memory is its own.
 * Figures go to standard output as a table and to engine/bench/results.json.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, readdirSync, rmSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Bundle } from "../src/bundle.js";
import { compileBundle, leavesOf } from "../src/compile.js";
import { loadKnowledge } from "../src/load.js";
import { match } from "../src/match.js";
import { scanLiterals } from "../src/rule-index.js";
import { cacheDirFor } from "../../site/lib/build-settings.js";
import { adversarialDetectorFigures } from "./adversarial.js";
import { matcherPageBytes } from "./page-bytes.js";
import { regexCostFigures } from "./regex-cost.js";
import { random, syntheticKnowledge, toMarkdown } from "./synthetic.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = path.resolve(here, "../..");
const now = Date.UTC(2026, 10, 23);

/** A 2.3 KB GCP 403 as people paste it: a Python traceback around the JSON body. */
export const gcp403Paste = `Traceback (most recent call last):
  File "/srv/app/worker.py", line 88, in handle
    response = client.predict(endpoint=endpoint, instances=instances)
  File "/usr/local/lib/python3.11/site-packages/google/cloud/aiplatform_v1/services/prediction_service/client.py", line 605, in predict
    response = rpc(request, retry=retry, timeout=timeout, metadata=metadata)
  File "/usr/local/lib/python3.11/site-packages/google/api_core/gapic_v1/method.py", line 131, in __call__
    return wrapped_func(*args, **kwargs)
  File "/usr/local/lib/python3.11/site-packages/google/api_core/grpc_helpers.py", line 78, in error_remapped_callable
    raise exceptions.from_grpc_error(exc) from exc
google.api_core.exceptions.PermissionDenied: 403 Request had insufficient authentication scopes. [reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT"
domain: "googleapis.com"
metadata {
  key: "method"
  value: "google.cloud.aiplatform.v1.PredictionService.Predict"
}
metadata {
  key: "service"
  value: "aiplatform.googleapis.com"
}
]
During handling of the above exception, another exception occurred:
{
  "error": {
    "code": 403,
    "message": "Request had insufficient authentication scopes.",
    "status": "PERMISSION_DENIED",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT",
        "domain": "googleapis.com",
        "metadata": {
          "method": "google.cloud.aiplatform.v1.PredictionService.Predict",
          "service": "aiplatform.googleapis.com"
        }
      }
    ]
  }
}
2026-11-23T10:14:03.221Z worker-7f9c ERROR prediction failed for batch 5512 (retry 3/3), giving up
2026-11-23T10:14:03.229Z worker-7f9c INFO vm=inference-1 zone=us-central1-b sa=123456789012-compute@developer.gserviceaccount.com
2026-11-23T10:14:03.230Z worker-7f9c INFO scopes=https://www.googleapis.com/auth/devstorage.read_only,https://www.googleapis.com/auth/logging.write
`.padEnd(2300, " ");

interface Timing {
  p50: number;
  p99: number;
  runs: number;
  maxRssMb: number;
  /** Peak RSS minus the process's RSS before loading the knowledge base (tsx and Node themselves). */
  aboveBaselineMb: number;
}

/** The bundle of the real knowledge base, loaded as the CLI loads a folder. */
async function realBundle(): Promise<Bundle> {
  const loaded = await loadKnowledge(path.join(root, "knowledge"));
  if (loaded.problems.length > 0) throw new Error(`knowledge/ has problems: run npm run check\n${loaded.problems.map((p) => p.format()).join("\n")}`);
  return compileBundle(loaded.entries.map((e) => e.meta));
}

/** Times matching in a child process of plain Node on engine/dist, the bundle read from JSON. */
async function child(bundleSize: string, exhaustive: boolean): Promise<Timing> {
  const dir = path.join(os.tmpdir(), "faultline-bench");
  await mkdir(dir, { recursive: true });
  const bundleFile = path.join(dir, `bundle-${bundleSize}.json`);
  const pasteFile = path.join(dir, "paste.txt");
  const bundle = bundleSize === "real" ? await realBundle() : compileBundle(syntheticKnowledge(Number(bundleSize)));
  await writeFile(bundleFile, JSON.stringify(bundle));
  await writeFile(pasteFile, gcp403Paste);
  const runs = bundleSize === "10000" ? (exhaustive ? 15 : 300) : bundleSize === "1000" ? (exhaustive ? 100 : 1000) : 2000;
  const script = path.join(here, "match-child.mjs");
  const result = spawnSync(process.execPath, [script, bundleFile, pasteFile, exhaustive ? "exhaustive" : "indexed", String(runs), String(now)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`bench child ${bundleSize} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as Timing;
}

async function writeLog(file: string, megabytes: number, errors: readonly string[]): Promise<number> {
  const rng = random(7);
  const out = createWriteStream(file);
  let bytes = 0;
  let line = 0;
  const noise = [
    "INFO request completed method=GET path=/api/v1/items status=200 duration_ms=12",
    "DEBUG cache hit key=session:9f8e7d6c5b4a ttl=300",
    "WARN slow query took 1203ms table=orders rows=5512",
    "INFO worker heartbeat pid=4411 queue=default depth=3",
    "ERROR upstream timed out after 30s host=10.0.4.12 port=8443 retrying",
  ];
  while (bytes < megabytes * 1024 * 1024) {
    const text = rng() < 0.001 ? `ERROR ${errors[Math.floor(rng() * errors.length)]}` : noise[Math.floor(rng() * noise.length)];
    const entry = `2026-11-23T10:${String(line % 60).padStart(2, "0")}:00.000Z app-${line % 7} ${text}\n`;
    bytes += entry.length;
    line++;
    if (!out.write(entry)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return bytes;
}

/** Wall time of a command and its output. Output goes to a pipe: GNU grep stops at the first match when it writes to /dev/null. */
function timed(command: string, args: string[]): { seconds: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", maxBuffer: 256 << 20 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} exited ${result.status}`);
  return { seconds: (performance.now() - start) / 1000, stdout: result.stdout };
}

async function scanFigures(): Promise<Record<string, number>> {
  const dir = path.join(os.tmpdir(), "faultline-bench");
  const kb = path.join(dir, "kb-1000");
  await rm(dir, { recursive: true, force: true });
  await mkdir(kb, { recursive: true });
  const metas = syntheticKnowledge(1000);
  await Promise.all(metas.map((meta) => writeFile(path.join(kb, `${meta.id}.md`), toMarkdown(meta))));
  const log = path.join(dir, "app.log");
  const bytes = await writeLog(log, Number(process.env["BENCH_LOG_MB"] ?? 200), metas.flatMap((m) => m.examples.slice(1)));
  const phrases = path.join(dir, "phrases.txt");
  await writeFile(phrases, `${(scanLiterals(compileBundle(metas)) ?? []).join("\n")}\n`);
  const bin = path.join(root, "engine/bin/faultline.js");
  const bundle = path.join(dir, "kb-1000.json");
  const real = path.join(dir, "kb-real.json");
  execFileSync(process.execPath, [bin, "compile", "--kb", kb, "--out", bundle]);
  execFileSync(process.execPath, [bin, "compile", "--kb", path.join(root, "knowledge"), "--out", real]);
  // Alternated, three of each: the machine's load drifts, and the ratio should compare like with like.
  const scans: number[] = [];
  const greps: number[] = [];
  const reals: number[] = [];
  let found = { scan: 0, grep: 0 };
  for (let round = 0; round < 3; round++) {
    const scan = timed(process.execPath, [bin, "scan", "--kb", bundle, log]);
    const grep = timed("grep", ["-c", "-F", "-i", "-f", phrases, log]);
    reals.push(timed(process.execPath, [bin, "scan", "--kb", real, log]).seconds);
    scans.push(scan.seconds);
    greps.push(grep.seconds);
    found = { scan: scan.stdout.split("\n").filter(Boolean).length, grep: Number(grep.stdout.trim()) };
  }
  const mb = bytes / 1024 / 1024;
  const best = (xs: number[]) => Math.min(...xs);
  const worst = (xs: number[]) => Math.max(...xs);
  return {
    logMb: mb,
    scanMbPerS: mb / best(scans),
    grepMbPerS: mb / best(greps),
    scanSeconds: best(scans),
    scanSecondsWorst: worst(scans),
    grepSeconds: best(greps),
    grepSecondsWorst: worst(greps),
    ratioToGrep: best(scans) / best(greps),
    scanLines: found.scan,
    grepLines: found.grep,
    realKbScanMbPerS: mb / best(reals),
  };
}

/**
 * The slowest 1 MB paste among pastes built to hurt: each trigger phrase or regex's literal text,
 * repeated, so every pattern finds its prefix everywhere and must give up everywhere.
 */
async function adversarialFigures(): Promise<Record<string, number | string>> {
  const bundle = await realBundle();
  const sources = new Set<string>();
  for (const { leaf } of bundle.entries.flatMap((e) => [...leavesOf(e.triggers)])) {
    if (leaf.operator === "matchesRegex" || leaf.operator === "containsPhrase") for (const v of Array.isArray(leaf.value) ? leaf.value : [leaf.value]) sources.add(String(v));
  }
  // Credentials too: every one found is a span to check against the ones before it.
  sources.add("ya29.abcdefghijk").add("AKIAIOSFODNN7EXAMPLE").add("Bearer abcdefghijklmnopqrstu");
  const seeds = [...sources].map((v) => v.replace(/\\[bsdwS]|[\\^$()?:[\]{}|*+.]/g, " ").replace(/\s+/g, " ").trim().slice(0, 30)).filter((v) => v.length > 3);
  let worst = { ms: 0, seed: "" };
  for (const seed of seeds) {
    const text = `${seed} `.repeat(Math.ceil(1_000_000 / (seed.length + 1)));
    const start = performance.now();
    await match(bundle, text, { now });
    const ms = performance.now() - start;
    if (ms > worst.ms) worst = { ms, seed };
  }
  return { pastes: seeds.length, worstMs: worst.ms, worstSeed: worst.seed };
}

/**
 * The CLI's cold start: `faultline match` on the 2.3 KB paste with the built-in knowledge, a new
 * process each run, alternated with `node -e 0` (the floor any Node CLI pays) so both see the same load.
 */
function cliColdStartFigures(runs = 21): Record<string, number> {
  const bin = path.join(root, "engine/bin/faultline.js");
  const pasteFile = path.join(os.tmpdir(), "faultline-bench-paste.txt");
  execFileSync(process.execPath, ["-e", `require("fs").writeFileSync(${JSON.stringify(pasteFile)}, ${JSON.stringify(gcp403Paste)})`]);
  const time = (args: string[]): number => {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return performance.now() - start;
  };
  const cli: number[] = [];
  const node: number[] = [];
  time([bin, "match", pasteFile]); // warm the disk cache
  for (let i = 0; i < runs; i++) {
    cli.push(time([bin, "match", pasteFile]));
    node.push(time(["-e", "0"]));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return { runs, cliMedianMs: median(cli), nodeMedianMs: median(node), ratio: median(cli) / median(node), cliBestMs: Math.min(...cli), nodeBestMs: Math.min(...node) };
}

/** Wall time and peak memory of one command, from GNU time. */
function measured(args: string[], env: Record<string, string>): { seconds: number; peakMb: number } {
  const result = spawnSync("/usr/bin/time", ["-f", "%e %M", ...args], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  const [seconds, kb] = (result.stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { seconds: seconds ?? NaN, peakMb: (kb ?? NaN) / 1024 };
}

/** A cold site build with N synthetic entries, next to Astro alone (no gate, bundle or Pagefind) on the same pages. */
async function siteBuildFigures(n: number): Promise<Record<string, number>> {
  const dir = path.join(os.tmpdir(), `faultline-bench-site-${n}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "kb"), { recursive: true });
  await Promise.all(syntheticKnowledge(n).map((meta) => writeFile(path.join(dir, "kb", `${meta.id}.md`), toMarkdown(meta))));
  const astro = path.join(root, "node_modules/.bin/astro");
  const build = (onlyAstro: boolean) => {
    // Cold: no generated types (.astro) and no content-layer data store (this folder's cacheDir).
    rmSync(path.join(root, ".astro"), { recursive: true, force: true });
    rmSync(path.join(root, cacheDirFor(path.join(dir, "kb"))), { recursive: true, force: true });
    return measured([astro, "build"], {
      FAULTLINE_KNOWLEDGE: path.join(dir, "kb"),
      FAULTLINE_OUT_DIR: path.join(dir, onlyAstro ? "astro-only" : "full"),
      ...(onlyAstro ? { FAULTLINE_ASTRO_ONLY: "1" } : {}),
    });
  };
  if (n <= 1000) build(true); // warm-up, discarded: the first build also pays for a cold disk cache
  const alone = build(true);
  const full = build(false);
  // Put back the real knowledge base's generated types, which the cold builds removed.
  execFileSync(astro, ["sync"], { cwd: root, stdio: "ignore" });
  return { entries: n, fullSeconds: full.seconds, fullPeakMb: full.peakMb, astroAloneSeconds: alone.seconds, astroAlonePeakMb: alone.peakMb, ratio: full.seconds / alone.seconds };
}

async function main(): Promise<void> {
  // `npm run bench -- match scan` runs only those sections (match, cli, scan, adversarial, regex, site, bytes).
  const only = process.argv.slice(2);
  const wants = (section: string): boolean => only.length === 0 || only.includes(section);
  const rows: Array<Record<string, unknown>> = [];
  const figures: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model };
  console.log("Faultline benchmark (2.3 KB GCP 403 paste, fact extraction included)\n");
  if (wants("match")) console.log("knowledge base      indexed p50   p99      RSS MB | every rule p50   p99      RSS MB | p50 ratio");
  for (const size of wants("match") ? ["real", "1000", "10000"] : []) {
    const indexed = await child(size, false);
    const all = await child(size, true);
    const ratio = all.p50 / indexed.p50;
    const label = size === "real" ? `real (${readdirSync(path.join(root, "knowledge")).filter((f) => f.endsWith(".md") && f !== "README.md").length} entries)` : `synthetic ${size}`;
    console.log(
      `${label.padEnd(19)} ${indexed.p50.toFixed(3).padStart(8)} ms ${indexed.p99.toFixed(3).padStart(8)} ${indexed.maxRssMb.toFixed(0).padStart(8)} | ${all.p50.toFixed(3).padStart(10)} ms ${all.p99.toFixed(3).padStart(8)} ${all.maxRssMb.toFixed(0).padStart(8)} | ${ratio.toFixed(1)}x faster`,
    );
    rows.push({ knowledgeBase: label, indexed, exhaustive: all, speedup: ratio });
  }
  if (wants("match")) figures["match"] = rows;

  if (wants("cli")) {
    console.log("\nCLI cold start: faultline match on the 2.3 KB paste with the built-in knowledge, vs node -e 0 (medians, alternated)");
    const cli = cliColdStartFigures();
    console.log(`faultline match ${cli["cliMedianMs"]?.toFixed(0)} ms (best ${cli["cliBestMs"]?.toFixed(0)}), node -e 0 ${cli["nodeMedianMs"]?.toFixed(0)} ms (best ${cli["nodeBestMs"]?.toFixed(0)}): ${cli["ratio"]?.toFixed(2)}x node -e 0 over ${cli["runs"]} runs`);
    figures["cliColdStart"] = cli;
  }

  if (wants("scan")) {
    console.log("\nscan (1,000 synthetic entries) vs grep -F -i -f with the same literals");
    const scan = await scanFigures();
    console.log(`${scan["logMb"]?.toFixed(0)} MB log, best of 3 alternated runs: faultline scan ${scan["scanMbPerS"]?.toFixed(1)} MB/s (${scan["scanSeconds"]?.toFixed(2)}-${scan["scanSecondsWorst"]?.toFixed(2)} s, ${scan["scanLines"]} lines found), grep ${scan["grepMbPerS"]?.toFixed(1)} MB/s (${scan["grepSeconds"]?.toFixed(2)}-${scan["grepSecondsWorst"]?.toFixed(2)} s, ${scan["grepLines"]} lines): scan takes ${scan["ratioToGrep"]?.toFixed(2)}x grep's time`);
    console.log(`the same log against the real knowledge base: faultline scan ${scan["realKbScanMbPerS"]?.toFixed(1)} MB/s`);
    figures["scan"] = scan;
  }

  if (wants("adversarial")) {
    console.log("\nadversarial 1 MB pastes against the real knowledge base (cut to the 512 KiB input limit)");
    const adversarial = await adversarialFigures();
    console.log(`${adversarial["pastes"]} pastes; slowest ${Number(adversarial["worstMs"]).toFixed(0)} ms (${JSON.stringify(adversarial["worstSeed"])} repeated)`);
    figures["adversarial"] = adversarial;
    console.log("\nadversarial 512 KiB pastes against each detector alone (fact patterns and secret rules), next to a realistic paste of the same size");
    const perDetector = await adversarialDetectorFigures(await realBundle(), gcp403Paste);
    console.log(`baseline: the slowest detector on ${(512).toFixed(0)} KiB of the GCP 403 paste ${perDetector.baselineMs.toFixed(1)} ms; match of it ${perDetector.matchBaselineMs.toFixed(0)} ms`);
    for (const d of perDetector.detectors.slice(0, 8)) console.log(`${d.detector.padEnd(44)} ${d.worstMs.toFixed(1).padStart(8)} ms  (${d.worstShape})`);
    console.log(`... ${perDetector.detectors.length} detectors; match on the slowest named shape: ${perDetector.matchWorst.ms.toFixed(0)} ms (${perDetector.matchWorst.shape})`);
    figures["adversarialPerDetector"] = perDetector;
  }

  if (wants("regex")) {
    console.log("\nregex evaluation cost: each trigger regex of the real knowledge base on its hardest 512 KiB pastes (V8)");
    const regex = regexCostFigures(await realBundle());
    console.log(
      `${regex["regexes"]} regexes; slowest ${Number(regex["worstMs"]).toFixed(1)} ms (/${regex["worstRegex"]}/, ${regex["worstPaste"]}; bound ${Number(regex["worstBoundSteps"]).toExponential(1)} steps); sum of each one's worst ${Number(regex["sumOfWorstMs"]).toFixed(0)} ms; at most ${Number(regex["mostNsPerBoundStep"]).toFixed(2)} ns per bound step`,
    );
    console.log(`baselines in this run: ${regex["baselineOldProofRegex"]} (accepted before, refused now) ${Number(regex["baselineOldProofMs"]).toFixed(0)} ms; a literal search of the same length ${Number(regex["baselineLiteralMs"]).toFixed(1)} ms`);
    figures["regexCost"] = regex;
  }

  for (const n of wants("site") ? [1000, ...(process.env["BENCH_SITE_10K"] === "1" ? [10000] : [])] : []) {
    console.log(`\ncold site build with ${n} synthetic entries vs Astro alone on the same pages`);
    const site = await siteBuildFigures(n);
    console.log(
      `Faultline ${site["fullSeconds"]?.toFixed(1)} s (peak ${site["fullPeakMb"]?.toFixed(0)} MB), Astro alone ${site["astroAloneSeconds"]?.toFixed(1)} s (peak ${site["astroAlonePeakMb"]?.toFixed(0)} MB): ${site["ratio"]?.toFixed(2)}x`,
    );
    figures[`siteBuild${n}`] = site;
  }

  const bytes = wants("bytes") ? matcherPageBytes(path.join(root, "dist")) : undefined;
  if (bytes) {
    console.log(`\nmatcher page JavaScript: ${(bytes["matcherJsGzipBytes"]! / 1024).toFixed(1)} KB gzip (${(bytes["matcherJsBytes"]! / 1024).toFixed(1)} KB raw); compiled rules ${(bytes["rulesJsonGzipBytes"]! / 1024).toFixed(1)} KB gzip`);
    figures["matcherPage"] = bytes;
  } else if (wants("bytes")) {
    console.log("\nmatcher page JavaScript: no dist/ (run `npm run build` first)");
  }

  // A partial run prints its figures but leaves the last full run's file alone.
  if (only.length > 0) return;
  await writeFile(path.join(here, "results.json"), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`\nfigures written to engine/bench/results.json (git ${execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim()})`);
}

await main();
