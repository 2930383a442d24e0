/** `faultline --version`: the engine's version and the built-in knowledge's. */
import { readFile } from "node:fs/promises";
import { builtinKnowledgeFromFiles } from "../builtin-files.js";
import { packageFile } from "../package-root.js";

/** The engine package's version. */
export async function engineVersion(): Promise<string> {
  return (JSON.parse(await readFile(packageFile("package.json"), "utf8")) as { version: string }).version;
}

/** The lines `--version` prints. */
export async function versionText(): Promise<string> {
  const version = await engineVersion();
  // The JSON files every other command reads, not the knowledge modules (15 ms more on a cold start).
  const knowledge = await builtinKnowledgeFromFiles().then(
    (bundle) => {
      const layer = bundle.layers?.[0];
      return `built-in knowledge ${layer?.version ?? "?"} (${bundle.entries.length} entries, reviewed up to ${layer?.date ?? "?"})`;
    },
    () => "built-in knowledge: not built (run npm run build in engine/)",
  );
  return `faultline ${version}\n${knowledge}\n`;
}
