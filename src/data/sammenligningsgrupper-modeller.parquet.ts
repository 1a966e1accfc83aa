// Every backward-elimination step of every default comparison-group regression (see loaders/groups.ts).
import { buildGroupDefaults } from "../../loaders/groups.js";
import { MODELS_SCHEMA } from "../../loaders/groups-schema.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";

await emit(() => {
  useIngest(["groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildGroupDefaults().models, MODELS_SCHEMA);
});
