/**
 * A small static file server for the built site (dist/), under its base path, with the site's
 * Content-Security-Policy. Used by `npm start` and by the browser tests; it only serves files.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { contentSecurityPolicy } from "./content-security-policy.ts";
import { contentTypeOf } from "./content-types.ts";

/** Where and what to serve. */
export interface StaticServerOptions {
  /** The built site's folder. */
  readonly root: string;
  /** The base path the site was built for ("/" or "/faultline/"). */
  readonly base: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

/** A running server. */
export interface RunningServer {
  /** The site's home page, base path included: http://127.0.0.1:PORT/faultline/. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** What a request path maps to. */
export type Resolution =
  | { readonly kind: "file"; readonly file: string }
  | { readonly kind: "redirect"; readonly location: string }
  | { readonly kind: "not-found" };

async function isFile(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isFile(), () => false);
}

async function isDirectory(file: string): Promise<boolean> {
  return stat(file).then((s) => s.isDirectory(), () => false);
}

/** Maps a decoded URL path to a file under root, a redirect, or nothing; never leaves root. */
export async function resolveRequestPath(root: string, base: string, pathname: string): Promise<Resolution> {
  if (`${pathname}/` === base) return { kind: "redirect", location: base };
  if (pathname === "/" && base !== "/") return { kind: "redirect", location: base };
  if (!pathname.startsWith(base) || pathname.includes("\0")) return { kind: "not-found" };
  const target = path.resolve(root, `.${path.posix.normalize(`/${pathname.slice(base.length)}`)}`);
  const inside = path.relative(root, target);
  if (inside.startsWith("..") || path.isAbsolute(inside)) return { kind: "not-found" };
  if (await isDirectory(target)) {
    if (!pathname.endsWith("/")) return { kind: "redirect", location: `${pathname}/` };
    const index = path.join(target, "index.html");
    return (await isFile(index)) ? { kind: "file", file: index } : { kind: "not-found" };
  }
  return (await isFile(target)) ? { kind: "file", file: target } : { kind: "not-found" };
}

function send(res: ServerResponse, status: number, file: string | undefined, method: string): void {
  res.statusCode = status;
  res.setHeader("Content-Security-Policy", contentSecurityPolicy);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cache-Control", "no-cache");
  if (!file) {
    res.setHeader("Content-Type", "text/plain; charset=utf-8");
    res.end(status === 404 ? "Not found\n" : "\n");
    return;
  }
  res.setHeader("Content-Type", contentTypeOf(file));
  if (method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

async function handle(root: string, base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    send(res, 405, undefined, method);
    return;
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    send(res, 400, undefined, method);
    return;
  }
  const resolution = await resolveRequestPath(root, base, pathname);
  if (resolution.kind === "file") return send(res, 200, resolution.file, method);
  if (resolution.kind === "redirect") {
    res.setHeader("Location", `${resolution.location}${url.search}`);
    return send(res, 301, undefined, method);
  }
  const notFound = path.join(root, "404.html");
  send(res, 404, (await isFile(notFound)) ? notFound : undefined, method);
}

/** Starts serving `root` under `base`; resolves once the server listens. */
export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? "127.0.0.1";
  const server = createServer((req, res) => {
    handle(root, options.base, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, undefined, req.method ?? "GET");
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" ? "localhost" : host;
      resolve({
        url: `http://${shownHost}:${port}${options.base}`,
        port,
        close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
      });
    });
  });
}
