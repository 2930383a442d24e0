/**
 * "Write the entry for this error" in a real browser, on the built site: a cloud auth error that no
 * entry explains offers a draft; the draft is made in the worker from the redacted paste (its
 * secrets absent, their masks present), says so before anything else, downloads as ID.md, links to
 * GitHub's new-file editor of the configured repository with exactly the text shown, and not one
 * request leaves the page.
 */
import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { repoBranch, repoUrl } from "../../site/lib/repo-links.ts";
import { paste, scopeErrorBody, useMatcherPage } from "../support/matcher-page.ts";
import { leaked, paste as generatedPaste } from "../support/secret-arbitraries.ts";

const googleToken = "ya29.a0AfH6SMBxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
const awsSecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzq9Xw2Lk4T";
/** A cloud auth error no entry explains, with a Google access token and an AWS secret key in it. */
const unknownError = [
  "ERROR: (gcloud.widgets.frobnicate) WIDGET_TOKEN_REFUSED: the widget broker refused the caller's credential for project demo-shop-7f3k",
  `Authorization: Bearer ${googleToken}`,
  `aws_secret_access_key = ${awsSecretKey}`,
].join("\n");

const matcher = useMatcherPage();

/** Clicks the draft control and waits for the review panel of this paste. */
async function openDraft(): Promise<void> {
  const before = Number((await matcher.page.locator("#matcher").getAttribute("data-drafts")) ?? 0);
  await matcher.page.locator("[data-draft-action]").click();
  await matcher.page.waitForFunction((count) => Number(document.getElementById("matcher")?.dataset["drafts"] ?? 0) > count, before, { timeout: 30_000 });
}

