/** `faultline --version`: the engine's version and the built-in knowledge's. */
import { readFile } from "node:fs/promises";
import { builtinKnowledge } from "../builtin.js";
import { packageFile } from "../package-root.js";

/** The engine package's version. */
export async function engineVersion(): Promise<string> {
  return (JSON.parse(await readFile(packageFile("package.json"), "utf8")) as { version: string }).version;
}

/** The lines `--version` prints. */
export async function versionText(): Promise<string> {
  const version = await engineVersion();
  const knowledge = await builtinKnowledge().then(
    (bundle) => {
      const layer = bundle.layers?.[0];
      return `built-in knowledge ${layer?.version ?? "?"} (${bundle.entries.length} entries, reviewed up to ${layer?.date ?? "?"})`;
    },
    () => "built-in knowledge: not built (run npm run build in engine/)",
  );
  return `faultline ${version}\n${knowledge}\n`;
}
