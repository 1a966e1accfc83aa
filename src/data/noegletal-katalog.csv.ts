// The table noegletal-katalog as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.

import { toDanishCsv } from "../../loaders/csv.js";
import { buildNoegletal } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { KATALOG_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["noegletal"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildNoegletal().katalog, KATALOG_SCHEMA);
});
