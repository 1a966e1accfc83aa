// Default comparison groups: every area, every year, top 10 per municipality (see loaders/groups.ts).
import { buildGroupDefaults } from "../../loaders/groups.js";
import { GROUPS_SCHEMA } from "../../loaders/groups-schema.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { toParquet } from "../../loaders/lib/parquet.js";

await emit(() => {
  useIngest(["groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toParquet(buildGroupDefaults().rows, GROUPS_SCHEMA);
});
