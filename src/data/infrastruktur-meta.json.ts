// Source note, demodata flag, reconciliation per file and rejects of the infrastructure extracts.

import { aggregateBytes } from "../../loaders/infra/build.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => aggregateBytes("meta"));
