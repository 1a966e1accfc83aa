// Findings of the validation rules on the embedded data (issue #11): see loaders/datakvalitet.ts.
import { buildDatakvalitet } from "../../loaders/datakvalitet.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(async () => JSON.stringify(await buildDatakvalitet()));
