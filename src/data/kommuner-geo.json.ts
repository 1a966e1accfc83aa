// Boundaries of the 98 municipalities as TopoJSON keyed by kommunekode (see loaders/geo.ts).
import { buildKommuner } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";
import { useIngest } from "../../loaders/ingest.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => {
  useIngest(["kommuner"]); // rows parsed once per build (loaders/ingest.ts)
  return JSON.stringify(buildGeo(new Set(buildKommuner().map((k) => k.kommunekode))));
});
