// One JSON per municipality for the pages /kommune/<kode> (see loaders/kdk.ts and loaders/kdk-pages.ts).

import { useIngest } from "../../loaders/ingest.js";
import { loadGroupContext } from "../../loaders/kdk-groups.js";
import { buildPagesZip } from "../../loaders/kdk-pages.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(async () => {
  useIngest(["kommuner", "noegletal", "befolkning", "groups"]); // rows parsed once per build (loaders/ingest.ts)
  return buildPagesZip(await loadGroupContext());
});
