/**
 * How `scan` cuts a log into pieces of whole lines for its worker threads: a file by byte ranges, found
 * without reading it through; a stream by what arrives, handing over early when it pauses (a live log).
 */
import type { FileHandle } from "node:fs/promises";
import { lineBlocks, type ReadBytes } from "./line-blocks.js";
import { maxLineBytes } from "./line-scanner.js";
import type { Piece } from "./scan-pool.js";

const NEWLINE = 10;

/** How long a stream may pause before what has come is scanned. */
const pauseMs = 50;

/**
 * Cuts a file of `size` bytes into ranges of whole lines of about `pieceBytes` each. Boundaries are
 * found by reading a little around them; the last range runs to the file's end (Infinity).
 */
export async function* filePieces(handle: FileHandle, file: string, size: number, pieceBytes: number): AsyncGenerator<Piece> {
  for (let start = 0; ; ) {
    const end = start + pieceBytes >= size ? Infinity : await lineStartFrom(handle, start + pieceBytes);
    yield { file, start, end: end >= size ? Infinity : end };
    if (end >= size) return;
    start = end;
  }
}

/** Offset of the first line starting at or after `position` (just past the first newline from position - 1); Infinity if none. */
async function lineStartFrom(handle: FileHandle, position: number): Promise<number> {
  const probe = Buffer.allocUnsafe(64 * 1024);
  for (let at = position - 1; ; at += probe.length) {
    const { bytesRead } = await handle.read(probe, 0, probe.length, at);
    if (bytesRead === 0) return Infinity;
    const newline = probe.subarray(0, bytesRead).indexOf(NEWLINE);
    if (newline !== -1) return at + newline + 1;
  }
}

/** A stream's whole lines, in pieces; `full` when the piece reached pieceBytes rather than a pause or the end. */
export interface StreamPiece {
  readonly bytes: Buffer;
  readonly full: boolean;
}

/**
 * Cuts a stream into pieces of whole lines of about `pieceBytes`. Reading goes on while a piece is being
 * scanned; a piece is handed over early when the stream pauses, so a live log is reported as it comes.
 * Each piece has memory of its own, not from Node's shared pool: it may be moved to a worker.
 */
export async function* streamPieces(read: ReadBytes, buffer: Buffer, pieceBytes: number): AsyncGenerator<StreamPiece> {
  const blocks = lineBlocks(read, buffer, maxLineBytes);
  let piece = Buffer.allocUnsafeSlow(pieceBytes + buffer.length);
  let size = 0;
  let next = blocks.next();
  for (;;) {
    // Handled when awaited below; this only stops Node calling a rejection unhandled meanwhile.
    next.catch(() => undefined);
    const step = size > 0 ? await within(next, pauseMs) : await next;
    if (step === undefined) {
      yield { bytes: copyOf(piece, size), full: false };
      size = 0;
      continue;
    }
    if (step.done) break;
    size += step.value.copy(piece, size);
    next = blocks.next();
    if (size >= pieceBytes) {
      yield { bytes: piece.subarray(0, size), full: true };
      piece = Buffer.allocUnsafeSlow(pieceBytes + buffer.length);
      size = 0;
    }
  }
  if (size > 0) yield { bytes: piece.subarray(0, size), full: false };
}

function copyOf(bytes: Buffer, size: number): Buffer {
  const copy = Buffer.allocUnsafeSlow(size);
  bytes.copy(copy, 0, 0, size);
  return copy;
}

/** The promise's value, or undefined if it takes longer than `ms`. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let expire: (value: undefined) => void = () => undefined;
  const expired = new Promise<undefined>((resolve) => (expire = resolve));
  const timer = setTimeout(() => expire(undefined), ms);
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}
