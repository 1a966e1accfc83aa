/**
 * The municipality boundaries must be wound the way d3-geo expects, or every map is a
 * filled box (d3 reads an RFC 7946 ring as "the globe minus the municipality").
 * Denmark is about 43,000 km²; the Earth's surface 510 million km².
 */

import { geoArea } from "d3";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, test } from "vitest";
import { buildKommuner } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";

const EARTH_KM2 = 510_072_000;
const STERADIANS = 4 * Math.PI;

describe("kommuner-geo", () => {
  const topo = buildGeo(new Set(buildKommuner().map((k) => k.kommunekode))) as Topology;
  const fc = feature(topo, topo.objects.kommuner as GeometryCollection);
  const km2 = (f: Parameters<typeof geoArea>[0]) => (geoArea(f) / STERADIANS) * EARTH_KM2;

  test("every municipality covers a plausible area (not the rest of the globe)", () => {
    for (const f of fc.features)
      expect(km2(f), String(f.properties && (f.properties as { navn: string }).navn)).toBeLessThan(4000);
  });

  test("together the 98 cover Denmark (about 43,000 km²)", () => {
    const total = fc.features.reduce((s, f) => s + km2(f), 0);
    expect(total).toBeGreaterThan(40_000);
    expect(total).toBeLessThan(46_000);
  });
});
