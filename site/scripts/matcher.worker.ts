/**
 * The matcher's worker: loads the compiled bundle the page hands it, then matches each paste with
 * the engine's browser build, off the main thread so typing stays smooth, and drafts an entry from a
 * paste when asked (the drafting code stays out of the page's own script). It makes no request; the
 * page may end it mid-match and start another (matcher-client.ts).
 */
/// <reference lib="webworker" />
import { builtinLayerName, draftEntry, loadBundle, maskSecret, match, maxInputLength, type Bundle } from "faultline/browser";
import type { MatcherRequest, MatcherResponse } from "./matcher/protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

let bundle: Promise<Bundle> | undefined;

function reply(message: MatcherResponse): void {
  self.postMessage(message);
}

function init(bundleJson: string): void {
  try {
    const loaded = loadBundle(JSON.parse(bundleJson) as unknown);
    bundle = Promise.resolve(loaded);
    reply({ type: "ready", entryCount: loaded.entries.length, maxInputLength });
  } catch (error) {
    bundle = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    bundle.catch(() => undefined);
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}

async function run(seq: number, text: string, now: number): Promise<void> {
  try {
    if (!bundle) throw new Error("the matcher was asked to match before it was initialised");
    const report = await match(await bundle, text, { now });
    const masks = report.secrets.map((secret) => maskSecret(text.slice(secret.start, secret.end)));
    reply({ type: "result", seq, result: { report, masks, builtinLayer: builtinLayerName } });
  } catch (error) {
    reply({ type: "error", seq, message: error instanceof Error ? error.message : String(error) });
  }
}

function draft(seq: number, text: string, today: string): void {
  try {
    // The draft as the engine redacted it: the page shows, downloads and links exactly this text.
    const { id, markdown, secretsMasked } = draftEntry(text, { today });
    reply({ type: "draft", seq, draft: { id, markdown, secretsMasked } });
  } catch (error) {
    reply({ type: "error", seq, message: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener("message", (event: MessageEvent<MatcherRequest>) => {
  const request = event.data;
  if (request.type === "init") init(request.bundleJson);
  else if (request.type === "draft") draft(request.seq, request.text, request.today);
  else void run(request.seq, request.text, request.now);
});
