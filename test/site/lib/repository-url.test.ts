import { expect, test } from "vitest";
import { maxNewFileUrlLength, newFileLink, repositoryWebUrl } from "../../../site/lib/repository-url.ts";

test.each([
  ["git+https://github.com/faultline-kb/faultline.git", "https://github.com/faultline-kb/faultline"],
  ["https://github.com/o/r", "https://github.com/o/r"],
  ["https://gitlab.example.com/team/kb.git/", "https://gitlab.example.com/team/kb"],
])("repositoryWebUrl(%j) is %j", (git, web) => {
  expect(repositoryWebUrl(git)).toBe(web);
});

test("the new-file link carries the file name and the content, encoded, on the branch", () => {
  const content = "---\nid: x-draft\ntitle: \"a & b ? #1 100%\"\n---\n";
  const link = newFileLink({ url: "https://github.com/o/r/", branch: "team/kb" }, "knowledge", "x-draft.md", content);
  expect(link.ok).toBe(true);
  if (!link.ok) return;
  expect(link.url.startsWith("https://github.com/o/r/new/team/kb/knowledge?filename=x-draft.md&value=")).toBe(true);
  const url = new URL(link.url);
  expect(url.searchParams.get("value")).toBe(content);
  expect(url.hash).toBe("");
});

test("a draft too long for a link gives its length and the limit instead", () => {
  const link = newFileLink({ url: "https://github.com/o/r", branch: "main" }, "knowledge", "x.md", "é".repeat(2000));
  expect(link).toEqual({ ok: false, length: expect.any(Number), limit: maxNewFileUrlLength });
  if (!link.ok) expect(link.length).toBeGreaterThan(maxNewFileUrlLength);
});
