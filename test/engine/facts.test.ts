import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { collect, extractFacts, normaliseText, searchHints, type Facts } from "../../engine/src/facts.js";

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (payload: object): string => `${b64({ alg: "RS256", typ: "JWT" })}.${b64(payload)}.c2lnbmF0dXJl`;
const now = Date.UTC(2026, 10, 23);
const future = Math.floor(now / 1000) + 3600;
const past = Math.floor(now / 1000) - 3600;

type Expected = Partial<Omit<Facts, "text">>;

const table: Array<[string, string, Expected]> = [
  [
    "Google JSON error body with ErrorInfo",
    `{"error":{"code":403,"message":"Request had insufficient authentication scopes.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_SCOPE_INSUFFICIENT"}]}}`,
    { httpStatus: 403, status: "PERMISSION_DENIED", reasons: ["ACCESS_TOKEN_SCOPE_INSUFFICIENT"], providers: ["gcp"] },
  ],
  [
    "JSON body escaped inside a string",
    `Exception: "{\\"error\\": {\\"code\\": 401, \\"message\\": \\"Request is missing valid authentication credentials.\\", \\"status\\": \\"UNAUTHENTICATED\\"}}"`,
    { httpStatus: 401, status: "UNAUTHENTICATED" },
  ],
  [
    "Python repr of the body",
    `HttpError: {'error': {'code': 403, 'message': 'The caller does not have permission', 'status': 'PERMISSION_DENIED'}}`,
    { httpStatus: 403, status: "PERMISSION_DENIED" },
  ],
  [
    "body inside a Java stack trace",
    `com.google.api.client.googleapis.json.GoogleJsonResponseException: 403 Forbidden\nPOST https://bigquery.googleapis.com/bigquery/v2/projects/p/jobs\n{\n  "code" : 403,\n  "errors" : [ { "domain" : "global", "message" : "Access Denied", "reason" : "accessDenied" } ],\n  "status" : "PERMISSION_DENIED"\n}\n\tat com.google.api.client.googleapis.json.GoogleJsonResponseException.from(GoogleJsonResponseException.java:146)`,
    { httpStatus: 403, status: "PERMISSION_DENIED", reasons: ["accessDenied"] },
  ],
  [
    "Go gRPC status text",
    `rpc error: code = PermissionDenied desc = Permission 'storage.objects.get' denied on resource (or it may not exist).`,
    { status: "PERMISSION_DENIED", permissions: ["storage.objects.get"], httpStatus: null },
  ],
  [
    "Node gRPC numeric status",
    `Error: 16 UNAUTHENTICATED: Request had invalid authentication credentials. Expected OAuth 2 access token`,
    { status: "UNAUTHENTICATED" },
  ],
  [
    "Python gRPC StatusCode",
    `status = StatusCode.UNAVAILABLE\n\tdetails = "failed to connect to all addresses"`,
    { status: "UNAVAILABLE" },
  ],
  ["curl verbose status line", `< HTTP/2 401 \n< www-authenticate: Bearer error="invalid_token"`, { httpStatus: 401, codes: ["invalid_token"] }],
  ["requests HTTPError", `requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://storage.googleapis.com/storage/v1/b/x`, { httpStatus: 403, urls: ["https://storage.googleapis.com/storage/v1/b/x"] }],
  [".NET parenthesised status", `System.Net.WebException: The remote server returned an error: (403) Forbidden.`, { httpStatus: 403 }],
  ["Go googleapi error", `googleapi: Error 401: Request is missing required authentication credential., unauthorized`, { httpStatus: 401, providers: ["gcp"] }],
  ["axios status code", `AxiosError: Request failed with status code 403`, { httpStatus: 403 }],
  [
    "AWS CLI error with ARN and action",
    `An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::111122223333:assumed-role/app/i-0abc is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::bucket/key" because no identity-based policy allows the s3:GetObject action`,
    { codes: ["AccessDenied"], providers: ["aws"], permissions: ["s3:GetObject"], principals: ["arn:aws:sts::111122223333:assumed-role/app/i-0abc"], httpStatus: null },
  ],
  [
    "AWS Go SDK v2",
    `operation error STS: AssumeRoleWithWebIdentity, https response error StatusCode: 403, RequestID: 6a1f, api error AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity`,
    { httpStatus: 403, codes: ["AccessDenied"], permissions: ["sts:AssumeRoleWithWebIdentity"] },
  ],
  [
    "AWS Java SDK v1",
    `com.amazonaws.services.s3.model.AmazonS3Exception: Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: X)`,
    { httpStatus: 403, codes: ["AccessDenied"], providers: ["aws"] },
  ],
  ["S3 XML error", `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error>`, { codes: ["SignatureDoesNotMatch"] }],
  ["AWS JSON __type", `{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}`, { codes: ["ExpiredTokenException"] }],
  [
    "Azure token endpoint",
    `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}`,
    { codes: ["AADSTS7000215", "invalid_client"], providers: ["azure"] },
  ],
  [
    "Azure CLI ARM error",
    `(AuthorizationFailed) The client 'a@b.com' with object id '0000' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/read' over scope '/subscriptions/1'`,
    { codes: ["AuthorizationFailed"], providers: ["azure"], permissions: ["Microsoft.Resources/subscriptions/resourcegroups/read"] },
  ],
  [
    "Azure data-plane codes written in prose (Terraform, az)",
    `unexpected status 403 (403 Key based authentication is not permitted on this storage account.) with KeyBasedAuthenticationNotPermitted: Key based authentication is not permitted on this storage account.\nInner error: ForbiddenByFirewall ForbiddenByPolicy ForbiddenByRbac ForbiddenByConnection (SubscriptionNotFound) LinkedAccessCheckFailed`,
    {
      codes: ["KeyBasedAuthenticationNotPermitted", "ForbiddenByFirewall", "ForbiddenByPolicy", "ForbiddenByRbac", "ForbiddenByConnection", "SubscriptionNotFound", "LinkedAccessCheckFailed"],
      httpStatus: 403,
    },
  ],
  [
    "Microsoft Graph error code with an underscore, and consent_required",
    `{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}} then {"error":"consent_required"}`,
    { codes: ["Authorization_RequestDenied", "consent_required"] },
  ],
  [
    "kubectl forbidden",
    `Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:default:ci" cannot list resource "pods" in API group "" in the namespace "prod"`,
    { httpStatus: 403, reasons: ["Forbidden"], providers: ["kubernetes"], principals: ["system:serviceaccount:default:ci"] },
  ],
  [
    "Kubernetes Status object",
    `{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}`,
    { httpStatus: 401, reasons: ["Unauthorized"], providers: ["kubernetes"] },
  ],
  [
    "ANSI colours and CRLF around a gcloud error",
    `\u001b[31mERROR\u001b[0m: (gcloud.run.deploy) PERMISSION_DENIED: Permission 'iam.serviceAccounts.actAs' denied on service account sa@p.iam.gserviceaccount.com\r\n`,
    { status: "PERMISSION_DENIED", providers: ["gcp"], permissions: ["iam.serviceAccounts.actAs"], principals: ["sa@p.iam.gserviceaccount.com"] },
  ],
  ["numbers that are not statuses", `listening on port 4030; 403 items processed in 401ms`, { httpStatus: null, status: null, codes: [] }],
  ["module paths are not permissions", `File "/srv/app.py", line 3, in <module>\n  import os.path.join\ngoogle.auth.transport.requests`, { permissions: [] }],
  ["a URL with a password keeps it out of the facts", `failed: https://admin:hunter2secret@db.example.com/x`, { urls: ["https://db.example.com/x"], tokenKinds: ["url-password"] }],
  ["an @ only before the URL is no URL password", `sa=a@p.iam.gserviceaccount.com url=https://admin:x.example.com/`, { tokenKinds: [] }],
  ["user:password@ without a scheme is no URL password", `admin:hunter2secret@db.example.com`, { tokenKinds: [] }],
  ["Google access token", `Authorization: Bearer ya29.a0AfB_byDEMOTOKEN1234567890abcdefghijklmnop`, { tokenKinds: ["google-access-token"], providers: ["gcp"] }],
  ["AWS access key id", `aws_access_key_id = AKIAIOSFODNN7EXAMPLE`, { tokenKinds: ["aws-access-key-id"], providers: ["aws"] }],
  [
    "Google ID token with an audience path, next to its Cloud Run URL",
    `curl -H "Authorization: Bearer ${jwt({ iss: "https://accounts.google.com", aud: "https://orders-abc123-uc.a.run.app/api", email: "a@p.iam.gserviceaccount.com", exp: future })}" https://orders-abc123-uc.a.run.app/api\nHTTP/2 401`,
    {
      httpStatus: 401,
      tokenKinds: ["jwt", "google-id-token"],
      jwtExpired: false,
      jwtAudienceHasPath: true,
      jwtAudienceMatchesUrl: false,
    },
  ],
  [
    "expired Google ID token with the right audience",
    `token=${jwt({ iss: "accounts.google.com", aud: "https://orders-abc123-uc.a.run.app", exp: past })} url=https://orders-abc123-uc.a.run.app/v1/items`,
    { jwtExpired: true, jwtAudienceHasPath: false, jwtAudienceMatchesUrl: true },
  ],
  [
    "1st-gen Cloud Functions audience is the function URL",
    `Bearer ${jwt({ iss: "https://accounts.google.com", aud: "https://europe-west1-shop.cloudfunctions.net/resize", exp: future })} POST https://europe-west1-shop.cloudfunctions.net/resize?x=1`,
    { jwtAudienceMatchesUrl: true, jwtAudienceHasPath: true },
  ],
  [
    "a trailing slash in the audience is a mismatch",
    `Bearer ${jwt({ iss: "https://accounts.google.com", aud: "https://orders-abc123-uc.a.run.app/", exp: future })} GET https://orders-abc123-uc.a.run.app/items`,
    { jwtAudienceMatchesUrl: false, jwtAudienceHasPath: true },
  ],
  ["gsutil exception with a status", `AccessDeniedException: 403 Request violates VPC Service Controls.`, { httpStatus: 403 }],
  ["status after a colon and before a parenthesis", `POST https://api.example.com/v1/charge: 401 (Authorization required)`, { httpStatus: 401 }],
  ["Go googleapi trailing reason", `googleapi: Error 403: Cloud Storage JSON API has not been used in project 123 before or it is disabled., accessNotConfigured`, { httpStatus: 403, reasons: ["accessNotConfigured"] }],
  ["api_core exception named by its status", `google.api_core.exceptions.Unauthorized: 401 GET https://storage.googleapis.com/storage/v1/b/x: Invalid Credentials`, { httpStatus: 401 }],
  ["JWT without a target URL", `id_token: ${jwt({ iss: "https://accounts.google.com", aud: "32555940559.apps.googleusercontent.com", exp: future })}`, { jwtAudienceHasPath: null, jwtAudienceMatchesUrl: null }],
  ["malformed JWT-looking text", `eyJhbGciOiJub25lIn0x.eyJub3QganNvbiAgICAgICAg.xx`, { jwt: null, jwtExpired: null }],
];

