/**
 * A worker thread of the render pool: renders the entry bodies it is sent and posts the HTML back.
 * render-worker.mjs starts it under tsx, so it imports the same TypeScript the pages do.
 */
import { parentPort } from "node:worker_threads";
import { renderMarkdown } from "./render.ts";
import type { RenderJob, RenderReply } from "./render-pool.ts";

const port = parentPort;
if (!port) throw new Error("render-worker.ts runs as a worker thread of render-pool.ts");

port.on("message", (job: RenderJob) => {
  void Promise.all(
    job.bodies.map(({ id, body }) =>
      renderMarkdown(body, job.base).then(
        (rendered): RenderReply => ({ id, ...rendered }),
        (error: unknown): RenderReply => ({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      ),
    ),
  ).then((replies) => port.postMessage(replies));
});
