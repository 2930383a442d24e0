/**
 * The secret catalog: every kind of credential Faultline recognises in pasted text, and the rules
 * that find them. One table drives finding (tokens.ts), masking (redact.ts), the `tokenKinds` fact
 * (catalog.ts) and the page's token panel.
 *
 * Linear by construction. Every rule's regex starts with its needle, a literal (what comes before
 * it is checked by a lookbehind after it: V8 scans a regex that starts with a lookbehind slowly), and
 * runs from the next place a needle occurs, then on from the end of each match. Each part after the
 * needle is bounded, or runs over characters that stop it before the next place the same rule can
 * start (the lookbehind excludes its own class before the needle, or a delimiter such as "-----" or
 * "://" that the run cannot cross), so no stretch of the paste is read by more than a few attempts. engine/bench/ measures
 * each rule on the shapes that would break that (npm run bench -- adversarial).
 */

/** Kinds of secrets and tokens Faultline recognises. Existing names never change: triggers use them. */
export type TokenKind =
  | "google-access-token"
  | "google-refresh-token"
  | "google-api-key"
  | "google-client-secret"
  | "gcp-hmac-secret"
  | "jwt"
  | "aws-access-key-id"
  | "aws-temporary-access-key-id"
  | "aws-secret-access-key"
  | "aws-session-token"
  | "azure-client-secret"
  | "azure-refresh-token"
  | "azure-storage-key"
  | "azure-shared-access-key"
  | "url-signature"
  | "github-token"
  | "slack-token"
  | "private-key"
  | "bearer-token"
  | "basic-auth"
  | "access-token"
  | "refresh-token"
  | "api-key"
  | "url-password"
  | "password"
  | "secret";

/** What a kind of credential is, in words a person checking a paste needs. */
export interface TokenKindInfo {
  readonly label: string;
  readonly note: string;
}

const rotate = "A secret: rotate it if this was shared.";

/** Every kind, in the order the docs list them, with its label and note. */
export const tokenKinds: Readonly<Record<TokenKind, TokenKindInfo>> = {
  "google-access-token": { label: "Google OAuth access token", note: "An access token (ya29.): accepted by Google APIs, refused by Cloud Run and IAP, which want an ID token." },
  "google-refresh-token": { label: "Google OAuth refresh token", note: "A long-lived secret that mints access tokens. Revoke it if it was shared." },
  "google-api-key": { label: "Google API key", note: "Identifies a project, not a person or service account; many APIs refuse API keys." },
  "google-client-secret": { label: "Google OAuth client secret (GOCSPX-)", note: rotate },
  "gcp-hmac-secret": { label: "Cloud Storage HMAC secret", note: rotate },
  jwt: { label: "JSON Web Token", note: "A signed token whose claims are shown below, decoded here without checking the signature." },
  "aws-access-key-id": { label: "AWS access key ID (long-term, AKIA…)", note: "A key ID, not a secret: it names an IAM user's access key pair." },
  "aws-temporary-access-key-id": { label: "AWS temporary access key ID (ASIA…)", note: "A key ID from STS: it works only with the session token issued with it, and expires." },
  "aws-secret-access-key": { label: "AWS secret access key", note: rotate },
  "aws-session-token": { label: "AWS session token", note: "Temporary credentials from STS: revoke the role's sessions if this was shared." },
  "azure-client-secret": { label: "Client secret", note: "An app registration's password: rotate it if this was shared." },
  "azure-refresh-token": { label: "Microsoft Entra refresh token", note: "Mints new access tokens: revoke the user's sessions if this was shared." },
  "azure-storage-key": { label: "Azure storage account key", note: "Full access to the storage account: rotate the key if this was shared." },
  "azure-shared-access-key": { label: "Azure shared access key", note: rotate },
  "url-signature": { label: "Signed URL signature", note: "Whoever has the URL has the access it grants until it expires." },
  "github-token": { label: "GitHub token", note: "Revoke it in GitHub's settings if this was shared." },
  "slack-token": { label: "Slack token", note: "Revoke it if this was shared." },
  "private-key": { label: "Private key", note: rotate },
  "bearer-token": { label: "Bearer token", note: "An opaque token sent in an Authorization header." },
  "basic-auth": { label: "Basic authentication credentials", note: "A user name and password, base64-encoded: change the password if this was shared." },
  "access-token": { label: "Access token", note: "A token passed as a parameter, flag or setting." },
  "refresh-token": { label: "Refresh token", note: "A long-lived secret that mints access tokens. Revoke it if it was shared." },
  "api-key": { label: "API key", note: rotate },
  "url-password": { label: "Password in a URL", note: "A secret: change it if this was shared." },
  password: { label: "Password", note: "A secret: change it if this was shared." },
  secret: { label: "Secret", note: rotate },
};

