/** The pastes the product grew from (the seeds in shared/seeds), each with the entry it must land on. */

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

/** [name, entry id, paste] for each seed paste. */
export const seedPastes: ReadonlyArray<readonly [string, string, string]> = [
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
