import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GetCallerIdentityCommand, STSClient, STSServiceException } from "@aws-sdk/client-sts";
import { createHttpHeaders, createPipelineRequest, RestError } from "@azure/core-rest-pipeline";
import { AggregateAuthenticationError, AuthenticationError, ChainedTokenCredential, CredentialUnavailableError, EnvironmentCredential } from "@azure/identity";
import { CoreV1Api, KubeConfig } from "@kubernetes/client-node";
import axios from "axios";
import { Gaxios, GaxiosError } from "gaxios";
import { OAuth2Client } from "google-auth-library";
import { GoogleError, Status } from "google-gax";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { describeError, diagnoseError, maxInputLength } from "../../engine/src/index.js";

// The real error classes of the real SDKs. Where an SDK makes its own error from a response (gaxios,
// google-auth-library, the AWS SDK, the Kubernetes client, axios), it makes it here too: the request
// goes to a server on 127.0.0.1 that answers as the cloud would. The others are built with their
// constructors, as the SDKs build them.

const googlePermissionDenied = {
  error: {
    code: 403,
    message: "Permission 'secretmanager.versions.access' denied for resource 'projects/ledger-prod-2207/secrets/stripe-webhook-key/versions/latest' (or it may not exist).",
    status: "PERMISSION_DENIED",
    details: [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        reason: "IAM_PERMISSION_DENIED",
        domain: "secretmanager.googleapis.com",
        metadata: { resource: "projects/ledger-prod-2207/secrets/stripe-webhook-key/versions/latest", permission: "secretmanager.versions.access" },
      },
    ],
  },
};

const googleUnauthenticated = {
  error: {
    code: 401,
    message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.",
    status: "UNAUTHENTICATED",
    details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_TYPE_UNSUPPORTED", domain: "googleapis.com", metadata: { service: "storage.googleapis.com", method: "google.storage.v1.Storage.GetBucket" } }],
  },
};

const serviceDisabled = {
  error: {
    code: 403,
    message: "Cloud Run Admin API has not been used in project 530112987046 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/run.googleapis.com/overview?project=530112987046 then retry.",
    status: "PERMISSION_DENIED",
    details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SERVICE_DISABLED", domain: "googleapis.com", metadata: { consumer: "projects/530112987046", service: "run.googleapis.com" } }],
  },
};

const stsExpired = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>ExpiredToken</Code>
    <Message>The security token included in the request is expired</Message>
  </Error>
  <RequestId>4c7e0b1a-93f5-4d2e-8a61-2f0d9c3b7e54</RequestId>