/** The names of every kind, in catalog order. */
export const tokenKindNames = Object.keys(tokenKinds) as TokenKind[];

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
  /** A paste holding this shape, and the part of it that must never be shown. */
  readonly example: { readonly text: string; readonly secret: string };
}

/** Prefixes a mask keeps: they tell which kind of token it was and give nothing of it away. */
export const maskPrefixes: readonly string[] = [
  "ya29.", "eyJ", "AKIA", "ASIA", "AIza", "1//0", "GOCSPX-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
  "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-",
];

/** ":" or "=" between a key and its value, with the quotes of JSON, YAML, env files and escaped JSON around them. */
const sep = String.raw`(?:\\?["'])?[ \t]{0,32}[:=][ \t]{0,32}`;
/** A value: quoted (spaces allowed, up to 256 characters on one line), or a run up to a space, quote or separator. */
const value = String.raw`(?:\\?"([^"\\\n]{1,256})\\?"|'([^'\n]{1,256})'|\\?["']?([^\s"'&,;<>]+))`;
/** Characters of base64url tokens (JWT segments, most opaque tokens). */
const b64url = "A-Za-z0-9_\\-";

/** Values of token-like keys are secrets only when they look random: long, or with a digit. */
const looksRandom = (secret: string): boolean => secret.length >= 20 || (secret.length >= 8 && /\d/.test(secret));

function rule(kind: TokenKind, needles: readonly string[], source: string, example: SecretRule["example"], options: { caseless?: boolean; secretGroup?: number; accept?: SecretRule["accept"] } = {}): SecretRule {
  return {
    kind,
    needles,
    regex: new RegExp(source, options.caseless === false ? "gd" : "gid"),
    ...(options.accept ? { accept: options.accept } : {}),
    ...(options.secretGroup ? { secretGroup: options.secretGroup } : {}),
    example,
  };
}

/** A `KEY: value` or `KEY=value` setting; the needles are the key names, lower case. */
function setting(kind: TokenKind, keys: readonly string[], keyPattern: string, example: SecretRule["example"], accept?: (secret: string) => boolean): SecretRule {
  return rule(kind, keys, `${keyPattern}${sep}${value}`, example, accept ? { accept } : {});
}

/** A URL query or fragment parameter (`?name=`, `&name=`, `#name=`): any value is a secret. */
function parameter(kind: TokenKind, names: readonly string[], example: SecretRule["example"]): SecretRule {
  const alternatives = names.map((n) => n.replace(/[-.]/g, "\\$&")).join("|");
  return rule(kind, names.map((n) => `${n}=`), String.raw`(?:${alternatives})=(?<=[?&#;](?:${alternatives})=)([^&#\s"'<>\\]+)`, example);
}

const jwtExample = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl";
const pemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

/**
 * The rules, strongest first: where two overlap, the earlier wins (a JWT inside "Bearer …" stays a
 * JWT, an access token in `?access_token=` stays a Google access token).
 */
