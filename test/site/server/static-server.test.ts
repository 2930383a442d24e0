import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contentSecurityPolicy } from "../../../site/server/content-security-policy.ts";
import { resolveRequestPath, startStaticServer, type RunningServer } from "../../../site/server/static-server.ts";

let root: string;
let server: RunningServer;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "faultline-static-"));
  await mkdir(path.join(root, "entries", "x"), { recursive: true });
  await writeFile(path.join(root, "index.html"), "<h1>home</h1>");
  await writeFile(path.join(root, "404.html"), "<h1>not found</h1>");
  await writeFile(path.join(root, "entries", "x", "index.html"), "<h1>x</h1>");
  await writeFile(path.join(root, "faultline-bundle.json"), "{}");
  server = await startStaticServer({ root, base: "/faultline/", port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe("resolveRequestPath", () => {
  test.each([
    ["/faultline/", { kind: "file", file: "index.html" }],
    ["/faultline/entries/x/", { kind: "file", file: "entries/x/index.html" }],
    ["/faultline/entries/x", { kind: "redirect", location: "/faultline/entries/x/" }],
    ["/faultline", { kind: "redirect", location: "/faultline/" }],
    ["/", { kind: "redirect", location: "/faultline/" }],
    ["/entries/x/", { kind: "not-found" }],
    ["/faultline/../../etc/passwd", { kind: "not-found" }],
    ["/faultline/missing", { kind: "not-found" }],
  ])("%s", async (pathname, expected) => {
    const resolved = await resolveRequestPath(root, "/faultline/", pathname);
    expect(resolved.kind === "file" ? { kind: "file", file: path.relative(root, resolved.file) } : resolved).toEqual(expected);
  });
});

describe("startStaticServer", () => {
  test("prints the URL with the base path and serves files with types and the CSP", async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+\/faultline\/$/);
    const response = await fetch(new URL("faultline-bundle.json", server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(contentSecurityPolicy);
  });

  test("answers unknown paths with the site's 404 page", async () => {
    const response = await fetch(new URL("nope/", server.url));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("not found");
  });

  test("refuses to write", async () => {
    const response = await fetch(server.url, { method: "POST" });
    expect(response.status).toBe(405);
  });
});
