// The /data page's table list with column dictionaries: texts from common/views/data.ts, columns and types from the schemas.
import { tableDictionary } from "../../common/views/data.js";
import { buildNoegletal } from "../../loaders/datasets.js";
import { emit } from "../../loaders/lib/emit.js";
import { PUBLISHED_SCHEMAS } from "../../loaders/published-schemas.js";

await emit(() => JSON.stringify(tableDictionary(PUBLISHED_SCHEMAS, buildNoegletal().years), null, 1));
