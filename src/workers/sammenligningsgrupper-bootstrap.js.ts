// The bootstrap Web Worker as one self-contained classic script (see components/groups-worker.ts).

import { emit } from "../../loaders/lib/emit.js";
import { bundleWorker } from "../../loaders/worker-bundle.js";

await emit(() => bundleWorker("components/groups-worker.ts", "bootstrap af sammenligningsgrupper"));
