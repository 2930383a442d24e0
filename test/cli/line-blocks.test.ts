import { mkdtempSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fileReader, lineBlocks, streamReader, type ReadBytes } from "../../engine/src/cli/line-blocks.js";

/** Reads `bytes` at most `sizes[k]` bytes a call, cycling through the sizes. */
function chunkedReader(bytes: Buffer, sizes: readonly number[]): ReadBytes {
  let at = 0;
  let call = 0;
  return async (into, offset, length) => {
    const n = Math.min(length, bytes.length - at, sizes[call++ % sizes.length] as number);
    bytes.copy(into, offset, at, at + n);
    at += n;
    return n;
  };
}

async function collect(blocks: AsyncIterable<Buffer>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const block of blocks) out.push(Buffer.from(block));
  return out;
}

/** The lines of bytes: each ends at a newline, and a last one without it counts unless empty. */
function linesOf(bytes: Buffer): string[] {
  const lines: string[] = [];
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(10, start);
    const end = newline === -1 ? bytes.length : newline;
    lines.push(bytes.subarray(start, end).toString("hex"));
    start = end + 1;
  }
  return lines;
}

/** Whether the blocks hold every line, each whole or, if longer than `max` bytes, maybe cut to its first `max`. */
function expectLines(blocks: readonly Buffer[], bytes: Buffer, max: number): void {
  const got = linesOf(Buffer.concat(blocks));
  const want = linesOf(bytes);
  expect(got).toHaveLength(want.length);
  got.forEach((line, i) => {
    const whole = want[i] as string;
    if (line !== whole) expect([whole.length > max * 2, line]).toEqual([true, whole.slice(0, max * 2)]);
  });
}

// Multi-byte characters so that chunk boundaries fall inside them.
const line = fc.array(fc.constantFrom("a", "Z", " ", "\t", "\r", "é", "日", "😀", "\\n"), { maxLength: 30 }).map((parts) => parts.join(""));
const log = fc.tuple(fc.array(line, { maxLength: 30 }), fc.boolean()).map(([lines, trailing]) => Buffer.from(lines.join("\n") + (trailing && lines.length > 0 ? "\n" : "")));

describe("lineBlocks", () => {
  test("yields the lines whole, however the reads fall; a line longer than maxLineBytes may be cut to them", async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 4, max: 60 }), async (bytes, sizes, max) => {
        const blocks = await collect(lineBlocks(chunkedReader(bytes, sizes), Buffer.alloc(max + 2 + (sizes[0] as number)), max));
        expectLines(blocks, bytes, max);
        for (const block of blocks.slice(0, -1)) expect(block.at(-1)).toBe(10);
      }),
      { numRuns: 500 },
    );
  });

  test("a log without a newline is one block; one longer than maxLineBytes is cut once", async () => {
    const bytes = Buffer.from("x".repeat(100));
    expect((await collect(lineBlocks(chunkedReader(bytes, [7]), Buffer.alloc(200), 150))).map(String)).toEqual(["x".repeat(100)]);
    expect((await collect(lineBlocks(chunkedReader(bytes, [7]), Buffer.alloc(20), 10))).map(String)).toEqual([`${"x".repeat(10)}\n`]);
  });

  test("refuses a buffer that cannot hold a line of maxLineBytes", async () => {
    await expect(collect(lineBlocks(chunkedReader(Buffer.from("x"), [1]), Buffer.alloc(10), 9))).rejects.toThrow("a buffer of 10 bytes cannot hold a line of 9");
  });
});

describe("readers", () => {
  test("streamReader hands over a stream's chunks, split as the buffer needs", async () => {
    await fc.assert(
      fc.asyncProperty(log, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }), async (bytes, sizes) => {
        async function* chunks() {
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length] as number;
            yield new Uint8Array(bytes.subarray(at, at + size));
            at += size;
          }
        }
        expectLines(await collect(lineBlocks(streamReader(chunks()), Buffer.alloc(64), 40)), bytes, 40);
      }),
      { numRuns: 200 },
    );
  });

  test("fileReader reads [start, end) of a file", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "faultline-")), "log");
    writeFileSync(file, "first\nsecond\nthird\n");
    const handle = await open(file);
    try {
      expect((await collect(lineBlocks(fileReader(handle, 6, 13), Buffer.alloc(32), 16))).map(String)).toEqual(["second\n"]);
      expect((await collect(lineBlocks(fileReader(handle, 13), Buffer.alloc(32), 16))).map(String)).toEqual(["third\n"]);
    } finally {
      await handle.close();
    }
  });
});
