// The file-validation Web Worker of /datakvalitet as one self-contained classic script (components/datakvalitet/worker.ts).
import { bundleDatakvalitetWorker } from "../../loaders/datakvalitet-worker-bundle.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => bundleDatakvalitetWorker());
