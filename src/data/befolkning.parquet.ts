// Population on the 1st of each month per municipality (DST FOLK1AM).
import { buildBefolkning } from "../../loaders/datasets.js";
import { emit } from "../../loaders/lib/emit.js";
import { BEFOLKNING_SCHEMA } from "../../loaders/schemas.js";
import { toParquet } from "../../loaders/lib/parquet.js";

await emit(() => toParquet(buildBefolkning().rows, BEFOLKNING_SCHEMA));
