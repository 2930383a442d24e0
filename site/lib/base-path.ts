/** The base path the site is served under, shared by the Astro config, the server and the tests. */

/** Turns FAULTLINE_BASE ("faultline", "/faultline", "/faultline/") into "/faultline/"; empty means "/". */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (!/^[A-Za-z0-9._~\-/]+$/.test(trimmed) || trimmed.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`FAULTLINE_BASE must be a plain URL path such as /faultline/, got ${JSON.stringify(raw)}`);
  }
  return `/${trimmed}/`;
}

/** Joins a base ("/faultline/") and a site path ("entries/x/" or "/entries/x/") into one URL path. */
export function joinBase(base: string, path: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}${path.replace(/^\/+/, "")}`;
}
