/** Column types of the tables published by Kend din Kommune (see loaders/kommune.ts). */

import type { PlaceringRow } from "./kommune.js";
import type { Schema } from "./lib/parquet.js";

export const PLACERINGER_SCHEMA: Schema<PlaceringRow> = {
  id: "STRING",
  kommunekode: "STRING",
  aar: "INT32",
  vaerdi: "DOUBLE",
  status: "STRING",
  rang: "INT32",
  antal_med_vaerdi: "INT32",
  landstal: "DOUBLE",
  landstal_kilde: "STRING",
  sammenligningsgruppe: "STRING",
  gruppe_gns: "DOUBLE",
  gruppe_antal_med_vaerdi: "INT32",
  gruppe_stoerrelse: "INT32"
};
