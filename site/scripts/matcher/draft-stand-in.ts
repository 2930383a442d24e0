/** TEMPORARY stand-in for faultline/browser's draftEntry until the authoring-engine branch is merged. */
import { findSecrets, redact } from "faultline/browser";

export function draftEntry(paste: string, options: { id?: string; today?: string } = {}): { id: string; markdown: string; redactedPaste: string; secretsMasked: number; trigger: unknown } {
  const secrets = findSecrets(paste);
  const redactedPaste = redact(paste, secrets);
  const id = options.id ?? "error-draft";
  const markdown = `---\nid: ${id}\ntitle: "TODO: title"\nupdated: ${options.today ?? "2026-01-01"}\nexamples:\n  - |\n${redactedPaste.split("\n").map((l) => `    ${l}`).join("\n")}\n---\n\n## Symptoms\n`;
  return { id, markdown, redactedPaste, secretsMasked: secrets.length, trigger: {} };
}
