import { describe, expect, test } from "vitest";
import { extractFacts } from "../../engine/src/facts.js";
import { redact } from "../../engine/src/redact.js";
import { findSecrets } from "../../engine/src/tokens.js";

// Every shape issue #16 found in clear, each as a paste and the part of it that must never be shown.
// Only the public API of before the secret catalog is used, so this table also runs on the old code.
const storageKey = `${"Xk9".repeat(28)}pq==`;
const shapes: Array<[string, string, string]> = [
  ["?access_token= in a URL", "GET https://api.example.com/v1/items?access_token=opaqueTok3n-abc 401", "opaqueTok3n-abc"],
  ["?id_token= in a URL", "redirect to https://app.example.com/cb?id_token=opaque-id-t0ken&state=x", "opaque-id-t0ken"],
  ["#access_token= in a fragment", "https://app.example.com/cb#access_token=frag-t0ken-value&expires_in=3599", "frag-t0ken-value"],
  ["?key=AIza… in a URL", "https://maps.googleapis.com/maps/api/geocode/json?key=AIzaSyA1234567890abcdefghijklmnopqrstuv&address=x", "SyA1234567890abcdefghijklmnopqrstuv"],
  ["?token= in a URL", "https://hooks.example.com/notify?token=abc", "abc"],
  ["?api_key= in a URL", "https://api.example.com/v2?api_key=k3y-value-xyz", "k3y-value-xyz"],
  ["?password= in a URL", "https://legacy.example.com/login?user=bob&password=hunter2", "hunter2"],
  ["refresh token in a URL", "POST https://oauth2.googleapis.com/token?grant_type=refresh_token&refresh_token=rt-opaque-42", "rt-opaque-42"],
  ["presigned S3 URL signature", "https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"],
  ["presigned S3 URL security token", "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEJr%2F%2FSECRET&X-Amz-Date=20260101T000000Z", "IQoJb3JpZ2luX2VjEJr%2F%2FSECRET"],
  ["Azure SAS sig=", "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=AbCdEf%2BgHiJk0123456789%3D 403", "AbCdEf%2BgHiJk0123456789%3D"],
  ["user:password@ with @ in the password", "psql: error: postgres://app:p@ssw0rd@db.internal:5432/app refused", "ssw0rd"],
  ["user:password@ with / in the password", "mongodb://app:pa/ss-w0rd@mongo.internal:27017/x", "pa/ss-w0rd"],
  ["an empty user", "redis://:r3dis-secret@cache.internal:6379", "r3dis-secret"],
  ["Cloud Run URL with ?api_key=&sig=", "curl https://svc-abc-uc.a.run.app/api?api_key=c1oud-run-k3y&sig=s1gnature-v4lue -> 403", "c1oud-run-k3y"],
  ["AWS_SESSION_TOKEN=", "export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH", "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJH"],
  ["aws_session_token in credentials", "[default]\naws_session_token = FwoGZXIvYXdzEBYaDHsEcReTsEsSiOnToKeN", "FwoGZXIvYXdzEBYaDHsEcReTsEsSiOnToKeN"],
  ['STS JSON "SecretAccessKey":', '{"Credentials":{"AccessKeyId":"ASIAY34FZKBOKMUTVV7A","SecretAccessKey":"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY","SessionToken":"IQoJb3JpZ2luSeSsIoNtOkEn"}}', "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  ['STS JSON "SessionToken":', '{"Credentials":{"SessionToken":"IQoJb3JpZ2luSeSsIoNtOkEn0123"}}', "IQoJb3JpZ2luSeSsIoNtOkEn0123"],
  ["secretAccessKey: in JavaScript", "credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"],
  ["AccountKey=", "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=QWNjb3VudEtleVNlY3JldA==;EndpointSuffix=core.windows.net", "QWNjb3VudEtleVNlY3JldA=="],
  ["SharedAccessKey=", "Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=U2hhcmVkS2V5U2VjcmV0=", "U2hhcmVkS2V5U2VjcmV0="],
  ["sig= in a connection string", "SharedAccessSignature=sv=2021-06-08&ss=b&sig=c0nnStr1ngS1g%3D;BlobEndpoint=https://a.blob.core.windows.net/", "c0nnStr1ngS1g%3D"],
  ["storage account key JSON", `[{"creationTime": "2026-01-01T00:00:00Z", "keyName": "key1", "permissions": "FULL", "value": "${storageKey}"}]`, storageKey],
  ["ghp_", "remote: Permission denied. GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a", "16C7e42F292c6912E7710c838347Ae178B4a"],
  ["github_pat_", "export GH_TOKEN=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"],
  ["xoxb-", "slack_sdk.errors.SlackApiError: not_authed (xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx)", "123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx"],
  ["Authorization: Basic", "curl -H 'Authorization: Basic YWRtaW46aHVudGVyMg==' https://api.example.com -> 401", "YWRtaW46aHVudGVyMg=="],
  ["lowercase bearer", "authorization: bearer opaque-lowercase-token-0123456789", "opaque-lowercase-token-0123456789"],
  ["a bearer token under 16 characters", "Authorization: Bearer sh0rt-tok", "sh0rt-tok"],
  ["x-api-key", "curl -H 'x-api-key: k-123-SECRET' https://api.example.com -> 403 Forbidden", "k-123-SECRET"],
  ["kubeconfig client-key-data:", "users:\n- name: admin\n  user:\n    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo=", "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo="],
  ["kubeconfig non-JWT token:", "users:\n- name: ci\n  user:\n    token: abcdef.0123456789abcdef", "abcdef.0123456789abcdef"],
  ["kubectl --token=", "kubectl --token=k8s-opaque-t0ken get pods\nerror: You must be logged in to the server (Unauthorized)", "k8s-opaque-t0ken"],
  ["--password X", "mysql --host db --user app --password Hunt3r2pass app", "Hunt3r2pass"],
  ["az login -p", "az login --service-principal -u 00000000-app -p Xy9~SECRETvalue --tenant contoso\nAADSTS7000215: Invalid client secret provided.", "Xy9~SECRETvalue"],
  ["DB_PASSWORD=", "DB_PASSWORD=supers3cret docker compose up", "supers3cret"],
  ["PGPASSWORD=", "PGPASSWORD=pgs3cret psql -h db -U app\npsql: error: FATAL: password authentication failed", "pgs3cret"],
  ["a quoted password with spaces", 'password: "correct horse battery staple"', "horse battery"],
  ["a PGP private key block", "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF5JkDgBCACqPgpSECRETPGPBODY0123456789abcd\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----", "lQOYBF5JkDgBCACqPgpSECRETPGPBODY0123456789abcd"],
  ["a PEM with no END line", "Error loading key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAnoSECRETPEMBODY0123456789abcdefgh\nMIIEowIBAAKCAQEAnoSECRETPEMBODY0123456789abcdefgh", "SECRETPEMBODY"],
  ["GOCSPX- client secret", '{"installed":{"client_id":"123.apps.googleusercontent.com","client_secret":"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"}}', "1a2B3c4D5e6F7g8H9i0J1k2L3m4N"],
  ["Entra refresh token (0.A…)", `{"token_type":"Bearer","refresh_token":"0.AXoA${"mQ1".repeat(30)}-entraRefresh"}`, `${"mQ1".repeat(30)}-entraRefresh`],
  ["GCP HMAC secret", "accessId: GOOG1EEXAMPLEACCESSIDEXAMPLEACCESSIDEXAMPLE\nsecret: bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ", "bGoa+V7g/yqDXvKRqq+JTFn4uQZbPiQJo4pf9RzJ"],
  ["a token split by an ANSI colour code", "Authorization: Bearer \u001b[32mya29.a0AfB_byFIRSTHALF\u001b[0mSECONDHALF0123456789 401", "SECONDHALF0123456789"],
  ["a password split by a colour code", "password=\u001b[1mhunter\u001b[22m2isTheRest", "2isTheRest"],
  // A log line inside a JSON string: the value ends at the escaped newline, so the next line's secret is found on its own.
  ["escaped JSON: a key, then a URL password on the next line", String.raw`{"msg":"x-api-key: k3y-0AAAAAAAAA\npostgres://u:hunter2pass@h/db"}`, "k3y-0AAAAAAAAA"],
  ["escaped JSON: a URL password after a key", String.raw`{"msg":"x-api-key: k3y-0AAAAAAAAA\npostgres://u:hunter2pass@h/db"}`, "hunter2pass"],
];

describe("every shape issue #16 found in clear is masked", () => {
  test.each(shapes)("%s", (_name, text, secret) => {
    expect(text).toContain(secret.slice(0, 8));
    expect(redact(text)).not.toContain(secret);
    expect(findSecrets(text).length).toBeGreaterThan(0);
  });

  test.each(shapes)("%s: the facts do not carry it either", (_name, text, secret) => {
    const { facts, evidence } = extractFacts(text);
    const { text: _paste, ...shown } = facts;
    expect(JSON.stringify(shown)).not.toContain(secret);
    expect(JSON.stringify(evidence)).not.toContain(secret);
  });
});

describe("what is not a secret stays readable", () => {
  test.each([
    ["auth parameters after Bearer", 'www-authenticate: Bearer error="invalid_token", error_description="The access token expired"'],
    ["prose about bearer tokens", "The request's bearer token is missing."],
    ["a port and a path before an @", "GET http://registry.internal:8080/@scope/pkg 404"],
    ["a password error message", "psql: error: FATAL: password authentication failed for user \"app\""],
    ["a token error", "invalid token: expired"],
    ["a Kubernetes secret name", 'secrets "db-creds" is forbidden: User "system:serviceaccount:ci:deploy" cannot get resource "secrets"'],
  ])("%s", (_name, text) => {
    expect(findSecrets(text)).toEqual([]);
    expect(redact(text)).toBe(text);
  });
});

test("in escaped JSON a masked value ends at the escaped newline, and the next line stays readable", () => {
  const text = String.raw`{"log":"password=s3cr3tP4ss\nuser=app-reader\tregion=eu-west-1"}`;
  expect(redact(text)).not.toContain("s3cr3tP4ss");
  expect(redact(text)).toContain(String.raw`\nuser=app-reader\tregion=eu-west-1"}`);
});
