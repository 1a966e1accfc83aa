// The source's own national rows ("I alt" / "Gennemsnit"), kept apart from the municipalities.
import { buildNoegletal } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { LANDSTAL_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["noegletal"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildNoegletal().national, LANDSTAL_SCHEMA);
});
