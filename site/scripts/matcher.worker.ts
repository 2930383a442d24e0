/**
 * The matcher's worker: loads the compiled bundle once, then matches each paste with the engine's
 * browser build, off the main thread so typing stays smooth. It makes one request, for the bundle,
 * and none per paste.
 */
/// <reference lib="webworker" />
import { loadBundle, maskSecret, match, maxInputLength, type Bundle } from "faultline/browser";
import type { MatcherRequest, MatcherResponse } from "./matcher/protocol.ts";

declare const self: DedicatedWorkerGlobalScope;

let bundle: Promise<Bundle> | undefined;

function reply(message: MatcherResponse): void {
  self.postMessage(message);
}

async function fetchBundle(url: string): Promise<Bundle> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`could not load the knowledge bundle (${url}: HTTP ${response.status})`);
  return loadBundle(await response.json());
}

async function init(url: string): Promise<void> {
  bundle ??= fetchBundle(url);
  try {
    const loaded = await bundle;
    reply({ type: "ready", entryCount: loaded.entries.length, maxInputLength });
  } catch (error) {
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
}

async function run(seq: number, text: string, now: number): Promise<void> {
  try {
    if (!bundle) throw new Error("the matcher was asked to match before it was initialised");
    const report = await match(await bundle, text, { now });
    const masks = report.secrets.map((secret) => maskSecret(text.slice(secret.start, secret.end)));
    reply({ type: "result", seq, result: { report, masks } });
  } catch (error) {
    reply({ type: "error", seq, message: error instanceof Error ? error.message : String(error) });
  }
}

self.addEventListener("message", (event: MessageEvent<MatcherRequest>) => {
  const request = event.data;
  if (request.type === "init") void init(request.bundleUrl);
  else void run(request.seq, request.text, request.now);
});
