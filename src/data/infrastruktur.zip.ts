// The infrastructure pages' data: oversigt.json and one <kode>.json per municipality (see loaders/infra-pages.ts).

import { buildInfraPagesZip } from "../../loaders/infra-pages.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => buildInfraPagesZip());
