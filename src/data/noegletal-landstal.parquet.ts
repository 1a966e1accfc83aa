// The source's own national rows ("I alt" / "Gennemsnit"), kept apart from the municipalities.
import { buildNoegletal } from "../../loaders/datasets.js";
import { emit } from "../../loaders/lib/emit.js";
import { LANDSTAL_SCHEMA } from "../../loaders/schemas.js";
import { toParquet } from "../../loaders/lib/parquet.js";

await emit(() => toParquet(buildNoegletal().national, LANDSTAL_SCHEMA));