describe("extractFacts", () => {
  test.each(table)("%s", (_name, input, expected) => {
    const { facts } = extractFacts(input, { now });
    expect(facts).toMatchObject(expected);
  });

  test("JWT claims are decoded without verification", () => {
    const { facts } = extractFacts(`Bearer ${jwt({ iss: "https://accounts.google.com", aud: "https://x.run.app", email: "svc@p.iam.gserviceaccount.com", exp: future })}`, { now });
    expect(facts.jwt).toEqual({ iss: "https://accounts.google.com", aud: "https://x.run.app", email: "svc@p.iam.gserviceaccount.com", exp: future });
  });

  test("evidence spans point at the original text", () => {
    const input = `\u001b[1mpanic\u001b[0m {"code": 403, "reason": "SERVICE_DISABLED"}`;
    const { evidence } = extractFacts(input);
    const reason = evidence.find((e) => e.fact === "reasons");
    const status = evidence.find((e) => e.fact === "httpStatus");
    expect(reason && input.slice(reason.start, reason.end)).toBe("SERVICE_DISABLED");
    expect(status && input.slice(status.start, status.end)).toBe("403");
  });

  test("the first status in the paste is the one reported", () => {
    expect(extractFacts("HTTP/1.1 401 Unauthorized\n... later: status code 403").facts.httpStatus).toBe(401);
  });

  test("normalising keeps every offset", () => {
    const raw = "a\u001b[31mb\r\nc\u0000d";
    const normalised = normaliseText(raw);
    expect(normalised).toHaveLength(raw.length);
    expect(normalised).toBe("a     b \nc d");
  });
});

