/**
 * The page's side of the matcher: one worker at a time, ready once the bundle is loaded. A paste sent
 * while the worker is still matching an older one ends that worker and starts a fresh one, so a slow
 * paste never holds up the next; answers that a newer paste overtook are dropped.
 */
import type { MatcherRequest, MatcherResponse, MatcherResult } from "./protocol.ts";

/** What the worker reported once the bundle loaded. */
export interface MatcherInfo {
  readonly entryCount: number;
  readonly maxInputLength: number;
}

interface Waiter {
  resolve(result: MatcherResult | undefined): void;
  reject(error: Error): void;
}

async function fetchBundleJson(url: string): Promise<string> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the knowledge bundle (${url}: HTTP ${response.status})`);
  return response.text();
}

/** Talks to the matcher worker, replacing it when it is busy with a paste that is no longer wanted. */
export class MatcherClient {
  readonly ready: Promise<MatcherInfo>;
  /** Workers started so far: 1, plus one for each paste that superseded a running match. */
  workersStarted = 0;
  private seq = 0;
  private worker: Worker | undefined;
  /** The bundle's text once fetched: what every worker is started with. */
  private bundleJson: string | undefined;
  /** The one request the current worker has not answered yet. */
  private pending: { seq: number; waiter: Waiter } | undefined;

  constructor(private readonly createWorker: () => Worker, bundleUrl: string) {
    // Fetched once by the page: a replacement worker gets the same text and makes no request.
    this.ready = fetchBundleJson(bundleUrl).then((json) => this.start((this.bundleJson = json)));
  }

  /**
   * Matches text once `ready`; resolves undefined when a newer call overtook this one, so only the
   * latest paste renders. Synchronous up to the send, so calls in a row keep their order.
   */
  match(text: string): Promise<MatcherResult | undefined> {
    const seq = ++this.seq;
    if (this.pending && this.bundleJson !== undefined) {
      // The worker is still on an older paste: drop its answer and the worker with it.
      this.pending.waiter.resolve(undefined);
      this.pending = undefined;
      this.worker?.terminate();
      this.start(this.bundleJson).catch(() => undefined);
    }
    return new Promise<MatcherResult | undefined>((resolve, reject) => {
      this.pending = { seq, waiter: { resolve, reject } };
      this.send({ type: "match", seq, text, now: Date.now() });
    });
  }

  /** Starts a worker on the bundle; resolves when it has loaded it. */
  private start(bundleJson: string): Promise<MatcherInfo> {
    const worker = this.createWorker();
    this.worker = worker;
    this.workersStarted++;
    const ready = new Promise<MatcherInfo>((resolve, reject) => {
      worker.addEventListener("message", (event: MessageEvent<MatcherResponse>) => {
        const message = event.data;
        if (message.type === "ready") resolve({ entryCount: message.entryCount, maxInputLength: message.maxInputLength });
        else if (message.type === "failed") reject(new Error(message.message));
        else if (worker === this.worker) this.settle(message);
      });
      worker.addEventListener("error", (event) => {
        const error = new Error(event.message || "the matcher worker failed");
        reject(error);
        if (worker === this.worker && this.pending) {
          this.pending.waiter.reject(error);
          this.pending = undefined;
        }
      });
    });
    worker.postMessage({ type: "init", bundleJson } satisfies MatcherRequest);
    return ready;
  }

  private settle(message: Extract<MatcherResponse, { seq: number }>): void {
    if (!this.pending || this.pending.seq !== message.seq) return;
    const { waiter } = this.pending;
    this.pending = undefined;
    if (message.type === "result") waiter.resolve(message.result);
    else waiter.reject(new Error(message.message));
  }

  private send(request: MatcherRequest): void {
    this.worker?.postMessage(request);
  }
}
