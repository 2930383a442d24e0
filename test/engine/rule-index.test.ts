import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldLiteral, LiteralMatcher } from "../../engine/src/aho-corasick.js";
import { bundleFormat, type Bundle } from "../../engine/src/bundle.js";
import { match } from "../../engine/src/match.js";
import { extractFacts } from "../../engine/src/facts.js";
import { containsPhrase, textOperatorsFor } from "../../engine/src/operators.js";
import { buildRuleIndex, candidates, gateOf, groupLiterals, literalUnion, phraseAbsence, presentKeys, requiredLiteral, scanLiterals } from "../../engine/src/rule-index.js";
import type { Condition } from "../../engine/src/schema.js";

const phrases = ["access denied", "insufficient authentication scopes", "token has expired", "permission", "quota exceeded", "not found", "denied"];
const reasons = ["SERVICE_DISABLED", "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "IAM_PERMISSION_DENIED"];
const codes = ["AccessDenied", "ExpiredToken", "AADSTS7000215", "invalid_grant"];
const statuses = [401, 403, 404, 429];

const leaf: fc.Arbitrary<Condition> = fc.oneof(
  fc.constantFrom(...phrases).map((value) => ({ fact: "text", operator: "containsPhrase", value }) as Condition),
  fc.subarray(phrases, { minLength: 1, maxLength: 3 }).map((value) => ({ fact: "text", operator: "containsPhrase", value }) as Condition),
  fc.constantFrom(...reasons).map((value) => ({ fact: "reasons", operator: "contains", value }) as Condition),
  fc.constantFrom(...codes).map((value) => ({ fact: "codes", operator: "contains", value }) as Condition),
  fc.constantFrom(...statuses).map((value) => ({ fact: "httpStatus", operator: "equal", value }) as Condition),
  fc.subarray(statuses, { minLength: 1 }).map((value) => ({ fact: "httpStatus", operator: "in", value }) as Condition),
  fc.constantFrom("PERMISSION_DENIED", "UNAUTHENTICATED").map((value) => ({ fact: "status", operator: "equal", value }) as Condition),
  fc.constantFrom("gcp", "aws").map((value) => ({ fact: "providers", operator: "contains", value }) as Condition),
  fc.constantFrom("expired\\s+token", "denied\\b").map((value) => ({ fact: "text", operator: "matchesRegex", value }) as Condition),
  fc.boolean().map((value) => ({ fact: "jwtExpired", operator: "equal", value }) as Condition),
  fc.constantFrom("^(AccessDenied|ExpiredToken)(?:Exception)?$", "^(?:SERVICE_DISABLED|iam_permission_denied)$", "Denied").map(
    (value) => ({ fact: "codes", operator: "matchesRegex", value }) as Condition,
  ),
  fc.constantFrom("^(?:service_disabled|ACCESS_TOKEN_SCOPE_INSUFFICIENT)$").map((value) => ({ fact: "reasons", operator: "matchesRegex", value }) as Condition),
  fc.constantFrom("(?:token has|was) expired", "access denied|quota exceeded", "insufficient\\s+authentication", "requires [a-z]{1,40}\\.get").map(
    (value) => ({ fact: "text", operator: "matchesRegex", value }) as Condition,
  ),
  // Null stands for a fact the paste lacks: `in [null, 403]` holds with no status at all.
  fc.constantFrom<Condition>(
    { fact: "httpStatus", operator: "in", value: [null, 403] },
    { fact: "status", operator: "equal", value: null },
    { fact: "jwtExpired", operator: "in", value: [null, true] },
  ),
  // Leaves the index cannot key: it must still evaluate them, or know them some other way.
  fc.constantFrom<Condition>(
    { fact: "urls", operator: "matchesRegex", value: "^https://[a-z.]+\\.googleapis\\.com" },
    { fact: "permissions", operator: "matchesRegex", value: "^[a-z]+\\.[a-z]+\\.get$" },
    { fact: "reasons", operator: "containsPhrase", value: "disabled" },
    { fact: "codes", operator: "notIn", value: ["AccessDenied"] },
    { fact: "httpStatus", operator: "greaterThanInclusive", value: 400 },
    { fact: "jwt", operator: "matchesRegex", value: "^https://", path: "$.aud" },
    { fact: "text", operator: "contains", value: "denied" },
  ),
);

const condition: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie("node"), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie("node").map((not) => ({ not })),
  ),
})).node;

