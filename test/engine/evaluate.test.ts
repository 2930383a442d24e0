import { expect, test } from "vitest";
import type { Bundle } from "../../engine/src/bundle.js";
import { evaluateTrigger } from "../../engine/src/evaluate.js";
import { extractFacts } from "../../engine/src/facts.js";
import { compileBundle, loadKnowledge } from "../../engine/src/index.js";
import { textOperatorsFor } from "../../engine/src/operators.js";
import { referenceRun } from "../../engine/src/reference-run.js";
import type { Condition } from "../../engine/src/schema.js";

const now = Date.UTC(2026, 11, 2);

/** Own fields, recursively, whatever the prototype: json-rules-engine's tree is made of its Condition objects, whose toJSON drops results. */
const plain = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(plain)
  : value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]))
  : value;
const { entries } = await loadKnowledge("knowledge");
const bundle: Bundle = compileBundle(entries.map((e) => e.meta));

// The indexed path evaluates triggers itself; json-rules-engine is the reference. Every trigger of the
// real knowledge base, on every example and counterexample of every entry: the same tree, node by node.
test("evaluateTrigger gives json-rules-engine's evaluated tree for every trigger on every example", async () => {
  const texts = entries.flatMap((e) => [...e.meta.examples, ...e.meta.counterexamples]);
  expect(texts.length).toBeGreaterThan(500);
  const every = bundle.entries.map((_e, i) => i);
  let held = 0;
  for (const text of texts) {
    const { facts } = extractFacts(text, { now });
    const operators = textOperatorsFor(facts.text);
    const reference = await referenceRun(bundle, every, facts, operators);
    expect(reference).toHaveLength(bundle.entries.length);
    for (const { position, conditions, result } of reference) {
      const own = evaluateTrigger(bundle.entries[position]!.triggers, facts, operators);
      expect(plain(own.conditions), `${bundle.entries[position]!.id} on ${text.slice(0, 60)}`).toStrictEqual(plain(conditions));
      expect(own.result).toBe(result);
      if (result) held++;
    }
  }
  // Not a vacuous comparison: triggers hold on their examples.
  expect(held).toBeGreaterThan(texts.length / 2);
});

test("evaluateTrigger follows json-rules-engine on the edges of its operators", async () => {
  const { facts } = extractFacts('{"error": {"code": 403, "status": "PERMISSION_DENIED"}}', { now });
  const operators = textOperatorsFor(facts.text);
  const leaves: Condition[] = [
    { fact: "text", operator: "contains", value: "403" }, // contains wants a list fact: false on text
    { fact: "httpStatus", operator: "greaterThan", value: 400 },
    { fact: "status", operator: "lessThan", value: 5 }, // a string that is no number
    { fact: "jwtExpired", operator: "equal", value: null },
    { fact: "jwt", operator: "matchesRegex", value: "^x", path: "$.aud" }, // no token: the path is not read
    { fact: "codes", operator: "doesNotContain", value: "AccessDenied" },
    { fact: "httpStatus", operator: "notIn", value: [401, 404] },
  ];
  const tiny: Bundle = { format: "faultline-bundle@1", entries: leaves.map((triggers, i) => ({ id: `e${i}`, title: "t", summary: "s", provider: "generic", services: [], http: [], codes: [], tags: [], related: [], updated: "2026-12-03", triggers })) };
  const reference = await referenceRun(tiny, leaves.map((_l, i) => i), facts, operators);
  for (const { position, conditions } of reference) {
    expect(plain(evaluateTrigger(leaves[position]!, facts, operators).conditions)).toStrictEqual(plain(conditions));
  }
  expect([...reference].sort((a, b) => a.position - b.position).map((r) => r.result)).toEqual([false, true, false, true, false, true, true]);
});
