import { describe, expect, test } from "vitest";
import type { Facts } from "../../../../engine/src/browser.ts";
import { serviceOrigin, tokenWarnings } from "../../../../site/scripts/matcher/token-warnings.ts";

type JwtFacts = Pick<Facts, "jwt" | "jwtExpired" | "jwtAudienceHasPath" | "jwtAudienceMatchesUrl" | "urls">;

const noJwt: JwtFacts = { jwt: null, jwtExpired: null, jwtAudienceHasPath: null, jwtAudienceMatchesUrl: null, urls: [] };
const at = (exp: number): string => `T${exp}`;

describe("tokenWarnings", () => {
  test("no JWT, no warnings", () => {
    expect(tokenWarnings(noJwt, at)).toEqual([]);
  });

  test("an expired token says when it expired", () => {
    const warnings = tokenWarnings({ ...noJwt, jwt: { exp: 1700000000 }, jwtExpired: true }, at);
    expect(warnings.map((w) => w.kind)).toEqual(["expired"]);
    expect(warnings[0]?.message).toContain("T1700000000");
  });

  test("an audience with a path names the audience to use instead", () => {
    const facts: JwtFacts = { ...noJwt, jwt: { aud: "https://api-x.a.run.app/v1/items" }, jwtAudienceHasPath: true, jwtAudienceMatchesUrl: false, urls: ["https://api-x.a.run.app/v1/items"] };
    const warnings = tokenWarnings(facts, at);
    expect(warnings.map((w) => w.kind)).toEqual(["audience-path", "audience-mismatch"]);
    expect(warnings[0]?.message).toContain("https://api-x.a.run.app/v1/items has a path");
    expect(warnings[0]?.message).toContain("with the audience https://api-x.a.run.app instead");
  });

  test("an audience for another service names the service being called", () => {
    const facts: JwtFacts = { ...noJwt, jwt: { aud: "https://other-y.a.run.app" }, jwtAudienceHasPath: false, jwtAudienceMatchesUrl: false, urls: ["https://api-x.a.run.app/ping"] };
    expect(tokenWarnings(facts, at)).toEqual([
      { kind: "audience-mismatch", message: "The audience https://other-y.a.run.app differs from the URL this paste calls (https://api-x.a.run.app). The service only accepts tokens minted for its own URL." },
    ]);
  });

  test("a valid token for the right service has no warnings", () => {
    expect(tokenWarnings({ ...noJwt, jwt: { aud: "https://api-x.a.run.app", exp: 1 }, jwtExpired: false, jwtAudienceHasPath: false, jwtAudienceMatchesUrl: true }, at)).toEqual([]);
  });
});

describe("serviceOrigin", () => {
  test.each([
    [["https://example.com/a", "https://svc-abc.a.run.app/x?y=1"], "https://svc-abc.a.run.app"],
    [["https://europe-west1-p.cloudfunctions.net/fn"], "https://europe-west1-p.cloudfunctions.net"],
    [["https://storage.googleapis.com/b"], undefined],
    [["not a url"], undefined],
  ])("%j → %s", (urls, origin) => {
    expect(serviceOrigin(urls)).toBe(origin);
  });
});
