import { beforeAll, describe, expect, test } from "vitest";
import { checkKnowledge } from "../../engine/src/check.js";
import { compileBundle } from "../../engine/src/compile.js";
import { loadKnowledge } from "../../engine/src/load.js";
import { match } from "../../engine/src/match.js";

// Every entry's own examples are tests: each must rank its entry first, no entry may steal another's.
const { entries, problems } = await loadKnowledge("knowledge");
const bundle = compileBundle(entries.map((e) => e.meta));
const examples = entries.flatMap((e) => e.meta.examples.map((text, i) => ({ id: e.meta.id, n: i + 1, text })));
const counterexamples = entries.flatMap((e) => e.meta.counterexamples.map((text, i) => ({ id: e.meta.id, n: i + 1, text })));

const catalog = [
  "gcp-oauth-scope-insufficient", "gcp-iam-permission-denied", "gcp-unauthenticated", "gcp-adc-not-found", "gcp-api-not-enabled",
  "gcp-quota-project-missing", "gcp-invalid-grant", "gcp-impersonation-token-creator", "gcp-workload-identity-federation",
  "gcp-vpc-service-controls", "gcp-org-policy-constraint", "gcp-metadata-server-unavailable", "cloud-run-invoker-forbidden",
  "cloud-run-unauthenticated-token", "cloud-run-access-token-instead-of-id-token", "cloud-run-audience-mismatch",
  "aws-access-denied-implicit", "aws-explicit-deny", "aws-expired-token", "aws-invalid-client-token-id", "aws-signature-mismatch",
  "aws-no-credentials", "aws-assume-role-denied", "aws-clock-skew", "azure-invalid-client-secret", "azure-client-secret-expired",
  "azure-app-not-found", "azure-authorization-failed", "azure-credential-unavailable", "azure-refresh-token-expired", "k8s-rbac-forbidden",
  "gcp-artifact-registry-docker-auth",
  "aws-sso-token-expired",
  "aws-mfa-required",
  "s3-presigned-url-expired",
  "aws-imds-credentials-unavailable",
  "s3-block-public-access",
  "aws-kms-key-policy-denied",
  "aws-iam-pass-role-denied",
  "s3-acls-disabled-object-ownership",
  "google-api-key-invalid",
  "gcs-signed-url-needs-private-key",
  "google-domain-wide-delegation-not-authorized",
  "cloud-sql-iam-db-auth-failed",
  "firebase-id-token-wrong-token-type",
  "iap-jwt-audience-mismatch",
  "gcp-service-account-act-as-denied",
  "gcp-service-account-key-disabled",
  "firebase-security-rules-denied",
  "gcs-uniform-bucket-level-access-acl",
  "cognito-secret-hash-mismatch",
  "k8s-unauthorized",
  "azure-consent-required", "azure-token-wrong-tenant", "azure-user-not-in-tenant", "azure-client-assertion-expired",
  "azure-storage-shared-key-disabled", "azure-storage-data-role-missing", "azure-resource-firewall-denied", "azure-key-vault-forbidden",
  "azure-subscription-not-found", "azure-conditional-access-blocked", "azure-managed-identity-unavailable",
  "azure-graph-insufficient-privileges", "azure-redirect-uri-mismatch", "azure-resource-principal-not-found",
  "azure-storage-authentication-failed", "azure-devops-pat-unauthorized", "azure-linked-authorization-failed",
  "github-actions-oidc-token-permission-missing", "azure-federated-credential-no-match", "ecr-docker-registry-not-logged-in",
  "aks-acr-pull-unauthorized", "ghcr-github-token-package-write-denied", "docker-hub-push-denied-namespace",
  "k8s-image-pull-secret-missing", "eks-aws-auth-unmapped", "gke-gcloud-auth-plugin-missing", "aks-kubelogin-missing",
  "k8s-serviceaccount-token-not-mounted", "eks-irsa-web-identity-failed", "terraform-cloud-token-missing",
  "github-token-insufficient-permissions", "docker-login-credentials-rejected",
  "azure-client-credential-missing", "azure-invalid-username-password", "acr-docker-unauthorized",
  "azure-policy-request-disallowed", "cosmos-db-aad-control-plane-operation",
];

describe("knowledge base", () => {
  test("every entry loads without problems", () => {
    expect(problems.map((p) => p.format())).toEqual([]);
  });

  test("holds exactly the catalog", () => {
    expect(entries.map((e) => e.meta.id).sort()).toEqual([...catalog].sort());
  });

  test.each(entries.map((e) => [e.meta.id, e.meta] as const))("%s has at least three examples and a counterexample", (_id, meta) => {
    expect(meta.examples.length).toBeGreaterThanOrEqual(3);
    expect(meta.counterexamples.length).toBeGreaterThanOrEqual(1);
  });

  test.each(examples.map((e) => [e.id, e.n, e.text] as const))("%s example %i ranks its entry first", async (id, _n, text) => {
    const report = await match(bundle, text);
    expect(report.matches[0]?.id, `matched: ${report.matches.map((m) => `${m.id} (${m.score})`).join(", ") || "nothing"}`).toBe(id);
    expect(report.matches[0]?.why.length).toBeGreaterThan(0);
  });

  // A paste from one cloud never brings up another cloud's entry, not even below the first. Entries of
  // Kubernetes and generic ones may follow a managed cluster's or a CI step's own entry.
  const clouds = new Set(["aws", "gcp", "azure"]);
  const providerOf = new Map(entries.map((e) => [e.meta.id, e.meta.provider]));
  const cloudExamples = examples.filter((e) => clouds.has(providerOf.get(e.id) ?? ""));
  test.each(cloudExamples.map((e) => [e.id, e.n, e.text] as const))("%s example %i brings up no other cloud's entry", async (id, _n, text) => {
    const own = providerOf.get(id);
    const report = await match(bundle, text);
    const elsewhere = report.matches.filter((m) => clouds.has(providerOf.get(m.id) ?? "") && providerOf.get(m.id) !== own);
    expect(elsewhere.map((m) => `${m.id} (${providerOf.get(m.id)}, ${m.score})`)).toEqual([]);
  });

  test.each(counterexamples.map((e) => [e.id, e.n, e.text] as const))("%s counterexample %i does not rank it first", async (id, _n, text) => {
    const report = await match(bundle, text);
    expect(report.matches[0]?.id).not.toBe(id);
  });
});

describe("faultline check on knowledge/", () => {
  let result: Awaited<ReturnType<typeof checkKnowledge>>;
  beforeAll(async () => {
    result = await checkKnowledge("knowledge");
  });

  test("reports no problem, so the CLI and the site build accept it", () => {
    expect(result.problems.map((p) => p.format())).toEqual([]);
    expect(result.examplesRun).toBe(examples.length + counterexamples.length);
  });
});
