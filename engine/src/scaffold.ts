/**
 * The scaffold of a new entry written from nothing (`faultline new ID`): every field and section, each
 * to be written marked with a prompt (draft-marker.ts), so `check` lists exactly what is left to write.
 */
import { draftComment, draftMarker, sectionPrompts } from "./draft-marker.js";
import { providerNames, requiredSections, type Provider } from "./entry-parts.js";
import { yamlScalar } from "./yaml-text.js";

/** The provider an id names by its first word (gcp-…, aws-…, k8s-…), else generic. */
export function providerOfId(id: string): Provider {
  const prefix = id.split("-")[0] ?? "";
  if ((providerNames as readonly string[]).includes(prefix)) return prefix as Provider;
  return prefix === "k8s" || prefix === "gke" || prefix === "eks" || prefix === "aks" ? "kubernetes" : "generic";
}

const prompt = (text: string): string => yamlScalar(`${draftMarker} ${text}`);

/** The markdown of a new entry `id`, reviewed `today` (YYYY-MM-DD), with a prompt wherever the author writes. */
export function scaffoldEntry(id: string, today: string): string {
  return [
    "---",
    "# yaml-language-server: $schema=../engine/entry.schema.json",
    `id: ${id}`,
    `title: ${prompt("the error as people would search for it")}`,
    `summary: ${prompt("one line that states the cause, not the symptom")}`,
    `provider: ${providerOfId(id)}`,
    "services: []",
    "http: [403]",
    "codes: []",
    "tags: []",
    "related: []",
    `updated: ${today}`,
    "triggers:",
    "  all:",
    "    - fact: httpStatus",
    "      operator: equal",
    "      value: 403",
    "    - fact: text",
    "      operator: containsPhrase",
    `      value: [${prompt("the stable core of the message")}, ${prompt("how another client words it")}]`,
    "examples:",
    `  - ${prompt("the JSON error body, as the API returns it")}`,
    `  - ${prompt("a client library traceback (Python, Go, Node or Java)")}`,
    `  - ${prompt("a CLI line")}`,
    "counterexamples:",
    `  - ${prompt("the most confusable neighbour's error, which must not rank this entry first")}`,
    "---",
    "",
    ...requiredSections.flatMap((section) => [`## ${section}`, "", draftComment(sectionPrompts[section]), ""]),
  ].join("\n");
}
