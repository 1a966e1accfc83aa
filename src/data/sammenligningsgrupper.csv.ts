// The default comparison groups as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.

import { toDanishCsv } from "../../loaders/csv.js";
import { buildGroupDefaults } from "../../loaders/groups.js";
import { GROUPS_SCHEMA } from "../../loaders/groups-schema.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => {
  useIngest(["groups"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildGroupDefaults().rows, GROUPS_SCHEMA);
});
