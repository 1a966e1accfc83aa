/**
 * Web Worker entry for the comparison-group bootstrap, so 1,000 resamples never block
 * the page. Bundled at build time into one classic script by the loader
 * src/workers/sammenligningsgrupper-bootstrap.js.ts (esbuild, no imports left), and
 * started by `startBootstrapWorker` in components/groups/worker-client.ts.
 *
 * Messages in:  {input: GroupsInput, options: GroupsOptions, boot: {resamples, seed, reselect}}
 * Messages out: {type: "progress", done, total} … then {type: "done", result} or
 *               {type: "error", message}.
 */

import type { BootstrapOptions } from "../common/groups/bootstrap.js";
import { bootstrapGroups } from "../common/groups/bootstrap.js";
import type { GroupsInput, GroupsOptions } from "../common/groups/model.js";

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ input: GroupsInput; options: GroupsOptions; boot: BootstrapOptions }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { input, options, boot } = e.data;
  try {
    const result = bootstrapGroups(input, options, {
      resamples: boot.resamples,
      seed: boot.seed,
      reselect: boot.reselect,
      progressEvery: 25,
      onProgress: (done, total) => scope.postMessage({ type: "progress", done, total })
    });
    scope.postMessage({ type: "done", result }, [result.probability.buffer]);
  } catch (error) {
    scope.postMessage({ type: "error", message: (error as Error).message });
  }
};
