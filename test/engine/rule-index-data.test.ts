import { expect, test } from "vitest";
import type { Bundle } from "../../engine/src/bundle.js";
import { compileBundle, loadKnowledge } from "../../engine/src/index.js";
import { match, usePrebuiltIndex } from "../../engine/src/match.js";
import { buildRuleIndex } from "../../engine/src/rule-index.js";
import { indexFits, restoreRuleIndex, ruleIndexData } from "../../engine/src/rule-index-data.js";

const now = Date.UTC(2026, 11, 2);
const { entries } = await loadKnowledge("knowledge");
const fresh = (): Bundle => compileBundle(entries.map((e) => e.meta));

test("a restored index is the index it was computed from", () => {
  const bundle = fresh();
  const built = buildRuleIndex(bundle);
  const restored = restoreRuleIndex(JSON.parse(JSON.stringify(ruleIndexData(bundle))));
  expect(restored.byKey).toEqual(built.byKey);
  expect(restored.nearByKey).toEqual(built.nearByKey);
  expect(restored.always).toEqual(built.always);
  expect(restored.nearAlways).toEqual(built.nearAlways);
  expect(restored.phrases).toEqual(built.phrases);
  expect(restored.literals.literals).toEqual(built.literals.literals);
});

test("matching with the prebuilt index gives the same reports for every example and counterexample", async () => {
  const plain = fresh();
  const prebuilt = fresh();
  usePrebuiltIndex(prebuilt, JSON.parse(JSON.stringify(ruleIndexData(prebuilt))));
  const texts = entries.flatMap((e) => [...e.meta.examples, ...e.meta.counterexamples]);
  expect(texts.length).toBeGreaterThan(100);
  for (const text of texts) {
    const [a, b] = await Promise.all([match(plain, text, { now }), match(prebuilt, text, { now })]);
    expect(b.matches, text.slice(0, 80)).toEqual(a.matches);
    expect(b.near).toEqual(a.near);
  }
});

test("an index never serves a bundle it was not computed for", () => {
  const bundle = fresh();
  const data = ruleIndexData(bundle);
  expect(indexFits(data, bundle)).toBe(true);
  expect(indexFits(data, { ...bundle, entries: bundle.entries.slice(1) })).toBe(false);
  expect(indexFits(data, { ...bundle, entries: [...bundle.entries].reverse() })).toBe(false);
  expect(indexFits({ ...data, format: "faultline-index@0" as never }, bundle)).toBe(false);
});
