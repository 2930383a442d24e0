/**
 * The page's side of the matcher: one worker at a time, ready once the bundle is loaded. A paste sent
 * while the worker is still matching an older one ends that worker and starts a fresh one, so a slow
 * paste never holds up the next; answers that a newer paste overtook are dropped. Drafts of an entry
 * go through the same single line: a paste typed while a draft is made supersedes the draft.
 */
import type { DraftResult, MatcherRequest, MatcherResponse, MatcherResult } from "./protocol.ts";

/** What the worker reported once the bundle loaded. */
export interface MatcherInfo {
  readonly entryCount: number;
  readonly maxInputLength: number;
}

/** A worker's answer to one request: a match result or a draft. */
type Answer = Extract<MatcherResponse, { type: "result" | "draft" }>;

interface Waiter {
  resolve(answer: Answer | undefined): void;
  reject(error: Error): void;
}

/** Requests that carry a sequence number, before it is given. */
type Unnumbered<R> = R extends { seq: number } ? Omit<R, "seq"> : never;

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
  async match(text: string): Promise<MatcherResult | undefined> {
    const answer = await this.request({ type: "match", text, now: Date.now() });
    return answer?.type === "result" ? answer.result : undefined;
  }

  /** Drafts an entry from a paste in the worker (today is YYYY-MM-DD); undefined when a newer call overtook it. */
  async draft(text: string, today: string): Promise<DraftResult | undefined> {
    const answer = await this.request({ type: "draft", text, today });
    return answer?.type === "draft" ? answer.draft : undefined;
  }

  /** Sends one request, ending a worker still busy with an older one. */
  private request(request: Unnumbered<Extract<MatcherRequest, { seq: number }>>): Promise<Answer | undefined> {
    const seq = ++this.seq;
    if (this.pending && this.bundleJson !== undefined) {
      // The worker is still on an older paste: drop its answer and the worker with it.
      this.pending.waiter.resolve(undefined);
      this.pending = undefined;
      this.worker?.terminate();
      this.start(this.bundleJson).catch(() => undefined);
    }
    return new Promise<Answer | undefined>((resolve, reject) => {
      this.pending = { seq, waiter: { resolve, reject } };
      this.send({ ...request, seq } as MatcherRequest);
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
    if (message.type === "error") waiter.reject(new Error(message.message));
    else waiter.resolve(message);
  }

  private send(request: MatcherRequest): void {
    this.worker?.postMessage(request);
  }
}
