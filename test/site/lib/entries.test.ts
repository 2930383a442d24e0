import path from "node:path";
import { afterEach, expect, test } from "vitest";
import { checkKnowledge, loadKnowledge } from "../../../engine/src/index.ts";
import { allEntries, handOverEntries, hasDiagram } from "../../../site/lib/entries.ts";

const handover = Symbol.for("faultline.site.entries");

afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[handover];
});

test("without a handover, pages load knowledge/ themselves, sorted by title", async () => {
  const entries = await allEntries();
  const { entries: loaded } = await loadKnowledge(path.resolve("knowledge"));
  expect(entries.map((entry) => entry.id).sort()).toEqual(loaded.map((entry) => entry.meta.id).sort());
  const titles = entries.map((entry) => entry.data.title);
  expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
  const first = entries.find((entry) => entry.id === "gcp-iam-permission-denied");
  expect(first?.filePath).toBe(path.join("knowledge", "gcp-iam-permission-denied.md"));
  expect(first?.body).toContain("## Wrong fixes");
});

test("the gate's entries, once handed over, are what pages get: no second parse", async () => {
  const { entries: loaded } = await checkKnowledge(path.resolve("test/fixtures/kb"), { examples: false });
  handOverEntries(loaded);
  const entries = await allEntries();
  expect(entries.map((entry) => entry.id).sort()).toEqual(loaded.map((entry) => entry.meta.id).sort());
  expect(entries.find((entry) => entry.id === loaded[0]?.meta.id)?.data).toBe(loaded[0]?.meta);
});

test("only bodies with a mermaid fence count as having a diagram", async () => {
  const entry = (await allEntries())[0]!;
  expect(hasDiagram({ ...entry, body: "## Cause\n\n```mermaid\ngraph TD\n```\n" })).toBe(true);
  expect(hasDiagram({ ...entry, body: "## Cause\n\nSee the mermaid docs.\n\n```json\n{}\n```\n" })).toBe(false);
});
