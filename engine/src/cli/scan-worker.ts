/**
 * A worker thread of `faultline scan` (see scan-pool.ts): scans the pieces it is handed, one at a time,
 * and answers each with what it found.
 */
import { parentPort, workerData } from "node:worker_threads";
import { ByteLineFilter } from "../byte-scan.js";
import { match } from "../match.js";
import { blockBytes, LineScanner } from "./line-scanner.js";
import { scanPiece } from "./scan-piece.js";
import type { FromWorker, ToWorker, WorkerSetup } from "./scan-pool.js";

const setup = workerData as WorkerSetup;
const port = parentPort;
const buffer = Buffer.allocUnsafe(blockBytes);
let scanner: LineScanner | undefined;

// The first match builds the bundle's index: do it while the main thread builds the byte filter. A
// failure here would recur, and be reported, on the first real match.
let queue: Promise<unknown> = match(setup.bundle, "").catch(() => undefined);

port?.on("message", (message: ToWorker) => {
  if ("tables" in message) {
    scanner = new LineScanner(setup.bundle, ByteLineFilter.fromTables(message.tables), setup.showSecrets);
    return;
  }
  // The pool sends a piece only once the last is answered; the chain also waits for the warm-up.
  queue = queue
    .then(() => {
      if (!scanner) throw new Error("a scan worker was handed a piece before its filter");
      return scanPiece(scanner, buffer, message.piece);
    })
    .then(
      (result): FromWorker => ({ result }),
      (error: NodeJS.ErrnoException): FromWorker => ({ error: { message: error.message, ...(error.code === undefined ? {} : { code: error.code }) } }),
    )
    .then((answer) => port.postMessage(answer));
});
