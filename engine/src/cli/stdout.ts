/**
 * Standard output for the CLI. A report is written to file descriptor 1 with plain synchronous
 * writes: building `process.stdout` loads Node's stream modules, about 5 ms of a 150 ms cold
 * `faultline match`. When a write would block (a non-blocking pipe that is full), the rest goes to
 * `process.stdout`, and so does everything after it, so the order stays as written.
 */
import { fstatSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { describeIoError, exitOnOutputError } from "./output.js";

let stream: NodeJS.WriteStream | undefined;

function viaStream(text: string | Uint8Array): void {
  if (!stream) {
    stream = process.stdout;
    exitOnOutputError(stream);
  }
  stream.write(text);
}

/** Writes text to standard output, in order with everything written before it. */
export function writeOut(text: string): void {
  if (stream) return viaStream(text);
  const bytes = Buffer.from(text, "utf8");
  let written = 0;
  try {
    while (written < bytes.length) written += writeSync(1, bytes, written, bytes.length - written);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EAGAIN") return viaStream(bytes.subarray(written));
    // A reader that stopped early (`| head`) ends the run quietly, as exitOnOutputError does for the stream.
    if (code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`faultline: cannot write the output: ${describeIoError(error)}\n`);
    process.exit(2);
  }
}

/**
 * Whether standard output is a terminal. A pipe or a file never is, which fstat tells without
 * node:tty (it loads the stream modules too); only a character device needs asking.
 */
export function stdoutIsTTY(): boolean {
  if (stream) return stream.isTTY === true;
  try {
    if (!fstatSync(1).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  const tty = createRequire(import.meta.url)("node:tty") as typeof import("node:tty");
  return tty.isatty(1);
}
