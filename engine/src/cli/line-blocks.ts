/**
 * Reads bytes as blocks of whole lines into one reused buffer, so `scan` holds the same memory however
 * large a log is. A line of which more than `maxLineBytes` arrive before its newline is cut to its first
 * maxLineBytes bytes: `match` reads only the start of a long paste anyway, and a log with no newline
 * must not fill the memory.
 */
import type { FileHandle } from "node:fs/promises";

const NEWLINE = 10;

/** Fills into[at, at + length) with the next bytes; resolves how many it wrote, 0 at the end. */
export type ReadBytes = (into: Buffer, at: number, length: number) => Promise<number>;

/**
 * Yields buffer[0, n) views holding whole lines (the last block's last line may lack its newline; a cut
 * line ends with a newline in place of its rest). A view is valid until the next one is asked for.
 * The buffer must be longer than maxLineBytes + 1.
 */
export async function* lineBlocks(read: ReadBytes, buffer: Buffer, maxLineBytes: number): AsyncGenerator<Buffer> {
  if (buffer.length <= maxLineBytes + 1) throw new RangeError(`a buffer of ${buffer.length} bytes cannot hold a line of ${maxLineBytes}`);
  let filled = 0; // buffer[0, filled) is the start of a line
  let discarding = false; // inside the rest of a cut line
  for (;;) {
    const n = await read(buffer, filled, buffer.length - filled);
    if (n === 0) break;
    let end = filled + n;
    if (discarding) {
      const newline = buffer.subarray(filled, end).indexOf(NEWLINE);
      if (newline === -1) continue;
      buffer.copyWithin(filled, filled + newline + 1, end);
      end -= newline + 1;
      discarding = false;
    }
    // Only the new bytes can hold a newline: the line before them is unfinished.
    const last = buffer.subarray(filled, end).lastIndexOf(NEWLINE);
    if (last !== -1) {
      const cut = filled + last + 1;
      yield buffer.subarray(0, cut);
      buffer.copyWithin(0, cut, end);
      filled = end - cut;
    } else {
      filled = end;
    }
    if (filled > maxLineBytes) {
      buffer[maxLineBytes] = NEWLINE;
      yield buffer.subarray(0, maxLineBytes + 1);
      filled = 0;
      discarding = true;
    }
  }
  if (filled > 0 && !discarding) yield buffer.subarray(0, filled);
}

/** Reads a file from `start` to `end` (or to its end). */
export function fileReader(handle: FileHandle, start = 0, end = Infinity): ReadBytes {
  let position = start;
  return async (into, at, length) => {
    const want = Math.min(length, end - position);
    if (want <= 0) return 0;
    const { bytesRead } = await handle.read(into, at, want, position);
    position += bytesRead;
    return bytesRead;
  };
}

/** Reads a stream of chunks (standard input), a chunk at a time: a live log is scanned as it comes. */
export function streamReader(stream: AsyncIterable<Uint8Array>): ReadBytes {
  const chunks = stream[Symbol.asyncIterator]();
  let pending: Buffer = Buffer.alloc(0);
  return async (into, at, length) => {
    if (pending.length === 0) {
      const next = await chunks.next();
      if (next.done) return 0;
      pending = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    }
    const n = pending.copy(into, at, 0, Math.min(length, pending.length));
    pending = pending.subarray(n);
    return n;
  };
}
