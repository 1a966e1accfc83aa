// Source note, demodata flag, reconciliation per file and rejects of the infrastructure extracts.
import { emit } from "../../loaders/lib/emit.js";
import { aggregateBytes } from "../../loaders/infra/build.js";

await emit(() => aggregateBytes("meta"));
