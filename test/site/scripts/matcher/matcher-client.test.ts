import { describe, expect, test } from "vitest";
import { MatcherClient } from "../../../../site/scripts/matcher/matcher-client.ts";
import type { MatcherRequest, MatcherResponse, MatcherResult } from "../../../../site/scripts/matcher/protocol.ts";

// A stand-in for the Web Worker that answers only when the test says so: a browser cannot make a
// worker deterministically busy once every paste matches in 300 ms, and supersession is about timing.
// The real page and worker are driven in Chromium by test/site/matcher-secrets.test.ts.
class HeldWorker extends EventTarget {
  readonly received: MatcherRequest[] = [];
  terminated = false;
  postMessage(request: MatcherRequest): void {
    this.received.push(request);
    if (request.type === "init") this.answer({ type: "ready", entryCount: 2, maxInputLength: 10 });
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers the last match request it received. */
  finish(): void {
    const last = this.received.filter((r) => r.type === "match").at(-1);
    if (last?.type !== "match") throw new Error("no match request to answer");
    this.answer({ type: "result", seq: last.seq, result: { report: { matches: [], near: [], facts: {}, evidence: [], secrets: [], truncated: false }, masks: [last.text] } as unknown as MatcherResult });
  }
  /** Answers the last draft request it received. */
  finishDraft(): void {
    const last = this.received.filter((r) => r.type === "draft").at(-1);
    if (last?.type !== "draft") throw new Error("no draft request to answer");
    this.answer({ type: "draft", seq: last.seq, draft: { id: "x-draft", markdown: `drafted on ${last.today}: ${last.text}`, secretsMasked: 0 } });
  }
  private answer(message: MatcherResponse): void {
    queueMicrotask(() => this.dispatchEvent(new MessageEvent("message", { data: message })));
  }
}

function client(): { client: MatcherClient; workers: HeldWorker[] } {
  const workers: HeldWorker[] = [];
  const bundle = `data:application/json,${encodeURIComponent(JSON.stringify({ entries: [] }))}`;
  return { client: new MatcherClient(() => workers[workers.push(new HeldWorker()) - 1] as unknown as Worker, bundle), workers };
}

describe("MatcherClient", () => {
  test("a paste sent while the worker is busy ends it and goes to a fresh worker with the same bundle", async () => {
    const { client: c, workers } = client();
    await c.ready;
    const slow = c.match("slow paste");
    const next = c.match("next paste");
    expect(await slow).toBeUndefined();
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.received.map((r) => r.type)).toEqual(["init", "match"]);
    expect(workers[1]?.received[0]).toEqual(workers[0]?.received[0]);
    workers[1]?.finish();
    expect((await next)?.masks).toEqual(["next paste"]);
    expect(c.workersStarted).toBe(2);
  });

  test("a paste sent after the last answer reuses the worker", async () => {
    const { client: c, workers } = client();
    await c.ready;
    const first = c.match("first");
    workers[0]?.finish();
    expect((await first)?.masks).toEqual(["first"]);
    const second = c.match("second");
    workers[0]?.finish();
    expect((await second)?.masks).toEqual(["second"]);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
  });

  test("the bundle is fetched once, however many workers are started", async () => {
    const { client: c, workers } = client();
    await c.ready;
    for (const text of ["a", "b", "c"]) void c.match(text);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(workers).toHaveLength(3);
    const inits = workers.map((w) => w.received.find((r) => r.type === "init"));
    expect(new Set(inits.map((i) => JSON.stringify(i))).size).toBe(1);
  });

  test("a draft is asked of the same worker and answered with the draft", async () => {
    const { client: c, workers } = client();
    await c.ready;
    const draft = c.draft("some paste", "2026-12-03");
    expect(workers[0]?.received.at(-1)).toMatchObject({ type: "draft", text: "some paste", today: "2026-12-03" });
    workers[0]?.finishDraft();
    expect(await draft).toEqual({ id: "x-draft", markdown: "drafted on 2026-12-03: some paste", secretsMasked: 0 });
    expect(workers).toHaveLength(1);
  });

  test("a paste typed while a draft is made supersedes the draft", async () => {
    const { client: c, workers } = client();
    await c.ready;
    const draft = c.draft("old paste", "2026-12-03");
    const next = c.match("new paste");
    expect(await draft).toBeUndefined();
    expect(workers[0]?.terminated).toBe(true);
    workers[1]?.finish();
    expect((await next)?.masks).toEqual(["new paste"]);
  });
});
