import { expect, test } from "vitest";
import { builtinKnowledge, searchEntries } from "../../engine/src/index.js";

test.each([
  ["AADSTS7000215", "azure-invalid-client-secret"],
  ["aadsts7000215", "azure-invalid-client-secret"],
  ["ACCESS_TOKEN_SCOPE_INSUFFICIENT", "gcp-oauth-scope-insufficient"],
  ["AuthorizationPermissionMismatch", "azure-storage-data-role-missing"],
  ["ExpiredToken", "aws-expired-token"],
  ["An error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired", "aws-expired-token"],
])("%s → %s first", async (query, id) => {
  const hits = await searchEntries(await builtinKnowledge(), query);
  expect(hits[0]?.entry.id).toBe(id);
  expect(hits[0]?.matched.length).toBeGreaterThan(0);
});

test("a code matches whole: AADSTS7000215 is not AADSTS700016's entry", async () => {
  const hits = await searchEntries(await builtinKnowledge(), "AADSTS7000215");
  expect(hits.map((h) => h.entry.id)).not.toContain("azure-app-not-found");
});

test("words match their forms (expired finds expires), entries matching more words rank first", async () => {
  const hits = await searchEntries(await builtinKnowledge(), "kubernetes forbidden rbac");
  expect(hits[0]?.entry.provider).toBe("kubernetes");
  const scores = hits.map((h) => h.score);
  expect(hits.length).toBeGreaterThan(0);
  expect(scores.every((s) => s > 0)).toBe(true);
});

test("a query of nothing, or of punctuation, finds nothing; a limit bounds the hits", async () => {
  const bundle = await builtinKnowledge();
  expect(await searchEntries(bundle, "")).toEqual([]);
  expect(await searchEntries(bundle, " ,;() ")).toEqual([]);
  expect((await searchEntries(bundle, "token", { limit: 2 })).length).toBe(2);
});
