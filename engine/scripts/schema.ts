/**
 * Generates engine/entry.schema.json (JSON Schema for editors) from the zod entry schema, the single
 * source of truth. `--check` fails instead of writing when the file is stale.
 */
import { readFile, writeFile } from "node:fs/promises";
import { zodToJsonSchema } from "zod-to-json-schema";
import { entrySchema } from "../src/schema.js";

const file = new URL("../entry.schema.json", import.meta.url);
const schema = zodToJsonSchema(entrySchema, { name: "FaultlineEntry", $refStrategy: "root", effectStrategy: "input" });
const json = `${JSON.stringify({ ...schema, title: "Faultline knowledge entry front matter" }, null, 2)}\n`;

if (process.argv.includes("--check")) {
  const current = await readFile(file, "utf8").catch(() => "");
  if (current !== json) {
    console.error("engine/entry.schema.json is stale; run `npm run schema`");
    process.exit(1);
  }
} else {
  await writeFile(file, json);
}
