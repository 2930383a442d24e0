import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { checkKnowledge } from "../../engine/src/check.js";

const root = "test/fixtures/broken";
const folders = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("checkKnowledge on broken knowledge", () => {
  test("there is a fixture folder per kind of breakage", () => {
    expect(folders).toEqual(
      expect.arrayContaining([
        "all-at-once", "bad-yaml", "costly-regex", "counterexample-first", "duplicate-id", "example-not-matching", "facet-not-slug", "hostile-files", "id-mismatch", "invalid-regex",
        "missing-field", "missing-related", "missing-section", "polynomial-regex", "raw-html", "shared-example", "unknown-fact", "unknown-field", "unknown-operator",
        "unsafe-regex", "wrong-type",
      ]),
    );
  });

  test.each(folders)("%s: every problem, with file, line and column, word for word", async (folder) => {
    const dir = path.join(root, folder);
    const expected = (await readFile(path.join(dir, "expected.txt"), "utf8")).trim().split("\n");
    const { problems } = await checkKnowledge(dir);
    const lines = problems.map((p) => p.format().replaceAll(`${dir}/`, ""));
    expect(lines).toEqual(expected);
  });

  test("all-at-once reports problems from every file in one run", async () => {
    const { problems } = await checkKnowledge(path.join(root, "all-at-once"));
    const files = new Set(problems.map((p) => path.basename(p.file)));
    expect([...files].sort()).toEqual(["broken-yaml.md", "invalid-regex.md", "lonely.md", "no-summary.md", "second.md", "unknown-fact.md", "unknown-operator.md"]);
  });
});