const bundleArb: fc.Arbitrary<Bundle> = fc.array(condition, { minLength: 1, maxLength: 12 }).map((triggers) => ({
  format: bundleFormat,
  entries: triggers.map((t, i) => ({
    id: `entry-${i}`, title: `Entry ${i}`, summary: "generated", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-11-23",
    triggers: t,
  })),
}));

const spaced = (phrase: string) =>
  fc.array(fc.constantFrom(" ", "  ", "\n", "\\n", "\t"), { minLength: phrase.split(" ").length, maxLength: phrase.split(" ").length }).map((gaps) =>
    phrase.split(" ").map((w, i) => (i === 0 ? w : `${gaps[i - 1]}${w}`)).join(""),
  );
const fragment = fc.oneof(
  fc.constantFrom(...phrases).chain(spaced),
  fc.constantFrom(...phrases).map((p) => p.toUpperCase()),
  // A backslash before a phrase: "\\not found" is an escaped newline and "ot found", not the phrase.
  fc.constantFrom(...phrases).map((p) => `\\${p}`),
  fc.constantFrom(...phrases).map((p) => `\\\\${p}\\`),
  fc.constantFrom(...reasons).map((r) => `"reason": "${r}"`),
  fc.constantFrom(...codes).map((c) => `An error occurred (${c}) when calling`),
  fc.constantFrom("<Code>expiredtokenexception</Code>", "<Code>AccessDeniedException</Code>", '"reason": "service_disabled"'),
  fc.constantFrom(...statuses).map((s) => `HTTP/1.1 ${s}`),
  fc.constantFrom('"status": "PERMISSION_DENIED"', "code = Unauthenticated", "googleapis.com", "arn:aws:iam::111122223333:role/x"),
  fc.constantFrom("requires compute.get", "Permission 'storage.buckets.get' denied", "GET https://storage.googleapis.com/b", 'reason: "SERVICE_DISABLED" (disabled)'),
  fc.string({ maxLength: 20 }),
);
const input = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(" "));

const now = Date.UTC(2026, 10, 23);

