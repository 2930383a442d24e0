/**
 * The review panel of a draft entry made from the paste: first what happened to the paste (redacted,
 * how many secrets masked) and that nothing is sent, then the draft itself, read-only, then the ways
 * to take it away: a download, a link to the repository's web editor (when the draft fits in a
 * link), and a copy button. Nothing here sends anything; the editor link is an ordinary link.
 */
import { newFileLink, type NewFileLink } from "../../lib/repository-url.ts";
import { h } from "../dom.ts";
import type { DraftResult } from "./protocol.ts";

/** The repository new entries go to, as the build configured it. */
export interface DraftTarget {
  readonly url: string;
  readonly branch: string;
  /** The authoring guide, for what to write next. */
  readonly guide: string;
}

/** "2 secrets masked", "1 secret masked", "no secret found to mask". */
export function secretsText(count: number): string {
  if (count === 0) return "no secret found to mask";
  return `${count} secret${count === 1 ? "" : "s"} masked`;
}

function sizeText(chars: number): string {
  return `${(chars / 1024).toFixed(1)} KB`;
}

function editorLink(link: NewFileLink, filename: string): HTMLElement {
  if (link.ok) {
    return h("a", { class: "button", href: link.url, target: "_blank", rel: "noopener noreferrer", "data-draft-editor": "" }, "Open as a new file on GitHub");
  }
  return h(
    "p",
    { class: "notice", role: "note", "data-draft-too-long": "" },
    `This draft is too long to open in GitHub's editor by a link (${sizeText(link.length)} as a link, about ${sizeText(link.limit)} fit): download it or copy it, and add it to the repository as knowledge/${filename}.`,
  );
}

/** Copies the draft, and says on the button whether it worked. */
function copyButton(markdown: string): HTMLButtonElement {
  const button = h("button", { type: "button", class: "secondary-button", "data-draft-copy": "" }, "Copy");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(markdown).then(
      () => (button.textContent = "Copied"),
      () => (button.textContent = "Copy failed: select the text and copy it"),
    );
  });
  return button;
}

/** Renders the panel; `downloadUrl` is an object URL of the markdown, made and revoked by the caller. */
export function renderDraft(draft: DraftResult, target: DraftTarget, downloadUrl: string): HTMLElement {
  const filename = `${draft.id}.md`;
  const link = newFileLink(target, "knowledge", filename, draft.markdown);
  return h(
    "section",
    { class: "draft-panel", "aria-labelledby": "draft-title", "data-draft-id": draft.id },
    h("h2", { id: "draft-title", tabindex: "-1" }, `Draft entry: knowledge/${filename}`),
    h(
      "p",
      { class: "draft-privacy", "data-draft-privacy": "" },
      h("strong", {}, `Your paste was redacted first: ${secretsText(draft.secretsMasked)}.`),
      " Review the draft before you share it. Faultline sends nothing: the GitHub link only opens GitHub with the text you see here, when you click it.",
    ),
    h("label", { class: "field-label", for: "draft-text" }, "The draft (read-only)"),
    h("textarea", { id: "draft-text", class: "draft-text", readonly: "", rows: "16", spellcheck: "false", wrap: "off" }, draft.markdown),
    h(
      "div",
      { class: "draft-actions" },
      h("a", { class: "button", href: downloadUrl, download: filename, "data-draft-download": "" }, `Download ${filename}`),
      editorLink(link, filename),
      copyButton(draft.markdown),
    ),
    h("p", { class: "muted" }, "Then write its five sections where it says TODO, run ", h("code", {}, "faultline check"), ", and open a pull request. ", h("a", { href: target.guide }, "How to write an entry")),
  );
}
