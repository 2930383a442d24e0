/**
 * Threads for `faultline scan`: worker threads and the main thread each take pieces of a log (whole
 * lines), filter and match them, and give back what they found. The main thread also cuts the pieces
 * and prints results in order, which costs it little; scanning there too saves a worker's start-up
 * (loading the engine, indexing the bundle, compiling its regexes), which the cores would pay twice.
 */
import { Worker } from "node:worker_threads";
import type { Bundle } from "../bundle.js";
import type { ByteFilterTables } from "../byte-scan.js";
import type { Finding } from "./line-scanner.js";

/** Whole lines of a log: a byte range of a file (`end` may be Infinity: to its end), or bytes read from a stream. */
export type Piece = { readonly file: string; readonly start: number; readonly end: number } | { readonly bytes: Uint8Array };

/** What was found in a piece. */
export interface PieceResult {
  /** Newlines in the piece, so the next piece's line numbers can follow on. */
  readonly lines: number;
  /** Line numbers counted from 0 at the piece's first line. */
  readonly findings: readonly Finding[];
}

/** What every worker is started with. */
export interface WorkerSetup {
  readonly bundle: Bundle;
  readonly showSecrets: boolean;
}

/** Messages to a worker: the filter once, then one piece at a time. */
export type ToWorker = { readonly tables: ByteFilterTables } | { readonly piece: Piece };

/** A worker's answer to a piece. */
export type FromWorker = { readonly result: PieceResult } | { readonly error: { readonly message: string; readonly code?: string } };

interface Slot {
  /** Undefined for the main thread. */
  readonly worker: Worker | undefined;
  /** The piece it is scanning. */
  job: Job | undefined;
  /** Why it stopped, once it has. */
  stopped?: Error;
}

interface Job {
  readonly piece: Piece;
  readonly resolve: (result: PieceResult) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A fixed set of scan threads: `workers` worker threads and this one. Pieces wait in one queue and a
 * thread takes the next when it is free, so a thread that starts slowly or is given less processor
 * time scans fewer pieces instead of holding up the others.
 */
export class ScanPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];

  /** `scanHere` scans a piece in this thread; it is never called before the last call has settled. */
  constructor(
    workers: number,
    setup: WorkerSetup,
    private readonly scanHere: (piece: Piece) => Promise<PieceResult>,
  ) {
    // Workers first: this thread, which also cuts pieces and prints, takes a piece when none is free.
    const started = Array.from({ length: workers }, () => {
      const worker = new Worker(new URL("./scan-worker.js", import.meta.url), { workerData: setup });
      const slot: Slot = { worker, job: undefined };
      worker.on("message", (message: FromWorker) => this.answer(slot, message));
      worker.on("error", (error) => this.fail(slot, error));
      worker.on("exit", (code) => this.fail(slot, new Error(`a scan worker stopped (exit code ${code})`)));
      return slot;
    });
    this.slots = [...started, { worker: undefined, job: undefined }];
  }

  /** Threads that scan, this one included. */
  get size(): number {
    return this.slots.length;
  }

  /** Hands every worker the byte filter, built while they start. */
  useFilter(tables: ByteFilterTables): void {
    for (const { worker } of this.slots) worker?.postMessage({ tables } satisfies ToWorker);
  }

  /**
   * Scans a piece on the next free thread. The memory of a bytes piece may be moved to a worker: it
   * must be the piece's own (not a slice of Node's shared Buffer pool) and is unusable after.
   */
  run(piece: Piece): Promise<PieceResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ piece, resolve, reject });
      this.next();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map(({ worker }) => worker?.terminate()));
  }

  /** Hands queued pieces to free threads (this one never stops, so every piece is taken in the end). */
  private next(): void {
    for (;;) {
      const slot = this.slots.find((s) => !s.job && !s.stopped);
      const job = slot && this.queue.shift();
      if (!slot || !job) return;
      slot.job = job;
      const { worker } = slot;
      if (worker) {
        const transfer = "bytes" in job.piece && job.piece.bytes.buffer instanceof ArrayBuffer ? [job.piece.bytes.buffer] : [];
        worker.postMessage({ piece: job.piece } satisfies ToWorker, transfer);
      } else {
        this.scanHere(job.piece).then(
          (result) => this.settle(slot, () => job.resolve(result)),
          (error: Error) => this.settle(slot, () => job.reject(error)),
        );
      }
    }
  }

  private settle(slot: Slot, answer: () => void): void {
    slot.job = undefined;
    answer();
    this.next();
  }

  private answer(slot: Slot, message: FromWorker): void {
    const { job } = slot;
    if (!job) return;
    if ("result" in message) this.settle(slot, () => job.resolve(message.result));
    else this.settle(slot, () => job.reject(Object.assign(new Error(message.error.message), message.error.code === undefined ? {} : { code: message.error.code })));
  }

  private fail(slot: Slot, error: Error): void {
    slot.stopped ??= error;
    const { job } = slot;
    slot.job = undefined;
    job?.reject(error);
    this.next();
  }
}
