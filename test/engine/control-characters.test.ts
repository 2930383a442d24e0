import { describe, expect, test } from "vitest";
import { normaliseText, withoutControls } from "../../engine/src/control-characters.js";

describe("normaliseText", () => {
  test.each([
    ["a colour", "a\u001b[31mb", "a     b"],
    ["an OSC title ended by BEL", "x\u001b]0;title\u0007y", `x${" ".repeat(10)}y`],
    ["an OSC ended by ST", "x\u001b]8;;u\u001b\\y", `x${" ".repeat(8)}y`],
    ["CR, NUL and DEL", "a\r\u0000\u007fb", "a   b"],
    ["a C1 control", "a\u009bb", "a b"],
    ["tab and newline stay", "a\tb\nc", "a\tb\nc"],
    ["a lone surrogate stays as it is", "\ud800\u001bx", "\ud800 x"],
  ])("%s", (_name, raw, expected) => {
    expect(normaliseText(raw)).toBe(expected);
    expect(normaliseText(raw)).toHaveLength(raw.length);
  });
});

describe("withoutControls", () => {
  test("removes sequences and maps each kept character back to where it was", () => {
    const raw = "ya29.ab\u001b[32mcd\u0000e";
    const visible = withoutControls(raw);
    expect(visible?.text).toBe("ya29.abcde");
    expect([...(visible?.offsets ?? [])].map((i) => raw[i]).join("")).toBe("ya29.abcde");
  });

  test("is undefined for text without control characters", () => {
    expect(withoutControls("plain\ttext\n")).toBeUndefined();
  });
});
