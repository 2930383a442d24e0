/** Shows and wires the copy buttons of code blocks; the button says when the copy worked. */

function codeOf(button: HTMLButtonElement): string {
  return button.parentElement?.querySelector("pre")?.textContent ?? "";
}

function flash(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
  setTimeout(() => {
    button.textContent = "Copy";
  }, 2000);
}

for (const button of document.querySelectorAll<HTMLButtonElement>("button[data-copy-code]")) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.setAttribute("aria-live", "polite");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(codeOf(button).trimEnd()).then(
      () => flash(button, "Copied"),
      () => flash(button, "Copy failed"),
    );
  });
}