</ErrorResponse>`;

const k8sForbidden = {
  kind: "Status",
  apiVersion: "v1",
  metadata: {},
  status: "Failure",
  message: 'pods is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "pods" in API group "" in the namespace "payments"',
  reason: "Forbidden",
  details: { kind: "pods" },
  code: 403,
};

const storageMismatch = `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>AuthorizationPermissionMismatch</Code><Message>This request is not authorized to perform this operation using this permission.
RequestId:4f7b2c1d-801e-0029-3a6e-91c5d0000000
Time:2026-11-30T06:12:44.3117650Z</Message></Error>`;

const armAuthorizationFailed = {
  error: {
    code: "AuthorizationFailed",
    message: "The client 'deploy@fabrikam.onmicrosoft.com' with object id '2e6f1a9c-4d83-4b70-a5e2-9c0d7b3f1e68' does not have authorization to perform action 'Microsoft.Resources/subscriptions/resourcegroups/write' over scope '/subscriptions/7a3c9e10-5b2d-4f86-8e41-d0c6b2a9f357/resourcegroups/rg-data' or the scope is invalid. If access was recently granted, please refresh your credentials.",
  },
};

const accessToken = "ya29.a0AfB_sdkErrorTestTokenQ8dEmOaCcEs0123456789abcdefghijk";

/** What the local server answers, by path. */
const routes: Record<string, { status: number; type: string; body: string; requestId?: string }> = {
  "/storage/v1/b/ledger": { status: 403, type: "application/json; charset=UTF-8", body: JSON.stringify(googlePermissionDenied) },
  "/storage/v1/b/unauthenticated": { status: 401, type: "application/json; charset=UTF-8", body: JSON.stringify(googleUnauthenticated) },
  "/token": { status: 400, type: "application/json; charset=utf-8", body: JSON.stringify({ error: "invalid_grant", error_description: "Token has been expired or revoked." }) },
  "/sts": { status: 403, type: "text/xml", body: stsExpired, requestId: "4c7e0b1a-93f5-4d2e-8a61-2f0d9c3b7e54" },
  "/api/v1/namespaces/payments/pods": { status: 403, type: "application/json", body: JSON.stringify(k8sForbidden) },
};

let server: Server;
let origin: string;
const seenAuthorization: string[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response: ServerResponse) => {
    seenAuthorization.push(String(request.headers.authorization ?? ""));
    request.resume();
    const path = new URL(request.url ?? "/", "http://x").pathname;
    const route = routes[path === "/" && request.method === "POST" ? "/sts" : path];
    if (!route) return void response.writeHead(404).end();
    response.writeHead(route.status, { "content-type": route.type, ...(route.requestId ? { "x-amzn-requestid": route.requestId } : {}) }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function caught(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

async function firstMatch(error: unknown): Promise<string | undefined> {
  return (await diagnoseError(error)).matches[0]?.id;
}

describe("errors the SDKs make from a cloud's answer", () => {
  test("gaxios: a GaxiosError with Google's 403 JSON body → gcp-iam-permission-denied", async () => {
    const error = await caught(() => new Gaxios().request({ url: `${origin}/storage/v1/b/ledger`, headers: { Authorization: `Bearer ${accessToken}` }, retry: false }));
    expect(error).toBeInstanceOf(GaxiosError);
    const described = await describeError(error);
    expect(described.kinds).toEqual(["http-response"]);
    expect(described.httpStatus).toBe(403);
    expect(described.text).toContain('"reason": "IAM_PERMISSION_DENIED"');
    expect(described.text).toMatch(new RegExp(`^GaxiosError: Permission 'secretmanager.versions.access' denied .*\nHTTP 403 ${origin}/storage/v1/b/ledger\n`));
    // The request's headers hold the credentials: they are never part of the text.
    expect(seenAuthorization).toContain(`Bearer ${accessToken}`);
    expect(described.text).not.toContain(accessToken);
    expect(await firstMatch(error)).toBe("gcp-iam-permission-denied");
  });

  test("gaxios: a 401 UNAUTHENTICATED body → gcp-unauthenticated", async () => {
    const error = await caught(() => new Gaxios().request({ url: `${origin}/storage/v1/b/unauthenticated`, retry: false }));
    expect(await firstMatch(error)).toBe("gcp-unauthenticated");
  });

  test("google-auth-library: a refresh token the token endpoint refuses (invalid_grant) → gcp-invalid-grant", async () => {
    const client = new OAuth2Client({ clientId: "1234.apps.googleusercontent.com", clientSecret: "not-a-real-secret", endpoints: { oauth2TokenUrl: `${origin}/token` } });
    client.setCredentials({ refresh_token: "1//0gNotARealRefreshTokenButLongEnoughToLookLikeOne" });
    const error = await caught(() => client.getAccessToken());
    expect(error).toBeInstanceOf(GaxiosError);
    expect((await describeError(error)).text).toContain('"error": "invalid_grant"');
    expect(await firstMatch(error)).toBe("gcp-invalid-grant");
  });

  test("AWS SDK v3: an STS ExpiredToken answer → aws-expired-token", async () => {
    const sts = new STSClient({ region: "us-east-1", endpoint: `${origin}/`, maxAttempts: 1, credentials: { accessKeyId: "ASIAEXAMPLEEXAMPLE12", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: "expired-session" } });
    const error = await caught(() => sts.send(new GetCallerIdentityCommand({})));
    expect(error).toBeInstanceOf(STSServiceException);
    const described = await describeError(error);
    expect(described.kinds).toEqual(["aws-sdk"]);
    expect(described.httpStatus).toBe(403);
    expect(described.text).toMatch(/^ExpiredToken\w*: The security token included in the request is expired \(HTTP 403, \$fault client/);
    expect(described.text).toContain("request id 4c7e0b1a-93f5-4d2e-8a61-2f0d9c3b7e54");
    expect(described.text).not.toContain("wJalrXUtnFEMI");
    expect(await firstMatch(error)).toBe("aws-expired-token");
  });

  test("@kubernetes/client-node: an ApiException with the API server's 403 Status → k8s-rbac-forbidden", async () => {
    const config = new KubeConfig();
    config.loadFromOptions({
      clusters: [{ name: "local", server: origin, skipTLSVerify: true }],
      users: [{ name: "deployer", token: "k8s-test-token" }],
      contexts: [{ name: "local", cluster: "local", user: "deployer" }],
      currentContext: "local",
    });
    const error = await caught(() => config.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: "payments" }));
    const described = await describeError(error);
    expect(described.kinds).toEqual(["kubernetes"]);
    expect(described.text).toContain("ApiException: HTTP 403");
    expect(described.text).toContain("cannot list resource");
    expect(described.text).not.toContain("k8s-test-token");
    expect(await firstMatch(error)).toBe("k8s-rbac-forbidden");
  });

  test("axios: an AxiosError with a Google 401 body → gcp-unauthenticated", async () => {
    const error = await caught(() => axios.get(`${origin}/storage/v1/b/unauthenticated`, { headers: { Authorization: `Bearer ${accessToken}` } }));
    expect(axios.isAxiosError(error)).toBe(true);
    const described = await describeError(error);
    expect(described.kinds).toEqual(["axios"]);
    expect(described.text).toContain(`HTTP 401 GET ${origin}/storage/v1/b/unauthenticated`);
    expect(described.text).not.toContain(accessToken);
    expect(await firstMatch(error)).toBe("gcp-unauthenticated");
  });

  test("@azure/identity: a ChainedTokenCredential with nothing configured → azure-credential-unavailable", async () => {
    const saved = Object.fromEntries(Object.entries(process.env).filter(([key]) => key.startsWith("AZURE_")));
    for (const key of Object.keys(saved)) delete process.env[key];
    try {
      const error = await caught(() => new ChainedTokenCredential(new EnvironmentCredential()).getToken("https://vault.azure.net/.default"));
      expect(error).toBeInstanceOf(AggregateAuthenticationError);
      const described = await describeError(error);
      expect(described.kinds).toEqual(["azure-identity", "azure-identity"]);
      expect(described.text).toContain("CredentialUnavailableError: EnvironmentCredential is unavailable.");
      expect(await firstMatch(error)).toBe("azure-credential-unavailable");
    } finally {
      Object.assign(process.env, saved);
    }
  });
});

describe("errors built with the SDKs' own constructors", () => {
  test("google-gax: GoogleError.parseHttpError of a SERVICE_DISABLED body (code 7, ErrorInfo reason) → gcp-api-not-enabled", async () => {
    const error = GoogleError.parseHttpError(structuredClone(serviceDisabled));
    expect(error.code).toBe(Status.PERMISSION_DENIED);
    expect(error.reason).toBe("SERVICE_DISABLED");
    const described = await describeError(error);
    expect(described.kinds).toEqual(["google-gax"]);
    expect(described.text).toMatch(/^7 PERMISSION_DENIED: Cloud Run Admin API has not been used/);
    expect(described.text).toContain("reason: SERVICE_DISABLED");
    expect(await firstMatch(error)).toBe("gcp-api-not-enabled");
  });

  test("google-gax: a gRPC error (7 PERMISSION_DENIED with ErrorInfo) → gcp-iam-permission-denied", async () => {
    const error = Object.assign(new GoogleError("7 PERMISSION_DENIED: Permission 'secretmanager.versions.access' denied for resource 'projects/ledger-prod-2207/secrets/stripe-webhook-key/versions/latest' (or it may not exist)."), {
      code: Status.PERMISSION_DENIED,
      details: "Permission 'secretmanager.versions.access' denied for resource 'projects/ledger-prod-2207/secrets/stripe-webhook-key/versions/latest' (or it may not exist).",
      reason: "IAM_PERMISSION_DENIED",
      domain: "secretmanager.googleapis.com",
      errorInfoMetadata: { permission: "secretmanager.versions.access" },
    });
    const described = await describeError(error);
    expect(described.text.split("\n")[0]).toBe(error.message);
    expect(described.text).toContain('"reason": "IAM_PERMISSION_DENIED"');
    expect(await firstMatch(error)).toBe("gcp-iam-permission-denied");
  });

  test("AWS SDK v3: an STSServiceException named by its code, with $metadata → aws-expired-token", async () => {
    const error = new STSServiceException({ name: "ExpiredTokenException", $fault: "client", message: "The security token included in the request is expired", $metadata: { httpStatusCode: 400, requestId: "9d2f4c61-0b7a-4e3d-b5a8-71c6e0f2d394" } });
    expect((await describeError(error)).text).toBe("ExpiredTokenException: The security token included in the request is expired (HTTP 400, $fault client, request id 9d2f4c61-0b7a-4e3d-b5a8-71c6e0f2d394)");
    expect(await firstMatch(error)).toBe("aws-expired-token");
  });

  test("@azure/identity: AuthenticationError with AADSTS7000215 → azure-invalid-client-secret", async () => {
    const error = new AuthenticationError(401, {
      error: "invalid_client",
      error_description: "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3f8c2a41-7d6e-4b19-a0c5-92e1d7f4b638'. Trace ID: 0c1b9e7a-5d42-4f88-b3a6-2e7f91c40d00 Correlation ID: 7a9d3e15-2c6b-4f70-8e14-b5a2c9d06f31 Timestamp: 2026-12-01 08:14:22Z",
      error_codes: [7000215],
      timestamp: "2026-12-01 08:14:22Z",
      trace_id: "0c1b9e7a-5d42-4f88-b3a6-2e7f91c40d00",
      correlation_id: "7a9d3e15-2c6b-4f70-8e14-b5a2c9d06f31",
    });
    const described = await describeError(error);
    expect(described.text.split("\n")[0]).toBe("AuthenticationError: invalid_client (HTTP 401)");
    expect(described.text).toContain("error_codes: [7000215]");
    expect(await firstMatch(error)).toBe("azure-invalid-client-secret");
  });

  test("@azure/identity: AggregateAuthenticationError of CredentialUnavailableErrors → azure-credential-unavailable", async () => {
    const error = new AggregateAuthenticationError(
      [
        new CredentialUnavailableError("EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot."),
        new CredentialUnavailableError("ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS endpoint, but it is not available."),
      ],
      "ChainedTokenCredential authentication failed.",
    );
    const described = await describeError(error);
    expect(described.text.split("\n")).toEqual([
      "AggregateAuthenticationError: ChainedTokenCredential authentication failed.",
      "CredentialUnavailableError: EnvironmentCredential is unavailable. No underlying credential could be used. To troubleshoot, visit https://aka.ms/azsdk/js/identity/environmentcredential/troubleshoot.",
      "CredentialUnavailableError: ManagedIdentityCredential: Authentication failed. Message Attempted to use the IMDS endpoint, but it is not available.",
    ]);
    expect(await firstMatch(error)).toBe("azure-credential-unavailable");
  });

  test("@azure/core-rest-pipeline: RestError 403 AuthorizationPermissionMismatch with the storage body → azure-storage-data-role-missing", async () => {
    const request = createPipelineRequest({ url: "https://stanalyticsprod01.blob.core.windows.net/raw/daily.csv", method: "PUT", headers: createHttpHeaders({ authorization: `Bearer ${accessToken}` }) });
    const response = { request, status: 403, headers: createHttpHeaders({ "x-ms-error-code": "AuthorizationPermissionMismatch" }), bodyAsText: storageMismatch };
    const error = new RestError("This request is not authorized to perform this operation using this permission.", { code: "AuthorizationPermissionMismatch", statusCode: 403, request, response });
    const described = await describeError(error);
    expect(described.kinds).toEqual(["azure-rest"]);
    expect(described.text).toContain("HTTP 403 AuthorizationPermissionMismatch PUT https://stanalyticsprod01.blob.core.windows.net/raw/daily.csv");
    expect(described.text).toContain("<Code>AuthorizationPermissionMismatch</Code>");
    expect(described.text).not.toContain(accessToken);
    expect(await firstMatch(error)).toBe("azure-storage-data-role-missing");
  });

  test("fetch: a Response with an ARM 403 body → azure-authorization-failed, and the caller can still read the body", async () => {
    const response = new Response(JSON.stringify(armAuthorizationFailed), { status: 403, statusText: "Forbidden", headers: { "content-type": "application/json" } });
    const described = await describeError(response);
    expect(described.kinds).toEqual(["fetch-response"]);
    expect(described.text).toMatch(/^HTTP 403 Forbidden\n\{"error":\{"code":"AuthorizationFailed"/);
    expect(response.bodyUsed).toBe(false);
    expect(await firstMatch(response)).toBe("azure-authorization-failed");
    expect(JSON.parse(await response.text())).toEqual(armAuthorizationFailed);
  });

  test("fetch: a Response whose body was read says so instead of failing", async () => {
    const response = new Response("gone", { status: 401 });
    await response.text();
    expect((await describeError(response)).text).toBe("HTTP 401\n(the response body was already read)");
  });

  test("an Error wrapping a GaxiosError (cause) → the wrapped error's entry", async () => {
    const gaxios = await caught(() => new Gaxios().request({ url: `${origin}/storage/v1/b/ledger`, retry: false }));
    const error = new Error("could not read the webhook secret", { cause: gaxios });
    const described = await describeError(error);
    expect(described.kinds).toEqual(["error", "http-response"]);
    expect(described.text).toMatch(/^Error: could not read the webhook secret\nCaused by: GaxiosError: /);
    expect(await firstMatch(error)).toBe("gcp-iam-permission-denied");
  });
});

describe("values that are no SDK's error", () => {
  test.each([
    ["a string", "7 PERMISSION_DENIED: Permission denied on resource project analytics-prod-4411.", "7 PERMISSION_DENIED: Permission denied on resource project analytics-prod-4411."],
    ["undefined", undefined, "undefined"],
    ["a number", 403, "403"],
    ["a plain object", { code: "AccessDenied" }, '{\n  "code": "AccessDenied"\n}'],
    ["a plain Error with a code", Object.assign(new Error("connect ECONNREFUSED 169.254.169.254:80"), { code: "ECONNREFUSED" }), "Error: connect ECONNREFUSED 169.254.169.254:80\ncode: ECONNREFUSED"],
  ])("%s", async (_name, value, text) => {
    expect((await describeError(value)).text).toBe(text);
  });

  test("an AggregateError lists each error inside, each by its own shape", async () => {
    const error = new AggregateError([new Error("first try"), Object.assign(new Error("second try"), { code: "ECONNRESET" })], "all attempts failed");
    const described = await describeError(error);
    expect(described.text).toBe("AggregateError: all attempts failed\nError: first try\nError: second try\ncode: ECONNRESET");
    expect(described.kinds).toEqual(["error", "error", "error"]);
  });

  test("a cause chain that loops is described once per error", async () => {
    const a = new Error("outer");
    const b = new Error("inner", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect((await describeError(a)).text).toBe("Error: outer\nCaused by: Error: inner");
  });

  test("a cause chain deeper than eight is cut there", async () => {
    let error = new Error("level 0");
    for (let i = 1; i <= 20; i++) error = new Error(`level ${i}`, { cause: error });
    expect((await describeError(error)).text.split("\n")).toHaveLength(9);
  });

  test("a getter that throws, and a circular body, do not throw", async () => {
    const body: Record<string, unknown> = { message: "loop" };
    body["self"] = body;
    const hostile = Object.defineProperty(new Error("hostile"), "response", { get: () => { throw new Error("no"); } });
    expect((await describeError(hostile)).text).toBe("Error: hostile");
    const circular = Object.assign(new Error("circular body"), { response: { status: 403, data: body } });
    expect((await describeError(circular)).text).toBe("Error: circular body\nHTTP 403");
  });

  test("a body of any size is cut to what the engine reads, and the report says so", async () => {
    const huge = Object.assign(new Error("big"), { response: { status: 403, data: `${"x".repeat(maxInputLength * 2)}` } });
    const described = await describeError(huge);
    expect(described.text.length).toBe(maxInputLength);
    expect(described.truncated).toBe(true);
    expect((await diagnoseError(huge)).truncated).toBe(true);
    const response = new Response("y".repeat(maxInputLength * 3), { status: 500 });
    expect((await describeError(response)).text.length).toBeLessThanOrEqual(maxInputLength);
  });
});
