/**
 * The secret catalog: every kind of credential Faultline recognises in pasted text, and the rules
 * that find them. One table drives finding (tokens.ts), masking (redact.ts) and the `tokenKinds` fact
 * (catalog.ts); the page's token panel says what each kind is (site/scripts/matcher/token-kinds.ts).
 *
 * Linear by construction. Every rule's regex starts with its needle, a literal (what comes before
 * it is checked by a lookbehind after it: V8 scans a regex that starts with a lookbehind slowly), and
 * runs from the next place a needle occurs, then on from the end of each match. Each part after the
 * needle is bounded, or runs over characters that stop it before the next place the same rule can
 * start (the lookbehind excludes its own class before the needle, or a delimiter such as "-----" or
 * "://" that the run cannot cross), so no stretch of the paste is read by more than a few attempts. engine/bench/ measures
 * each rule on the shapes that would break that (npm run bench -- adversarial).
 */

/** Kinds of secrets and tokens Faultline recognises, in the order the docs list them. Existing names never change: triggers use them. */
export const tokenKindNames = [
  "google-access-token",
  "google-refresh-token",
  "google-api-key",
  "google-client-secret",
  "gcp-hmac-secret",
  "jwt",
  "aws-access-key-id",
  "aws-temporary-access-key-id",
  "aws-secret-access-key",
  "aws-session-token",
  "azure-client-secret",
  "azure-refresh-token",
  "azure-storage-key",
  "azure-shared-access-key",
  "url-signature",
  "github-token",
  "slack-token",
  "private-key",
  "bearer-token",
  "basic-auth",
  "access-token",
  "refresh-token",
  "api-key",
  "url-password",
  "password",
  "secret",
] as const;

/** One kind of secret or token. */
export type TokenKind = (typeof tokenKindNames)[number];

/** One way of finding one kind of secret. */
export interface SecretRule {
  readonly kind: TokenKind;
  /** Lower-case literals, one of which every match starts with. */
  readonly needles: readonly string[];
  /**
   * Global regex with indices (d), run from the next needle on. The secret runs from the first group
   * that took part to the end of the last (groups may sit in a lookbehind), else it is the whole match.
   */
  readonly regex: RegExp;
  /** The group that holds the secret, when the regex captures more than the secret. */
  readonly secretGroup?: number;
  /** False for a match that only looks like this kind (an auth parameter after Bearer, a port in a URL). */
  readonly accept?: (secret: string, match: RegExpExecArray) => boolean;
  /** A name for the rule, in tests and the benchmark (test/engine/secret-catalog.test.ts holds an example paste for each). */
  readonly id: string;
}

/** Prefixes a mask keeps: they tell which kind of token it was and give nothing of it away. */
export const maskPrefixes: readonly string[] = [
  "ya29.", "eyJ", "AKIA", "ASIA", "AIza", "1//0", "GOCSPX-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
  "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-",
];

/** ":" or "=" between a key and its value, with the quotes of JSON, YAML, env files and escaped JSON around them. */
const sep = String.raw`(?:\\?["'])?[ \t]{0,32}[:=][ \t]{0,32}`;
/**
 * A value: quoted (spaces allowed, up to 256 characters on one line), or a run up to a space, quote or
 * separator. In escaped JSON (a log line inside a JSON string) the run also ends at `\n`, `\t`, `\r` or
 * `\"`: otherwise the next line's text joins the value and a secret on it is masked as part of this one.
 */
const value = String.raw`(?:\\?"([^"\\\n]{1,256})\\?"|'([^'\n]{1,256})'|\\?["']?((?:[^\s"'&,;<>\\]|\\(?![ntr"]))+))`;
/** Characters of base64url tokens (JWT segments, most opaque tokens). */
const b64url = "A-Za-z0-9_\\-";

/** Values of token-like keys are secrets only when they look random: long, or with a digit. */
const looksRandom = (secret: string): boolean => secret.length >= 20 || (secret.length >= 8 && /\d/.test(secret));

function rule(kind: TokenKind, needles: readonly string[], source: string, id: string, options: { caseless?: boolean; secretGroup?: number; accept?: SecretRule["accept"] } = {}): SecretRule {
  return {
    kind,
    needles,
    regex: new RegExp(source, options.caseless === false ? "gd" : "gid"),
    ...(options.accept ? { accept: options.accept } : {}),
    ...(options.secretGroup ? { secretGroup: options.secretGroup } : {}),
    id,
  };
}

