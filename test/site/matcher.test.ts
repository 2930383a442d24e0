/**
 * The matcher in a real browser, on the built site: pasted errors find their entry with the
 * evidence highlighted, tokens are explained and masked, nothing is sent anywhere, and hostile
 * text stays text.
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkKnowledge } from "../../engine/src/index.ts";
import { builtBundle, hasEntry, siteBase } from "../support/built-site.ts";
import { highlights, paste, scopeErrorBody, unauthenticatedBody, useMatcherPage } from "../support/matcher-page.ts";

const matcher = useMatcherPage();

function requireEntry(id: string): void {
  if (!hasEntry(id)) throw new Error(`the built site has no entry "${id}" yet; this test passes once knowledge/${id}.md lands`);
}

async function bestMatchId(): Promise<string | null> {
  return matcher.page.evaluate(() => document.querySelector<HTMLElement>(".best-match")?.dataset["entryId"] ?? null);
}

describe("seed errors", () => {
  test.each([
    ["the 403 insufficient-scopes body", scopeErrorBody, "gcp-oauth-scope-insufficient", "ACCESS_TOKEN_SCOPE_INSUFFICIENT"],
    ["the 401 UNAUTHENTICATED body", unauthenticatedBody, "gcp-unauthenticated", "UNAUTHENTICATED"],
  ])("%s shows %s with the evidence highlighted", async (_name, text, id, evidence) => {
    requireEntry(id);
    await paste(matcher.page, text);
    expect(await bestMatchId(), `best match of this seed error (knowledge/${id}.md must recognise it)`).toBe(id);
    const link = matcher.page.locator(".best-match h2 a");
    expect(await link.getAttribute("href")).toBe(`${siteBase}entries/${id}/`);
    expect(await matcher.page.locator(".best-match .confidence").textContent()).toMatch(/^\d{1,3}% confidence$/);
    expect((await highlights(matcher.page)).join(" ")).toContain(evidence);
    expect(await matcher.page.locator("#matcher-status").textContent()).toContain("Best match:");
  });

  test("every entry's first example ranks that entry first in the browser too", async () => {
    const { entries } = await checkKnowledge(path.resolve("knowledge"), { examples: false });
    const built = new Set(builtBundle().entries.map((e) => e.id));
    const wrong: string[] = [];
    for (const entry of entries.filter((e) => built.has(e.meta.id))) {
      const example = entry.meta.examples[0] ?? "";
      await paste(matcher.page, example);
      const best = await bestMatchId();
      const marks = await highlights(matcher.page);
      if (best !== entry.meta.id || marks.length === 0) wrong.push(`${entry.meta.id}: best ${best ?? "none"}, ${marks.length} highlights`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("tokens", () => {
  const now = Math.floor(Date.now() / 1000);
  const base64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const signature = "c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LWZhdWx0bGluZQ";
  const jwt = [
    base64url({ alg: "RS256", kid: "test-key", typ: "JWT" }),
    base64url({ iss: "https://accounts.google.com", aud: "https://orders-7f3k2a-uc.a.run.app/api/orders", email: "caller@demo-shop.iam.gserviceaccount.com", sub: "104211980123456789012", iat: now - 60, exp: now + 3540 }),
    signature,
  ].join(".");
  const cloudRunCall = [
    `$ curl -i -H "Authorization: Bearer ${jwt}" https://orders-7f3k2a-uc.a.run.app/api/orders`,
    "HTTP/2 401",
    'www-authenticate: Bearer error="invalid_token" error_description="The access token could not be verified"',
    "",
    "Your client does not have permission to the requested URL /api/orders.",
  ].join("\n");

  test("a Cloud Run call with an ID token whose audience has a path warns about the audience", async () => {
    await paste(matcher.page, cloudRunCall);
    const panel = matcher.page.locator(".token-panel");
    await panel.waitFor();
    expect(await panel.locator(".token-card h3").first().textContent()).toBe("Google ID token (JWT)");
    const claims = await panel.locator(".claims").first().textContent();
    expect(claims).toContain("https://orders-7f3k2a-uc.a.run.app/api/orders");
    expect(claims).toContain("caller@demo-shop.iam.gserviceaccount.com");
    expect(claims).toContain("https://accounts.google.com");
    const warning = panel.locator('[data-warning="audience-path"]');
    expect(await warning.textContent()).toContain("has a path");
    expect(await warning.textContent()).toContain("https://orders-7f3k2a-uc.a.run.app");
    expect(await panel.locator('[data-warning="expired"]').count()).toBe(0);
  });

  test("the token is masked everywhere the page shows it", async () => {
    await paste(matcher.page, cloudRunCall);
    const shown = await matcher.page.locator("#matcher-results").evaluate((el) => el.textContent ?? "");
    expect(shown).not.toContain(signature);
    expect(shown).not.toContain(jwt.split(".")[1]);
    expect(await matcher.page.locator(".token-card .secret-mask").first().textContent()).toBe("eyJ[redacted]");
    if ((await matcher.page.locator(".best-match").count()) > 0) {
      expect(await matcher.page.locator(".best-match .paste-view .secret-mask").first().textContent()).toBe("eyJ[redacted]");
    }
  });

  test("an expired token says so", async () => {
    const expired = [base64url({ alg: "RS256", typ: "JWT" }), base64url({ iss: "https://accounts.google.com", aud: "https://orders-7f3k2a-uc.a.run.app", exp: now - 7200, iat: now - 10800 }), signature].join(".");
    await paste(matcher.page, `curl -H "Authorization: Bearer ${expired}" https://orders-7f3k2a-uc.a.run.app/\nHTTP/2 401`);
    expect(await matcher.page.locator('.token-panel [data-warning="expired"]').textContent()).toContain("has expired");
  });
});

describe("privacy", () => {
  test("the bundle is fetched once, and pasting makes no request at all", async () => {
    const bundleRequests = matcher.log.requests.filter((url) => url.endsWith("/faultline-bundle.json"));
    expect(bundleRequests).toHaveLength(1);
    const before = matcher.log.requests.length;
    await paste(matcher.page, scopeErrorBody);
    await paste(matcher.page, `${unauthenticatedBody}\nAuthorization: Bearer ya29.a0AfB_byC-not-a-real-token-0123456789`);
    await matcher.page.waitForTimeout(500);
    expect(matcher.log.requests.slice(before)).toEqual([]);
    // The chunk of exhaustive matching (json-rules-engine) is built but never fetched: the page's budget leaves it out.
    expect(matcher.log.requests.filter((url) => /reference-run/.test(url))).toEqual([]);
  });

  test("the page says that nothing leaves the browser", async () => {
    expect(await matcher.page.locator("#matcher-privacy").textContent()).toContain("Nothing you paste leaves your browser");
  });
});

describe("hostile pastes stay text", () => {
  const payloads = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(2)">',
    '<a href="javascript:alert(3)">click</a> [link](javascript:alert(4))',
    "**bold** _em_ <b>bold</b> # Heading\n\n```js\nalert(5)\n```",
    '"><svg onload=alert(6)>',
  ];

  test.each(payloads)("%s", async (payload) => {
    // Inside a real error, so it is highlighted and rendered in the paste view; and on its own.
    for (const text of [scopeErrorBody.replace("Request had insufficient authentication scopes.", `Request had insufficient authentication scopes. ${payload}`), payload]) {
      await paste(matcher.page, text);
      const results = matcher.page.locator("#matcher-results");
      expect(await results.locator("script, img, svg, iframe, object, embed, b, strong, em, h1").count()).toBe(0);
      expect(await results.locator('a[href^="javascript:"]').count()).toBe(0);
      const hrefs = await results.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      for (const href of hrefs) expect(href.startsWith(siteBase)).toBe(true);
      if ((await matcher.page.locator(".best-match").count()) > 0) {
        expect(await matcher.page.locator(".best-match .paste-view").textContent()).toBe(text);
      }
    }
    expect(matcher.log.dialogs).toEqual([]);
  });
});

describe("no match", () => {
  test("says so plainly, shows what was recognised and suggests a search for the code", async () => {
    await paste(matcher.page, "botocore.exceptions.ClientError: An error occurred (ThrottlingException) when calling the DescribeTable operation (reached max retries: 4): Rate exceeded");
    expect(await matcher.page.locator(".no-match h2").textContent()).toBe("No entry matches this error");
    expect(await matcher.page.locator(".no-match .facts").textContent()).toContain("ThrottlingException");
    const suggestion = matcher.page.locator(".no-match a[data-search-term]");
    expect(await suggestion.getAttribute("href")).toBe(`${siteBase}search/?q=ThrottlingException`);
  });

  test("text with nothing recognisable says that too", async () => {
    await paste(matcher.page, "it does not work");
    expect(await matcher.page.locator(".no-match").textContent()).toContain("Nothing recognisable");
  });
});

test("a paste larger than the engine's limit gets a clear notice", async () => {
  const line = `${unauthenticatedBody}\n`;
  const big = line.repeat(Math.ceil((512 * 1024 + 4096) / line.length));
  await paste(matcher.page, big);
  const notice = matcher.page.locator('[data-notice="truncated"]');
  expect(await notice.textContent()).toContain("only its first 512 KB were matched");
});
