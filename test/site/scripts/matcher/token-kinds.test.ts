import { describe, expect, test } from "vitest";
import { describeToken } from "../../../../site/scripts/matcher/token-kinds.ts";

describe("describeToken", () => {
  test.each([
    [{ kind: "google-access-token" } as const, "Google OAuth access token"],
    [{ kind: "jwt", issuerKind: "google-id-token" } as const, "Google ID token (JWT)"],
    [{ kind: "jwt", issuerKind: "azure-ad-token" } as const, "Microsoft Entra token (JWT)"],
    [{ kind: "jwt", issuerKind: "kubernetes-token" } as const, "Kubernetes service account token (JWT)"],
    [{ kind: "jwt" } as const, "JSON Web Token"],
    [{ kind: "aws-access-key-id" } as const, "AWS access key ID (long-term, AKIA…)"],
    [{ kind: "aws-temporary-access-key-id" } as const, "AWS temporary access key ID (ASIA…)"],
  ])("%j is a %s", (secret, label) => {
    expect(describeToken(secret).label).toBe(label);
  });

  test("tells access tokens from ID tokens in its note", () => {
    expect(describeToken({ kind: "google-access-token" }).note).toContain("want an ID token");
    expect(describeToken({ kind: "jwt", issuerKind: "google-id-token" }).note).toContain("Google APIs want an access token");
  });
});
