/**
 * Start the bootstrap in a Web Worker and follow its progress (browser only).
 * The worker script is the file attachment built by
 * src/workers/sammenligningsgrupper-bootstrap.js.ts.
 */
import type { BootstrapResult } from "./bootstrap.js";
import type { GroupsInput, GroupsOptions } from "./model.js";

export interface BootstrapState {
  status: "running" | "done" | "error";
  done: number;
  total: number;
  result: BootstrapResult | null;
  message: string | null;
  /** milliseconds since the start */
  ms: number;
}

/**
 * @param url address of the worker script
 * @param onState called with every progress report and at the end
 * @returns a function that stops the worker
 */
export function startBootstrapWorker(
  url: string,
  input: GroupsInput,
  options: GroupsOptions,
  boot: { resamples: number; seed: number; reselect: boolean },
  onState: (s: BootstrapState) => void
): () => void {
  const t0 = performance.now();
  const worker = new Worker(url);
  let finished = false;
  onState({ status: "running", done: 0, total: boot.resamples, result: null, message: null, ms: 0 });
  worker.onmessage = (e: MessageEvent) => {
    const m = e.data as { type: string; done?: number; total?: number; result?: BootstrapResult; message?: string };
    const ms = performance.now() - t0;
    if (m.type === "progress") onState({ status: "running", done: m.done!, total: m.total!, result: null, message: null, ms });
    else if (m.type === "done") {
      finished = true;
      onState({ status: "done", done: boot.resamples, total: boot.resamples, result: m.result!, message: null, ms });
      worker.terminate();
    } else if (m.type === "error") {
      finished = true;
      onState({ status: "error", done: 0, total: boot.resamples, result: null, message: m.message ?? "ukendt fejl", ms });
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    finished = true;
    onState({ status: "error", done: 0, total: boot.resamples, result: null, message: e.message || "arbejderen kunne ikke starte", ms: performance.now() - t0 });
  };
  worker.postMessage({ input, options, boot });
  return () => {
    if (!finished) worker.terminate();
  };
}
