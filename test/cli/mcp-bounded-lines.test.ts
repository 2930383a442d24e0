import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { boundedLines, requestId, type OversizedLine } from "../../engine/src/mcp/bounded-lines.js";

async function run(chunks: readonly string[], limit: number): Promise<{ lines: string[]; oversized: OversizedLine[] }> {
  const oversized: OversizedLine[] = [];
  const lines: string[] = [];
  const stream = Readable.from(chunks.map((c) => Buffer.from(c))).pipe(boundedLines(limit, (o) => oversized.push(o)));
  stream.on("data", (line: Buffer) => lines.push(String(line)));
  await new Promise((resolve) => stream.on("end", resolve));
  return { lines, oversized };
}

test("lines split across chunks come out whole, one per chunk; the last line without a newline too", async () => {
  const { lines, oversized } = await run(['{"a":', '1}\n{"b":2}\n{"c"', ":3}"], 100);
  expect(lines).toEqual(['{"a":1}\n', '{"b":2}\n', '{"c":3}']);
  expect(oversized).toEqual([]);
});

test("a line past the limit is dropped whole, with its start, end and size kept; the next line goes through", async () => {
  const long = `{"method":"tools/call","params":{"text":"${"x".repeat(300)}"},"jsonrpc":"2.0","id":7}\n`;
  const { lines, oversized } = await run([long.slice(0, 50), long.slice(50, 200), long.slice(200), '{"id":8}\n'], 100);
  expect(lines).toEqual(['{"id":8}\n']);
  expect(oversized).toHaveLength(1);
  expect(oversized[0]?.bytes).toBe(long.length);
  expect(requestId(oversized[0] as OversizedLine)).toBe(7);
});

test.each([
  [{ head: '{"jsonrpc":"2.0","id":"req-1","method":"x"', tail: "" }, "req-1"],
  [{ head: '{"params":{"text":"\\"id\\": 99"', tail: '"},"id":3}' }, 3],
  [{ head: '{"params":{"text":"\\"id\\": 99 xxx', tail: "xxxx" }, undefined],
])("requestId of %j is %j", (line, id) => {
  expect(requestId({ ...line, bytes: 0 })).toBe(id);
});
