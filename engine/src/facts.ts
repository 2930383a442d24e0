/**
 * Turns pasted text into the facts of the catalog, with the span of the input behind each value.
 * Every pattern here is linear in the input: no nested quantifiers, bounded lookarounds.
 */
import type { FactName } from "./catalog.js";
import { normaliseText } from "./control-characters.js";
import type { Span } from "./operators.js";
import { overlapsSecret, redactRange } from "./redact.js";
import { findSecrets, type FoundSecret, type JwtClaims } from "./tokens.js";

export { normaliseText } from "./control-characters.js";

/**
 * The facts triggers see. Every value taken from the paste has its secrets masked, so facts can be
 * shown as they are; only `text`, the paste itself, holds them (show it through `redactRange`).
 */
export interface Facts {
  text: string;
  httpStatus: number | null;
  status: string | null;
  reasons: string[];
  codes: string[];
  providers: string[];
  permissions: string[];
  principals: string[];
  urls: string[];
  tokenKinds: string[];
  jwt: JwtClaims | null;
  jwtExpired: boolean | null;
  jwtAudienceHasPath: boolean | null;
  jwtAudienceMatchesUrl: boolean | null;
}

/** Where in the input one fact value was found. */
export interface Evidence extends Span {
  readonly fact: FactName;
  readonly value: string | number | boolean;
}

/** Facts plus what backs them. */
export interface ExtractedFacts {
  readonly facts: Facts;
  readonly evidence: readonly Evidence[];
  readonly secrets: readonly FoundSecret[];
}

/** Options of fact extraction. */
export interface ExtractOptions {
  /** The time of matching in ms since the epoch, for JWT expiry; defaults to now. */
  readonly now?: number;
}

const rpcStatuses = [
  "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
  "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
  "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
];
const camelToRpc = new Map(
  rpcStatuses.map((s) => [s.toLowerCase().replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase()), s]),
);
camelToRpc.set("Canceled", "CANCELLED");

/** Google ErrorInfo reasons that are recognised even without a "reason" key in front. */
const knownReasons = [
  "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "ACCESS_TOKEN_EXPIRED", "ACCESS_TOKEN_TYPE_UNSUPPORTED", "CREDENTIALS_MISSING",
  "SERVICE_DISABLED", "IAM_PERMISSION_DENIED", "API_KEY_INVALID", "API_KEY_SERVICE_BLOCKED", "API_KEY_HTTP_REFERRER_BLOCKED",
  "API_KEY_IP_ADDRESS_BLOCKED", "BILLING_DISABLED", "RATE_LIMIT_EXCEEDED", "RESOURCE_QUOTA_EXCEEDED", "SECURITY_POLICY_VIOLATED",
  "USER_PROJECT_DENIED", "CONSUMER_INVALID", "CONSUMER_SUSPENDED", "SERVICE_CONFIG_NOT_FOUND_OR_PERMISSION_DENIED",
  "NO_MATCHING_ACCESS_LEVEL", "RESOURCES_NOT_IN_SAME_SERVICE_PERIMETER", "SERVICE_NOT_ALLOWED_FROM_VPC", "NETWORK_NOT_IN_SAME_SERVICE_PERIMETER",
  "ORG_POLICY_CONSTRAINT_VIOLATED", "ACCOUNT_STATE_INVALID", "LOCATION_POLICY_VIOLATED",
];