/** A `KEY: value` or `KEY=value` setting; the needles are the key names, lower case. */
function setting(kind: TokenKind, keys: readonly string[], keyPattern: string, id: string, accept?: (secret: string) => boolean): SecretRule {
  return rule(kind, keys, `${keyPattern}${sep}${value}`, id, accept ? { accept } : {});
}

/** A URL query or fragment parameter (`?name=`, `&name=`, `#name=`): any value is a secret. */
function parameter(kind: TokenKind, names: readonly string[], id: string): SecretRule {
  const alternatives = names.map((n) => n.replace(/[-.]/g, "\\$&")).join("|");
  return rule(kind, names.map((n) => `${n}=`), String.raw`(?:${alternatives})=(?<=[?&#;](?:${alternatives})=)([^&#\s"'<>\\]+)`, id);
}


/**
 * The rules, strongest first: where two overlap, the earlier wins (a JWT inside "Bearer …" stays a
 * JWT, an access token in `?access_token=` stays a Google access token).
 */
export const secretRules: readonly SecretRule[] = [
  // A complete block: the body runs up to the next "-----", so headers without an end line cost nothing.
  rule("private-key", ["-----begin "], String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){0,65536}-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----`, "pem-block", { caseless: false }),
  // No end line (cut when pasted): the header and the base64 lines after it, up to the first other line.
  rule("private-key", ["-----begin "], String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:(?:\r?\n|\\r?\\n|[ \t])+(?:(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): [^\n\\]{0,200}|[A-Za-z0-9+/]{16,4096}={0,2}|[A-Za-z0-9+/]{1,15}={1,2}))*`, "pem-unterminated", { caseless: false }),
  setting("private-key", ["client-key-data"], "client-key-data", "kubeconfig-client-key"),
  rule("jwt", ["eyj"], String.raw`eyJ(?<![${b64url}]eyJ)[${b64url}]{8,}\.eyJ[${b64url}]{8,}\.[${b64url}]*`, "jwt", { caseless: false }),
  rule("google-access-token", ["ya29."], String.raw`ya29\.(?<![${b64url}.]ya29\.)[${b64url}.]{10,}`, "ya29", { caseless: false }),
  rule("google-refresh-token", ["1//0"], String.raw`1//0(?<![A-Za-z0-9]1//0)[${b64url}]{20,}`, "google-refresh", { caseless: false }),
  rule("google-api-key", ["aiza"], String.raw`AIza(?<![${b64url}]AIza)[${b64url}]{35}`, "aiza", { caseless: false }),
  rule("google-client-secret", ["gocspx-"], String.raw`GOCSPX-(?<![${b64url}]GOCSPX-)[${b64url}]{24,40}`, "gocspx", { caseless: false }),
  rule("aws-access-key-id", ["akia"], String.raw`AKIA(?<!\wAKIA)[A-Z0-9]{16}(?!\w)`, "akia", { caseless: false }),
  rule("aws-temporary-access-key-id", ["asia"], String.raw`ASIA(?<!\wASIA)[A-Z0-9]{16}(?!\w)`, "asia", { caseless: false }),
  rule("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], String.raw`gh[pousr]_(?<!\wgh[pousr]_)[A-Za-z0-9]{30,251}(?!\w)`, "github-classic", { caseless: false }),
  rule("github-token", ["github_pat_"], String.raw`github_pat_(?<!\wgithub_pat_)\w{22,251}`, "github-pat", { caseless: false }),
  rule("slack-token", ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"], String.raw`xox[bpares]-(?<!\wxox[bpares]-)[A-Za-z0-9\-]{10,250}`, "slack", { caseless: false }),
  rule("azure-refresh-token", ["0.a"], String.raw`0\.A(?<![\w.*\-]0\.A)[\w.*\-]{80,}`, "entra-refresh", { caseless: false }),
  rule("azure-client-secret", ["8q~"], String.raw`8Q~(?<=(?<![\w~.\-])([\w~.\-]{3}8Q~))([\w~.\-]{31,34})(?![\w~.\-])`, "entra-secret", { caseless: false }),

  // URLs: the password of user:password@ may hold "@" and "/" (the last "@" before the host ends it), the
  // user may be empty; the run stops at the next "://", so a paste of URLs is read once.
  rule("url-password", ["://"], String.raw`:\/\/([^\s:/?#@"'<>\\]*):((?:(?!:\/\/)[^\s"'<>?#\\])+)@`, "url-userinfo", {
    secretGroup: 2,
    // registry.internal:8080/@scope/pkg is a host, a port and a path; app:12/ab@db is a user and a password.
    accept: (secret, m) => !(/^\d{1,5}\//.test(secret) && /[.]|^localhost$/.test(m[1] ?? "")),
  }),
  parameter("url-signature", ["sig", "signature", "x-amz-signature", "x-goog-signature"], "query-signature"),
  parameter("aws-session-token", ["x-amz-security-token"], "query-amz-security-token"),
  parameter("refresh-token", ["refresh_token"], "query-refresh-token"),
  parameter("access-token", ["access_token", "id_token", "token", "assertion", "client_assertion"], "query-token"),
  parameter("api-key", ["key", "api_key", "apikey", "api-key", "code"], "query-key"),
  parameter("password", ["password", "passwd", "pwd"], "query-password"),
  parameter("azure-client-secret", ["client_secret"], "query-client-secret"),

  // Settings and headers.
  setting("aws-secret-access-key", ["secret_access_key", "secretaccesskey", "secret-access-key"], "secret[_-]?access[_-]?key", "setting-secret-access-key"),
  setting("aws-session-token", ["session_token", "sessiontoken", "session-token", "security_token", "securitytoken", "security-token"], "(?:session|security)[_-]?token", "setting-session-token"),
  setting("azure-storage-key", ["accountkey"], "accountkey", "setting-account-key"),
  setting("azure-shared-access-key", ["sharedaccesskey"], "sharedaccesskey(?!name)", "setting-shared-access-key"),
  // az storage account keys list: {"keyName": "key1", "value": "…88 characters ending in =="}.
  rule("azure-storage-key", ["=="], String.raw`==(?<=(?<![A-Za-z0-9+/=])([A-Za-z0-9+/]{86}==))(?![A-Za-z0-9+/=])`, "storage-key-base64", { caseless: false }),
  setting("azure-client-secret", ["client_secret", "client-secret", "clientsecret"], "client[_-]?secret", "setting-client-secret"),
  // gcloud storage hmac create: "secret: …40 base64 characters".
  rule("gcp-hmac-secret", ["secret"], String.raw`secret${sep}\\?["']?([A-Za-z0-9+/]{40})(?![A-Za-z0-9+/=])`, "hmac-secret"),
  rule("basic-auth", ["basic"], String.raw`basic(?<=authorization(?:\\?["'])?[ \t]{0,32}[:=][ \t]{0,32}\\?["']?basic)[ \t]{1,16}([A-Za-z0-9+/=]{4,})`, "basic-auth"),
  // "Bearer error=…" and "Bearer realm=…" are auth parameters; a short all-letter word is prose ("bearer token").
  rule("bearer-token", ["bearer"], String.raw`bearer(?<!\wbearer)\s{1,16}(?![A-Za-z_]{1,64}=)([A-Za-z0-9._~+/-]{1,4096}=*)`, "bearer", {
    accept: (secret) => secret.length >= 16 || /[^A-Za-z=]/.test(secret),
  }),
  setting("api-key", ["api-key", "api_key", "apikey", "x-functions-key", "subscription-key"], "(?:api[-_]?key|x-functions-key|subscription-key)", "setting-api-key"),
  setting("refresh-token", ["refresh_token", "refresh-token", "refreshtoken"], "refresh[_-]?token", "setting-refresh-token", looksRandom),
  setting("access-token", ["token"], "token", "setting-token", looksRandom),
  setting("password", ["password", "passwd", "pwd", "passphrase"], "(?:password|passwd|pwd|passphrase)", "setting-password"),
  setting("secret", ["secret"], "secret(?:[_-]?key)?", "setting-secret", looksRandom),

  // Command lines.
  rule("password", ["--password", "--pass"], String.raw`--pass(?:word)?(?:=|[ \t]{1,8})${value}`, "flag-password"),
  rule("access-token", ["--token", "--access-token", "--sas-token"], String.raw`--(?:access-|sas-)?token(?:=|[ \t]{1,8})${value}`, "flag-token"),
  rule("azure-client-secret", ["--client-secret", "--secret"], String.raw`--(?:client-)?secret(?:=|[ \t]{1,8})${value}`, "flag-secret"),
  rule("password", ["az login"], String.raw`az login\b[^\n]{0,300}?[ \t]-p(?:=|[ \t]{1,8})${value}`, "az-login-p"),
];
