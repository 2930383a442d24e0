import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { compileBundle } from "../../engine/src/compile.js";
import { loadKnowledge } from "../../engine/src/load.js";
import { match } from "../../engine/src/match.js";

// Errors outside the catalog must match nothing: 404s, rate limits and quotas, billing, 5xx, TLS, DNS, timeouts,
// admission and quota 403s, SSH publickey and database password failures, EACCES, state locks, plain crashes.
const dir = "test/fixtures/unrelated";
const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
const { entries } = await loadKnowledge("knowledge");
const bundle = compileBundle(entries.map((e) => e.meta));

test("there are at least a hundred unrelated errors", () => {
  expect(files.length).toBeGreaterThanOrEqual(100);
});

test.each(files)("%s matches nothing", async (file) => {
  const report = await match(bundle, await readFile(path.join(dir, file), "utf8"));
  expect(report.matches.map((m) => `${m.id} (${m.why.map((w) => w.description).join("; ")})`)).toEqual([]);
});
