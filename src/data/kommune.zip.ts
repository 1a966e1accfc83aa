// One JSON per municipality for the pages /kommune/<kode> (see loaders/kommune.ts and loaders/kommune-pages.ts).

import { useIngest } from "../../loaders/ingest.js";
import { loadGroupContext } from "../../loaders/kommune-groups.js";
import { buildPagesZip } from "../../loaders/kommune-pages.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(async () => {
  useIngest(["kommuner", "noegletal", "befolkning", "groups"]); // rows parsed once per build (loaders/ingest.ts)
  return buildPagesZip(await loadGroupContext());
});