describe("patterns searched from a needle", () => {
  // Runs long enough to reach past every hint's reach, and the pieces the hinted patterns are made of.
  const piece = fc.oneof(
    fc.tuple(fc.constantFrom("a", "Z", "0", "s", ".", "-", "_"), fc.integer({ min: 1, max: 170 })).map(([ch, n]) => ch.repeat(n)),
    fc.constantFrom("@", ".iam.gserviceaccount.com", ".IAM.gserviceaccount.com", "@developer.gserviceaccount.com", "@CloudBuild.GSERVICEACCOUNT.com", "gserviceaccount.com"),
    fc.constantFrom("Exception:", "Error:", " 403", ": 503", "s.get", "s.Get", ":GetObject", "s3", "storage.buckets.get", "iam.serviceAccounts.actAs"),
    fc.constantFrom(" ", "\n", "/", ":", "'", "\"", "s", "a"),
  );
  const text = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(""));
  const spans = (find: (onMatch: (value: string, span: { start: number; end: number }) => void) => void) => {
    const found: Array<[string, number, number]> = [];
    find((value, span) => void found.push([value, span.start, span.end]));
    return found;
  };

  test.each([...searchHints.keys()].map((regex) => [regex.source.slice(0, 50), regex] as const))("/%s…/ finds what a search from every offset finds", (_source, regex) => {
    fc.assert(
      fc.property(text, (input) => {
        const everyOffset = new RegExp(regex.source, regex.flags);
        expect(spans((onMatch) => collect(regex, input, onMatch))).toEqual(spans((onMatch) => collect(everyOffset, input, onMatch)));
      }),
      { numRuns: 300 },
    );
  });

  test.each([
    ["the longest service account", `sa=${"a".repeat(81)}@${"p".repeat(63)}.iam.gserviceaccount.com.`, { principals: [`${"a".repeat(81)}@${"p".repeat(63)}.iam.gserviceaccount.com`] }],
    ["the longest service agent", `sa=${"a".repeat(80)}@cloudservices.gserviceaccount.com`, { principals: [`${"a".repeat(80)}@cloudservices.gserviceaccount.com`] }],
    ["the longest exception name", `${"X".repeat(60)}Exception: 403 denied`, { httpStatus: 403 }],
    ["the longest GCP permission", `missing ${"a".repeat(41)}.${"b".repeat(41)}s.get`, { permissions: [`${"a".repeat(41)}.${"b".repeat(41)}s.get`] }],
    ["the longest AWS action", `not authorized to perform: ${"a".repeat(31)}:GetObject on`, { permissions: [`${"a".repeat(31)}:GetObject`] }],
  ])("a match as far from its needle as it can be: %s", (_name, input, expected) => {
    expect(extractFacts(input, { now }).facts).toMatchObject(expected);
  });
});
