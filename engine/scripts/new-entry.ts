/**
 * `npm run new -- <id>`: scaffolds knowledge/<id>.md with every required section and a first trigger
 * and examples to replace, so a new entry starts from the shape `faultline check` expects.
 */
import { access, writeFile } from "node:fs/promises";
import { providerNames } from "../src/schema.js";

const id = process.argv[2];
if (!id || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) {
  console.error("usage: npm run new -- <id>   (kebab-case, e.g. gcp-billing-disabled)");
  process.exit(2);
}
const file = new URL(`../../knowledge/${id}.md`, import.meta.url);
if (await access(file).then(() => true, () => false)) {
  console.error(`knowledge/${id}.md already exists`);
  process.exit(2);
}
const prefix = id.split("-")[0] ?? "";
const provider = (providerNames as readonly string[]).includes(prefix) ? prefix : prefix === "k8s" ? "kubernetes" : "generic";
const today = new Date().toISOString().slice(0, 10);

await writeFile(
  file,
  `---
# yaml-language-server: $schema=../engine/entry.schema.json
id: ${id}
title: "TODO: the error as people would search for it"
summary: "TODO: one line that states the cause, not the symptom."
provider: ${provider}
services: []
http: [403]
codes: []
tags: []
related: []
updated: ${today}
triggers:
  all:
    - fact: httpStatus
      operator: equal
      value: 403
    - fact: text
      operator: containsPhrase
      value: ["TODO: the stable core of the message", "TODO: how another client words it"]
examples:
  - |
    TODO: the JSON error body, as the API returns it
  - |
    TODO: a client library traceback (Python, Go, Node or Java)
  - "TODO: a CLI line"
counterexamples:
  - |
    TODO: the most confusable neighbour's error, which must not rank this entry first
---

## Symptoms

TODO: what the reader sees, in the words of the error.

## Cause

TODO: the cause in one sentence, then how to tell it from its neighbours.

## Fix

\`\`\`bash
# TODO: commands that can be pasted, per tool where they differ
\`\`\`

## Verify

TODO: the command that proves the fix worked.

## Wrong fixes

- TODO: a tempting fix that does not work, and why.
`,
);
console.log(`created knowledge/${id}.md: fill in every TODO, then run npx faultline check`);
