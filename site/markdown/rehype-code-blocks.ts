/**
 * Code blocks of entry bodies: highlighted blocks get a copy button (hidden until the page script
 * wires it, so it never shows without JavaScript), and mermaid blocks become diagram placeholders
 * holding their source, which the entry page renders in the browser.
 */
import type { Element, ElementContent, Root, RootContent } from "hast";
import { hastText } from "./hast-text.ts";

function classesOf(node: Element): string[] {
  const value = node.properties["className"];
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : String(value).split(/\s+/);
}

function isMermaid(pre: Element): boolean {
  if (pre.properties["dataLanguage"] === "mermaid") return true;
  const code = pre.children.find((child): child is Element => child.type === "element" && child.tagName === "code");
  return code !== undefined && classesOf(code).includes("language-mermaid");
}

function diagramFigure(pre: Element): Element {
  return {
    type: "element",
    tagName: "figure",
    properties: { className: ["diagram"], dataPagefindIgnore: "" },
    children: [
      { type: "element", tagName: "pre", properties: { className: ["diagram-source"], dataMermaid: "" }, children: [{ type: "text", value: hastText(pre).trimEnd() }] },
    ],
  };
}

function copyableBlock(pre: Element): Element {
  const button: Element = {
    type: "element",
    tagName: "button",
    properties: { type: "button", className: ["copy-button"], dataCopyCode: "", hidden: true, dataPagefindIgnore: "" },
    children: [{ type: "text", value: "Copy" }],
  };
  return { type: "element", tagName: "div", properties: { className: ["code-block"] }, children: [button, pre] };
}

function transform(node: RootContent): RootContent {
  if (node.type !== "element") return node;
  if (node.tagName === "pre") {
    if (isMermaid(node)) return diagramFigure(node);
    return copyableBlock(node);
  }
  node.children = node.children.map((child) => transform(child) as ElementContent);
  return node;
}

/** Rehype plugin: copy buttons on code blocks, placeholders for mermaid diagrams. */
export function rehypeCodeBlocks() {
  return (tree: Root): void => {
    tree.children = tree.children.map(transform);
  };
}
