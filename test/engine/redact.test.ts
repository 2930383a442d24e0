import { describe, expect, test } from "vitest";
import { redact } from "../../engine/src/redact.js";
import { findSecrets } from "../../engine/src/tokens.js";

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = `${b64({ alg: "RS256", typ: "JWT" })}.${b64({ iss: "https://accounts.google.com", aud: "https://x.run.app", exp: 4102444800 })}.c2lnbmF0dXJlLXNlY3JldA`;

// Each secret must disappear from displayed text, leaving at most a recognisable prefix.
const cases: Array<[string, string, string, string]> = [
  ["Google access token", "Authorization: Bearer ya29.a0AfB_bySECRETSECRETSECRET0123456789", "ya29.a0AfB_bySECRETSECRETSECRET0123456789", "Authorization: Bearer ya29.[redacted]"],
  ["JWT", `id_token=${jwt}`, jwt, "id_token=eyJ[redacted]"],
  ["AWS access key id", "aws_access_key_id=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE", "aws_access_key_id=AKIA[redacted]"],
  ["AWS secret access key", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [redacted]"],
  ["Azure client secret (new format)", "secret: Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567", "Abc8Q~zYxWvUtSrQpOnMlKjIhGfEdCbA01234567", "secret: [redacted]"],
  ["Azure client secret in a form body", "grant_type=client_credentials&client_secret=s3cr3t-value-123&scope=x", "s3cr3t-value-123", "grant_type=client_credentials&client_secret=[redacted]&scope=x"],
  ["password in a URL", "postgres://app:hunter2secret@db.internal:5432/app", "hunter2secret", "postgres://app:[redacted]@db.internal:5432/app"],
  ["private key", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "[redacted]"],
  ["Google API key", "key=AIzaSyA1234567890abcdefghijklmnopqrstuv", "AIzaSyA1234567890abcdefghijklmnopqrstuv", "key=AIza[redacted]"],
];

describe("redact", () => {
  test.each(cases)("%s", (_name, text, secret, expected) => {
    const shown = redact(text);
    expect(shown).not.toContain(secret);
    expect(shown).toBe(expected);
  });

  test("text without secrets is left alone", () => {
    const text = 'HTTP/1.1 403 Forbidden {"error":{"code":403,"status":"PERMISSION_DENIED"}}';
    expect(findSecrets(text)).toEqual([]);
    expect(redact(text)).toBe(text);
  });
});
