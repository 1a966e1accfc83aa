// One row per key figure with its documentation (see loaders/noegletal-katalog.ts).
import { buildNoegletal } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { KATALOG_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["noegletal"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildNoegletal().katalog, KATALOG_SCHEMA);
});
