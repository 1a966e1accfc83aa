// Boundaries of the 98 municipalities as TopoJSON keyed by kommunekode (see loaders/geo.ts).
import { buildKommuner } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";
import { emit } from "../../loaders/lib/emit.js";

await emit(() => JSON.stringify(buildGeo(new Set(buildKommuner().map((k) => k.kommunekode)))));
