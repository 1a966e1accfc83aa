// The same table as kdk-placeringer.parquet, as Danish CSV (see loaders/csv.ts).

import { toDanishCsv } from "../../loaders/csv.js";
import { useIngest } from "../../loaders/ingest.js";
import { buildPlaceringer } from "../../loaders/kommune.js";
import { loadGroupContext } from "../../loaders/kommune-groups.js";
import { emit } from "../../loaders/lib/emit.js";
import { PLACERINGER_SCHEMA } from "../../loaders/placeringer-schema.js";

await emit(async () => {
  useIngest(["kommuner", "noegletal", "groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildPlaceringer(await loadGroupContext()), PLACERINGER_SCHEMA);
});
