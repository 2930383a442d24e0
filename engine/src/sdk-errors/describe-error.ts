/**
 * Turning what a program caught into the text the engine reads: the status line, codes and response
 * body of each SDK's errors (shapes.ts), a fetch Response's body, and every error of a `cause` chain
 * or an aggregate, in the order they were wrapped. No SDK is imported: shapes are recognised by their fields.
 */
import { diagnose, type DiagnoseOptions } from "../diagnose.js";
import { maxInputLength, type MatchReport } from "../match.js";
import { numberProp, prop, requestLine, stringProp } from "./property.js";
import { headline, shapes, type ErrorKind, type Shape } from "./shapes.js";

/** What `describeError` made of a caught value. */
export interface ErrorDescription {
  /** The text the engine reads: what a person would have pasted for this error. Secrets are not masked here; reports mask them. */
  readonly text: string;
  /** What each error described was recognised as, outermost first. */
  readonly kinds: readonly ErrorKind[];
  /** The first HTTP status found, outermost first. */
  readonly httpStatus?: number | undefined;
  /** True when the text reached `maxInputLength` and was cut. */
  readonly truncated: boolean;
}

/** How deep a `cause` chain (or aggregates inside aggregates) is followed. */
const maxDepth = 8;

function isResponse(value: unknown): value is Response {
  if (typeof Response !== "undefined" && value instanceof Response) return true;
  return typeof numberProp(value, "status") === "number" && typeof prop(value, "bodyUsed") === "boolean" && typeof prop(value, "clone") === "function" && prop(value, "headers") !== undefined;
}

/** At most `limit` characters of a body, read from a clone so the caller's Response stays unread. */
async function readBody(response: Response, limit: number): Promise<string | undefined> {
  if (response.bodyUsed) return "(the response body was already read)";
  try {
    const body = response.clone().body;
    if (!body) return undefined;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    // Not awaited: a branch of a teed body settles its cancel only when the caller's branch is done too.
    reader.cancel().catch(() => undefined);
    return text.slice(0, limit);
  } catch {
    return undefined;
  }
}

async function responseShape(response: Response, limit: number): Promise<Shape> {
  const status = response.status;
  const statusText = typeof response.statusText === "string" ? response.statusText : "";
  const url = requestLine(undefined, response.url);
  const lines = [`HTTP ${status}${statusText ? ` ${statusText}` : ""}${url ? ` ${url}` : ""}`];
  const wwwAuthenticate = response.headers?.get?.("www-authenticate");
  if (wwwAuthenticate) lines.push(`www-authenticate: ${wwwAuthenticate}`);
  const body = await readBody(response, limit);
  if (body) lines.push(body);
  return { kind: "fetch-response", httpStatus: status, lines };
}

function isErrorLike(value: unknown): boolean {
  return value instanceof Error || (typeof stringProp(value, "message") === "string" && typeof stringProp(value, "name") === "string");
}

function genericShape(value: unknown): Shape {
  if (isErrorLike(value)) {
    const code = prop(value, "code");
    const status = numberProp(value, "status") ?? numberProp(value, "statusCode");
    const extra = [(typeof code === "string" || typeof code === "number") && `code: ${code}`, status !== undefined && `HTTP ${status}`].filter((line): line is string => typeof line === "string");
    return { kind: "error", httpStatus: status, lines: [headline(value), ...extra] };
  }
  if (value !== null && typeof value === "object") {
    try {
      return { kind: "unknown", lines: [JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2) ?? String(value)] };
    } catch {
      // Circular or hostile: its own String() is all that is left.
    }
  }
  try {
    return { kind: "unknown", lines: [String(value)] };
  } catch {
    return { kind: "unknown", lines: ["(a value that cannot be turned into text)"] };
  }
}

/** Describes a caught value (an SDK error, a fetch Response, any Error with its causes, a string) as error text. */
export async function describeError(error: unknown): Promise<ErrorDescription> {
  const parts: string[] = [];
  const kinds: ErrorKind[] = [];
  const seen = new WeakSet<object>();
  let length = 0;
  let httpStatus: number | undefined;

  const visit = async (value: unknown, depth: number, prefix: string): Promise<void> => {
    if (length >= maxInputLength || depth > maxDepth) return;
    if (value !== null && typeof value === "object") {
      if (seen.has(value)) return;
      seen.add(value);
    }
    const shape: Shape =
      typeof value === "string" ? { kind: "string", lines: [value] }
      : isResponse(value) ? await responseShape(value, maxInputLength - length)
      : (shapes.map((recognise) => recognise(value)).find((found) => found !== undefined) ?? genericShape(value));
    kinds.push(shape.kind);
    httpStatus ??= shape.httpStatus;
    const text = `${prefix}${shape.lines.join("\n")}`;
    parts.push(text);
    length += text.length + 1;
    for (const inner of shape.inner ?? []) await visit(inner, depth + 1, "");
    // A cause that is an error (or a message) was wrapped by this one; gaxios's cause is its own parsed body.
    const cause = prop(value, "cause");
    if (typeof cause === "string" || isErrorLike(cause)) await visit(cause, depth + 1, "Caused by: ");
  };

  await visit(error, 0, "");
  const joined = parts.join("\n");
  const truncated = joined.length > maxInputLength;
  return { text: truncated ? joined.slice(0, maxInputLength) : joined, kinds, httpStatus, truncated };
}

/** Explains a caught error with the built-in knowledge (or `options.bundle`): `diagnose` of its described text. */
export async function diagnoseError(error: unknown, options: DiagnoseOptions = {}): Promise<MatchReport> {
  const described = await describeError(error);
  const report = await diagnose(described.text, options);
  return described.truncated ? { ...report, truncated: true } : report;
}
