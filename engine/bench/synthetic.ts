/**
 * A synthetic knowledge base: N entries shaped like the real ones (statuses, reasons, codes, phrase
 * sets, some regexes, `not` exclusions), with made-up vocabulary so that entries do not collide.
 * Deterministic for a given N and seed. `tsx engine/bench/synthetic.ts N DIR` writes markdown files.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { EntryMeta } from "../src/schema.js";

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ["qu", "or", "vex", "tal", "bin", "mer", "dok", "zan", "pri", "lum", "sor", "gex", "nal", "tri", "vo", "kes", "rin", "pal", "dus", "fen"];
const common = ["denied", "not allowed", "request failed", "permission", "token", "credentials", "invalid", "expired", "access"];
const providers = ["gcp", "aws", "azure", "kubernetes"] as const;

function word(rng: () => number): string {
  const n = 2 + Math.floor(rng() * 2);
  return Array.from({ length: n }, () => syllables[Math.floor(rng() * syllables.length)]).join("");
}

/** Letters only, because AWS-style codes carry no digits: 0 → a, 27 → bb. */
function letters(i: number): string {
  let out = "";
  let n = i;
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  } while (n > 0);
  return out;
}

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** The metadata of synthetic entry `i`. */
export function syntheticMeta(i: number, seed = 1): EntryMeta {
  const rng = random(seed * 1_000_003 + i);
  const id = `synthetic-${String(i).padStart(5, "0")}`;
  const reason = `${word(rng).toUpperCase()}_${word(rng).toUpperCase()}_${i}`;
  const code = `${word(rng).replace(/^./, (c) => c.toUpperCase())}${word(rng).replace(/^./, (c) => c.toUpperCase())}${letters(i)}`;
  const marker = `${word(rng)}-${i}`;
  const phraseA = `${word(rng)} ${pick(rng, common)} ${word(rng)} ${i}`;
  const phraseB = `the ${word(rng)} ${word(rng)} was ${pick(rng, common)} (${i})`;
  const status = pick(rng, [401, 403, 403, 400, 412]);
  const provider = pick(rng, providers);
  const triggers: EntryMeta["triggers"] =
    i % 5 === 0
      ? { all: [{ fact: "httpStatus", operator: "equal", value: status }, { fact: "text", operator: "matchesRegex", value: `${marker}\\b` }] }
      : {
          all: [
            {
              any: [
                { fact: "reasons", operator: "contains", value: reason },
                { fact: "codes", operator: "contains", value: code },
                { all: [{ fact: "httpStatus", operator: "in", value: [status, 403] }, { fact: "text", operator: "containsPhrase", value: [phraseA, phraseB] }] },
              ],
            },
            { not: { fact: "codes", operator: "contains", value: `Not${code}` } },
          ],
        };
  return {
    id,
    title: `Synthetic failure ${i}: ${phraseA}`,
    summary: `A generated entry for benchmarks: ${phraseB}, caused by nothing real.`,
    provider,
    services: [`service-${i % 37}`],
    http: [status],
    codes: [reason, code],
    tags: [`tag-${i % 11}`],
    related: [],
    updated: "2026-11-23",
    triggers,
    examples:
      i % 5 === 0
        ? [`HTTP/1.1 ${status} failure ${marker}`, `{"error":{"code":${status},"message":"the ${marker} check failed"}}`]
        : [`{"error":{"code":${status},"message":"${phraseA}","details":[{"reason":"${reason}"}]}}`, `An error occurred (${code}) when calling the Op operation: ${phraseB}`],
    counterexamples: [],
  };
}

/** The metadata of the first `n` synthetic entries. */
export function syntheticKnowledge(n: number, seed = 1): EntryMeta[] {
  return Array.from({ length: n }, (_, i) => syntheticMeta(i, seed));
}

/** A synthetic entry as a markdown file, for building the site at scale. */
export function toMarkdown(meta: EntryMeta): string {
  const body = ["Symptoms", "Cause", "Fix", "Verify", "Wrong fixes"]
    .map((section) => `## ${section}\n\nGenerated text for ${meta.id}: ${section.toLowerCase()}.\n\n\`\`\`bash\necho ${meta.id}\n\`\`\`\n`)
    .join("\n");
  return `---\n${stringify(meta)}---\n\n${body}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 1000);
  const dir = process.argv[3] ?? `/tmp/faultline-synthetic-${n}`;
  await mkdir(dir, { recursive: true });
  await Promise.all(syntheticKnowledge(n).map((meta) => writeFile(path.join(dir, `${meta.id}.md`), toMarkdown(meta))));
  console.log(`wrote ${n} entries to ${dir}`);
}
