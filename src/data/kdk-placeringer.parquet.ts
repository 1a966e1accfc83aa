// Rank, national figure and comparison-group mean per key figure, municipality and year (see loaders/kommune.ts).

import { useIngest } from "../../loaders/ingest.js";
import { buildPlaceringer } from "../../loaders/kommune.js";
import { loadGroupContext } from "../../loaders/kommune-groups.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { PLACERINGER_SCHEMA } from "../../loaders/placeringer-schema.js";

await emit(async () => {
  useIngest(["kommuner", "noegletal", "groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildPlaceringer(await loadGroupContext()), PLACERINGER_SCHEMA);
});
