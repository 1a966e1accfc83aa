/** Every published table's schema by its file name (/filer/<name>.parquet and .csv): what /data documents. */

import { GROUPS_SCHEMA, MODELS_SCHEMA } from "./groups-schema.js";
import { KLE_OVERENS_SCHEMA } from "./infra/aggregates.js";
import type { ColumnType } from "./lib/parquet.js";
import { PLACERINGER_SCHEMA } from "./placeringer-schema.js";
import { BEFOLKNING_SCHEMA, KATALOG_SCHEMA, KOMMUNER_SCHEMA, LANDSTAL_SCHEMA, NOEGLETAL_SCHEMA } from "./schemas.js";

export const PUBLISHED_SCHEMAS: Record<string, Record<string, ColumnType | undefined>> = {
  kommuner: KOMMUNER_SCHEMA,
  noegletal: NOEGLETAL_SCHEMA,
  "noegletal-landstal": LANDSTAL_SCHEMA,
  "noegletal-katalog": KATALOG_SCHEMA,
  befolkning: BEFOLKNING_SCHEMA,
  "kdk-placeringer": PLACERINGER_SCHEMA,
  sammenligningsgrupper: GROUPS_SCHEMA,
  "sammenligningsgrupper-modeller": MODELS_SCHEMA,
  "infrastruktur-kle-overensstemmelse": KLE_OVERENS_SCHEMA
};
