import fc from "fast-check";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { builtinKnowledge } from "../../engine/src/builtin.js";
import { compileBundle } from "../../engine/src/compile.js";
import { checkKnowledge } from "../../engine/src/check.js";
import { draftEntry } from "../../engine/src/draft.js";
import { parseEntry } from "../../engine/src/load.js";
import { match } from "../../engine/src/match.js";
import { findSecrets } from "../../engine/src/tokens.js";
import { leaked, paste as pasteWithSecrets } from "../support/secret-arbitraries.js";

// An error no entry explains (the first test proves it): a Gemini Code Assist call by a workforce
// pool user whose provider maps no groups, with the caller's access token on the curl line.
const accessToken = "ya29.a0AfB_byC3xQ9kLmN4pR7sT2vW8yZ1bD5fH6jK0nQ3rU9wX2zA4cE7gI1lO5";
const unknownPaste = `$ curl -s -H "Authorization: Bearer ${accessToken}" https://cloudaicompanion.googleapis.com/v1/projects/123456789012/locations/global/codeAssist:generate
{
  "error": {
    "code": 400,
    "message": "Workforce pool user is not allowed to access Gemini Code Assist for project 123456789012: the pool provider \\"corp-okta\\" lacks the attribute mapping google.groups",
    "status": "FAILED_PRECONDITION",
    "details": [
      {
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        "reason": "WORKFORCE_GROUPS_MAPPING_MISSING",
        "domain": "googleapis.com",
        "metadata": { "principal": "principal://iam.googleapis.com/locations/global/workforcePools/corp/subject/ana@example.com" }
      }
    ]
  }
}`;

const today = "2026-12-03";
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folderWith(file: string, markdown: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faultline-draft-"));
  dirs.push(dir);
  await writeFile(path.join(dir, file), markdown);
  return dir;
}

/** The draft with each section's prompt replaced by text, as an author completes it. */
const written = (markdown: string): string => markdown.replace(/<!-- TODO: [^\n]*-->/g, "Written by the author, with the cause, the fix and how to verify it.");

describe("draftEntry on a paste no entry explains", () => {
  test("the built-in knowledge matches nothing in the paste", async () => {
    expect((await match(await builtinKnowledge(), unknownPaste)).matches.map((m) => m.id)).toEqual([]);
  });

  test("proposes an id, the provider, the status, codes and reasons from the facts, and a trigger keyed on the reason and constant phrases", () => {
    const draft = draftEntry(unknownPaste, { today });
    expect(draft.id).toBe("gcp-workforce-groups-mapping-missing-draft");
    expect(draft.secretsMasked).toBe(1);
    expect(draft.markdown).toContain("\nprovider: gcp\n");
    expect(draft.markdown).toContain("\nhttp: [400]\n");
    expect(draft.markdown).toContain("\ncodes: [WORKFORCE_GROUPS_MAPPING_MISSING, FAILED_PRECONDITION]\n");
    expect(draft.markdown).toContain(`\nupdated: ${today}\n`);
    expect(draft.trigger).toEqual({
      all: [
        {
          any: [
            { fact: "reasons", operator: "contains", value: "WORKFORCE_GROUPS_MAPPING_MISSING" },
            { fact: "text", operator: "containsPhrase", value: ["allowed to access Gemini Code Assist for project", "lacks the attribute mapping", "the pool provider"] },
          ],
        },
        {
          any: [
            { fact: "httpStatus", operator: "equal", value: 400 },
            { fact: "status", operator: "equal", value: "FAILED_PRECONDITION" },
            { fact: "providers", operator: "contains", value: "gcp" },
          ],
        },
      ],
    });
  });

  test("the phrases leave out what varies between two pastes: ids, numbers, hosts, emails, quoted names", () => {
    const phrases = (draftEntry(unknownPaste, { today }).trigger as { all: Array<{ any: Array<{ operator: string; value: unknown }> }> }).all[0]?.any.find((c) => c.operator === "containsPhrase")?.value as string[];
    expect(phrases.length).toBeGreaterThan(0);
    for (const phrase of phrases) expect(phrase).not.toMatch(/\d|@|\/|\.|corp-okta|googleapis/);
  });

  test("the first example is the paste with its token masked", () => {
    const draft = draftEntry(unknownPaste, { today });
    expect(draft.redactedPaste).toBe(unknownPaste.replace(accessToken, "ya29.[redacted]"));
    expect(draft.markdown).toContain(`  - |-\n    ${draft.redactedPaste.split("\n").join("\n    ").replace(/\n {4}$/gm, "\n")}`);
  });

  test("check reports exactly the five unwritten sections, each with what to write", async () => {
    const draft = draftEntry(unknownPaste, { today });
    const dir = await folderWith(`${draft.id}.md`, draft.markdown);
    const { problems, entries } = await checkKnowledge(dir, { base: await builtinKnowledge() });
    expect(entries.map((e) => e.meta.id)).toEqual([draft.id]);
    expect(problems.map((p) => `${path.basename(p.file)}${p.format().slice(p.file.length)}`)).toEqual([
      `${draft.id}.md:75:1: body: section "Symptoms" is still the draft prompt (write what the reader sees, in the words of the error: the message, the status, the tool or call that printed it)`,
      `${draft.id}.md:79:1: body: section "Cause" is still the draft prompt (write the cause in one sentence, then the proof of it, and how to tell this error from its neighbours)`,
      `${draft.id}.md:83:1: body: section "Fix" is still the draft prompt (write commands that can be pasted, with UPPER_CASE placeholders, for each tool where they differ: gcloud, aws, az, kubectl, Terraform, the client library)`,
      `${draft.id}.md:87:1: body: section "Verify" is still the draft prompt (write the command that proves the fix worked, and what it prints then)`,
      `${draft.id}.md:91:1: body: section "Wrong fixes" is still the draft prompt (write the tempting fixes that do not work, and why each fails)`,
    ]);
  });

  test("once its sections are written, check passes and the draft ranks itself first on the paste", async () => {
    const draft = draftEntry(unknownPaste, { today });
    const dir = await folderWith(`${draft.id}.md`, written(draft.markdown));
    const { problems, bundle, examplesRun } = await checkKnowledge(dir, { base: await builtinKnowledge() });
    expect(problems.map((p) => p.format())).toEqual([]);
    expect(examplesRun).toBe(2);
    const report = await match(bundle, unknownPaste);
    expect(report.matches[0]?.id).toBe(draft.id);
    expect(report.matches[0]?.layer).toBe(dir);
  });

  test("options.id names the draft; an id that is not kebab-case is refused with the reason", () => {
    expect(draftEntry(unknownPaste, { id: "gcp-workforce-groups-unmapped", today }).markdown).toContain("\nid: gcp-workforce-groups-unmapped\n");
    expect(() => draftEntry(unknownPaste, { id: "Not An Id" })).toThrow('draft id "Not An Id" is not kebab-case (lowercase words joined by -, e.g. gcp-billing-disabled)');
  });
});

