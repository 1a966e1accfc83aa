/**
 * Start the bootstrap in a Web Worker and follow its progress (browser only).
 * The worker script is the file attachment built by
 * src/workers/sammenligningsgrupper-bootstrap.js.ts.
 */
import type { BootstrapResult } from "../../common/groups/bootstrap.js";
import type { GroupsInput, GroupsOptions } from "../../common/groups/model.js";

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
    if (m.type === "progress")
      onState({ status: "running", done: m.done!, total: m.total!, result: null, message: null, ms });
    else if (m.type === "done") {
      finished = true;
      onState({ status: "done", done: boot.resamples, total: boot.resamples, result: m.result!, message: null, ms });
      worker.terminate();
    } else if (m.type === "error") {
      finished = true;
      onState({
        status: "error",
        done: 0,
        total: boot.resamples,
        result: null,
        message: m.message ?? "ukendt fejl",
        ms
      });
      worker.terminate();
    }
  };
  worker.onerror = (e) => {
    finished = true;
    onState({
      status: "error",
      done: 0,
      total: boot.resamples,
      result: null,
      message: e.message || "arbejderen kunne ikke starte",
      ms: performance.now() - t0
    });
  };
  worker.postMessage({ input, options, boot });
  return () => {
    if (!finished) worker.terminate();
  };
}

/**
 * One bootstrap run that several page cells can follow: the progress bar subscribes to
 * every report, the tables only to the final result (so they render once, not at every
 * progress report). The worker is stopped by `stop()`, e.g. on Framework's invalidation.
 */
export class BootstrapRun {
  private last: BootstrapState | null = null;
  private readonly listeners = new Set<(s: BootstrapState) => void>();
  private readonly stopWorker: () => void;

  constructor(
    url: string,
    input: GroupsInput,
    options: GroupsOptions,
    boot: { resamples: number; seed: number; reselect: boolean }
  ) {
    this.stopWorker = startBootstrapWorker(url, input, options, boot, (s) => {
      this.last = s;
      for (const l of this.listeners) l(s);
    });
  }

  /**
   * Call `fn` with the latest state now, and then with every later one (or, with
   * `finalOnly`, only with the final one); returns an unsubscribe function. Reporting
   * the current state at once matters: a Framework cell waiting on a generator that
   * has not yielded keeps every dependent cell (and its old output) pending.
   */
  subscribe(fn: (s: BootstrapState) => void, { finalOnly = false } = {}): () => void {
    const l = (s: BootstrapState) => {
      if (!finalOnly || s.status !== "running") fn(s);
    };
    this.listeners.add(l);
    if (this.last) fn(this.last);
    return () => {
      this.listeners.delete(l);
    };
  }

  stop(): void {
    this.stopWorker();
    this.listeners.clear();
  }
}
