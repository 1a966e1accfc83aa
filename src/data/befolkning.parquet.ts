// Population on the 1st of each month per municipality (DST FOLK1AM).
import { buildBefolkning } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { BEFOLKNING_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["kommuner", "befolkning"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildBefolkning().rows, BEFOLKNING_SCHEMA);
});
