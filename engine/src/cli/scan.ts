/**
 * `faultline scan`: finds known errors in logs of any size in constant memory. A byte filter
 * (byte-scan.ts) picks the lines that may hold one of the literals every trigger needs; only those are
 * decoded and matched in full. A large log is cut into pieces of whole lines that worker threads and
 * this one scan side by side (scan-pool.ts); findings are reported in the log's order either way.
 */
import { open } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { createGunzip } from "node:zlib";
import type { Bundle } from "../bundle.js";
import { builtinLayerName } from "../project.js";
import { ByteLineFilter } from "../byte-scan.js";
import { scanLiterals } from "../rule-index.js";
import { fileReader, lineBlocks, streamReader } from "./line-blocks.js";
import { describeIoError } from "./output.js";
import { compressionOf, decompressHint, magicBytes } from "./compression.js";
import { blockBytes, LineScanner, maxLineBytes, type Finding } from "./line-scanner.js";
import { scanPiece } from "./scan-piece.js";
import { filePieces, streamPieces, type StreamPiece } from "./scan-pieces.js";
import { ScanPool, type Piece, type PieceResult } from "./scan-pool.js";
import type { Occurrence } from "./scan-formats/occurrence.js";
import { UsageError } from "./usage-error.js";

/** Options of a scan. */
export interface ScanOptions {
  readonly showSecrets: boolean;
  /** Called for each occurrence, in the order of the files and of their lines. */
  readonly found: (occurrence: Occurrence) => void;
  /** Worker threads that scan a large log besides this one; 0 scans in this thread only. Default: `idleWorkers()`. */
  readonly workers?: number;
  /**
   * Bytes of a log a thread takes at a time; a file of four pieces or more is scanned on several
   * threads. Default: 16 MB, or 256 KB when every line must be matched.
   */
  readonly pieceBytes?: number;
  /** What - reads. Default: standard input. */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** Scans files (or - for standard input) and hands over each occurrence; returns how many were found. */
export async function scanFiles(bundle: Bundle, files: readonly string[], options: ScanOptions): Promise<number> {
  const scan = new Scan(bundle, options);
  try {
    for (const file of files) {
      try {
        await (file === "-" ? scan.stream(file, options.stdin ?? process.stdin) : scan.file(file));
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read ${file}: ${describeIoError(error)}`, { cause: error });
      }
    }
  } finally {
    await scan.close();
  }
  return scan.found;
}

/** One run of `scan` over its files: the filter, buffer and workers are made once, when first needed. */
class Scan {
  found = 0;
  private readonly literals: string[] | undefined;
  private readonly pieceBytes: number;
  private readonly workers: number;
  /** The layer of each entry not from the built-in knowledge, which scan lines name when layers are stacked. */
  private readonly layerOf: ReadonlyMap<string, string>;
  private filter: ByteLineFilter | undefined;
  private scanner: LineScanner | undefined;
  private pool: ScanPool | undefined;
  private buffer: Buffer | undefined;

  constructor(
    private readonly bundle: Bundle,
    private readonly options: ScanOptions,
  ) {
    this.literals = scanLiterals(bundle);
    // A worker costs about half a second to start (engine, index, regexes): a piece should be worth more.
    // Without literals every line is matched, some hundred times slower, so pieces are smaller.
    this.pieceBytes = options.pieceBytes ?? (this.literals ? 16 * 1024 * 1024 : 256 * 1024);
    this.workers = options.workers ?? idleWorkers();
    // Only a stack of layers makes the layer worth a word on every line.
    const stacked = (bundle.layers?.length ?? 0) > 1;
    this.layerOf = new Map(bundle.entries.flatMap((e) => (stacked && e.layer && e.layer !== builtinLayerName ? [[e.id, e.layer] as const] : [])));
  }

  /** Scans a file: in pieces on several threads when it holds four or more, else here; a gzip file through node:zlib. */
  async file(file: string): Promise<void> {
    const handle = await open(file);
    try {
      const stats = await handle.stat();
      const pieces = Math.ceil(stats.size / this.pieceBytes);
      const compression = stats.isFile() ? compressionOf((await handle.read(Buffer.alloc(magicBytes), 0, magicBytes, 0)).buffer) : undefined;
      if (compression === "gzip") await this.stream(file, handle.createReadStream({ autoClose: false, start: 0 }).pipe(createGunzip()));
      else if (compression) throw new UsageError(decompressHint(file, compression));
      else if (!stats.isFile()) await this.stream(file, handle.createReadStream({ autoClose: false }));
      else if (this.workers > 0 && pieces >= 4) await this.inPool(file, filePieces(handle, file, stats.size, this.pieceBytes), 0, pieces - 1);
      else await this.here(file, lineBlocks(fileReader(handle), this.readBuffer(), maxLineBytes), 0);
    } finally {
      await handle.close();
    }
  }

  /** Scans a stream here until a piece of it fills up (a large log, not a small or live one), then on several threads. */
  async stream(file: string, stream: AsyncIterable<Uint8Array>): Promise<void> {
    // A stream's pieces are held in memory until scanned: smaller ones keep that small.
    const pieces = streamPieces(streamReader(stream), this.readBuffer(), Math.min(this.pieceBytes, 4 * 1024 * 1024));
    let line = 0;
    for (;;) {
      const next = await pieces.next();
      if (next.done) return;
      if (next.value.full && this.workers > 0) {
        await this.inPool(file, asPieces(next.value, pieces), line, this.workers);
        return;
      }
      line += await this.lineScanner().scanBlock(next.value.bytes, line, (finding) => this.report(file, finding));
    }
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Scans blocks in this thread; `line` is the number of lines before the first. */
  private async here(file: string, blocks: AsyncIterable<Buffer>, line: number): Promise<void> {
    let before = line;
    for await (const block of blocks) before += await this.lineScanner().scanBlock(block, before, (finding) => this.report(file, finding));
  }

  /**
   * Scans pieces on the pool's threads and reports each piece's findings once all before it are
   * reported. Cutting stays a few pieces ahead of reporting: enough that no thread waits for work while
   * an earlier piece is still being scanned, few enough that memory stays bounded.
   */
  private async inPool(file: string, pieces: AsyncIterable<Piece>, line: number, workers: number): Promise<void> {
    const pool = this.workerPool(Math.min(workers, this.workers));
    const pending: Array<Promise<PieceResult>> = [];
    let before = line;
    const reportFirst = async () => {
      const result = await (pending.shift() as Promise<PieceResult>);
      for (const finding of result.findings) this.report(file, { ...finding, line: before + finding.line });
      before += result.lines;
    };
    for await (const piece of pieces) {
      const result = pool.run(piece);
      // Awaited in order by reportFirst; this only stops Node calling a later rejection unhandled meanwhile.
      result.catch(() => undefined);
      pending.push(result);
      if (pending.length >= 3 * pool.size) await reportFirst();
    }
    while (pending.length > 0) await reportFirst();
  }

  private report(file: string, { line, id, score, text }: Finding): void {
    this.found++;
    this.options.found({ file, line: line + 1, id, layer: this.layerOf.get(id), score, text });
  }

  private byteFilter(): ByteLineFilter {
    return (this.filter ??= ByteLineFilter.build(this.literals));
  }

  private lineScanner(): LineScanner {
    return (this.scanner ??= new LineScanner(this.bundle, this.byteFilter(), this.options.showSecrets));
  }

  /** The pool, started with `workers` workers if not yet started. */
  private workerPool(workers: number): ScanPool {
    if (!this.pool) {
      const buffer = Buffer.allocUnsafe(blockBytes);
      this.pool = new ScanPool(workers, { bundle: this.bundle, showSecrets: this.options.showSecrets }, (piece) => scanPiece(this.lineScanner(), buffer, piece));
      // The workers start while the filter is built here.
      this.pool.useFilter(this.byteFilter().tables);
    }
    return this.pool;
  }

  private readBuffer(): Buffer {
    return (this.buffer ??= Buffer.allocUnsafe(blockBytes));
  }
}

/**
 * Workers worth starting: one per processor besides this thread, less the processors the load average
 * says are busy. On a machine whose cores are taken, a worker only adds its start-up to the work
 * (measured: 2 cores at load 3.5 scanned 200 MB faster in one thread).
 */
function idleWorkers(): number {
  const cores = availableParallelism();
  return Math.max(0, Math.min(cores - 1, Math.floor(cores - (loadavg()[0] ?? 0))));
}

/** The first piece, then the rest, as pieces for the workers. */
async function* asPieces(first: StreamPiece, rest: AsyncIterable<StreamPiece>): AsyncGenerator<Piece> {
  yield { bytes: first.bytes };
  for await (const piece of rest) yield { bytes: piece.bytes };
}
