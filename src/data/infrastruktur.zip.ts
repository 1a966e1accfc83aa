// The infrastructure pages' data: oversigt.json and one <kode>.json per municipality (see loaders/infra-pages.ts).
import { emit } from "../../loaders/lib/emit.js";
import { buildInfraPagesZip } from "../../loaders/infra-pages.js";

await emit(() => buildInfraPagesZip());
