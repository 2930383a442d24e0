// What the browser build of faultline gives json-rules-engine for jsonpath-plus. json-rules-engine
// imports JSONPath for its default path resolver, and Faultline always passes its own (engine/src/match.ts
// resolvePath), so the 25 KB of jsonpath-plus would never run in the page.
export function JSONPath() {
  throw new Error("faultline: jsonpath-plus is not part of the browser build; match() passes its own path resolver");
}
