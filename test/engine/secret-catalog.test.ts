import { describe, expect, test } from "vitest";
import { redact } from "../../engine/src/redact.js";
import { secretRules, tokenKindNames } from "../../engine/src/secret-catalog.js";
import { findSecrets, findWithRule } from "../../engine/src/tokens.js";

const rules = secretRules.map((rule, i) => [`${i} ${rule.kind} (${rule.needles[0]})`, rule] as const);

describe("the secret catalog", () => {
  test.each(rules)("rule %s finds its example, and the paste shown hides it", (_name, rule) => {
    const { text, secret } = rule.example;
    const at = text.indexOf(secret);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(findWithRule(rule, text).some((s) => s.start <= at && s.end >= at + secret.length)).toBe(true);
    expect(findSecrets(text).some((s) => s.kind === rule.kind && s.start <= at && s.end >= at + secret.length)).toBe(true);
    expect(redact(text)).not.toContain(secret);
  });

  // The structure that keeps each rule linear (see secret-catalog.ts): V8 tries a regex that starts
  // with a lookbehind or a class at every offset; one that starts with its needle, only at needles.
  test.each(rules)("rule %s starts with its needle and runs from needles only", (_name, rule) => {
    expect(rule.regex.flags).toMatch(/^d?g/);
    expect(rule.regex.flags).toContain("d");
    expect(rule.regex.source).not.toMatch(/^\(\?<[=!]|^\[|^\\[swdSWD]/);
    for (const needle of rule.needles) expect(needle).toBe(needle.toLowerCase());
    const { text, secret } = rule.example;
    rule.regex.lastIndex = 0;
    const m = rule.regex.exec(text);
    expect(m, "the regex matches its example").not.toBeNull();
    const start = (m as RegExpExecArray).index;
    expect(rule.needles.some((n) => text.toLowerCase().startsWith(n, start)), `a match starts with a needle (${secret})`).toBe(true);
  });

  test("every kind has a rule, and every rule's kind is in the catalog", () => {
    const ruled = new Set(secretRules.map((r) => r.kind));
    expect(tokenKindNames.filter((k) => !ruled.has(k))).toEqual([]);
    expect([...ruled].filter((k) => !tokenKindNames.includes(k))).toEqual([]);
  });

  test("the kinds triggers already use keep their names", () => {
    expect(tokenKindNames).toEqual(expect.arrayContaining([
      "google-access-token", "google-refresh-token", "google-api-key", "jwt", "aws-access-key-id", "aws-temporary-access-key-id",
      "aws-secret-access-key", "azure-client-secret", "private-key", "bearer-token", "url-password", "password",
    ]));
  });
});
