import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { extractFacts } from "../../engine/src/facts.js";
import { loadKnowledge } from "../../engine/src/load.js";
import { compileBundle } from "../../engine/src/compile.js";
import { match, maxInputLength } from "../../engine/src/match.js";
import { redact } from "../../engine/src/redact.js";
import { findSecrets } from "../../engine/src/tokens.js";

// Whatever people paste, extraction and matching return, never throw, and say the same thing twice.
const { entries } = await loadKnowledge("knowledge");
const bundle = compileBundle(entries.map((e) => e.meta));
const now = Date.UTC(2026, 10, 23);

const pieces = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.json({ maxDepth: 3 }),
  fc.constantFrom(
    "\u0000", "\r\n", "\u001b[31m", "\u001b[0m", "\u202e", "مرفوض: رمز الوصول منتهي الصلاحية", "権限がありません", "Отказано в доступе",
    '{"error":{"code":403,', '"status":"PERMISSION_DENIED"', "\\\"code\\\": 401", "eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.", "ya29.", "AKIA",
    "Bearer ", "https://u:p@", "(AccessDenied) when calling", "AADSTS7000215", "Error from server (Forbidden)", "-----BEGIN PRIVATE KEY-----",
  ),
);
const paste = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(""));

describe("hostile pastes", () => {
  test("extraction and redaction never throw and are deterministic", () => {
    fc.assert(
      fc.property(paste, (text) => {
        const a = extractFacts(text, { now });
        const b = extractFacts(text, { now });
        expect(a).toEqual(b);
        expect(a.facts.text).toHaveLength(text.length);
        expect(typeof redact(text)).toBe("string");
      }),
      { numRuns: 400 },
    );
  });

  test("matching never throws and ranks the same way twice", async () => {
    await fc.assert(
      fc.asyncProperty(paste, async (text) => {
        const a = await match(bundle, text, { now });
        const b = await match(bundle, text, { now });
        expect(a.matches).toEqual(b.matches);
        expect(a.near).toEqual(b.near);
        for (const m of a.matches) for (const r of m.why) for (const s of r.spans) expect(s.end).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 150 },
    );
  });

  test.each([
    ["ya29.abcdefghijk ", "google-access-token"],
    ["AKIAIOSFODNN7EXAMPLE ", "aws-access-key-id"],
    ["Bearer abcdefghijklmnopqrstu ", "bearer-token"],
  ])("half a megabyte of %j finds every token, once", (unit, kind) => {
    const count = Math.floor(maxInputLength / unit.length);
    const secrets = findSecrets(unit.repeat(count));
    expect(secrets).toHaveLength(count);
    expect(new Set(secrets.map((s) => s.kind))).toEqual(new Set([kind]));
  });

  test.each([
    ["a megabyte on one line", "x".repeat(1_000_000)],
    ["a megabyte of lines", "ERROR request failed\n".repeat(50_000)],
    ["repeated phrase prefixes", "insufficient authentication ".repeat(40_000)],
    ["unclosed JSON", `{"error":{"code":403,"message":"${"a".repeat(600_000)}`],
    ["a wall of JWT-like text", `eyJ${"A".repeat(300_000)}.eyJ${"B".repeat(300_000)}.`],
    ["NUL bytes and CRLF", "\u0000\r\n".repeat(300_000)],
  ])("%s is matched up to the limit and reported as truncated", async (_name, text) => {
    const report = await match(bundle, text, { now });
    expect(report.truncated).toBe(text.length > maxInputLength);
    expect(Array.isArray(report.matches)).toBe(true);
  });
});
