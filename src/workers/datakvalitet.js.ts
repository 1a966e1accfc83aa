// The file-validation Web Worker of /datakvalitet as one self-contained classic script (components/datakvalitet/worker.ts).

import { emit } from "../../loaders/lib/emit.js";
import { bundleWorker } from "../../loaders/worker-bundle.js";

await emit(() => bundleWorker("components/datakvalitet/worker.ts", "validering af en fil i browseren"));