describe("rule index", () => {
  test("indexed matching equals evaluating every rule, on generated knowledge bases and inputs", async () => {
    await fc.assert(
      fc.asyncProperty(bundleArb, input, async (bundle, text) => {
        // Every near miss, not only the three reported by default: the index may skip none of them.
        const indexed = await match(bundle, text, { now, maxNear: 100 });
        const exhaustive = await match(bundle, text, { now, exhaustive: true, maxNear: 100 });
        expect(indexed.matches).toEqual(exhaustive.matches);
        expect(indexed.near).toEqual(exhaustive.near);
      }),
      { numRuns: 400 },
    );
  });

  test("candidates leave out only entries that can neither match nor be reported as near misses", async () => {
    const denied = { fact: "text", operator: "containsPhrase", value: "denied" } as const;
    const entries: Array<[string, Condition]> = [
      ["holds", { all: [denied] }],
      ["near-miss", { all: [denied, { fact: "httpStatus", operator: "equal", value: 401 }] }],
      ["excluded", { all: [denied, { not: { fact: "text", operator: "containsPhrase", value: "access denied" } }] }],
      // "denied" is a third of its weight, and SERVICE_DISABLED is surely absent: neither a match nor a near miss.
      ["too-weak", { all: [denied, { fact: "reasons", operator: "contains", value: "SERVICE_DISABLED" }] }],
    ];
    const bundle: Bundle = {
      format: bundleFormat,
      entries: entries.map(([id, triggers]) => ({ id, title: id, summary: "s", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-11-23", triggers })),
    };
    const text = "Error 403: access denied";
    const index = buildRuleIndex(bundle);
    const { facts } = extractFacts(text, { now });
    const keys = presentKeys(index, facts);
    const chosen = candidates(index, bundle.entries, facts, keys, textOperatorsFor(facts.text, phraseAbsence(index, keys)));
    expect(chosen.map((i) => bundle.entries[i]?.id)).toEqual(["holds", "near-miss", "excluded"]);
    const report = await match(bundle, text, { now, maxNear: 10 });
    expect(report.matches.map((m) => m.id)).toEqual(["holds"]);
    expect(report.near.map((n) => n.id).sort()).toEqual(["excluded", "near-miss"]);
  });

  test.each([
    // A quantifier's bounds {1,40} were read as text every match holds ("1,40"), so the rule was skipped.
    ["a regex with {m,n} in its only alternative", { fact: "text", operator: "matchesRegex", value: "requires [a-z]{1,40}\\.get" }, "Error: requires compute.get"],
    // `in [null, 403]` holds when no status was found, which presents no key.
    ["a null in a list of statuses", { fact: "httpStatus", operator: "in", value: [null, 403] }, "nothing recognisable"],
  ] as Array<[string, Condition, string]>)("the index does not skip %s", async (_name, triggers, text) => {
    const bundle: Bundle = {
      format: bundleFormat,
      entries: [{ id: "only", title: "Only", summary: "s", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-11-23", triggers }],
    };
    expect((await match(bundle, text, { now })).matches.map((m) => m.id)).toEqual(["only"]);
  });

  test.each([
    ["\\not found", false],
    ["x \\nnot found", true],
    ["\\\\not found", false],
    ["NOT\\tFOUND", true],
  ])("containsPhrase(%j, \"not found\") is %s, and so is the literal scan", (text, held) => {
    expect(containsPhrase(text, "not found")).toBe(held);
    expect(new LiteralMatcher(["not found"]).test(text)).toBe(held);
  });

  test("the literal matcher finds a phrase exactly when containsPhrase holds", () => {
    fc.assert(
      fc.property(fc.constantFrom(...phrases), input, (phrase, text) => {
        const found = new LiteralMatcher([phrase]).test(text);
        expect(found).toBe(containsPhrase(text, phrase));
      }),
      { numRuns: 500 },
    );
  });

  test.each([
    ["a single phrase", { fact: "text", operator: "containsPhrase", value: "Access  Denied" }, ["text:access denied"]],
    ["all picks its most selective child", { all: [{ fact: "httpStatus", operator: "equal", value: 403 }, { fact: "reasons", operator: "contains", value: "SERVICE_DISABLED" }] }, ["reasons:service_disabled"]],
    ["any needs every alternative keyed", { any: [{ fact: "codes", operator: "contains", value: "ExpiredToken" }, { fact: "text", operator: "matchesRegex", value: "x" }] }, undefined],
    ["not promises nothing", { not: { fact: "codes", operator: "contains", value: "ExpiredToken" } }, undefined],
  ] as Array<[string, Condition, string[] | undefined]>)("gate of %s", (_name, c, expected) => {
    expect(gateOf(c)).toEqual(expected);
  });

  test.each([
    ["AADSTS700016\\b", "aadsts700016"],
    ["cannot (?:get|list) resource", "resource"],
    ["keys for app '[^']+' are expired", "keys for app '"],
    ["abcd?ef", "abc"],
    ["foo\\.bar", "foo.bar"],
    ["(ab)+cdef", "cdef"],
    ["a|bcdef", undefined],
    ["\\d+\\s+x", undefined],
    ["[a-z]{1,40}xyz", "xyz"],
    ["a{2,3}bcd", "bcd"],
    ["requires [a-z]{1,40}\\.[a-z]{1,40}", "requires"],
  ])("a regex /%s/ promises the literal %j", (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  test.each(["AADSTS700016 x", "cannot (?:get|list) resource", "keys for app '[^']+' are expired", "abcd?ef", "foo\\.bar", "(ab)+cdef", "[a-z]{1,40}xyz", "a{2,3}bcd"])(
    "every text /%s/ matches holds its promised literal",
    (source) => {
      const literal = requiredLiteral(source) ?? "";
      fc.assert(
        fc.property(fc.stringMatching(new RegExp(source)), (text) => {
          expect(new LiteralMatcher([literal]).test(text)).toBe(true);
        }),
        { numRuns: 200 },
      );
    },
  );

  test.each([
    ["^(?:ExpiredToken|TokenRefreshRequired)(?:Exception)?$", { strings: ["ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired", "TokenRefreshRequiredException"].sort(), anchored: true }],
    ["^iam\\.serviceAccounts\\.(?:getAccessToken|signBlob)$", { strings: ["iam.serviceAccounts.getAccessToken", "iam.serviceAccounts.signBlob"], anchored: true }],
    ["(?:token has|was) expired", { strings: ["token has expired", "was expired"], anchored: false }],
    ["^sts:(AssumeRole\\w{0,20}|TagSession)$", undefined],
    ["\\b(?:TF400813|VS30063)\\b", { strings: ["TF400813", "VS30063"], anchored: false }],
  ])("literalUnion(/%s/)", (source, expected) => {
    const union = literalUnion(source);
    expect(union && { strings: [...union.strings].sort(), anchored: union.anchored }).toEqual(expected);
  });

  test.each([
    // The unquantified group of plain alternatives every match passes through.
    ["(?:error_codes\\?\"?\\s?:\\s?\\[\\s?|invalid_grant:\\s?)(?:65001|90094|650057)\\b", ["65001", "90094", "650057"], ["invalid_grant: 65001", "invalid_grant:650057 x"]],
    ["AADSTS(?:7000215|7000222)", ["7000215", "7000222"], ["AADSTS7000222"]],
    // Quantified or optional groups promise nothing; nor do lookarounds or groups holding classes.
    ["x(?:abcd|efgh)?y", undefined, ["xy"]],
    ["x(?:abcd|efgh){1,3}y", undefined, ["xabcdefghy"]],
    ["(?:[a-z]{3}|abc)def", undefined, ["xyzdef"]],
  ])("groupLiterals(/%s/)", (source, expected, matching) => {
    const literals = groupLiterals(source);
    expect(literals && [...literals].sort()).toEqual(expected && [...expected].sort());
    for (const text of matching) {
      expect(new RegExp(source, "i").test(text), text).toBe(true);
      if (literals) expect(literals.some((l) => text.toLowerCase().includes(l)), text).toBe(true);
    }
  });

  test("scan literals come from a word-bounded group of codes and from the required run of a reason regex", () => {
    const entry = (triggers: Condition) => ({ id: "x", title: "X", summary: "An entry of this test.", provider: "generic" as const, services: [], http: [], codes: [], tags: [], related: [], updated: "2026-12-02", triggers });
    const bundle = (triggers: Condition) => ({ format: "faultline-bundle@1" as const, entries: [entry(triggers)] });
    expect(scanLiterals(bundle({ fact: "text", operator: "matchesRegex", value: "\\b(?:TF400813|VS30063)\\b" }))?.sort()).toEqual(["f400813", "vs30063"]); // a leading t may be half of an escaped \\t: see foldSafe
    expect(scanLiterals(bundle({ fact: "reasons", operator: "matchesRegex", value: "^API_KEY_[A-Z_]{3,40}$" }))).toEqual(["api_key_"]);
  });

  test("the dense automaton reports exactly the hits of the sparse one", () => {
    fc.assert(
      fc.property(fc.subarray([...phrases, "he", "she", "hers", "403", "a b"], { minLength: 1 }), input, (literals, text) => {
        const sparse = new LiteralMatcher(literals);
        const hits = (m: Pick<LiteralMatcher, "scan"> | undefined) => {
          const out: Array<[number, number]> = [];
          m?.scan(text, (literal, end) => void out.push([literal, end]));
          return out;
        };
        const dense = sparse.dense();
        expect(dense).toBeDefined();
        expect(hits(dense)).toEqual(hits(sparse));
      }),
      { numRuns: 300 },
    );
  });

  test("folding matches the phrase operator's idea of whitespace", () => {
    expect(foldLiteral("  Request had\\n insufficient\tScopes ")).toBe("request had insufficient scopes");
    expect(new LiteralMatcher(["had insufficient"]).test('"Request had\\ninsufficient"')).toBe(true);
    expect(new LiteralMatcher(["she", "hers"]).findAll("ushers")).toEqual(new Set([0, 1]));
  });
});
