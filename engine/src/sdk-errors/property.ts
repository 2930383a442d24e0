/**
 * Reading what a caught error carries without trusting it: a getter may throw, a body may be circular
 * or hold a BigInt, a field may be anything. Every read here returns undefined rather than throwing.
 */

/** A property of an unknown value, or undefined when it is not an object or the read throws. */
export function prop(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return undefined;
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** A property that is a non-empty string. */
export function stringProp(value: unknown, key: string): string | undefined {
  const found = prop(value, key);
  return typeof found === "string" && found !== "" ? found : undefined;
}

/** A property that is a finite number. */
export function numberProp(value: unknown, key: string): number | undefined {
  const found = prop(value, key);
  return typeof found === "number" && Number.isFinite(found) ? found : undefined;
}

/** A response body as the engine reads it: strings as they are, anything else as indented JSON. */
export function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  try {
    const json = JSON.stringify(body, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2);
    return json === undefined || json === "{}" ? undefined : json;
  } catch {
    return undefined;
  }
}

/** "GET https://…": the request line of an error, from a method and a URL when it has them. */
export function requestLine(method: unknown, url: unknown): string | undefined {
  const href = typeof url === "string" ? url : url instanceof URL ? url.href : undefined;
  if (!href) return undefined;
  return typeof method === "string" && method !== "" ? `${method.toUpperCase()} ${href}` : href;
}
