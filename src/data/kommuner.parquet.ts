// The 98 municipalities (see loaders/datasets.ts).
import { buildKommuner } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { KOMMUNER_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["kommuner"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildKommuner(), KOMMUNER_SCHEMA);
});
