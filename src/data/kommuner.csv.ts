// The table kommuner as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.
import { buildKommuner } from "../../loaders/datasets.js";
import { emit } from "../../loaders/lib/emit.js";
import { toDanishCsv } from "../../loaders/csv.js";
import { KOMMUNER_SCHEMA } from "../../loaders/schemas.js";

await emit(() => toDanishCsv(buildKommuner(), KOMMUNER_SCHEMA));