describe("sections still to write", () => {
  const entry = (cause: string) =>
    `---\nid: x-entry\ntitle: A title\nsummary: A summary long enough to say something.\nprovider: generic\nupdated: 2026-11-02\ntriggers: { fact: text, operator: containsPhrase, value: x }\nexamples: [a, b]\n---\n## Symptoms\n\nx\n\n## Cause\n\n${cause}\n\n## Fix\n\nx\n\n## Verify\n\nx\n\n## Wrong fixes\n\nx\n`;

  test.each([
    ["only its prompt", "<!-- TODO: write the cause -->", ['x-entry.md:14:1: body: section "Cause" is still the draft prompt (write the cause)']],
    ["text beside its prompt", "<!-- TODO: write the cause -->\n\nThe token was minted for another audience.", []],
    ["a comment that is not a prompt", "<!-- reviewed by the platform team -->", []],
  ])("a section holding %s", async (_what, cause, expected) => {
    const { entry: loaded, problems } = await parseEntry("x-entry.md", entry(cause));
    expect(problems.map((p) => p.format())).toEqual(expected);
    // Still loaded: its examples run while it is being written.
    expect(loaded?.meta.id).toBe("x-entry");
  });
});

describe("secrets never reach the draft", () => {
  const secrets = {
    token: "ghp_R8mVq2LxT7nB4cZ9wK3pY6sD1fH5jG0aE2uQ",
    awsSecretKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY",
    urlPassword: "Sup3r-S3cret-Pa55",
    jwt: "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2FjY291bnRzLmdvb2dsZS5jb20iLCJhdWQiOiJodHRwczovL2FwaS5leGFtcGxlLmNvbSIsImV4cCI6MTc2NDc1NTEyMn0.c2lnbmF0dXJlLXRoYXQtaXMtbm90LXJlYWwtYXQtYWxs",
  };
  const paste = [
    "deploy.sh: warehouse sync refused by the ledger gateway: tenant quarantine flag is set",
    `GITHUB_TOKEN=${secrets.token}`,
    `"SecretAccessKey": "${secrets.awsSecretKey}",`,
    `DATABASE_URL=postgres://ledger:${secrets.urlPassword}@db.internal:5432/ledger`,
    `Authorization: Bearer ${secrets.jwt}`,
  ].join("\n");

  test.each(Object.entries(secrets))("%s: not in the markdown, nor in the redacted paste or the trigger", (_kind, secret) => {
    const draft = draftEntry(paste, { today });
    expect(draft.markdown).not.toContain(secret);
    expect(draft.redactedPaste).not.toContain(secret);
    expect(JSON.stringify(draft.trigger)).not.toContain(secret);
  });

  test("the draft counts what it masked", () => {
    expect(draftEntry(paste, { today }).secretsMasked).toBe(findSecrets(paste).length);
    expect(findSecrets(paste).length).toBeGreaterThanOrEqual(4);
  });

  test("any paste with secrets planted in it: the draft shows none of them, nor any secret findSecrets finds in the paste", () => {
    fc.assert(
      fc.property(pasteWithSecrets, ({ text, secrets: planted }) => {
        const draft = draftEntry(text, { today });
        // Inside a JSON string, a newline or a colour code is escaped text (\n, \u001b): findSecrets then
        // misses or cuts some secrets there (a gap of the secret catalog, not of drafts), so planted
        // secrets are checked in the other shapes, and what findSecrets finds in all of them.
        if (!text.includes('{"request": {"headers": ')) expect(leaked(draft.markdown, planted)).toBeUndefined();
        // A secret cut short by such an escape can be one character, which any text holds.
        for (const secret of findSecrets(text).filter((s) => s.end - s.start >= 8)) expect(draft.markdown).not.toContain(text.slice(secret.start, secret.end));
      }),
      { numRuns: 150 },
    );
  });
});

