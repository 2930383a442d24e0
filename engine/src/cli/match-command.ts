/** `faultline match`: explains one error text. */
import { parseArgs } from "node:util";
import { match, maxInputLength } from "../match.js";
import { readInput } from "./input.js";
import { layerOptions, layerSources, linksIn, loadKnowledgeLayers } from "./knowledge-options.js";
import { reportJson, reportText } from "./render.js";
import { stdoutIsTTY, writeOut } from "./stdout.js";
import { styleFor } from "./style.js";
import { UsageError } from "./usage-error.js";

/** Runs `faultline match` and returns its exit code: 0 matched, 1 nothing matched. */
export async function runMatch(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean" }, "show-secrets": { type: "boolean" }, ...layerOptions },
  });
  if (positionals.length > 1) throw new UsageError("match takes at most one FILE");
  const [bundle, input] = await Promise.all([loadKnowledgeLayers(layerSources(values)), readInput(positionals[0], maxInputLength)]);
  const matched = await match(bundle, input.text);
  // Only what is matched was read: the report says the input was cut.
  const report = input.cut ? { ...matched, truncated: true } : matched;
  const options = { showSecrets: values["show-secrets"] === true, links: linksIn(bundle), style: styleFor({ isTTY: stdoutIsTTY() }) };
  writeOut(values.json ? `${JSON.stringify(reportJson(report, options))}\n` : reportText(report, options));
  return report.matches.length > 0 ? 0 : 1;
}
