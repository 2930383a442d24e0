/** Compressed logs, told by their first bytes: gzip is read through node:zlib, the others are named. */

/** Formats a log may be compressed with. */
export type Compression = "gzip" | "bzip2" | "xz" | "zstd";

const magic: ReadonlyArray<readonly [Compression, readonly number[]]> = [
  ["gzip", [0x1f, 0x8b]],
  ["bzip2", [0x42, 0x5a, 0x68]],
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
];

/** Bytes to read from the start of a file to tell its compression. */
export const magicBytes = 6;

/** The compression the first bytes of a file announce, if any. */
export function compressionOf(head: Uint8Array): Compression | undefined {
  return magic.find(([, bytes]) => bytes.every((b, i) => head[i] === b))?.[0];
}

/** How to read a log compressed with a format scan does not read itself. */
export function decompressHint(file: string, compression: Exclude<Compression, "gzip">): string {
  const tool = { bzip2: "bzip2 -dc", xz: "xz -dc", zstd: "zstd -dc" }[compression];
  return `${file} is compressed (${compression}); decompress it into scan's standard input: ${tool} ${file} | faultline scan -`;
}
