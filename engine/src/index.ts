/**
 * Faultline's public API for Node: everything the browser entry offers, plus loading, checking and
 * compiling knowledge folders and reading knowledge layers.
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
export { checkBundle } from "./bundle-check.js";
export type { BundleCheck } from "./bundle-check.js";
export { checkKnowledge } from "./check.js";
export type { CheckedEntry, CheckOptions, CheckResult } from "./check.js";
export { compileBundle, newestReview } from "./compile.js";
export type { CompileOptions } from "./compile.js";
export { isBuiltinSource, LayerError, layerPaths, loadLayers } from "./layer-sources.js";
export type { LayerSources, LoadedLayers } from "./layer-sources.js";
export { formatField, listEntryFiles, loadKnowledge, parseEntry } from "./load.js";
export type { FieldPath, LoadedEntry, LoadResult, ParsedEntry } from "./load.js";
export { markdownPackages, MissingDependencyError } from "./missing-dependency.js";
export { findOverlaps, formatOverlap } from "./overlaps.js";
export type { CorpusText, Overlap, OverlapSite, Standing } from "./overlaps.js";
export { KnowledgeCheckFailed, KnowledgeProblem, sortProblems } from "./problem.js";
export type { ProblemInfo } from "./problem.js";
export { conditionSchema, entrySchema, providerNames, requiredSections } from "./schema.js";
export type { Condition, ConditionScalar, EntryMeta, EntryMetaInput, FactCondition, Provider } from "./schema.js";
