// The table befolkning as Danish CSV (; separator, decimal comma, UTF-8 BOM); see loaders/csv.ts.
import { buildBefolkning } from "../../loaders/datasets.js";
import { emit } from "../../loaders/lib/emit.js";
import { toDanishCsv } from "../../loaders/csv.js";
import { BEFOLKNING_SCHEMA } from "../../loaders/schemas.js";

await emit(() => toDanishCsv(buildBefolkning().rows, BEFOLKNING_SCHEMA));
