/**
 * The browser entry point: matching against a compiled bundle or the built-in knowledge. It imports
 * nothing from node:*, gray-matter, remark or zod, so the matcher page ships only what matching needs.
 */
export { bundleFormat, BundleFormatError, loadBundle } from "./bundle.js";
export type { Bundle, BundleEntry, LayerInfo } from "./bundle.js";
export { builtinKnowledge } from "./builtin.js";
export { factCatalog, findFact } from "./catalog.js";
export type { FactName, FactSpec, FactType } from "./catalog.js";
export { diagnose } from "./diagnose.js";
export { draftEntry } from "./draft.js";
export type { Draft, DraftOptions } from "./draft.js";
export type { DiagnoseOptions } from "./diagnose.js";
export type { Reason } from "./explain.js";
export { normaliseText } from "./control-characters.js";
export { extractFacts } from "./facts.js";
export type { Evidence, ExtractedFacts, ExtractOptions, Facts } from "./facts.js";
export { entryPageUrl, layerInfoOf, stackLayers } from "./layers.js";
export type { Replacement, StackedLayers } from "./layers.js";
export { match, maxInputLength } from "./match.js";
export type { Match, MatchOptions, MatchReport, NearMiss } from "./match.js";
export { operatorCatalog } from "./operators.js";
export type { OperatorName, OperatorSpec, Span } from "./operators.js";
export { builtinLayerName, projectSite } from "./project.js";
export { maskSecret, redact, redactRange } from "./redact.js";
export type { SecretRule, TokenKind } from "./secret-catalog.js";
export { decodeJwt, findSecrets } from "./tokens.js";
export type { FoundSecret, JwtClaims } from "./tokens.js";
