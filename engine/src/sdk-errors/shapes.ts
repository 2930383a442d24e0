/**
 * The error shapes of the cloud SDKs, recognised by duck typing (the engine depends on none of them):
 * each recogniser returns the lines a person would have pasted for that error (the status, the codes,
 * the response body) or undefined when the value is not its shape. Request headers are never read:
 * they hold the credentials.
 */
import { grpcStatusName } from "./grpc-status.js";
import { bodyText, numberProp, prop, requestLine, stringProp } from "./property.js";

/** Which kind of error a value was recognised as. */
export type ErrorKind =
  | "fetch-response"
  | "axios"
  | "aws-sdk"
  | "azure-identity"
  | "azure-rest"
  | "google-gax"
  | "kubernetes"
  | "http-response"
  | "error"
  | "string"
  | "unknown";

/** What a recogniser found in one value. */
export interface Shape {
  readonly kind: ErrorKind;
  readonly lines: readonly string[];
  readonly httpStatus?: number | undefined;
  /** Errors this one gathers (an aggregate's), described after it. */
  readonly inner?: readonly unknown[] | undefined;
}

const present = (...lines: Array<string | undefined | false>): string[] => lines.filter((line): line is string => typeof line === "string" && line !== "");

/** "Name: message", the first line Node prints for an error. */
export function headline(error: unknown): string {
  // GaxiosError and GoogleError keep the name "Error": their class says what they are.
  const named = stringProp(error, "name") ?? "Error";
  const className = stringProp(prop(error, "constructor"), "name");
  const name = named === "Error" && className && className !== "Object" && className !== "Function" ? className : named;
  const message = stringProp(error, "message");
  return message ? `${name}: ${message}` : name;
}

/** axios: `isAxiosError`, the response's status and data, the request's method and URL. */
function axiosShape(error: unknown): Shape | undefined {
  if (prop(error, "isAxiosError") !== true) return undefined;
  const response = prop(error, "response");
  const config = prop(error, "config");
  const status = numberProp(response, "status") ?? numberProp(error, "status");
  const url = requestLine(prop(config, "method"), prop(config, "url"));
  return {
    kind: "axios",
    httpStatus: status,
    lines: present(headline(error), stringProp(error, "code") && `code: ${stringProp(error, "code")}`, status !== undefined && `HTTP ${status}${url ? ` ${url}` : ""}`, bodyText(prop(response, "data"))),
  };
}

/** AWS SDK v3 service exceptions: `$metadata.httpStatusCode`, `$fault`, the name (the error code) and message. */
function awsShape(error: unknown): Shape | undefined {
  const metadata = prop(error, "$metadata");
  const fault = stringProp(error, "$fault");
  if (!metadata || typeof metadata !== "object" || !fault) return undefined;
  const name = stringProp(error, "name") ?? "ServiceException";
  const code = stringProp(error, "Code");
  const status = numberProp(metadata, "httpStatusCode");
  const message = stringProp(error, "message") ?? stringProp(error, "Message") ?? "";
  const requestId = stringProp(metadata, "requestId");
  const details = present(status !== undefined && `HTTP ${status}`, `$fault ${fault}`, code && code !== name && `code ${code}`, requestId && `request id ${requestId}`);
  return { kind: "aws-sdk", httpStatus: status, lines: [`${name}: ${message} (${details.join(", ")})`] };
}

/** An aggregate (AggregateError, @azure/identity's AggregateAuthenticationError): its first message line, then each error inside. */
function aggregateShape(error: unknown): Shape {
  const name = stringProp(error, "name") ?? "AggregateError";
  const errors = prop(error, "errors");
  const first = stringProp(error, "message")?.split("\n")[0];
  return { kind: "error", lines: [first ? `${name}: ${first}` : name], inner: Array.isArray(errors) ? errors : [] };
}

/** A native AggregateError (Promise.any, several failed attempts). */
function nativeAggregateShape(error: unknown): Shape | undefined {
  return typeof AggregateError !== "undefined" && error instanceof AggregateError ? aggregateShape(error) : undefined;
}

/** @azure/identity: AuthenticationError (status, OAuth error and AADSTS description), AggregateAuthenticationError, CredentialUnavailableError. */
function azureIdentityShape(error: unknown): Shape | undefined {
  const name = stringProp(error, "name");
  if (name === "AggregateAuthenticationError") return { ...aggregateShape(error), kind: "azure-identity" };
  const response = prop(error, "errorResponse");
  if (name === "AuthenticationError" && response && typeof response === "object") {
    const status = numberProp(error, "statusCode");
    const codes = prop(response, "errorCodes");
    return {
      kind: "azure-identity",
      httpStatus: status,
      lines: present(
        `${name}: ${stringProp(response, "error") ?? "unknown"}${status !== undefined ? ` (HTTP ${status})` : ""}`,
        stringProp(response, "errorDescription"),
        Array.isArray(codes) && codes.length > 0 && `error_codes: ${JSON.stringify(codes)}`,
        stringProp(response, "traceId") && `trace id: ${stringProp(response, "traceId")}`,
        stringProp(response, "correlationId") && `correlation id: ${stringProp(response, "correlationId")}`,
      ),
    };
  }
  if (name === "CredentialUnavailableError" || name === "AuthenticationRequiredError") return { kind: "azure-identity", lines: [headline(error)] };
  return undefined;
}

