// The table befolkning as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.

import { toDanishCsv } from "../../loaders/csv.js";
import { buildBefolkning } from "../../loaders/datasets.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";
import { BEFOLKNING_SCHEMA } from "../../loaders/schemas.js";

await emit(() => {
  useIngest(["kommuner", "befolkning"]); // rows parsed once per build (loaders/ingest.ts)
  return toDanishCsv(buildBefolkning().rows, BEFOLKNING_SCHEMA);
});
