/**
 * Wires the matcher on the home page: the textarea feeds the worker as the reader pastes or types
 * (debounced, no submit), and each answer replaces the results. The root's data-state tells tests
 * and styles where it is: loading, ready, matching, done, failed.
 */
import { h } from "../dom.ts";
import { renderDraft, type DraftTarget } from "./draft-view.ts";
import { localDate } from "./local-time.ts";
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

/** The repository drafts go to, from the panel's data attributes (the build writes them). */
function draftTarget(root: HTMLElement, guide: string): DraftTarget | undefined {
  const url = root.dataset["repoUrl"];
  const branch = root.dataset["repoBranch"];
  return url && branch ? { url, branch, guide } : undefined;
}

/** Starts the matcher: one bundle fetch, a worker (a new one when a paste supersedes a running match), matching on every change of the text. */
export function startMatcher(createWorker: () => Worker, bundleUrl: string, links: SiteLinks & { readonly guide: string }): void {
  const elements = find();
  if (!elements) return;
  const { root, input, status, results } = elements;
  const client = new MatcherClient(createWorker, bundleUrl);
  const target = draftTarget(root, links.guide);
  let info: MatcherInfo | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The object URL of the draft on offer, revoked when another replaces it.
  let downloadUrl: string | undefined;

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

  const showDraft = async (slot: Element): Promise<void> => {
    const text = input.value;
    // Only the paste whose results are on screen: a draft sent mid-match would supersede that match.
    if (!target || text.trim() === "" || root.dataset["state"] !== "done") return;
    slot.replaceChildren(h("p", { class: "muted", role: "status" }, "Drafting the entry…"));
    try {
      const draft = await client.draft(text, localDate(new Date()));
      // A newer paste overtook the draft, and its results replaced this slot.
      if (!draft || !slot.isConnected) return;
      if (downloadUrl) URL.revokeObjectURL(downloadUrl);
      downloadUrl = URL.createObjectURL(new Blob([draft.markdown], { type: "text/markdown;charset=utf-8" }));
      slot.replaceChildren(renderDraft(draft, target, downloadUrl));
      root.dataset["drafts"] = String(Number(root.dataset["drafts"] ?? 0) + 1);
      slot.querySelector<HTMLElement>("#draft-title")?.focus();
    } catch (error) {
      slot.replaceChildren(h("p", { class: "notice" }, `The draft could not be made from this text: ${error instanceof Error ? error.message : String(error)}`));
    }
  };

  results.addEventListener("click", (event) => {
    const action = event.target instanceof Element ? event.target.closest("[data-draft-action]") : null;
    const slot = results.querySelector("[data-draft-slot]");
    if (action && slot) void showDraft(slot);
  });

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