/** AWS and Azure codes recognised anywhere as a whole word. */
const knownCodes = [
  "AccessDenied", "AccessDeniedException", "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "SignatureDoesNotMatch",
  "InvalidSignatureException", "RequestTimeTooSkewed", "RequestExpired", "InvalidAccessKeyId", "UnrecognizedClientException",
  "IncompleteSignature", "MissingAuthenticationToken", "AuthFailure", "UnauthorizedOperation", "NoCredentialProviders",
  "CredentialsProviderError", "NoCredentialsError", "PartialCredentialsError", "InvalidIdentityToken", "IDPRejectedClaim",
  "IDPCommunicationError", "TokenRefreshRequired", "AllAccessDisabled", "AuthorizationFailed", "AuthorizationPermissionMismatch",
  "AuthenticationFailed", "InvalidAuthenticationToken", "InvalidAuthenticationTokenTenant", "ExpiredAuthenticationToken",
  "LinkedAuthorizationFailed", "RoleAssignmentExists", "CredentialUnavailableError", "CredentialUnavailableException", "ClientAuthenticationError",
  "InvalidAuthenticationTokenAudience", "AuthorizationFailure", "InsufficientAccountPermissions",
  "KeyBasedAuthenticationNotPermitted", "ForbiddenByFirewall", "ForbiddenByPolicy", "ForbiddenByRbac", "ForbiddenByConnection",
  "SubscriptionNotFound", "Authorization_RequestDenied", "LinkedAccessCheckFailed",
];
const oauthErrors = [
  "invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope", "invalid_token", "insufficient_scope",
  "invalid_request", "access_denied", "unsupported_grant_type", "invalid_target", "interaction_required", "invalid_rapt",
  "consent_required",
];

const statusWords =
  "Forbidden|Unauthorized|Unauthenticated|Bad Request|Not Found|Too Many Requests|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Timeout|Conflict|Precondition Failed|Method Not Allowed|Client Error|Server Error|Request Timeout|Gone";

/** "HttpClientErrorException: 403": the status after an exception or error class name. */
const exceptionStatus = /\b\w{0,60}(?:Exception|Error):\s([45]\d\d)\b/g;

