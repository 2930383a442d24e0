import { describe, expect, test } from "vitest";
import { redact } from "../../engine/src/redact.js";
import { secretRules, tokenKindNames } from "../../engine/src/secret-catalog.js";
import { findSecrets, findWithRule } from "../../engine/src/tokens.js";

const jwtExample = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl";
const pemBody = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

/** A paste holding each rule's shape, and the part of it that must never be shown. */
const examples: Record<string, { text: string; secret: string }> = {
  "pem-block": {
    text: `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\n\n${pemBody}\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----`,
    secret: pemBody,
  },
  "pem-unterminated": {
    text: `key.pem: -----BEGIN RSA PRIVATE KEY-----\n${pemBody}\n${pemBody}\nError: cannot parse key`,
    secret: pemBody,
  },
  "kubeconfig-client-key": { text: "users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=", secret: "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=" },
  "jwt": { text: `id_token=${jwtExample}`, secret: jwtExample },
  "ya29": { text: "Authorization: Bearer ya29.a0AfB_bySECRET0123456789", secret: "a0AfB_bySECRET0123456789" },
  "google-refresh": { text: '"refresh_token": "1//0gLhQ3SECRETSECRETSECRET0123"', secret: "gLhQ3SECRETSECRETSECRET0123" },
  "aiza": { text: "GET https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyA1234567890abcdefghijklmnopqrstuv", secret: "SyA1234567890abcdefghijklmnopqrstuv" },
  "gocspx": { text: '"client_secret":"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"', secret: "1a2B3c4D5e6F7g8H9i0J1k2L3m4N" },
  "akia": { text: "aws_access_key_id=AKIAIOSFODNN7EXAMPLE", secret: "IOSFODNN7EXAMPLE" },
  "asia": { text: '"AccessKeyId": "ASIAY34FZKBOKMUTVV7A"', secret: "Y34FZKBOKMUTVV7A" },
  "github-classic": { text: "remote: Invalid username or token. GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a", secret: "16C7e42F292c6912E7710c838347Ae178B4a" },
  "github-pat": { text: "Authorization: token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", secret: "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz" },
  "slack": { text: "slack_sdk.errors.SlackApiError: invalid_auth token=xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", secret: "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx" },
  "entra-refresh": { text: `"refresh_token": "0.AXoA${"b".repeat(40)}SECRET${"c".repeat(40)}"`, secret: `${"b".repeat(40)}SECRET${"c".repeat(40)}` },
  "entra-secret": { text: "secret: Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567", secret: "Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567" },
  "url-userinfo": { text: "redis://:p@ss/w0rd@cache.internal:6379", secret: "p@ss/w0rd" },
  "query-signature": { text: "https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&se=2026-01-01&sp=r&sig=AbCdEf%2BgHiJkLmNoPqRsTuVwXyZ0123456789%3D", secret: "AbCdEf%2BgHiJkLmNoPqRsTuVwXyZ0123456789%3D" },
  "query-amz-security-token": { text: "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2F%2FSECRET", secret: "IQoJb3JpZ2luX2VjEJr%2F%2F%2FSECRET" },
  "query-refresh-token": { text: "POST /token grant_type=refresh_token&refresh_token=rt-SECRET-abc", secret: "rt-SECRET-abc" },
  "query-token": { text: "https://app.example.com/callback#access_token=opaque-abc&token_type=bearer", secret: "opaque-abc" },
  "query-key": { text: "https://fn-app.azurewebsites.net/api/run?code=Xyz123SECRET==", secret: "Xyz123SECRET==" },
  "query-password": { text: "GET /login?user=bob&password=hunter2 HTTP/1.1", secret: "hunter2" },
  "query-client-secret": { text: "grant_type=client_credentials&client_secret=s3cr3t-value-123&scope=x", secret: "s3cr3t-value-123" },
  "setting-secret-access-key": { text: '{"Credentials": {"AccessKeyId": "ASIAY34FZKBOKMUTVV7A", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}}', secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  "setting-session-token": { text: "export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", secret: "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH" },
  "setting-account-key": { text: "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Zm9vYmFyU0VDUkVUa2V5MDEyMzQ1Njc4OQ==;EndpointSuffix=core.windows.net", secret: "Zm9vYmFyU0VDUkVUa2V5MDEyMzQ1Njc4OQ==" },
  "setting-shared-access-key": { text: "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=c2VjcmV0U0VDUkVUa2V5MDEy=", secret: "c2VjcmV0U0VDUkVUa2V5MDEy=" },
  "storage-key-base64": { text: `[{"keyName": "key1", "permissions": "FULL", "value": "${"Ab12".repeat(21)}Cd=="}]`, secret: `${"Ab12".repeat(21)}Cd==` },
  "setting-client-secret": { text: "AZURE_CLIENT_SECRET=abc~DEF.ghi-JKL_mno", secret: "abc~DEF.ghi-JKL_mno" },
  "hmac-secret": { text: "accessId: GOOG1EXAMPLEACCESSID\nsecret: bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ", secret: "bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ" },
  "basic-auth": { text: "curl -H 'Authorization: Basic YWRtaW46aHVudGVyMg==' https://api.example.com", secret: "YWRtaW46aHVudGVyMg==" },
  "bearer": { text: "authorization: bearer abc123", secret: "abc123" },
  "setting-api-key": { text: "curl -H 'x-api-key: k-123-SECRET' https://api.example.com", secret: "k-123-SECRET" },
  "setting-refresh-token": { text: '{"refresh_token": "opaque-refresh-0123456789"}', secret: "opaque-refresh-0123456789" },
  "setting-token": { text: "users:\n- name: ci\n  user:\n    token: kubeadm0.abcdef0123456789", secret: "kubeadm0.abcdef0123456789" },
  "setting-password": { text: 'DB_PASSWORD="correct horse battery staple"', secret: "correct horse battery staple" },
  "setting-secret": { text: "JWT_SECRET=s3cr3t-signing-value", secret: "s3cr3t-signing-value" },
  "flag-password": { text: "mysql --host db --password 'p4ss w0rd' app", secret: "p4ss w0rd" },
  "flag-token": { text: "kubectl --token=opaque-abc123 get pods", secret: "opaque-abc123" },
  "flag-secret": { text: "gh secret set X --secret s3cret-Value", secret: "s3cret-Value" },
  "az-login-p": { text: "az login --service-principal -u 0000-app -p Xy9~SECRETvalue --tenant contoso", secret: "Xy9~SECRETvalue" },
};

const rules = secretRules.map((rule) => [`${rule.id} (${rule.kind})`, rule, examples[rule.id] ?? { text: "", secret: "no example for this rule" }] as const);

describe("the secret catalog", () => {
  test.each(rules)("rule %s finds its example, and the paste shown hides it", (_name, rule, { text, secret }) => {
    const at = text.indexOf(secret);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(findWithRule(rule, text).some((s) => s.start <= at && s.end >= at + secret.length)).toBe(true);
    expect(findSecrets(text).some((s) => s.kind === rule.kind && s.start <= at && s.end >= at + secret.length)).toBe(true);
    expect(redact(text)).not.toContain(secret);
  });

  // The structure that keeps each rule linear (see secret-catalog.ts): V8 tries a regex that starts
  // with a lookbehind or a class at every offset; one that starts with its needle, only at needles.
  test.each(rules)("rule %s starts with its needle and runs from needles only", (_name, rule, { text, secret }) => {
    expect(rule.regex.flags).toMatch(/^d?g/);
    expect(rule.regex.flags).toContain("d");
    expect(rule.regex.source).not.toMatch(/^\(\?<[=!]|^\[|^\\[swdSWD]/);
    for (const needle of rule.needles) expect(needle).toBe(needle.toLowerCase());
    rule.regex.lastIndex = 0;
    const m = rule.regex.exec(text);
    expect(m, "the regex matches its example").not.toBeNull();
    const start = (m as RegExpExecArray).index;
    expect(rule.needles.some((n) => text.toLowerCase().startsWith(n, start)), `a match starts with a needle (${secret})`).toBe(true);
  });

  test("rule ids are unique, and each has an example", () => {
    const ids = secretRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(examples).sort()).toEqual([...ids].sort());
  });

  test("every kind has a rule, and every rule's kind is in the catalog", () => {
    const ruled = new Set(secretRules.map((r) => r.kind));
    expect(tokenKindNames.filter((k) => !ruled.has(k))).toEqual([]);
    expect([...ruled].filter((k) => !tokenKindNames.includes(k))).toEqual([]);
  });

  test("the kinds triggers already use keep their names", () => {
    expect(tokenKindNames).toEqual(expect.arrayContaining([
      "google-access-token", "google-refresh-token", "google-api-key", "jwt", "aws-access-key-id", "aws-temporary-access-key-id",
      "aws-secret-access-key", "azure-client-secret", "private-key", "bearer-token", "url-password", "password",
    ]));
  });
});
