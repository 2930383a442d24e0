/** Reading the error text a command is given: a file, or standard input. */
import { readFile } from "node:fs/promises";
import { UsageError } from "./usage-error.js";

/** Reads FILE, or standard input for - or no FILE. */
export async function readInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === "-") {
    if (process.stdin.isTTY) throw new UsageError("no input: give a FILE or pipe the error text into standard input");
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
}
