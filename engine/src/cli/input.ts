/**
 * What `match` reads: a file or standard input, only as far as it matches. The rest is left unread,
 * so memory stays flat whatever arrives; the caller says that the input was cut.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { describeIoError } from "./output.js";
import { UsageError } from "./usage-error.js";

/** The text to match, and whether the input went on past it. */
export interface Input {
  readonly text: string;
  readonly cut: boolean;
}

/** Bytes that always decode to more than `chars` UTF-16 units: UTF-8 takes at most 3 bytes for one. */
function bytesFor(chars: number): number {
  return 3 * chars + 4;
}

/** Decodes what was read and keeps its first `chars` units. */
function decode(bytes: Buffer, chars: number, more: boolean): Input {
  const text = bytes.toString("utf8");
  return text.length > chars ? { text: text.slice(0, chars), cut: true } : { text, cut: more };
}

async function readStream(stream: AsyncIterable<Uint8Array> & { destroy?: () => void }, chars: number): Promise<Input> {
  const limit = bytesFor(chars);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    chunks.push(Buffer.from(chunk));
    size += chunk.length;
    // Enough to match: stop reading, so a 50 MB (or endless) stream is never held.
    if (size >= limit) {
      stream.destroy?.();
      return decode(Buffer.concat(chunks).subarray(0, limit), chars, true);
    }
  }
  return decode(Buffer.concat(chunks), chars, false);
}

// Synchronous: the CLI has nothing else to do meanwhile, and node:fs/promises costs a cold start 2 ms.
function readFileStart(file: string, chars: number): Input {
  const fd = openSync(file, "r");
  try {
    const limit = bytesFor(chars);
    const buffer = Buffer.allocUnsafe(limit + 1);
    let size = 0;
    // A FIFO or a device gives what it has a read at a time; a file gives it all at once.
    while (size < buffer.length) {
      const bytesRead = readSync(fd, buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return decode(buffer.subarray(0, Math.min(size, limit)), chars, size > limit);
  } finally {
    closeSync(fd);
  }
}

/** Reads the first `chars` characters of FILE, or of standard input for undefined or "-". */
export async function readInput(file: string | undefined, chars: number, stdinOf: () => NodeJS.ReadStream = () => process.stdin): Promise<Input> {
  if (file === undefined || file === "-") {
    // Only now: building process.stdin loads Node's stream modules, which reading a FILE never needs.
    const stdin = stdinOf();
    if (stdin.isTTY) throw new UsageError("no input: give a FILE or pipe the error text into standard input");
    return readStream(stdin, chars);
  }
  try {
    return readFileStart(file, chars);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeIoError(error)}`, { cause: error });
  }
}
