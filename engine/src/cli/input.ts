/**
 * What `match` reads: a file or standard input, only as far as it matches. The rest is left unread,
 * so memory stays flat whatever arrives; the caller says that the input was cut.
 */
import { open } from "node:fs/promises";
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

async function readFileStart(file: string, chars: number): Promise<Input> {
  const handle = await open(file, "r");
  try {
    const limit = bytesFor(chars);
    const buffer = Buffer.alloc(limit + 1);
    let size = 0;
    // A FIFO or a device gives what it has a read at a time; a file gives it all at once.
    while (size < buffer.length) {
      const { bytesRead } = await handle.read(buffer, size, buffer.length - size, null);
      if (bytesRead === 0) break;
      size += bytesRead;
    }
    return decode(buffer.subarray(0, Math.min(size, limit)), chars, size > limit);
  } finally {
    await handle.close();
  }
}

/** Reads the first `chars` characters of FILE, or of standard input for undefined or "-". */
export async function readInput(file: string | undefined, chars: number, stdin: NodeJS.ReadStream = process.stdin): Promise<Input> {
  if (file === undefined || file === "-") {
    if (stdin.isTTY) throw new UsageError("no input: give a FILE or pipe the error text into standard input");
    return readStream(stdin, chars);
  }
  try {
    return await readFileStart(file, chars);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeIoError(error)}`, { cause: error });
  }
}