export const secretRules: readonly SecretRule[] = [
  // A complete block: the body runs up to the next "-----", so headers without an end line cost nothing.
  rule("private-key", ["-----begin "], String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[^-]|-(?!----)){0,65536}-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----`, {
    text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${pemBody}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`,
    secret: pemBody,
  }, { caseless: false }),
  // No end line (cut when pasted): the header and the base64 lines after it, up to the first other line.
  rule("private-key", ["-----begin "], String.raw`-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:(?:\r?\n|\\r?\\n|[ \t])+(?:(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset): [^\n\\]{0,200}|[A-Za-z0-9+/]{16,4096}={0,2}|[A-Za-z0-9+/]{1,15}={1,2}))*`, {
    text: `key.pem: -----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n${pemBody}\nError: cannot parse key`,
    secret: pemBody,
  }, { caseless: false }),
  setting("private-key", ["client-key-data"], "client-key-data", { text: "users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=", secret: "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=" }),
  rule("jwt", ["eyj"], String.raw`eyJ(?<![${b64url}]eyJ)[${b64url}]{8,}\.eyJ[${b64url}]{8,}\.[${b64url}]*`, { text: `id_token=${jwtExample}`, secret: jwtExample }, { caseless: false }),
  rule("google-access-token", ["ya29."], String.raw`ya29\.(?<![${b64url}.]ya29\.)[${b64url}.]{10,}`, { text: "Authorization: Bearer ya29.a0AfB_bySECRET0123456789", secret: "a0AfB_bySECRET0123456789" }, { caseless: false }),
  rule("google-refresh-token", ["1//0"], String.raw`1//0(?<![A-Za-z0-9]1//0)[${b64url}]{20,}`, { text: '"refresh_token": "1//0gLhQ3SECRETSECRETSECRET0123"', secret: "gLhQ3SECRETSECRETSECRET0123" }, { caseless: false }),
  rule("google-api-key", ["aiza"], String.raw`AIza(?<![${b64url}]AIza)[${b64url}]{35}`, { text: "GET https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyA1234567890abcdefghijklmnopqrstuv", secret: "SyA1234567890abcdefghijklmnopqrstuv" }, { caseless: false }),
  rule("google-client-secret", ["gocspx-"], String.raw`GOCSPX-(?<![${b64url}]GOCSPX-)[${b64url}]{24,40}`, { text: '"client_secret":"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"', secret: "1a2B3c4D5e6F7g8H9i0J1k2L3m4N" }, { caseless: false }),
  rule("aws-access-key-id", ["akia"], String.raw`AKIA(?<!\wAKIA)[A-Z0-9]{16}(?!\w)`, { text: "aws_access_key_id=AKIAIOSFODNN7EXAMPLE", secret: "IOSFODNN7EXAMPLE" }, { caseless: false }),
  rule("aws-temporary-access-key-id", ["asia"], String.raw`ASIA(?<!\wASIA)[A-Z0-9]{16}(?!\w)`, { text: '"AccessKeyId": "ASIAY34FZKBOKMUTVV7A"', secret: "Y34FZKBOKMUTVV7A" }, { caseless: false }),
  rule("github-token", ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"], String.raw`gh[pousr]_(?<!\wgh[pousr]_)[A-Za-z0-9]{30,251}(?!\w)`, { text: "remote: Invalid username or token. GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a", secret: "16C7e42F292c6912E7710c838347Ae178B4a" }, { caseless: false }),
  rule("github-token", ["github_pat_"], String.raw`github_pat_(?<!\wgithub_pat_)\w{22,251}`, { text: "Authorization: token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", secret: "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz" }, { caseless: false }),
  rule("slack-token", ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe-"], String.raw`xox[bpares]-(?<!\wxox[bpares]-)[A-Za-z0-9\-]{10,250}`, { text: "slack_sdk.errors.SlackApiError: invalid_auth token=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", secret: "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" }, { caseless: false }),
  rule("azure-refresh-token", ["0.a"], String.raw`0\.A(?<![\w.*\-]0\.A)[\w.*\-]{80,}`, { text: `"refresh_token": "0.AXoA${"b".repeat(40)}SECRET${"c".repeat(40)}"`, secret: `${"b".repeat(40)}SECRET${"c".repeat(40)}` }, { caseless: false }),
  rule("azure-client-secret", ["8q~"], String.raw`8Q~(?<=(?<![\w~.\-])([\w~.\-]{3}8Q~))([\w~.\-]{31,34})(?![\w~.\-])`, { text: "secret: Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567", secret: "Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567" }, { caseless: false }),

  // URLs: the password of user:password@ may hold "@" and "/" (the last "@" before the host ends it), the
  // user may be empty; the run stops at the next "://", so a paste of URLs is read once.
  rule("url-password", ["://"], String.raw`:\/\/([^\s:/?#@"'<>\\]*):((?:(?!:\/\/)[^\s"'<>?#\\])+)@`, { text: "redis://:p@ss/w0rd@cache.internal:6379", secret: "p@ss/w0rd" }, {
    secretGroup: 2,
    // registry.internal:8080/@scope/pkg is a host, a port and a path; app:12/ab@db is a user and a password.
    accept: (secret, m) => !(/^\d{1,5}\//.test(secret) && /[.]|^localhost$/.test(m[1] ?? "")),
  }),
  parameter("url-signature", ["sig", "signature", "x-amz-signature", "x-goog-signature"], { text: "https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2026-01-01&sp=r&sig=AbCdEf%2BgHiJkLmNoPqRsTuVwXyZ0123456789%3D", secret: "AbCdEf%2BgHiJkLmNoPqRsTuVwXyZ0123456789%3D" }),
  parameter("aws-session-token", ["x-amz-security-token"], { text: "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2FSECRET", secret: "IQoJb3JpZ2luX2VjEJr%2F%2F%2FSECRET" }),
  parameter("refresh-token", ["refresh_token"], { text: "POST /token grant_type=refresh_token&refresh_token=rt-SECRET-abc", secret: "rt-SECRET-abc" }),
  parameter("access-token", ["access_token", "id_token", "token", "assertion", "client_assertion"], { text: "https://app.example.com/callback#access_token=opaque-abc&token_type=bearer", secret: "opaque-abc" }),
  parameter("api-key", ["key", "api_key", "apikey", "api-key", "code"], { text: "https://fn-app.azurewebsites.net/api/run?code=Xyz123SECRET==", secret: "Xyz123SECRET==" }),
  parameter("password", ["password", "passwd", "pwd"], { text: "GET /login?user=bob&password=hunter2 HTTP/1.1", secret: "hunter2" }),
  parameter("azure-client-secret", ["client_secret"], { text: "grant_type=client_credentials&client_secret=s3cr3t-value-123&scope=x", secret: "s3cr3t-value-123" }),

  // Settings and headers.
  setting("aws-secret-access-key", ["secret_access_key", "secretaccesskey", "secret-access-key"], "secret[_-]?access[_-]?key", { text: '{"Credentials": {"AccessKeyId": "ASIAY34FZKBOKMUTVV7A", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}', secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" }),
  setting("aws-session-token", ["session_token", "sessiontoken", "session-token", "security_token", "securitytoken", "security-token"], "(?:session|security)[_-]?token", { text: "export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", secret: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH" }),
  setting("azure-storage-key", ["accountkey"], "accountkey", { text: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyU0VDUkVUa2V5MDEyMzQ1Njc4OQ==;EndpointSuffix=core.windows.net", secret: "Zm9vYmFyU0VDUkVUa2V5MDEyMzQ1Njc4OQ==" }),
  setting("azure-shared-access-key", ["sharedaccesskey"], "sharedaccesskey(?!name)", { text: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=c2VjcmV0U0VDUkVUa2V5MDEy=", secret: "c2VjcmV0U0VDUkVUa2V5MDEy=" }),
  // az storage account keys list: {"keyName": "key1", "value": "…88 characters ending in =="}.
  rule("azure-storage-key", ["=="], String.raw`==(?<=(?<![A-Za-z0-9+/=])([A-Za-z0-9+/]{86}==))(?![A-Za-z0-9+/=])`, { text: `[{"keyName": "key1", "permissions": "FULL", "value": "${"Ab12".repeat(21)}Cd=="}]`, secret: `${"Ab12".repeat(21)}Cd==` }, { caseless: false }),
  setting("azure-client-secret", ["client_secret", "client-secret", "clientsecret"], "client[_-]?secret", { text: "AZURE_CLIENT_SECRET=abc~DEF.ghi-JKL_mno", secret: "abc~DEF.ghi-JKL_mno" }),
  // gcloud storage hmac create: "secret: …40 base64 characters".
  rule("gcp-hmac-secret", ["secret"], String.raw`secret${sep}\\?["']?([A-Za-z0-9+/]{40})(?![A-Za-z0-9+/=])`, { text: "accessId: GOOG1EXAMPLEACCESSID\nsecret: bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ", secret: "bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ" }),
  rule("basic-auth", ["basic"], String.raw`basic(?<=authorization(?:\\?["'])?[ \t]{0,32}[:=][ \t]{0,32}\\?["']?basic)[ \t]{1,16}([A-Za-z0-9+/=]{4,})`, { text: "curl -H 'Authorization: Basic YWRtaW46aHVudGVyMg==' https://api.example.com", secret: "YWRtaW46aHVudGVyMg==" }),
  // "Bearer error=…" and "Bearer realm=…" are auth parameters; a short all-letter word is prose ("bearer token").
  rule("bearer-token", ["bearer"], String.raw`bearer(?<!\wbearer)\s{1,16}(?![A-Za-z_]{1,64}=)([A-Za-z0-9._~+/-]{1,4096}=*)`, { text: "authorization: bearer abc123", secret: "abc123" }, {
    accept: (secret) => secret.length >= 16 || /[^A-Za-z=]/.test(secret),
  }),
  setting("api-key", ["api-key", "api_key", "apikey", "x-functions-key", "subscription-key"], "(?:api[-_]?key|x-functions-key|subscription-key)", { text: "curl -H 'x-api-key: k-123-SECRET' https://api.example.com", secret: "k-123-SECRET" }),
  setting("refresh-token", ["refresh_token", "refresh-token", "refreshtoken"], "refresh[_-]?token", { text: '{"refresh_token": "opaque-refresh-0123456789"}', secret: "opaque-refresh-0123456789" }, looksRandom),
  setting("access-token", ["token"], "token", { text: "users:\n- name: ci\n  user:\n    token: kubeadm0.abcdef0123456789", secret: "kubeadm0.abcdef0123456789" }, looksRandom),
  setting("password", ["password", "passwd", "pwd", "passphrase"], "(?:password|passwd|pwd|passphrase)", { text: 'DB_PASSWORD="correct horse battery staple"', secret: "correct horse battery staple" }),
  setting("secret", ["secret"], "secret(?:[_-]?key)?", { text: "JWT_SECRET=s3cr3t-signing-value", secret: "s3cr3t-signing-value" }, looksRandom),

  // Command lines.
  rule("password", ["--password", "--pass"], String.raw`--pass(?:word)?(?:=|[ \t]{1,8})${value}`, { text: "mysql --host db --password 'p4ss w0rd' app", secret: "p4ss w0rd" }),
  rule("access-token", ["--token", "--access-token", "--sas-token"], String.raw`--(?:access-|sas-)?token(?:=|[ \t]{1,8})${value}`, { text: "kubectl --token=opaque-abc123 get pods", secret: "opaque-abc123" }),
  rule("azure-client-secret", ["--client-secret", "--secret"], String.raw`--(?:client-)?secret(?:=|[ \t]{1,8})${value}`, { text: "gh secret set X --secret s3cret-Value", secret: "s3cret-Value" }),
  rule("password", ["az login"], String.raw`az login\b[^\n]{0,300}?[ \t]-p(?:=|[ \t]{1,8})${value}`, { text: "az login --service-principal -u 0000-app -p Xy9~SECRETvalue --tenant contoso", secret: "Xy9~SECRETvalue" }),
];
