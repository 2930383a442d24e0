/** Where the project publishes its site: the one place the built-in knowledge's links come from. */
export const projectSite = "https://faultline-kb.github.io/faultline/";

/** The name of the built-in knowledge's layer. */
export const builtinLayerName = "built-in";
