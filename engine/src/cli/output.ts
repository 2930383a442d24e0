/**
 * Where the CLI's output goes wrong: a full disk, a closed pipe, an --out path that cannot be
 * written. Each becomes one line on stderr and exit 2, never a stack trace.
 */
import { writeFileSync } from "node:fs";
import { UsageError } from "./usage-error.js";

const reasons: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  ENOENT: "no such file or folder",
  EISDIR: "a directory, not a file",
  EACCES: "permission denied",
  EROFS: "read-only file system",
  EFBIG: "file too large",
  EIO: "input/output error",
  Z_DATA_ERROR: "not valid gzip data",
  Z_BUF_ERROR: "the gzip data ends early",
};

/** "ENOSPC (no space left on the device)": an error code with what it means. */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) return (error as Error).message ?? String(error);
  const reason = reasons[code];
  return reason ? `${code} (${reason})` : code;
}

/** Writes a file the user named, such as `compile --out`, as a usage error when it cannot be written. */
export function writeOutputFile(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${file}: ${describeIoError(error)}`, { cause: error });
  }
}

/**
 * Handles a failed write to standard output: a reader that stopped early (`| head`) closed the pipe,
 * which ends the run quietly; anything else (`> /dev/full`) is one line and exit 2.
 */
export function exitOnOutputError(stream: NodeJS.WriteStream): void {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`faultline: cannot write the output: ${describeIoError(error)}\n`);
    process.exit(2);
  });
}
