/** Where mermaid's prebuilt ES module lives in the built site, for the build and the diagram script. */

/** The folder of mermaid's files, under the base path. */
export const mermaidFolder = "vendor/mermaid/";

/** Mermaid's entry module, under the base path; its chunks sit next to it. */
export const mermaidModule = `${mermaidFolder}mermaid.esm.min.mjs`;
