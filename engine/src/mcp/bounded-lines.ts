/**
 * Standard input cut into whole JSON-RPC lines before the SDK's transport reads them, each at most
 * `limit` bytes. The SDK's buffer copies itself on every chunk (a 60 MB message took 25 s) and closes
 * the server past its size; here each line is joined once, and a longer one is dropped, the server
 * answering its request with an error and going on.
 */
import { Transform, type TransformCallback } from "node:stream";

/** What is kept of a line that was too long: its start and its end, where a client puts the id. */
export interface OversizedLine {
  readonly head: string;
  readonly tail: string;
  readonly bytes: number;
}

const keep = 1024;

/** A stream of whole lines (each ending in "\n") of at most `limit` bytes; longer ones go to `onOversized`. */
export function boundedLines(limit: number, onOversized: (line: OversizedLine) => void): Transform {
  let parts: Buffer[] = [];
  let length = 0;
  let head: Buffer | undefined;
  let tail = Buffer.alloc(0);
  let dropped = 0;

  const take = (piece: Buffer): void => {
    if (head) {
      dropped += piece.length;
      tail = Buffer.concat([tail, piece]).subarray(-keep);
      return;
    }
    parts.push(piece);
    length += piece.length;
    if (length > limit) {
      const all = Buffer.concat(parts);
      head = all.subarray(0, keep);
      tail = all.subarray(-keep);
      dropped = all.length;
      parts = [];
      length = 0;
    }
  };

  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      let start = 0;
      for (let newline = chunk.indexOf(10); newline !== -1; newline = chunk.indexOf(10, start)) {
        take(chunk.subarray(start, newline + 1));
        if (head) {
          onOversized({ head: head.toString("utf8"), tail: tail.toString("utf8"), bytes: dropped });
          head = undefined;
        } else this.push(Buffer.concat(parts));
        parts = [];
        length = 0;
        start = newline + 1;
      }
      if (start < chunk.length) take(chunk.subarray(start));
      done();
    },
    flush(done: TransformCallback) {
      if (head) onOversized({ head: head.toString("utf8"), tail: tail.toString("utf8"), bytes: dropped });
      else if (length > 0) this.push(Buffer.concat(parts));
      done();
    },
  });
}

/** The JSON-RPC id of a request from what was kept of its line: the last unescaped `"id":` in its end, else in its start. */
export function requestId(line: OversizedLine): string | number | undefined {
  for (const text of [line.tail, line.head]) {
    const found = [...text.matchAll(/(?<!\\)"id"\s*:\s*(-?\d+|"(?:[^"\\]|\\.)*")/g)].pop()?.[1];
    if (found !== undefined) return found.startsWith('"') ? (JSON.parse(found) as string) : Number(found);
  }
  return undefined;
}
