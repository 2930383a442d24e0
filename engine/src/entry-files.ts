/**
 * Reading a knowledge folder's entry files when the folder comes from other authors: every file that
 * cannot be an entry (a directory or FIFO named x.md, a device, a dangling symlink, a symlink out of
 * the folder, a file too large, unreadable, or not UTF-8 text) becomes one problem naming it, and the
 * other files are read as usual. Nothing is opened before it is known to be a regular file, so a FIFO
 * cannot make `check` or the build wait, and nothing larger than the limit is read.
 */
import { lstat, open, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { KnowledgeProblem } from "./problem.js";

/** The largest entry file read: the real ones are under 20 KB. */
export const maxEntryBytes = 256 * 1024;

/** An entry file's text, or the one problem that kept it from being read. */
export type EntryFile = { readonly file: string; readonly source: string } | { readonly file: string; readonly problem: KnowledgeProblem };

/** Lists the entry files of a knowledge directory: every `*.md` but README.md, sorted. */
export async function listEntryFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names.filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md").sort().map((n) => path.join(dir, n));
}

/** Reads every entry file of a directory; `shown` turns a path into the one printed in problems. */
export async function readEntryFiles(dir: string, shown: (file: string) => string = (file) => file): Promise<EntryFile[]> {
  const files = await listEntryFiles(dir);
  const root = await realpath(dir);
  return Promise.all(files.map((file) => readEntryFile(root, file, shown(file))));
}

const problemIn = (file: string, message: string, hint?: string, line = 1, column = 1): KnowledgeProblem =>
  new KnowledgeProblem({ file, line, column, field: "file", message, hint });

function kindOf(info: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): string {
  if (info.isDirectory()) return "a directory";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

async function readEntryFile(root: string, file: string, shown: string): Promise<EntryFile> {
  const fail = (message: string, hint?: string): EntryFile => ({ file: shown, problem: problemIn(shown, message, hint) });
  try {
    const link = await lstat(file);
    if (link.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(file);
      } catch {
        return fail("is a symbolic link to a file that does not exist", "remove the link, or point it at an entry in this folder");
      }
      const inside = path.relative(root, target);
      if (inside.startsWith("..") || path.isAbsolute(inside)) {
        return fail(`is a symbolic link to ${target}, outside the knowledge folder; links out of it are not followed`, "copy the entry into the folder instead");
      }
    }
    const info = link.isSymbolicLink() ? await stat(file) : link;
    if (!info.isFile()) return fail(`is ${kindOf(info)}, not an entry file`, "entries are regular markdown files; rename or remove it");
    if (info.size > maxEntryBytes) return fail(`is ${Math.ceil(info.size / 1024)} KiB; an entry file may be at most ${maxEntryBytes / 1024} KiB`, "move long material out of the entry");
    const handle = await open(file, "r");
    try {
      // The size can change between stat and read: never read more than the limit and one byte.
      const buffer = Buffer.alloc(Math.min(info.size, maxEntryBytes) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > maxEntryBytes) return fail(`is larger than ${maxEntryBytes / 1024} KiB; an entry file may be at most that`, "move long material out of the entry");
      const decoded = decodeEntry(shown, buffer.subarray(0, bytesRead));
      return "problem" in decoded ? { file: shown, problem: decoded.problem } : { file: shown, source: decoded.source };
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { file: shown, problem: new KnowledgeProblem({ file: shown, line: 1, column: 1, field: "file", message: `cannot be read (${code})`, hint: "check its permissions" }, { cause: error }) };
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** An entry file's bytes as text: UTF-8 without a byte order mark; anything else is a problem at its line. */
export function decodeEntry(file: string, bytes: Uint8Array): { source: string } | { problem: KnowledgeProblem } {
  const saveAsUtf8 = "save the file as UTF-8 without a byte order mark";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { problem: problemIn(file, "starts with a UTF-8 byte order mark (EF BB BF) before the front matter", saveAsUtf8) };
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: problemIn(file, `is UTF-16 (${bytes[0] === 0xff ? "little" : "big"}-endian byte order mark), not UTF-8`, saveAsUtf8) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const { line, column } = positionOf(bytes, nul);
    // Text in UTF-16 without a byte order mark has a NUL beside almost every ASCII character.
    const utf16 = nul < 2 && bytes.subarray(0, 64).filter((b) => b === 0).length >= 16;
    return { problem: problemIn(file, utf16 ? "is UTF-16 (NUL bytes between the characters), not UTF-8" : `has a NUL byte at line ${line}, column ${column}`, utf16 ? saveAsUtf8 : "remove it: entries are text", line, column) };
  }
  try {
    return { source: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, column } = positionOf(bytes, bad);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, "0");
    return { problem: problemIn(file, `is not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} (Latin-1 or Windows-1252 text?)`, "save the file as UTF-8", line, column) };
  }
}

/** 1-based line and column (in bytes) of a byte offset. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    // Each chunk decodes alone exactly when it is one well-formed sequence (overlongs and surrogates included).
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
