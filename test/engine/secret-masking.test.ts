import fc from "fast-check";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { reportJson, reportText } from "../../engine/src/cli/render.js";
import { scanFiles } from "../../engine/src/cli/scan.js";
import { jsonLine } from "../../engine/src/cli/scan-formats/json.js";
import { textLine } from "../../engine/src/cli/scan-formats/text.js";
import { compileBundle } from "../../engine/src/compile.js";
import { loadKnowledge } from "../../engine/src/load.js";
import { match, type MatchReport } from "../../engine/src/match.js";
import { tokenKindNames } from "../../engine/src/secret-catalog.js";
import { leaked, logLine, paste, secretsByKind } from "../support/secret-arbitraries.js";

// Secrets of every kind, in realistic pastes, never reach an output: match's human and JSON
// reports (the CLI's own renderers), scan's lines, and the report the engine hands to displays.
// test/cli/secret-masking.test.ts runs the same through real CLI processes.
const { entries } = await loadKnowledge("knowledge");
const bundle = compileBundle(entries.map((e) => e.meta));
const now = Date.UTC(2026, 10, 23);
const options = { showSecrets: false, links: (id: string) => ({ file: `knowledge/${id}.md` }) };

/** The report without the paste itself (facts.text), which is the input and holds its secrets by design. */
function displayed(report: MatchReport): string {
  const { text: _paste, ...facts } = report.facts;
  return JSON.stringify({ ...report, facts });
}

async function scanned(lines: readonly string[], json: boolean): Promise<string> {
  let out = "";
  await scanFiles(bundle, ["-"], { showSecrets: false, workers: 0, stdin: Readable.from([Buffer.from(`${lines.join("\n")}\n`)]), found: (occurrence) => (out += json ? jsonLine(occurrence) : textLine(occurrence)) });
  return out;
}

describe("no output shows a pasted secret", () => {
  test("every kind of the catalog has a generator", () => {
    expect(Object.keys(secretsByKind).sort()).toEqual([...tokenKindNames].sort());
  });

  test("match: the report, its human text and its JSON", async () => {
    await fc.assert(
      fc.asyncProperty(paste, async ({ text, secrets }) => {
        const report = await match(bundle, text, { now });
        for (const [name, output] of [["report", displayed(report)], ["human", reportText(report, options)], ["json", JSON.stringify(reportJson(report, options))]] as const) {
          expect(leaked(output, secrets), `${name} output of ${JSON.stringify(text)}`).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  test("scan: human lines and JSON lines", async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(logLine, { minLength: 1, maxLength: 8 }), async (log) => {
        const lines = log.map((l) => l.line);
        const secrets = log.flatMap((l) => l.secrets);
        const human = await scanned(lines, false);
        printed += human.split("\n").filter(Boolean).length;
        expect(leaked(human, secrets), `scan of ${JSON.stringify(lines)}`).toBeUndefined();
        expect(leaked(await scanned(lines, true), secrets), `scan --json of ${JSON.stringify(lines)}`).toBeUndefined();
      }),
      { numRuns: 100 },
    );
    // Most lines are printed (some errors next to some tokens are another entry's counterexample).
    expect(printed).toBeGreaterThan(100);
  });
});
