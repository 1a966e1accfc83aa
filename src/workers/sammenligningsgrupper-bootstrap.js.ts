// The bootstrap Web Worker as one self-contained classic script (see components/groups-worker.ts).
import { bundleWorker } from "../../loaders/groups-worker-bundle.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => bundleWorker());
