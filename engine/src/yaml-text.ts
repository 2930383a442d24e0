/**
 * Writing values into YAML front matter by hand, for the browser-safe draft (the `yaml` package is an
 * authoring dependency). Scalars are plain when nothing can misread them, else double-quoted; text of
 * several lines is a literal block when YAML keeps it exactly, else one double-quoted line.
 */

/** Plain scalars YAML would read as something other than a string. */
const reserved = new Set(["true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"]);
/** Plain scalars that nothing in YAML can misread: a letter, then letters, digits, single spaces and _ . / ' ’ - (no : or #). */
const plain = /^[A-Za-z](?:[A-Za-z0-9_./'’-]| (?! ))*$/;

/** Characters YAML does not allow unescaped (beyond what JSON escapes): DEL, C1 controls, BOM, non-characters. */
// eslint-disable-next-line no-control-regex
const unprintable = /[\u007f-\u009f\ufeff\ufffe\uffff]/g;

/** A string as a YAML double-quoted scalar: JSON's escapes are YAML's, and YAML escapes a few more. */
export function yamlQuoted(text: string): string {
  return JSON.stringify(text).replace(unprintable, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A scalar value for front matter. */
export function yamlScalar(value: string | number | boolean | null): string {
  if (typeof value !== "string") return JSON.stringify(value);
  return plain.test(value) && !value.endsWith(" ") && !reserved.has(value.toLowerCase()) ? value : yamlQuoted(value);
}

/** Whether a literal block (`|-`) holds the text exactly: printable, no tabs, a first line that does not start with a space. */
function fitsLiteralBlock(text: string): boolean {
  return text.includes("\n") && !/^[ \n]/.test(text) && !/[^\n\x20-\x7e\u00a0-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u.test(text);
}

/** A string as front-matter lines: `first` before the value's first line, `indent` before a block's lines. */
export function yamlBlock(text: string, first: string, indent: string): string[] {
  if (!fitsLiteralBlock(text)) return [`${first}${yamlQuoted(text)}`];
  return [`${first}|-`, ...text.split("\n").map((line) => (line.trim() === "" ? "" : `${indent}${line}`))];
}
