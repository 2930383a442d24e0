/**
 * The matcher page in a real browser: pasted secrets of many kinds never appear in the page's text,
 * its DOM (attributes included) or its recognised facts; a paste sent while the worker is still busy
 * supersedes the old one, so a slow paste never holds up the next (the replacing of a busy worker is
 * tested step by step in test/site/scripts/matcher/matcher-client.test.ts).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { paste, scopeErrorBody, unauthenticatedBody, useMatcherPage } from "../support/matcher-page.ts";
import { leaked, paste as generatedPaste, secretsByKind, type PlantedSecret } from "../support/secret-arbitraries.ts";

const matcher = useMatcherPage();

/** Everything the page shows or holds in its results: text, and the HTML with every attribute. */
async function shown(): Promise<string> {
  return matcher.page.locator("#matcher-results").evaluate((el) => `${el.textContent ?? ""}\n${el.innerHTML}`);
}

describe("secrets stay masked on the page", () => {
  const seed = 16;
  const one = (kind: keyof typeof secretsByKind): PlantedSecret => fc.sample(secretsByKind[kind], { numRuns: 1, seed })[0] as PlantedSecret;
  const kinds = ["url-password", "url-signature", "aws-session-token", "github-token", "bearer-token", "private-key", "azure-storage-key", "password"] as const;

  // Before: facts.urls carried whole URLs (the "What Faultline recognised" list), and these shapes were not found at all.
  test.each(kinds)("%s next to an error that matches, and next to one that does not", async (kind) => {
    const planted = one(kind);
    for (const error of [scopeErrorBody, "Error: something unrecognisable happened"]) {
      await paste(matcher.page, `${planted.line}\n${error}\ncurl https://svc-7f3k-uc.a.run.app/api?api_key=${planted.secret}&sig=${planted.secret}`);
      expect(leaked(await shown(), [planted]), `page after pasting ${JSON.stringify(planted.line)}`).toBeUndefined();
    }
  });

  test("generated pastes with secrets of every kind, some split by colour codes", async () => {
    for (const { text, secrets } of fc.sample(generatedPaste, { numRuns: 8, seed })) {
      await paste(matcher.page, text);
      expect(leaked(await shown(), secrets), `page after pasting ${JSON.stringify(text)}`).toBeUndefined();
    }
  });

  test("the recognised URLs are listed without their secrets", async () => {
    await paste(matcher.page, `Error: https://admin:p@ss/w0rd-x1@db.example.com/x?access_token=opaque-abc123&X-Amz-Signature=9f86d081884c7d65 failed`);
    const facts = await matcher.page.locator(".facts").first().textContent();
    expect(facts).toContain("https://db.example.com/x?access_token=[redacted]&X-Amz-Signature=[redacted]");
    expect(facts).not.toMatch(/w0rd|opaque-abc123|9f86d081/);
  });
});

describe("a paste sent while the worker is busy", () => {
  // Before: 512 KB of "eyJ-" kept the worker busy for 70 s, and the next paste waited as long.
  test("a normal paste after a hostile one renders promptly, and the hostile one never does", async () => {
    const hostile = "eyJ-".repeat(128 * 1024);
    await matcher.page.locator("#matcher-input").evaluate((el, value) => {
      (el as HTMLTextAreaElement).value = value;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, hostile);
    await matcher.page.waitForFunction(() => document.getElementById("matcher")?.dataset["state"] === "matching");
    const started = Date.now();
    await paste(matcher.page, unauthenticatedBody);
    expect(Date.now() - started, "the normal paste waited for the hostile one").toBeLessThan(10_000);
    expect(await matcher.page.locator("#matcher").getAttribute("data-rendered-length")).toBe(String(unauthenticatedBody.length));
    await matcher.page.waitForTimeout(500);
    expect(await matcher.page.locator("#matcher").getAttribute("data-rendered-length")).toBe(String(unauthenticatedBody.length));
  });
});
