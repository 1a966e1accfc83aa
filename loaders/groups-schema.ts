/** Column types of the comparison-group tables (kept apart from schemas.ts, which other work owns). */
import type { GroupRow, ModelRow } from "./groups.js";
import type { Schema } from "./lib/parquet.js";

export const GROUPS_SCHEMA: Schema<GroupRow> = {
  omraade: "STRING",
  aar: "INT32",
  kommunekode: "STRING",
  rang: "INT32",
  nabo: "STRING",
  afstand: "DOUBLE",
  gensidig: "BOOLEAN"
};

export const MODELS_SCHEMA: Schema<ModelRow> = {
  omraade: "STRING",
  aar: "INT32",
  trin: "INT32",
  variabel: "STRING",
  beta: "DOUBLE",
  se: "DOUBLE",
  t: "DOUBLE",
  p: "DOUBLE",
  vif: "DOUBLE",
  fjernet: "BOOLEAN",
  n: "INT32",
  r2: "DOUBLE",
  adj_r2: "DOUBLE"
};
