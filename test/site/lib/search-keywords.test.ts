import { expect, test } from "vitest";
import { codeVariants, entryCodes, searchKeywords } from "../../../site/lib/search-keywords.ts";

test.each([
  ["ACCESS_TOKEN_SCOPE_INSUFFICIENT", ["ACCESS_TOKEN_SCOPE_INSUFFICIENT", "ACCESS", "TOKEN", "SCOPE", "INSUFFICIENT", "ACCESS TOKEN SCOPE INSUFFICIENT", "ACCESSTOKENSCOPEINSUFFICIENT"]],
  ["iam.serviceAccounts.getAccessToken", ["iam.serviceAccounts.getAccessToken", "iam", "serviceAccounts", "getAccessToken", "iam serviceAccounts getAccessToken", "iamserviceAccountsgetAccessToken"]],
  ["sts:AssumeRole", ["sts:AssumeRole", "sts", "AssumeRole", "sts AssumeRole", "stsAssumeRole"]],
  ["AADSTS7000215", ["AADSTS7000215", "AADSTS", "7000215", "AADSTS 7000215"]],
  ["AccessDenied", ["AccessDenied"]],
])("codeVariants(%j)", (code, variants) => {
  expect(codeVariants(code)).toEqual(variants);
});

test("entry codes include what the engine recognises in the examples", () => {
  const codes = entryCodes({
    codes: ["AccessDenied"],
    examples: ["An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/dev is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role/deploy"],
  });
  expect(codes).toContain("AccessDenied");
  expect(codes).toContain("sts:AssumeRole");
});

test("keywords have no duplicates", () => {
  const words = searchKeywords({ codes: ["PERMISSION_DENIED", "PERMISSION_DENIED"], examples: ["403 PERMISSION_DENIED"] });
  expect(new Set(words).size).toBe(words.length);
});
