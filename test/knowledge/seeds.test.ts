import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, test } from "vitest";

// The pastes the product grew from, run through the CLI as a user would: `faultline match --json`.
const bin = path.resolve("engine/bin/faultline.js");
const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const idToken = (aud: string): string =>
  `${b64({ alg: "RS256", kid: "4f1a", typ: "JWT" })}.${b64({
    iss: "https://accounts.google.com",
    aud,
    azp: "109876543210987654321",
    email: "frontend@shop-prod.iam.gserviceaccount.com",
    email_verified: true,
    exp: 4102444800,
    iat: 4102441200,
    sub: "109876543210987654321",
  })}.ZmFrZS1zaWduYXR1cmU`;

const pastes: Array<[string, string, string]> = [
  [
    "seed 001: 403 insufficient scopes JSON body",
    "gcp-oauth-scope-insufficient",
    `{ "error": { "code": 403, "message": "Request had insufficient authentication scopes.", "status": "PERMISSION_DENIED", "details": [{"reason": "ACCESS_TOKEN_SCOPE_INSUFFICIENT"}] } }`,
  ],
  [
    "seed 003: 401 UNAUTHENTICATED JSON body",
    "gcp-unauthenticated",
    `{\n  "error": {\n    "code": 401,\n    "message": "Request is missing valid authentication credentials.",\n    "status": "UNAUTHENTICATED"\n  }\n}`,
  ],
  [
    "Cloud Run 401 with the ya29 access token that was sent",
    "cloud-run-access-token-instead-of-id-token",
    `$ curl -i -H "Authorization: Bearer ya29.a0AfB_byC8dEmOaCcEsStOkEn0123456789abcdefghijklmnop" https://orders-7hq2xkq3pa-uc.a.run.app/api/v1/items\nHTTP/2 401\nwww-authenticate: Bearer error="invalid_token" error_description="The access token could not be verified"\ncontent-type: text/html; charset=UTF-8\n\n<html><head><title>401 Unauthorized</title></head><body><h1>Error: Unauthorized</h1><h2>Your client does not have permission to the requested URL <code>/api/v1/items</code>.</h2></body></html>`,
  ],
  [
    "Cloud Run 401 with a JWT whose aud carries a path",
    "cloud-run-audience-mismatch",
    `requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://orders-7hq2xkq3pa-uc.a.run.app/api/v1/items\nsent header Authorization: Bearer ${idToken("https://orders-7hq2xkq3pa-uc.a.run.app/api/v1/items")}`,
  ],
];

describe("faultline match --json on the seed errors", () => {
  test.each(pastes)("%s → %s", (_name, id, paste) => {
    const result = spawnSync(process.execPath, [bin, "match", "--json"], { input: paste, encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { matches: Array<{ id: string; why: Array<{ description: string; spans: unknown[] }> }> };
    expect(report.matches[0]?.id).toBe(id);
    expect(report.matches[0]?.why.length).toBeGreaterThan(0);
    expect(report.matches[0]?.why.some((w) => w.spans.length > 0)).toBe(true);
    expect(result.stdout).not.toMatch(/ya29\.a0AfB_byC8|ZmFrZS1zaWduYXR1cmU/);
  });
});