describe("a paste that matches nothing", () => {
  let draftText: string;
  let id: string;
  let requestsBefore: number;

  beforeAll(async () => {
    await paste(matcher.page, unknownError);
    requestsBefore = matcher.log.requests.length;
  });

  test("offers to write the entry, clearly, where it says nothing matched", async () => {
    expect(await matcher.page.locator(".no-match h2").textContent()).toBe("No entry matches this error");
    const action = matcher.page.locator(".no-match [data-draft-action]");
    expect(await action.textContent()).toBe("Write the entry for this error");
    expect(await action.evaluate((el) => el.tagName)).toBe("BUTTON");
  });

  test("the draft is made from the redacted paste, and the panel says so before anything else", async () => {
    await openDraft();
    const panel = matcher.page.locator(".draft-panel");
    id = (await panel.getAttribute("data-draft-id")) ?? "";
    expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const first = await panel.evaluate((el) => el.querySelector("h2")?.nextElementSibling?.textContent ?? "");
    expect(first).toBe(
      "Your paste was redacted first: 2 secrets masked. Review the draft before you share it. Faultline sends nothing: the GitHub link only opens GitHub with the text you see here, when you click it.",
    );
    draftText = await matcher.page.locator("#draft-text").inputValue();
    expect(await matcher.page.locator("#draft-text").getAttribute("readonly")).not.toBeNull();
    expect(draftText).toMatch(new RegExp(`^---\\n(?:.*\\n)*?id: ${id}\\n`));
    expect(draftText).toContain("WIDGET_TOKEN_REFUSED");
    for (const section of ["Symptoms", "Cause", "Fix", "Verify", "Wrong fixes"]) expect(draftText).toContain(`\n## ${section}\n`);
    for (const secret of [googleToken, awsSecretKey, "a0AfH6SMB", "K7MDENG"]) expect(draftText).not.toContain(secret);
    expect(draftText).toContain("ya29.[redacted]");
    expect(draftText).toContain("aws_secret_access_key = [redacted]");
    expect(await matcher.page.evaluate(() => document.activeElement?.id)).toBe("draft-title");
  });

  test("the download is ID.md with exactly the draft shown", async () => {
    const link = matcher.page.locator("[data-draft-download]");
    expect(await link.getAttribute("download")).toBe(`${id}.md`);
    expect(await link.textContent()).toBe(`Download ${id}.md`);
    expect(await link.getAttribute("href")).toMatch(/^blob:/);
    const [download] = await Promise.all([matcher.page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe(`${id}.md`);
    const file = await download.path();
    expect(await readFile(file, "utf8")).toBe(draftText);
  });

  test("the GitHub link opens a new knowledge/ID.md in the configured repository with the draft as its content", async () => {
    const href = (await matcher.page.locator("[data-draft-editor]").getAttribute("href")) ?? "";
    const url = new URL(href);
    expect(`${url.origin}${url.pathname}`).toBe(`${repoUrl}/new/${repoBranch}/knowledge`);
    expect(url.searchParams.get("filename")).toBe(`${id}.md`);
    expect(url.searchParams.get("value")).toBe(draftText);
    expect(href.length).toBeLessThanOrEqual(8000);
    expect(await matcher.page.locator("[data-draft-editor]").getAttribute("rel")).toContain("noopener");
  });

  test("nothing in the page holds the secrets", async () => {
    const everything = await matcher.page.locator("#matcher-results").evaluate((el) => `${el.textContent ?? ""}\n${el.innerHTML}`);
    for (const secret of [googleToken, awsSecretKey]) expect(everything).not.toContain(secret);
  });

  test("no request left the page: everything since the paste went to the local server", async () => {
    const origin = new URL(matcher.site.home).origin;
    const since = matcher.log.requests.slice(requestsBefore);
    expect(since.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("blob:"))).toEqual([]);
    expect(matcher.log.foreign).toEqual([]);
  });
});

describe("a paste that matches", () => {
  test("a quiet offer under the result drafts an entry too", async () => {
    await paste(matcher.page, scopeErrorBody);
    expect(await matcher.page.locator(".best-match").count()).toBe(1);
    const offer = matcher.page.locator(".draft-offer .link-button[data-draft-action]");
    expect(await offer.textContent()).toBe("Write the entry for this error");
    await openDraft();
    expect(await matcher.page.locator("#draft-text").inputValue()).toContain("ACCESS_TOKEN_SCOPE_INSUFFICIENT");
    expect(await matcher.page.locator(".draft-privacy").textContent()).toContain("no secret found to mask");
  });

  test("a new paste replaces the draft with its own results", async () => {
    await paste(matcher.page, unknownError);
    expect(await matcher.page.locator(".draft-panel").count()).toBe(0);
  });
});

describe("secrets never reach a draft", () => {
  test("generated pastes with secrets of every kind: not in the draft, nor in its link", async () => {
    for (const { text, secrets } of fc.sample(generatedPaste, { numRuns: 6, seed: 23 })) {
      await paste(matcher.page, text);
      await openDraft();
      const draft = await matcher.page.locator("#draft-text").inputValue();
      const link = (await matcher.page.locator("[data-draft-editor]").getAttribute("href")) ?? "";
      expect(leaked(draft, secrets), `draft of ${JSON.stringify(text)}`).toBeUndefined();
      expect(leaked(decodeURIComponent(link), secrets), `link of ${JSON.stringify(text)}`).toBeUndefined();
    }
  });
});

describe("a draft too long for a link", () => {
  test("says so and offers the download and the copy only", async () => {
    const longError = `${unknownError}\n${Array.from({ length: 120 }, (_, i) => `  at com.example.widgets.Broker.refuse(Broker.java:${100 + i}) caused by WIDGET_TOKEN_REFUSED step ${i}`).join("\n")}`;
    await paste(matcher.page, longError);
    await openDraft();
    expect(await matcher.page.locator("[data-draft-editor]").count()).toBe(0);
    expect(await matcher.page.locator("[data-draft-too-long]").textContent()).toMatch(/^This draft is too long to open in GitHub's editor by a link \(\d+\.\d KB as a link, about 7\.8 KB fit\)/);
    expect(await matcher.page.locator("[data-draft-download]").count()).toBe(1);
    expect(await matcher.page.locator("[data-draft-copy]").count()).toBe(1);
  });

  test("the copy button copies the draft", async () => {
    await matcher.page.locator("[data-draft-copy]").click();
    await matcher.page.waitForFunction(() => document.querySelector("[data-draft-copy]")?.textContent === "Copied");
    expect(await matcher.page.evaluate(() => navigator.clipboard.readText())).toBe(await matcher.page.locator("#draft-text").inputValue());
  });
});
