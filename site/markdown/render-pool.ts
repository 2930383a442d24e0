/**
 * Renders many entry bodies on worker threads while Astro builds. Astro generates pages on one
 * thread, and markdown (Shiki above all) was most of the time of 10,000 entry pages; the pool puts
 * the other cores to work and each page only waits for its own body.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { renderMarkdown, type RenderedMarkdown } from "./render.ts";

/** What a worker is sent: bodies to render for a site under `base`. */
export interface RenderJob {
  readonly base: string;
  readonly bodies: ReadonlyArray<{ readonly id: string; readonly body: string }>;
}

/** What a worker answers for one body. */
export type RenderReply = { readonly id: string; readonly error: string } | ({ readonly id: string } & RenderedMarkdown);

// Fewer bodies than this render faster in the page itself than a worker takes to load Shiki.
const poolThreshold = 200;
// Bodies per message: enough to amortise the messages, few enough that both workers stay busy.
const batchSize = 25;

/** Starts rendering every body; each promise settles when its body is rendered (or fails with where). */
export function renderAll(bodies: ReadonlyArray<{ readonly id: string; readonly body: string }>, base: string, threads = os.availableParallelism()): Map<string, Promise<RenderedMarkdown>> {
  if (bodies.length < poolThreshold || threads < 2) return new Map(bodies.map(({ id, body }) => [id, renderMarkdown(body, base)]));
  const settle = new Map<string, { resolve: (value: RenderedMarkdown) => void; reject: (error: Error) => void }>();
  const results = new Map(
    bodies.map(({ id }) => {
      const rendered = new Promise<RenderedMarkdown>((resolve, reject) => settle.set(id, { resolve, reject }));
      // A failure reaches the page that awaits it; until then it is not an unhandled rejection.
      rendered.catch(() => undefined);
      return [id, rendered];
    }),
  );
  const queue: RenderJob[] = [];
  for (let i = 0; i < bodies.length; i += batchSize) queue.push({ base, bodies: bodies.slice(i, i + batchSize) });
  const workers = Array.from({ length: Math.min(threads, queue.length) }, () => new Worker(new URL("./render-worker.mjs", import.meta.url)));
  for (const worker of workers) {
    const next = (): void => {
      const job = queue.shift();
      if (job) worker.postMessage(job);
      else void worker.terminate();
    };
    worker.on("message", (replies: RenderReply[]) => {
      for (const reply of replies) {
        const pending = settle.get(reply.id);
        if ("error" in reply) pending?.reject(new Error(`rendering the body of ${reply.id} failed: ${reply.error}`));
        else pending?.resolve({ html: reply.html, headings: reply.headings });
      }
      next();
    });
    worker.on("error", (error) => {
      for (const pending of settle.values()) pending.reject(new Error(`a render worker failed: ${error.message}`, { cause: error }));
    });
    next();
  }
  return results;
}
