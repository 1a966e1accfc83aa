// One JSON per municipality for the pages /kommune/<kode> (see loaders/kdk.ts and loaders/kdk-pages.ts).
import { emit } from "../../loaders/lib/emit.js";
import { buildPagesZip } from "../../loaders/kdk-pages.js";
import { loadGroupContext } from "../../loaders/kdk-groups.js";

await emit(async () => buildPagesZip(await loadGroupContext()));
