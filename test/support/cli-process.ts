/** Runs the built CLI as users run it: a real process, real exit codes, real standard streams. */
import { spawn, spawnSync, type StdioOptions } from "node:child_process";
import path from "node:path";

/** The CLI's entry point (engine/bin/faultline.js, on engine/dist). */
export const bin = path.resolve("engine/bin/faultline.js");

/** What one run printed and returned. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with `input` on standard input. */
export function runCli(args: readonly string[], input = "", options: { stdout?: number } = {}): CliRun {
  const stdio: StdioOptions = options.stdout === undefined ? "pipe" : ["pipe", options.stdout, "pipe"];
  const result = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8", stdio, maxBuffer: 64 << 20 });
  return { code: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/**
 * Runs the CLI with `unit` repeated on standard input up to `bytes`, written as fast as the pipe
 * takes it; also returns how many bytes the pipe took before the CLI stopped reading.
 */
export async function runCliStreaming(args: readonly string[], unit: string, bytes: number): Promise<CliRun & { written: number }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const chunk = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  let written = 0;
  let closed = false;
  child.stdin.on("error", () => (closed = true));
  child.stdin.on("close", () => (closed = true));
  while (written < bytes && !closed) {
    const more = child.stdin.write(chunk);
    written += chunk.length;
    if (!more) await new Promise<void>((resolve) => { child.stdin.once("drain", resolve); child.stdin.once("close", resolve); });
  }
  if (!closed) child.stdin.end();
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr, written };
}
