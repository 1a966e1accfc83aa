// The same table as kdk-placeringer.parquet, as Danish CSV (see loaders/csv.ts).

import { toDanishCsv } from "../../loaders/csv.js";
import { useIngest } from "../../loaders/ingest.js";
import { buildPlaceringer } from "../../loaders/kdk.js";
import { loadGroupContext } from "../../loaders/kdk-groups.js";
import { PLACERINGER_SCHEMA } from "../../loaders/kdk-schemas.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(async () => {
  useIngest(["kommuner", "noegletal", "groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildPlaceringer(await loadGroupContext()), PLACERINGER_SCHEMA);
});
