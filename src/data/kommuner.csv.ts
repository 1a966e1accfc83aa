// The table kommuner as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.

import { toDanishCsv } from "../../loaders/csv.js";
import { buildKommuner } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { KOMMUNER_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["kommuner"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildKommuner(), KOMMUNER_SCHEMA);
});
