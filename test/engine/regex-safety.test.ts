import { describe, expect, test } from "vitest";
import { describeRegexSyntax, proveLinear } from "../../engine/src/regex-safety.js";

describe("proveLinear", () => {
  test.each([
    ["(a+)+$", "exponential"],
    ["^(a|a)*$", "exponential"],
    ["a.*b.*c", "3rd degree polynomial"],
    ["caller does not have[\\s\\S]*?permission", "2nd degree polynomial"],
  ])("rejects /%s/ as %s, with a paste that shows it", async (source, growth) => {
    const risk = await proveLinear(source);
    expect(risk?.message).toContain(`can backtrack in ${growth} time`);
    expect(risk?.message).toMatch(/a paste like '.+ stalls the matcher$/);
    expect(risk?.hint).toContain("bound the repeats");
  });

  test.each([
    "insufficient_scope[^\\n]{0,300}googleapis\\.com",
    "(?:getSignedUrl|signUrl)[\\s\\S]{0,600}caller does not have",
    "^https?://(?![^/\\s]{0,200}\\.run\\.app)",
    "^Microsoft\\.[A-Za-z]+/",
    "^(AccessDenied|AccessDeniedException)$",
  ])("proves /%s/ linear: bounded gaps count as constants", async (source) => {
    expect(await proveLinear(source)).toBeUndefined();
  });
});

describe("describeRegexSyntax", () => {
  test.each([
    ["(\\w+) \\1", "a backreference (\\1)"],
    ["(?<word>\\w+) \\k<word>", "a named backreference"],
    ["(?<=token=)\\w+", "a lookbehind"],
    ["(?<!no )access", "a lookbehind"],
  ])("refuses /%s/: %s", (source, feature) => {
    expect(describeRegexSyntax(source)).toContain(`uses ${feature}`);
  });

  test("accepts escapes and brackets that only look like those features", () => {
    expect(describeRegexSyntax("[\\1(?<=]x\\\\1")).toBeUndefined();
    expect(describeRegexSyntax("(?<name>a)b")).toBeUndefined();
  });

  test("names the compile error of an invalid regex", () => {
    expect(describeRegexSyntax("teapot (refused")).toBe("invalid regular expression /teapot (refused/: Unterminated group");
  });
});
