import path from "node:path";
import { expect, test } from "vitest";
import { loadKnowledge } from "../../../engine/src/index.ts";
import { renderAll } from "../../../site/markdown/render-pool.ts";
import { renderMarkdown } from "../../../site/markdown/render.ts";

test("worker threads render every body exactly as the page would", async () => {
  const { entries } = await loadKnowledge(path.resolve("knowledge"));
  // Enough bodies to use the pool: the real ones, several times over under other ids.
  const bodies = Array.from({ length: 8 }, (_, copy) => entries.map((entry) => ({ id: `${entry.meta.id}-${copy}`, body: entry.body }))).flat();
  expect(bodies.length).toBeGreaterThanOrEqual(200);
  const rendered = renderAll(bodies, "/faultline/", 2);
  expect([...rendered.keys()]).toEqual(bodies.map((body) => body.id));
  for (const entry of entries) {
    const expected = await renderMarkdown(entry.body, "/faultline/");
    expect(await rendered.get(`${entry.meta.id}-7`)).toEqual(expected);
  }
  await Promise.all(rendered.values());
}, 120_000);
