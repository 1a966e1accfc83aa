// The locator map of each municipality page as a static SVG, drawn at build time (see loaders/locator.ts).
import { buildKommuner } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";
import { emit } from "../../loaders/lib/emit.js";
import { locatorZip } from "../../loaders/locator.js";

const kommuner = buildKommuner();
await emit(() =>
  locatorZip(
    buildGeo(new Set(kommuner.map((k) => k.kommunekode))),
    new Map(kommuner.map((k) => [k.kommunekode, k.officielt_navn]))
  )
);
