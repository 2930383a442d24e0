import path from "node:path";
import { expect, test } from "vitest";
import { checkKnowledge } from "../../../engine/src/index.ts";
import { KnowledgeGateError, passKnowledgeGate } from "../../../site/integrations/knowledge-gate.ts";

const fixtures = path.resolve("test/fixtures");

test("a clean knowledge folder passes with its bundle and the entries the pages are built from", async () => {
  const gate = await passKnowledgeGate(path.join(fixtures, "kb"));
  expect(gate.bundle.entries.length).toBeGreaterThan(0);
  expect(gate.entries.map((entry) => entry.meta.id)).toEqual(gate.bundle.entries.map((entry) => entry.id));
  expect(gate.entries.every((entry) => entry.body.includes("## Fix"))).toBe(true);
});

test("a broken one fails listing every problem with the check's one-line messages", async () => {
  const dir = path.join(fixtures, "broken", "all-at-once");
  const { problems } = await checkKnowledge(dir, { examples: false });
  expect(problems.length).toBeGreaterThan(1);
  const failure = await passKnowledgeGate(dir).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(KnowledgeGateError);
  const lines = (failure as KnowledgeGateError).message.split("\n");
  expect(lines[0]).toBe(`${problems.length} problems in the knowledge base; fix them and build again:`);
  expect(lines.slice(1)).toEqual(problems.map((problem) => problem.format()));
});