describe("any paste", () => {
  test("gives a draft without throwing, whose front matter is a valid entry and whose only problems are its prompts", async () => {
    const pastes = fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "binary", maxLength: 200 }), fc.array(fc.constantFrom("403", "AccessDenied", "\n", " ", "\t", "\u001b[31m", "\"", "'", ":", "#", "---", "- ", "{", "}", "[", "]", "é", "\ud800", "permission denied for", "x"), { maxLength: 60 }).map((parts) => parts.join("")));
    await fc.assert(
      fc.asyncProperty(pastes, async (paste) => {
        const draft = draftEntry(paste, { today });
        const { entry, problems } = await parseEntry(`${draft.id}.md`, draft.markdown);
        expect(problems.filter((p) => !p.message.includes("still the draft prompt")).map((p) => p.format())).toEqual([]);
        if (draft.redactedPaste !== "") expect(entry?.meta.examples[0]).toBe(draft.redactedPaste);
      }),
      { numRuns: 150 },
    );
  });

  test("an error-like paste gives a draft whose trigger ranks it first on both its examples", async () => {
    const token = fc.constantFrom(
      "403", "Error 403:", "HTTP/1.1 401", "AccessDenied", "(ExpiredToken)", '"reason": "CONSUMER_INVALID"', "PERMISSION_DENIED", "status: UNAUTHENTICATED",
      "googleapis.com", "arn:aws:iam::123456789012:role/ci", "ana@example.com", "3f2b8c1e-9a4d-4e5f-8b6a-1c2d3e4f5a6b", "/var/run/secrets/token", "'my-bucket'",
      "2026-11-03T10:14:03Z", "10.0.0.7", "kubectl", "the", "caller", "lacks", "quarantine", "ledger", "broker", "refused", "tenant", "role", "token", "policy", "denied",
      "Zugriff", "verweigert", ":", ",", ".", '"', "{", "}", "\n", "  ",
    );
    const line = fc.array(token, { minLength: 1, maxLength: 14 }).map((parts) => parts.join(" "));
    const pastes = fc.array(line, { minLength: 1, maxLength: 6 }).map((lines) => lines.join("\n"));
    await fc.assert(
      fc.asyncProperty(pastes, async (paste) => {
        const draft = draftEntry(paste, { today });
        if (draft.markdown.includes("value: [\"TODO:") || draft.markdown.includes("- \"TODO:")) return;
        const { entry } = await parseEntry(`${draft.id}.md`, draft.markdown);
        expect(entry).toBeDefined();
        const bundle = compileBundle([entry!.meta]);
        for (const example of entry!.meta.examples) expect((await match(bundle, example)).matches[0]?.id).toBe(draft.id);
      }),
      // Found by this property: a log level word before the status ("ERROR 403") changed the facts.
      { numRuns: 120, examples: [['403 HTTP/1.1 401 "reason": "CONSUMER_INVALID"']] },
    );
  });

  test("a 512 KiB paste gives a draft whose example is cut to whole lines around the error", () => {
    const line = "2026-12-03T09:00:00Z sync worker heartbeat ok\n";
    const big = `${line.repeat(6000)}ERROR ledger gateway refused: tenant quarantine flag is set (code QuarantineActive)\n${line.repeat(6000)}`;
    const draft = draftEntry(big, { today });
    expect(draft.redactedPaste.length).toBeLessThanOrEqual(16 * 1024);
    expect(draft.redactedPaste).toContain("tenant quarantine flag is set");
  });
});
