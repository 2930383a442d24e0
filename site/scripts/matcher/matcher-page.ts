/**
 * Wires the matcher on the home page: the textarea feeds the worker as the reader pastes or types
 * (debounced, no submit), and each answer replaces the results. The root's data-state tells tests
 * and styles where it is: loading, ready, matching, done, failed.
 */
import { h } from "../dom.ts";
import { MatcherClient, type MatcherInfo } from "./matcher-client.ts";
import { outcomeText, renderReport, type SiteLinks } from "./report-view.ts";

/** Typing pauses shorter than this do not start a match. */
const debounceMs = 150;

/** Elements the matcher needs, found by id in the page. */
interface MatcherElements {
  readonly root: HTMLElement;
  readonly input: HTMLTextAreaElement;
  readonly status: HTMLElement;
  readonly results: HTMLElement;
}

function find(): MatcherElements | undefined {
  const root = document.getElementById("matcher");
  const input = document.getElementById("matcher-input");
  const status = document.getElementById("matcher-status");
  const results = document.getElementById("matcher-results");
  if (!root || !(input instanceof HTMLTextAreaElement) || !status || !results) return undefined;
  return { root, input, status, results };
}

/** Starts the matcher: one bundle fetch, a worker (a new one when a paste supersedes a running match), matching on every change of the text. */
export function startMatcher(createWorker: () => Worker, bundleUrl: string, links: SiteLinks): void {
  const elements = find();
  if (!elements) return;
  const { root, input, status, results } = elements;
  const client = new MatcherClient(createWorker, bundleUrl);
  let info: MatcherInfo | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setState = (state: string, message: string): void => {
    root.dataset["state"] = state;
    status.textContent = message;
  };

  const run = async (): Promise<void> => {
    const text = input.value;
    if (!info) return;
    if (text.trim() === "") {
      results.replaceChildren();
      setState("ready", "");
      return;
    }
    setState("matching", "Matching…");
    try {
      const pending = client.match(text);
      // For tests and tools: how many workers the page has started (a busy one is replaced).
      root.dataset["workers"] = String(client.workersStarted);
      const result = await pending;
      if (!result) return;
      results.replaceChildren(renderReport(result, text, info, links));
      // Counters for tests and tools: which text the results on screen belong to.
      root.dataset["renders"] = String(Number(root.dataset["renders"] ?? 0) + 1);
      root.dataset["renderedLength"] = String(text.length);
      setState("done", outcomeText(result));
    } catch (error) {
      results.replaceChildren(h("p", { class: "notice" }, `The matcher failed on this text: ${error instanceof Error ? error.message : String(error)}`));
      setState("done", "The matcher failed on this text.");
    }
  };

  const schedule = (delay: number): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), delay);
  };

  setState("loading", "Loading the knowledge base…");
  input.addEventListener("input", () => schedule(debounceMs));
  client.ready.then(
    (ready) => {
      info = ready;
      setState("ready", `Ready: ${ready.entryCount} entries loaded. Paste an error to match it.`);
      if (input.value.trim() !== "") schedule(0);
    },
    (error: unknown) => setState("failed", `The matcher could not start: ${error instanceof Error ? error.message : String(error)}`),
  );
}