const httpStatusPatterns: readonly RegExp[] = [
  /(?:^|[^A-Za-z_])(?:code|status|statusCode|status_code|httpStatus|http_status|httpStatusCode)\\?["']?\s*[:=]\s*\\?["']?([45]\d\d)(?!\d)/gi,
  /\bHTTP\/\d(?:\.\d)?\s+([45]\d\d)(?!\d)/gi,
  /\bstatus[ _-]?code\b[\s:=]{0,3}\(?([45]\d\d)(?!\d)/gi,
  new RegExp(`(?<![\\d.])([45]\\d\\d)\\s?[-:]?\\s?\\(?(?:${statusWords})\\b`, "gi"),
  /\((?:HTTP\s?)?([45]\d\d)\)/gi,
  /\b(?:Error|HttpError|error code|response code|returned|status)\s?:?\s?([45]\d\d)(?!\d)/gi,
  exceptionStatus,
  /:\s([45]\d\d)\s\((?=[A-Z])/g,
  /\b(?:Forbidden|Unauthorized|Unauthenticated|PermissionDenied|NotFound|BadRequest|TooManyRequests):\s([45]\d\d)\b/g,
];

/** kubectl and client-go name the status by its reason: "Error from server (Forbidden)". */
const serverErrorPattern = /\bError from server \((Forbidden|Unauthorized|NotFound|BadRequest|Conflict|TooManyRequests|InternalError|ServiceUnavailable)\)/g;
/** Reasons kubectl prints instead of a status number, with the status each stands for. */
export const serverErrorStatus: Readonly<Record<string, number>> = {
  Forbidden: 403, Unauthorized: 401, NotFound: 404, BadRequest: 400, Conflict: 409, TooManyRequests: 429, InternalError: 500, ServiceUnavailable: 503,
};

const statusPatterns: ReadonlyArray<{ regex: RegExp; map: (raw: string) => string | undefined }> = [
  {
    regex: /\b(PERMISSION_DENIED|UNAUTHENTICATED|RESOURCE_EXHAUSTED|FAILED_PRECONDITION|INVALID_ARGUMENT|DEADLINE_EXCEEDED|NOT_FOUND|ALREADY_EXISTS|OUT_OF_RANGE|DATA_LOSS)\b/g,
    map: (raw) => raw,
  },
  {
    regex: /\b(?:status|StatusCode)\\?["']?\s*[:=.]\s*\\?["']?(CANCELLED|UNKNOWN|ABORTED|UNIMPLEMENTED|INTERNAL|UNAVAILABLE)\b/g,
    map: (raw) => raw,
  },
  { regex: /\b\d{1,2} (CANCELLED|UNKNOWN|ABORTED|UNIMPLEMENTED|INTERNAL|UNAVAILABLE):/g, map: (raw) => raw },
  {
    regex: /\bcode\s?=\s?(PermissionDenied|Unauthenticated|ResourceExhausted|FailedPrecondition|InvalidArgument|DeadlineExceeded|NotFound|AlreadyExists|OutOfRange|DataLoss|Canceled|Unknown|Aborted|Unimplemented|Internal|Unavailable)\b/g,
    map: (raw) => camelToRpc.get(raw),
  },
];

const reasonPatterns: readonly RegExp[] = [
  /\b[Rr]eason\\?["']?\s*[:=]\s*\\?["']([A-Za-z][\w.]{1,80})\\?["']/g,
  /\b[Rr]eason\\?["']?\s*[:=]\s*([A-Z][A-Za-z0-9_]{2,80})\b/g,
  new RegExp(`\\b(${knownReasons.join("|")})\\b`, "g"),
  // Go's googleapi ends its one-line error with the legacy reason: "googleapi: Error 403: …, accessNotConfigured".
  // The run stops at the next "googleapi: ", so a line of them is read once, not once per repeat.
  /\bgoogleapi: Error [45]\d\d: (?:(?!googleapi: )[^\n]){0,2000}, ([a-z][A-Za-z]{2,60})[ \t]*$/gm,
];

const codePatterns: readonly RegExp[] = [
  /\b(AADSTS\d{5,7})\b/g,
  new RegExp(`\\b(${knownCodes.join("|")})\\b`, "g"),
  new RegExp(`\\b(${oauthErrors.join("|")})\\b`, "g"),
  /\(([A-Z][A-Za-z]{2,60}(?:\.[A-Za-z]{2,40})?)\) when calling/g,
  /\bError Code: ([A-Z][A-Za-z.]{2,60})/g,
  /<Code>([A-Za-z.]{2,60})<\/Code>/g,
  /\bapi error ([A-Z][A-Za-z.]{2,60}):/g,
  /(?:__type|errorCode|ErrorCode|"Code"|'Code')\\?["']?\s*:\s*\\?["'](?:[\w.]{1,80}#)?([A-Z][A-Za-z.]{2,60})\\?["']/g,
  /"code"\s*:\s*"([A-Z][a-z]+(?:[A-Z][a-z]+){1,8})"/g,
  /(?:^|\s)\(([A-Z][a-z]+(?:[A-Z][a-z]+){1,8})\)(?=\s)/gm,
];

const providerHints: ReadonlyArray<{ provider: string; regex: RegExp }> = [
  { provider: "gcp", regex: /googleapis\.com|\.run\.app\b|cloudfunctions\.net|gserviceaccount\.com|\bgcloud\b|\bgoogle\.(?:auth|api_core|cloud)\b|\bgoogleapi:|\bya29\.|metadata\.google\.internal|\bcom\.google\.(?:api|auth|cloud)|google-auth-library|@google-cloud\//g },
  { provider: "aws", regex: /amazonaws\.com|\barn:aws[\w-]*:|\bbotocore\b|\bboto3\b|\baws-sdk\b|@aws-sdk\/|\bAKIA[A-Z0-9]{16}\b|\bASIA[A-Z0-9]{16}\b|\bsoftware\.amazon\.awssdk\b|\bcom\.amazonaws\b|\baws (?:s3|sts|iam|ec2|lambda|sso|configure)\b/g },
  { provider: "azure", regex: /\bAADSTS\d+|login\.microsoftonline\.com|management\.azure\.com|\bazure\.identity\b|@azure\/|\bDefaultAzureCredential\b|\bManagedIdentityCredential\b|\bMicrosoft\.[A-Z][A-Za-z]+\/|\baz (?:login|account|role|ad|storage|keyvault)\b|\.azure\.(?:com|net)\b|\.windows\.net\b|\bAzure\.(?:Identity|Core|RequestFailedException|Storage|Security|ResourceManager)\b|\bazure\.core\b|\bcom\.azure\./g },
  { provider: "kubernetes", regex: /\bkubectl\b|system:serviceaccount:|system:anonymous|\bk8s\.io\b|\bkube-apiserver\b|"kind"\s*:\s*"Status"|\bkubeconfig\b|rbac\.authorization\.k8s\.io|\bin the namespace "|\bkubernetes\.client\b|\bkubernetes_[a-z_]+\b|k8s\.io\/client-go/g },
];

const gcpPermission = /(?<![\w.\/-])([a-z][a-zA-Z0-9]{1,40}\.[a-z][a-zA-Z0-9]{0,40}s\.[a-z][a-zA-Z]{1,40})(?![\w\/-]|\.[a-zA-Z])/g;
const awsAction = /(?<![\w:\/-])([a-z][a-z0-9-]{1,30}:[A-Z][A-Za-z0-9]{2,60})\b(?![:\/])/g;
const azureAction = /\b(Microsoft\.[A-Za-z]+(?:\/[A-Za-z]+){1,6}\/(?:read|write|delete|action))\b/g;
const notServicePrefixes = new Set(["http", "https", "arn", "file", "mailto", "urn", "data", "line", "error", "warning", "info", "debug", "note", "at", "caused", "time", "date", "sha256"]);

const serviceAccount = /\b([a-z0-9][a-z0-9._-]{0,80}@[a-z0-9-]{1,63}\.iam\.gserviceaccount\.com)\b/gi;
const googleServiceAgent = /\b([a-z0-9._-]{1,80}@(?:developer|cloudservices|appspot|cloudbuild)\.gserviceaccount\.com)\b/gi;

const principalPatterns: readonly RegExp[] = [
  serviceAccount,
  googleServiceAgent,
  /\b(arn:aws[\w-]*:(?:iam|sts)::\d{12}:[A-Za-z0-9+=,.@_\/-]{1,200})/g,
  /\b(system:serviceaccount:[a-z0-9-]{1,63}:[a-z0-9.-]{1,253})/g,
  /\b(system:anonymous)\b/g,
];

const urlPattern = /\bhttps?:\/\/[^\s"'<>`\\)\]]{1,2048}/gi;

/** Every pattern fact extraction runs, by name: what `npm run bench -- adversarial` times one by one. */
export const factPatterns: ReadonlyArray<{ readonly name: string; readonly regex: RegExp }> = [
  ...httpStatusPatterns.map((regex, i) => ({ name: `httpStatus ${i + 1}`, regex })),
  { name: "server error", regex: serverErrorPattern },
  ...statusPatterns.map(({ regex }, i) => ({ name: `status ${i + 1}`, regex })),
  ...reasonPatterns.map((regex, i) => ({ name: `reasons ${i + 1}`, regex })),
  ...codePatterns.map((regex, i) => ({ name: `codes ${i + 1}`, regex })),
  ...providerHints.map(({ provider, regex }) => ({ name: `provider ${provider}`, regex })),
  { name: "GCP permission", regex: gcpPermission },
  { name: "AWS action", regex: awsAction },
  { name: "Azure action", regex: azureAction },
  ...principalPatterns.map((regex, i) => ({ name: `principals ${i + 1}`, regex })),
  { name: "URL", regex: urlPattern },
];

/**
 * Text every match of these patterns holds (`needle`, matched as the pattern matches it) at most `reach`
 * characters after the match's start. The patterns begin with a character class, so V8 tries them at
 * every offset of the paste; each search starts just before the next needle instead, and none is made
 * once no needle is left.
 */
export const searchHints: ReadonlyMap<RegExp, { readonly needle: RegExp; readonly reach: number }> = new Map([
  [exceptionStatus, { needle: /Exception:|Error:/g, reach: 60 }],
  [gcpPermission, { needle: /s\.[a-z]/g, reach: 83 }],
  [awsAction, { needle: /:[A-Z]/g, reach: 31 }],
  [serviceAccount, { needle: /\.iam\.gserviceaccount\.com/gi, reach: 145 }],
  [googleServiceAgent, { needle: /@(?:developer|cloudservices|appspot|cloudbuild)\.gserviceaccount\.com/gi, reach: 80 }],
]);

/** Calls `onMatch` with each match of a global regex in order (its first group, else all of it), using its search hint if any. */
export function collect(regex: RegExp, text: string, onMatch: (value: string, span: Span, match: RegExpExecArray) => void): void {
  const hint = searchHints.get(regex);
  regex.lastIndex = 0;
  for (;;) {
    if (hint) {
      // No match starts before the next needle's reach: one would hold a needle further on.
      hint.needle.lastIndex = regex.lastIndex;
      const next = hint.needle.exec(text);
      if (!next) return;
      regex.lastIndex = Math.max(regex.lastIndex, next.index - hint.reach);
    }
    const m = regex.exec(text);
    if (!m) return;
    const value = m[1] ?? m[0];
    const start = m.index + m[0].lastIndexOf(value);
    onMatch(value, { start, end: start + value.length }, m);
    if (m[0].length === 0) regex.lastIndex++;
  }
}

/** Facts whose values are the paste's own text at their span (URLs are masked on their own). */
const readFromPaste: ReadonlySet<FactName> = new Set(["reasons", "codes", "permissions", "principals"]);

/** The URL without the sentence punctuation after it; a loop, as /[.,;:]+$/ retries from every offset of a long run. */
function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && ".,;:".includes(url.charAt(end - 1))) end--;
  return url.slice(0, end);
}

function firstByPosition<T>(hits: Array<{ value: T; span: Span }>): { value: T; span: Span } | undefined {
  return hits.reduce<{ value: T; span: Span } | undefined>((best, hit) => (!best || hit.span.start < best.span.start ? hit : best), undefined);
}

/**
 * The audience an ID token for this URL must carry: the base URL for Cloud Run, the function's URL
 * for 1st-gen Cloud Functions (https://REGION-PROJECT.cloudfunctions.net/FUNCTION).
 */
function expectedAudience(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const base = `${parsed.protocol}//${parsed.host}`;
    if (!parsed.hostname.endsWith(".cloudfunctions.net")) return base;
    const fn = parsed.pathname.split("/").find(Boolean);
    return fn ? `${base}/${fn}` : base;
  } catch {
    return undefined;
  }
}

function audiencePath(aud: string): boolean | null {
  try {
    const parsed = new URL(aud);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.pathname !== "/" && parsed.pathname !== "" ? true : parsed.search !== "" || aud.endsWith("/");
  } catch {
    return null;
  }
}

/** Extracts the catalog's facts from pasted text, with evidence spans and the secrets found. */
export function extractFacts(raw: string, options: ExtractOptions = {}): ExtractedFacts {
  const text = normaliseText(raw);
  const secrets = findSecrets(raw);
  const evidence: Evidence[] = [];
  // A value read from the paste shows the paste's text, so a secret inside it is masked like anywhere else.
  const add = (fact: FactName, value: string | number | boolean, span: Span): void => {
    const shown = typeof value === "string" && readFromPaste.has(fact) && overlapsSecret(span, secrets) ? redactRange(text, span, secrets) : value;
    evidence.push({ fact, value: shown, start: span.start, end: span.end });
  };
  const unique = (fact: FactName): string[] => [
    ...new Set(evidence.filter((e) => e.fact === fact).map((e) => String(e.value))),
  ];

  const statusHits: Array<{ value: number; span: Span }> = [];
  for (const regex of httpStatusPatterns) {
    collect(regex, text, (value, span) => {
      statusHits.push({ value: Number(value), span });
      add("httpStatus", Number(value), span);
    });
  }
  collect(serverErrorPattern, text, (value, span) => {
    const status = serverErrorStatus[value];
    if (status !== undefined) {
      statusHits.push({ value: status, span });
      add("httpStatus", status, span);
    }
    add("reasons", value, span);
  });
  const rpcHits: Array<{ value: string; span: Span }> = [];
  for (const { regex, map } of statusPatterns) {
    collect(regex, text, (value, span) => {
      const canonical = map(value);
      if (!canonical) return;
      rpcHits.push({ value: canonical, span });
      add("status", canonical, span);
    });
  }
  for (const regex of reasonPatterns) collect(regex, text, (value, span) => add("reasons", value, span));
  for (const regex of codePatterns) collect(regex, text, (value, span) => add("codes", value, span));
  for (const { provider, regex } of providerHints) collect(regex, text, (_value, span) => add("providers", provider, span));
  collect(gcpPermission, text, (value, span) => {
    if (!/^(?:google|www|com|org|net|io|java|javax|android|os|sys)\./.test(value) && !/\.(?:com|net|org|io|app|dev|internal|py|js|ts|json|yaml|go|java)$/.test(value)) {
      add("permissions", value, span);
    }
  });
  collect(awsAction, text, (value, span) => {
    if (!notServicePrefixes.has(value.slice(0, value.indexOf(":")).toLowerCase())) add("permissions", value, span);
  });
  collect(azureAction, text, (value, span) => add("permissions", value, span));
  for (const regex of principalPatterns) collect(regex, text, (value, span) => add("principals", value, span));

  const urls: Array<{ url: string; span: Span }> = [];
  collect(urlPattern, text, (value, span) => {
    const url = withoutTrailingPunctuation(value);
    urls.push({ url, span: { start: span.start, end: span.start + url.length } });
  });
  for (const { span } of urls) {
    // Masked first, so a password holding "@" or "/" is gone before the user info is dropped.
    const shown = redactRange(text, span, secrets).replace(/^([a-z]+:\/\/)[^/?#@\s]*@/i, "$1");
    evidence.push({ fact: "urls", value: shown, start: span.start, end: span.end });
  }

  for (const secret of secrets) {
    const span = { start: secret.start, end: secret.end };
    add("tokenKinds", secret.kind, span);
    if (secret.issuerKind) add("tokenKinds", secret.issuerKind, span);
    if (secret.kind === "google-access-token" || secret.issuerKind === "google-id-token") add("providers", "gcp", span);
    if (secret.kind.startsWith("aws-")) add("providers", "aws", span);
    if (secret.issuerKind === "azure-ad-token") add("providers", "azure", span);
  }

  const jwtSecret = secrets.find((s) => s.kind === "jwt" && s.claims) ?? null;
  const jwt = jwtSecret?.claims ?? null;
  let jwtExpired: boolean | null = null;
  let jwtAudienceHasPath: boolean | null = null;
  let jwtAudienceMatchesUrl: boolean | null = null;
  if (jwtSecret && jwt) {
    const span = { start: jwtSecret.start, end: jwtSecret.end };
    const now = options.now ?? Date.now();
    if (typeof jwt.exp === "number") {
      jwtExpired = jwt.exp * 1000 <= now;
      add("jwtExpired", jwtExpired, span);
    }
    const aud = Array.isArray(jwt.aud) ? jwt.aud[0] : jwt.aud;
    if (typeof aud === "string") {
      jwtAudienceHasPath = audiencePath(aud);
      if (jwtAudienceHasPath !== null) add("jwtAudienceHasPath", jwtAudienceHasPath, span);
      const target = urls.find(({ url }) => /^https?:\/\/[^/\s]+\.(?:run\.app|cloudfunctions\.net)(?:[/:?#]|$)/i.test(url));
      const expected = target ? expectedAudience(target.url) : undefined;
      if (target && expected) {
        jwtAudienceMatchesUrl = aud === expected;
        add("jwtAudienceMatchesUrl", jwtAudienceMatchesUrl, span);
        add("jwtAudienceMatchesUrl", jwtAudienceMatchesUrl, target.span);
      }
    }
  }

  const facts: Facts = {
    text,
    httpStatus: firstByPosition(statusHits)?.value ?? null,
    status: firstByPosition(rpcHits)?.value ?? null,
    reasons: unique("reasons"),
    codes: unique("codes"),
    providers: unique("providers"),
    permissions: unique("permissions"),
    principals: unique("principals"),
    urls: unique("urls"),
    tokenKinds: unique("tokenKinds"),
    jwt,
    jwtExpired,
    jwtAudienceHasPath,
    jwtAudienceMatchesUrl,
  };
  return { facts, evidence, secrets };
}
