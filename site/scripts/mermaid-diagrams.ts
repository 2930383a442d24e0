/**
 * Renders mermaid diagrams from their source blocks. Mermaid is imported only here, dynamically,
 * so pages without a diagram never load it. The source stays in the page for screen readers, and
 * stays visible when a diagram fails to render.
 */
import { joinBase } from "../lib/base-path.ts";
import { mermaidModule } from "../lib/mermaid-file.ts";

const sources = [...document.querySelectorAll<HTMLElement>("pre[data-mermaid]")];

async function renderDiagrams(): Promise<void> {
  // Mermaid's own minified ES build, copied into the site (site/integrations/mermaid-files.ts) rather
  // than bundled: Vite would transform its 1,500 modules on every build.
  const url = joinBase(import.meta.env.BASE_URL, mermaidModule);
  const { default: mermaid } = (await import(/* @vite-ignore */ url)) as typeof import("mermaid");
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default", fontFamily: "inherit" });
  for (const source of sources) {
    const figure = source.closest("figure");
    const target = document.createElement("div");
    target.className = "diagram-rendered";
    target.textContent = source.textContent ?? "";
    source.before(target);
    try {
      await mermaid.run({ nodes: [target], suppressErrors: false });
      source.classList.add("visually-hidden");
      figure?.setAttribute("data-rendered", "true");
    } catch (error) {
      target.remove();
      figure?.setAttribute("data-rendered", "failed");
      console.error("mermaid could not render a diagram", error);
    }
  }
}

if (sources.length > 0) void renderDiagrams();
