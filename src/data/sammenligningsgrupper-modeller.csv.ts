// Every elimination step of the default comparison-group regressions as Danish CSV; see loaders/csv.ts.

import { toDanishCsv } from "../../loaders/csv.js";
import { buildGroupDefaults } from "../../loaders/groups.js";
import { MODELS_SCHEMA } from "../../loaders/groups-schema.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => {
  useIngest(["groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildGroupDefaults().models, MODELS_SCHEMA);
});
