/**
 * Choropleth map of the 98 municipalities, a pure function of its inputs:
 * `(topology, values, {width, …}) → SVG/figure element`. Municipalities without a value
 * are drawn hatched grey and named "ingen værdi" in the tooltip, never coloured as 0.
 */
import * as Plot from "@observablehq/plot";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { formatNumber } from "../common/format.js";

export interface KommuneProps {
  kommunekode: string;
  navn: string;
}

export type KommuneFeature = Feature<Geometry, KommuneProps>;

/** GeoJSON features of the 98 municipalities from the TopoJSON made by loaders/geo.ts. */
export function kommuneFeatures(topo: Topology): FeatureCollection<Geometry, KommuneProps> {
  return feature(topo, topo.objects.kommuner as GeometryCollection<KommuneProps>) as FeatureCollection<Geometry, KommuneProps>;
}

export interface ChoroplethOptions {
  width: number;
  /** legend label, e.g. "kr. pr. indbygger" */
  label?: string;
  /** kommunekode drawn with a thick outline */
  highlight?: string | null;
  /** decimals in legend and tooltip */
  decimals?: number;
  /** colour scheme (Plot scheme name) */
  scheme?: Plot.ColorScheme;
  height?: number;
  /** extra text in the tooltip per municipality (e.g. rank) */
  extra?: (kode: string) => string;
}

export function choropleth(features: FeatureCollection<Geometry, KommuneProps>, values: Map<string, number | null>, options: ChoroplethOptions): HTMLElement | SVGSVGElement {
  const { width, label, highlight = null, decimals, scheme = "blues", extra } = options;
  const height = options.height ?? Math.round(width * 0.78);
  const fmt = (x: number) => formatNumber(x, decimals);
  const valueOf = (f: KommuneFeature) => values.get(f.properties.kommunekode) ?? null;
  const withValue = features.features.filter((f) => valueOf(f) !== null);
  const without = features.features.filter((f) => valueOf(f) === null);
  const selected = features.features.filter((f) => f.properties.kommunekode === highlight);
  return Plot.plot({
    width,
    height,
    projection: { type: "transverse-mercator", rotate: [-11, -56], domain: features },
    color: { type: "quantile", n: 5, scheme, legend: true, label, tickFormat: fmt, unknown: "#ddd" },
    marks: [
      Plot.geo(without, { fill: "#eee", stroke: "white", strokeWidth: 0.5 }),
      Plot.geo(withValue, {
        fill: (f: KommuneFeature) => valueOf(f),
        stroke: "white",
        strokeWidth: 0.5
      }),
      Plot.geo(selected, { stroke: "black", strokeWidth: 2 }),
      Plot.tip(
        features.features,
        Plot.pointer(
          Plot.geoCentroid({
            title: (f: KommuneFeature) => {
              const v = valueOf(f);
              return `${f.properties.navn} (${f.properties.kommunekode})\n${v === null ? "ingen værdi" : fmt(v)}${label ? ` ${label}` : ""}${extra ? `\n${extra(f.properties.kommunekode)}` : ""}`;
            }
          })
        )
      )
    ]
  });
}

/** A small locator map: Denmark in grey with one municipality filled. */
export function locatorMap(features: FeatureCollection<Geometry, KommuneProps>, kode: string, { width = 240 }: { width?: number } = {}): SVGSVGElement | HTMLElement {
  const selected = features.features.filter((f) => f.properties.kommunekode === kode);
  return Plot.plot({
    width,
    height: Math.round(width * 0.78),
    projection: { type: "transverse-mercator", rotate: [-11, -56], domain: features },
    marks: [Plot.geo(features, { fill: "#e5e5e5", stroke: "white", strokeWidth: 0.4 }), Plot.geo(selected, { fill: "var(--kt-accent, #1f5f8b)", stroke: "black", strokeWidth: 1 })]
  });
}
