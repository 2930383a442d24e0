import { describe, expect, test } from "vitest";
import { segmentPaste } from "../../../../site/scripts/matcher/paste-segments.ts";

describe("segmentPaste", () => {
  test("marks the spans and keeps the rest as text", () => {
    expect(segmentPaste("403 PERMISSION_DENIED here", [{ start: 4, end: 21 }], [], [])).toEqual([
      { kind: "text", text: "403 " },
      { kind: "match", text: "PERMISSION_DENIED" },
      { kind: "text", text: " here" },
    ]);
  });

  test("merges overlapping and touching spans into one run", () => {
    expect(segmentPaste("abcdef", [{ start: 0, end: 3 }, { start: 2, end: 4 }, { start: 4, end: 5 }], [], [])).toEqual([
      { kind: "match", text: "abcde" },
      { kind: "text", text: "f" },
    ]);
  });

  test("replaces a secret by its mask, once, and never shows its text", () => {
    const text = "Bearer ya29.SECRETSECRETSECRET end";
    const segments = segmentPaste(text, [], [{ start: 7, end: 30 }], ["ya29.[redacted]"]);
    expect(segments).toEqual([
      { kind: "text", text: "Bearer " },
      { kind: "secret", text: "ya29.[redacted]", matched: false },
      { kind: "text", text: " end" },
    ]);
    expect(segments.map((s) => s.text).join("")).not.toContain("SECRET");
  });

  test("a span over part of a secret marks the mask, not the secret's text", () => {
    const segments = segmentPaste("xx eyJhbGciOi.eyJzdWIi.sig yy", [{ start: 0, end: 10 }], [{ start: 3, end: 26 }], ["eyJ[redacted]"]);
    expect(segments).toEqual([
      { kind: "match", text: "xx " },
      { kind: "secret", text: "eyJ[redacted]", matched: true },
      { kind: "text", text: " yy" },
    ]);
  });

  test("clamps spans that run past the text and drops empty ones", () => {
    expect(segmentPaste("abc", [{ start: 2, end: 99 }, { start: 1, end: 1 }], [], [])).toEqual([
      { kind: "text", text: "ab" },
      { kind: "match", text: "c" },
    ]);
  });

  test("empty text gives no segments", () => {
    expect(segmentPaste("", [], [], [])).toEqual([]);
  });
});
