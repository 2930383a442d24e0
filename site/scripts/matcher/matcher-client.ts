/** The page's side of the matcher worker: start it, wait until it is ready, match text, drop stale answers. */
import type { MatcherRequest, MatcherResponse, MatcherResult } from "./protocol.ts";

/** What the worker reported once the bundle loaded. */
export interface MatcherInfo {
  readonly entryCount: number;
  readonly maxInputLength: number;
}

/** Talks to one matcher worker. */
export class MatcherClient {
  readonly ready: Promise<MatcherInfo>;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (result: MatcherResult | undefined) => void; reject: (error: Error) => void }>();

  constructor(private readonly worker: Worker, bundleUrl: string) {
    this.ready = new Promise<MatcherInfo>((resolve, reject) => {
      worker.addEventListener("message", (event: MessageEvent<MatcherResponse>) => {
        const message = event.data;
        if (message.type === "ready") resolve({ entryCount: message.entryCount, maxInputLength: message.maxInputLength });
        else if (message.type === "failed") reject(new Error(message.message));
        else this.settle(message);
      });
      worker.addEventListener("error", (event) => reject(new Error(event.message || "the matcher worker failed to start")));
    });
    this.send({ type: "init", bundleUrl });
  }

  /** Matches text; resolves undefined when a newer call overtook this one, so only the latest paste renders. */
  match(text: string): Promise<MatcherResult | undefined> {
    const seq = ++this.seq;
    for (const [older, waiter] of this.pending) {
      waiter.resolve(undefined);
      this.pending.delete(older);
    }
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.send({ type: "match", seq, text, now: Date.now() });
    });
  }

  private settle(message: Extract<MatcherResponse, { seq: number }>): void {
    const waiter = this.pending.get(message.seq);
    if (!waiter) return;
    this.pending.delete(message.seq);
    if (message.type === "result") waiter.resolve(message.result);
    else waiter.reject(new Error(message.message));
  }

  private send(request: MatcherRequest): void {
    this.worker.postMessage(request);
  }
}
