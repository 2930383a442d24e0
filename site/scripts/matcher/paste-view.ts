/** The pasted text as the page shows it: evidence highlighted, secrets masked, never parsed as HTML. */
import { h } from "../dom.ts";
import { segmentPaste, type TextRange } from "./paste-segments.ts";

/** Renders the paste with `spans` marked and each `secrets[i]` replaced by `masks[i]`. */
export function renderPasteView(text: string, spans: readonly TextRange[], secrets: readonly TextRange[], masks: readonly string[]): HTMLPreElement {
  const view = h("pre", { class: "paste-view", tabindex: "0", "aria-label": "Your paste, with the text that matched highlighted" });
  for (const segment of segmentPaste(text, spans, secrets, masks)) {
    if (segment.kind === "secret") {
      const tag = segment.matched ? "mark" : "span";
      view.append(h(tag, { class: segment.matched ? "evidence secret-mask" : "secret-mask", title: "Secret hidden: Faultline never shows pasted tokens" }, segment.text));
    } else if (segment.kind === "match") {
      view.append(h("mark", { class: "evidence" }, segment.text));
    } else {
      view.append(segment.text);
    }
  }
  return view;
}
