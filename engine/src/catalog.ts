/**
 * The fact catalog: every fact that `extractFacts` produces and that entry triggers may name.
 * It is data so that the loader, the docs page, the README and the scoring all read one list.
 */
import { tokenKindNames } from "./secret-catalog.js";

/** The JSON type of a fact's value, as a trigger sees it. */
export type FactType = "string" | "number" | "boolean" | "string[]" | "object" | "object[]";

/** One fact that triggers can test. */
export interface FactSpec {
  readonly name: string;
  readonly type: FactType;
  /** Whether the value may be null (nothing found in the paste). */
  readonly nullable: boolean;
  /** How much a held condition on this fact says about the diagnosis; used for ranking. */
  readonly weight: number;
  /** Label used in explanations: `${label} ${value}` ("reason ACCESS_TOKEN_SCOPE_INSUFFICIENT"). */
  readonly label: string;
  readonly description: string;
  /** A condition an author could write with this fact. */
  readonly example: Readonly<Record<string, unknown>>;
}

const specs = [
  {
    name: "text",
    type: "string",
    nullable: false,
    weight: 3,
    label: "text",
    description:
      "The pasted text, normalised without moving any character: control characters (CR, NUL, C1) and terminal escape sequences (ANSI colours, OSC titles) become spaces. Use containsPhrase or matchesRegex.",
    example: { fact: "text", operator: "containsPhrase", value: "insufficient authentication scopes" },
  },
  {
    name: "httpStatus",
    type: "number",
    nullable: true,
    weight: 2,
    label: "HTTP",
    description:
      'The first HTTP error status (400-599) in the paste: a JSON "code", "HTTP/1.1 403", "status code 403", "403 Forbidden", "(403)", "Error 403".',
    example: { fact: "httpStatus", operator: "equal", value: 403 },
  },
  {
    name: "status",
    type: "string",
    nullable: true,
    weight: 2,
    label: "status",
    description:
      "The canonical RPC status (PERMISSION_DENIED, UNAUTHENTICATED …), also when written as gRPC text such as `code = PermissionDenied` or `7 PERMISSION_DENIED:`.",
    example: { fact: "status", operator: "equal", value: "PERMISSION_DENIED" },
  },
  {
    name: "reasons",
    type: "string[]",
    nullable: false,
    weight: 6,
    label: "reason",
    description:
      'Error reasons: Google ErrorInfo reasons ("reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT"), legacy googleapis reasons (insufficientPermissions) and Kubernetes Status reasons (Forbidden).',
    example: { fact: "reasons", operator: "contains", value: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" },
  },
  {
    name: "codes",
    type: "string[]",
    nullable: false,
    weight: 6,
    label: "code",
    description:
      "Error codes: AWS codes (AccessDenied, ExpiredToken, SignatureDoesNotMatch …), Azure AADSTS numbers (AADSTS7000215), Azure ARM codes (AuthorizationFailed) and OAuth errors (invalid_grant).",
    example: { fact: "codes", operator: "contains", value: "ExpiredToken" },
  },
  {
    name: "providers",
    type: "string[]",
    nullable: false,
    weight: 1,
    label: "provider",
    description:
      "Cloud providers the paste points at: gcp (googleapis.com, run.app, ya29. tokens), aws (amazonaws.com, arn:aws:, botocore), azure (AADSTS, login.microsoftonline.com), kubernetes (kubectl, system:serviceaccount:).",
    example: { fact: "providers", operator: "contains", value: "gcp" },
  },
  {
    name: "permissions",
    type: "string[]",
    nullable: false,
    weight: 3,
    label: "permission",
    description:
      "Permission names: GCP (storage.objects.get, iam.serviceAccounts.getAccessToken), AWS actions (s3:PutObject, sts:AssumeRole), Azure actions (Microsoft.Storage/storageAccounts/read).",
    example: { fact: "permissions", operator: "matchesRegex", value: "^iam\\.serviceAccounts\\." },
  },
  {
    name: "principals",
    type: "string[]",
    nullable: false,
    weight: 1,
    label: "principal",
    description:
      "Identities named in the paste: service account emails, AWS ARNs of users, roles and assumed roles, Kubernetes users such as system:serviceaccount:ns:name or system:anonymous.",
    example: { fact: "principals", operator: "matchesRegex", value: "^arn:aws:sts::" },
  },
  {
    name: "urls",
    type: "string[]",
    nullable: false,
    weight: 1,
    label: "URL",
    description: "Every http(s) URL in the paste, in order, with secrets removed.",
    example: { fact: "urls", operator: "matchesRegex", value: "\\.run\\.app" },
  },
  {
    name: "tokenKinds",
    type: "string[]",
    nullable: false,
    weight: 4,
    label: "token",
    description: `Kinds of credentials pasted, from the secret catalog (engine/src/secret-catalog.ts): ${tokenKindNames.join(", ")}; a JWT also adds its issuer's kind: google-id-token, azure-ad-token, kubernetes-token.`,
    example: { fact: "tokenKinds", operator: "contains", value: "google-access-token" },
  },
  {
    name: "jwt",
    type: "object",
    nullable: true,
    weight: 3,
    label: "JWT claim",
    description:
      "Claims of the first JWT in the paste, decoded locally and never verified online: iss, aud, email, sub, exp, iat (use `path`, e.g. $.iss).",
    example: { fact: "jwt", path: "$.iss", operator: "equal", value: "https://accounts.google.com" },
  },
  {
    name: "jwtExpired",
    type: "boolean",
    nullable: true,
    weight: 5,
    label: "JWT expired",
    description: "Whether that JWT's exp is before the time of matching; null without a JWT or exp.",
    example: { fact: "jwtExpired", operator: "equal", value: true },
  },
  {
    name: "jwtAudienceHasPath",
    type: "boolean",
    nullable: true,
    weight: 5,
    label: "JWT audience has a path",
    description: "Whether the JWT's aud is a URL with a path (https://svc.run.app/api); null without a URL audience.",
    example: { fact: "jwtAudienceHasPath", operator: "equal", value: true },
  },
  {
    name: "jwtAudienceMatchesUrl",
    type: "boolean",
    nullable: true,
    weight: 5,
    label: "JWT audience matches the target URL",
    description:
      "Whether the JWT's aud is exactly what the first Cloud Run or Cloud Functions URL in the paste expects: the base URL (scheme and host) for Cloud Run, the function URL for 1st-gen Cloud Functions; a trailing slash is a mismatch; null when either is missing.",
    example: { fact: "jwtAudienceMatchesUrl", operator: "equal", value: false },
  },
] as const satisfies readonly FactSpec[];

/** The name of a fact in the catalog. */
export type FactName = (typeof specs)[number]["name"];

/** Every fact, in catalog order. */
export const factCatalog: readonly FactSpec[] = specs;

/** Names of every fact, for schema enums. */
export const factNames = specs.map((spec) => spec.name) as [FactName, ...FactName[]];

const byName = new Map<string, FactSpec>(specs.map((spec) => [spec.name, spec]));

/** Looks a fact up by name. */
export function findFact(name: string): FactSpec | undefined {
  return byName.get(name);
}
