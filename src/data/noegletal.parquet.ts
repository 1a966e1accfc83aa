// Every key figure for every municipality and year, long format (see loaders/datasets.ts).
import { buildNoegletal } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { NOEGLETAL_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["noegletal"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildNoegletal().values, NOEGLETAL_SCHEMA);
});
