/** Scanning one piece of a log (see scan-pool.ts), in a worker or in the main thread. */
import { open } from "node:fs/promises";
import { fileReader, lineBlocks } from "./line-blocks.js";
import { maxLineBytes, type Finding, type LineScanner } from "./line-scanner.js";
import type { Piece, PieceResult } from "./scan-pool.js";

/** Scans a piece with a scanner and a read buffer (`blockBytes`) that nothing else uses meanwhile. */
export async function scanPiece(scanner: LineScanner, buffer: Buffer, piece: Piece): Promise<PieceResult> {
  const findings: Finding[] = [];
  const found = (finding: Finding) => void findings.push(finding);
  if ("bytes" in piece) {
    const lines = await scanner.scanBlock(Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength), 0, found);
    return { lines, findings };
  }
  const handle = await open(piece.file);
  try {
    let lines = 0;
    for await (const block of lineBlocks(fileReader(handle, piece.start, piece.end), buffer, maxLineBytes)) lines += await scanner.scanBlock(block, lines, found);
    return { lines, findings };
  } finally {
    await handle.close();
  }
}
