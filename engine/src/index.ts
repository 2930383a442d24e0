/**
 * Faultline's public API for Node: everything the browser entry offers, plus loading, checking and
 * compiling a knowledge directory.
 */
export { bundleFormat, BundleFormatError, loadBundle } from "./bundle.js";
export type { Bundle, BundleEntry } from "./bundle.js";
export { factCatalog, findFact } from "./catalog.js";
export type { FactName, FactSpec, FactType } from "./catalog.js";
export type { Reason } from "./explain.js";
export { normaliseText } from "./control-characters.js";
export { extractFacts } from "./facts.js";
export type { Evidence, ExtractedFacts, ExtractOptions, Facts } from "./facts.js";
export { match, maxInputLength } from "./match.js";
export type { Match, MatchOptions, MatchReport, NearMiss } from "./match.js";
export { operatorCatalog } from "./operators.js";
export type { OperatorName, OperatorSpec, Span } from "./operators.js";
export { maskSecret, redact, redactRange } from "./redact.js";
export type { SecretRule, TokenKind } from "./secret-catalog.js";
export { tokenKinds } from "./token-kinds.js";
export type { TokenKindInfo } from "./token-kinds.js";
export { decodeJwt, findSecrets } from "./tokens.js";
export type { FoundSecret, JwtClaims } from "./tokens.js";
export { checkKnowledge } from "./check.js";
export type { CheckOptions, CheckResult } from "./check.js";
export { compileBundle } from "./compile.js";
export { formatField, listEntryFiles, loadKnowledge, parseEntry } from "./load.js";
export type { FieldPath, LoadedEntry, LoadResult } from "./load.js";
export { KnowledgeCheckFailed, KnowledgeProblem, sortProblems } from "./problem.js";
export type { ProblemInfo } from "./problem.js";
export { conditionSchema, entrySchema, providerNames, requiredSections } from "./schema.js";
export type { Condition, ConditionScalar, EntryMeta, EntryMetaInput, FactCondition, Provider } from "./schema.js";
