import { mkdtempSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { streamReader } from "../../engine/src/cli/line-blocks.js";
import { filePieces, streamPieces, type StreamPiece } from "../../engine/src/cli/scan-pieces.js";
import type { Piece } from "../../engine/src/cli/scan-pool.js";

const line = fc.array(fc.constantFrom("a", " ", "é", "日"), { maxLength: 40 }).map((parts) => parts.join(""));

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("filePieces", () => {
  test("cuts a file into ranges of whole lines that follow on from 0 to its end", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faultline-"));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 64 }), async (lines, pieceBytes) => {
        const bytes = Buffer.from(`${lines.join("\n")}\n`);
        const file = path.join(dir, "log");
        writeFileSync(file, bytes);
        const handle = await open(file);
        try {
          const pieces = (await collect(filePieces(handle, file, bytes.length, pieceBytes))) as Array<Extract<Piece, { start: number }>>;
          expect(pieces[0]?.start).toBe(0);
          expect(pieces.at(-1)?.end).toBe(Infinity);
          for (const [k, piece] of pieces.entries()) {
            expect(piece.file).toBe(file);
            if (k > 0) expect(piece.start).toBe(pieces[k - 1]?.end);
            // Every boundary is a line start.
            if (piece.start > 0) expect(bytes[piece.start - 1]).toBe(10);
            expect(piece.end).toBeGreaterThan(piece.start);
          }
        } finally {
          await handle.close();
        }
      }),
      { numRuns: 100 },
    );
  });

  test("a line longer than a piece stays whole", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "faultline-")), "log");
    writeFileSync(file, `a\n${"x".repeat(100)}\nb\n`);
    const handle = await open(file);
    try {
      expect(await collect(filePieces(handle, file, 105, 10))).toEqual([
        { file, start: 0, end: 103 },
        { file, start: 103, end: Infinity },
      ]);
    } finally {
      await handle.close();
    }
  });
});

describe("streamPieces", () => {
  test("hands over a stream's whole lines in pieces of about pieceBytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 40 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100 }), async (lines, chunkBytes, pieceBytes) => {
        const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(""));
        async function* chunks() {
          for (let at = 0; at < bytes.length; at += chunkBytes) yield new Uint8Array(bytes.subarray(at, at + chunkBytes));
        }
        const pieces = await collect(streamPieces(streamReader(chunks()), Buffer.alloc(1024 * 1024 * 4), pieceBytes));
        expect(Buffer.concat(pieces.map((p) => p.bytes)).toString("hex")).toBe(bytes.toString("hex"));
        for (const piece of pieces) {
          expect(piece.bytes.at(-1)).toBe(10);
          expect(piece.full).toBe(piece.bytes.length >= pieceBytes);
          // Each piece owns its memory, not a slice of Node's shared pool: it may be moved to a worker.
          expect(piece.bytes.byteOffset).toBe(0);
          expect(piece.bytes.buffer.byteLength).not.toBe(Buffer.poolSize);
        }
      }),
      { numRuns: 100 },
    );
  });

  test("when the stream pauses, what has come is handed over without waiting for more", async () => {
    let handedOver: (piece: StreamPiece) => void = () => undefined;
    const firstPiece = new Promise<StreamPiece>((resolve) => (handedOver = resolve));
    // A live log: the second line is written only once the first has been handed over.
    async function* live() {
      yield new Uint8Array(Buffer.from("first\n"));
      await firstPiece;
      yield new Uint8Array(Buffer.from("second\n"));
    }
    const seen: string[] = [];
    for await (const piece of streamPieces(streamReader(live()), Buffer.alloc(1024 * 1024 * 4), 1024 * 1024)) {
      seen.push(`${piece.bytes.toString()}${piece.full ? " (full)" : ""}`);
      handedOver(piece);
    }
    expect(seen).toEqual(["first\n", "second\n"]);
  });
});
