/** Plain text of a hast node, for heading slugs and code block sources. */
import type { Nodes } from "hast";

/** Concatenates the text of a node and its descendants. */
export function hastText(node: Nodes): string {
  if (node.type === "text") return node.value;
  if ("children" in node) return node.children.map((child) => hastText(child)).join("");
  return "";
}