/** @azure/core-rest-pipeline RestError: statusCode, code, and the response body (`bodyAsText`). */
function azureRestShape(error: unknown): Shape | undefined {
  if (stringProp(error, "name") !== "RestError") return undefined;
  const response = prop(error, "response");
  const request = prop(error, "request");
  const status = numberProp(error, "statusCode") ?? numberProp(response, "status");
  const code = stringProp(error, "code");
  const url = requestLine(prop(request, "method"), prop(request, "url"));
  return {
    kind: "azure-rest",
    httpStatus: status,
    lines: present(headline(error), status !== undefined && `HTTP ${status}${code ? ` ${code}` : ""}${url ? ` ${url}` : ""}`, !status && code && `code: ${code}`, bodyText(prop(response, "bodyAsText"))),
  };
}

/** google-gax and gRPC: a numeric status code (7 → PERMISSION_DENIED), details, the ErrorInfo reason, domain and metadata. */
function grpcShape(error: unknown): Shape | undefined {
  const code = numberProp(error, "code");
  const status = code === undefined ? undefined : grpcStatusName(code);
  if (code === undefined || !status) return undefined;
  const hasGrpcFields = ["details", "metadata", "statusDetails", "reason", "errorInfoMetadata", "note"].some((key) => prop(error, key) !== undefined);
  if (!hasGrpcFields) return undefined;
  const message = stringProp(error, "message") ?? stringProp(error, "details") ?? "";
  // grpc-js writes "7 PERMISSION_DENIED: …" into the message already; google-gax's HTTP errors do not.
  const first = /^\d+ [A-Z_]+: /.test(message) ? message : `${code} ${status}: ${message}`;
  const details = stringProp(error, "details");
  const reason = stringProp(error, "reason");
  const domain = stringProp(error, "domain");
  const infoMetadata = prop(error, "errorInfoMetadata");
  const statusDetails = prop(error, "statusDetails");
  return {
    kind: "google-gax",
    lines: present(
      first,
      details && !message.includes(details) && `details: ${details}`,
      reason && `reason: ${reason}`,
      domain && `domain: ${domain}`,
      // The ErrorInfo as Google's JSON errors carry it, so the reason reads the same as in a REST body
      // (without "code": there it is the HTTP status, which a gRPC error does not have).
      reason && bodyText({ error: { status, message, details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason, ...(domain ? { domain } : {}), ...(infoMetadata && typeof infoMetadata === "object" ? { metadata: infoMetadata } : {}) }] } }),
      Array.isArray(statusDetails) && statusDetails.length > 0 && bodyText(statusDetails),
    ),
  };
}

/** @kubernetes/client-node: ApiException (code, body, headers) and the older HttpError (statusCode, body). */
function kubernetesShape(error: unknown): Shape | undefined {
  const body = prop(error, "body");
  const code = numberProp(error, "code");
  const name = stringProp(error, "name");
  if (code !== undefined && code >= 100 && body !== undefined && prop(error, "headers") !== undefined) {
    return { kind: "kubernetes", httpStatus: code, lines: present(`ApiException: HTTP ${code}`, bodyText(body)) };
  }
  const statusCode = numberProp(error, "statusCode");
  if (name === "HttpError" && statusCode !== undefined && body !== undefined) {
    return { kind: "kubernetes", httpStatus: statusCode, lines: present(headline(error), `HTTP ${statusCode}`, bodyText(body)) };
  }
  return undefined;
}

/**
 * gaxios and google-auth-library (and any error with a `response` of status and data): the status,
 * the request line, and the response data, often Google's JSON error body.
 */
function httpResponseShape(error: unknown): Shape | undefined {
  const response = prop(error, "response");
  const status = numberProp(response, "status") ?? numberProp(error, "status");
  if (!response || typeof response !== "object" || status === undefined) return undefined;
  const config = prop(error, "config") ?? prop(response, "config");
  const url = requestLine(prop(config, "method"), prop(config, "url"));
  const code = prop(error, "code");
  return {
    kind: "http-response",
    httpStatus: status,
    lines: present(headline(error), (typeof code === "string" || typeof code === "number") && code !== status && `code: ${code}`, `HTTP ${status}${url ? ` ${url}` : ""}`, bodyText(prop(response, "data"))),
  };
}

/** The recognisers, most specific first: an axios or AWS error also has the fields of the later ones. */
export const shapes: ReadonlyArray<(error: unknown) => Shape | undefined> = [axiosShape, awsShape, azureIdentityShape, azureRestShape, grpcShape, kubernetesShape, httpResponseShape, nativeAggregateShape];
