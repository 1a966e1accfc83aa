/** Column types of every published table (one place, shared by Parquet and CSV output). */
import type { KatalogRow, Kommune, NoegletalRow, PublishedNationalRow } from "./datasets.js";
import type { Schema } from "./lib/parquet.js";
import type { Befolkning } from "./sources/folk1am.js";

export const KOMMUNER_SCHEMA: Schema<Kommune> = {
  kommunekode: "STRING",
  kommunekode_4: "STRING",
  navn: "STRING",
  officielt_navn: "STRING",
  regionskode: "STRING",
  regionsnavn: "STRING",
  kommunegruppekode: "STRING",
  kommunegruppe: "STRING",
  areal_km2: "DOUBLE",
  center_lon: "DOUBLE",
  center_lat: "DOUBLE"
};

export const NOEGLETAL_SCHEMA: Schema<NoegletalRow> = {
  id: "STRING",
  kommunekode: "STRING",
  aar: "INT32",
  vaerdi: "DOUBLE",
  status: "STRING",
  aarstype: "STRING"
};

export const LANDSTAL_SCHEMA: Schema<PublishedNationalRow> = {
  id: "STRING",
  aar: "INT32",
  vaerdi: "DOUBLE",
  status: "STRING",
  type: "STRING",
  aarstype: "STRING"
};

export const KATALOG_SCHEMA: Schema<KatalogRow> = {
  id: "STRING",
  nr: "INT32",
  titel: "STRING",
  enhed: "STRING",
  omraade: "STRING",
  omraade_navn: "STRING",
  aar_fra: "INT32",
  aar_til: "INT32",
  aar_med_data: "STRING",
  antal_vaerdier: "INT32",
  decimaler: "INT32",
  landstal: "STRING",
  landstal_metode: "STRING",
  taeller_personer: "BOOLEAN",
  undertrykkelse: "STRING",
  noter: "STRING",
  kilde: "STRING",
  linje_i_kilde: "INT32",
  seneste_regnskabsaar: "INT32",
  budgetaar: "STRING"
};

export const BEFOLKNING_SCHEMA: Schema<Befolkning> = { kommunekode: "STRING", maaned: "STRING", befolkning: "INT32" };
