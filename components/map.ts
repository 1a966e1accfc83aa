/**
 * Choropleth map of the 98 municipalities, a pure function of its inputs:
 * `(topology, values, {width, …}) → SVG/figure element`. Municipalities without a value
 * are drawn hatched grey and named "ingen værdi" in the tooltip, never coloured as 0.
 */
import * as Plot from "@observablehq/plot";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { formatNumber } from "../common/format.js";
import { accessibleChart, hideMarks } from "./a11y.js";

export interface KommuneProps {
  kommunekode: string;
  navn: string;
}

export type KommuneFeature = Feature<Geometry, KommuneProps>;

/** GeoJSON features of the 98 municipalities from the TopoJSON made by loaders/geo.ts. */
export function kommuneFeatures(topo: Topology): FeatureCollection<Geometry, KommuneProps> {
  return feature(topo, topo.objects.kommuner as GeometryCollection<KommuneProps>) as FeatureCollection<
    Geometry,
    KommuneProps
  >;
}

export interface ChoroplethOptions {
  width: number;
  /** legend label, e.g. "kr. pr. indbygger" */
  label?: string;
  /** kommunekode drawn with a thick outline */
  highlight?: string | null;
  /** what the values' year is, e.g. "2019 (budget)": added to the legend and the text alternative */
  year?: string;
  /** decimals in legend and tooltip */
  decimals?: number;
  /** colour scheme (Plot scheme name); the default cividis is colour-blind safe and prints as a grey ramp */
  scheme?: Plot.ColorScheme;
  height?: number;
  /** extra text in the tooltip per municipality (e.g. rank) */
  extra?: (kode: string) => string;
}

/**
 * The map in five quantile classes (legend with the class limits in numbers), returned as
 * an accessible figure whose table lists every municipality's value.
 */
export function choropleth(
  features: FeatureCollection<Geometry, KommuneProps>,
  values: Map<string, number | null>,
  options: ChoroplethOptions
): HTMLElement {
  const { width, label, highlight = null, decimals, scheme = "cividis", extra, year } = options;
  const legend = [label, year].filter(Boolean).join(", ") || undefined;
  const height = options.height ?? Math.round(width * 0.78);
  const fmt = (x: number) => formatNumber(x, decimals);
  const valueFor = (f: KommuneFeature) => values.get(f.properties.kommunekode) ?? null;
  const withValue = features.features.filter((f) => valueFor(f) !== null);
  const without = features.features.filter((f) => valueFor(f) === null);
  const selected = features.features.filter((f) => f.properties.kommunekode === highlight);
  const unit = legend ? ` (${legend})` : "";
  const ordered = [...withValue].sort(
    (a, b) => valueFor(b)! - valueFor(a)! || a.properties.kommunekode.localeCompare(b.properties.kommunekode)
  );
  const range = ordered.length
    ? ` fra ${fmt(valueFor(ordered[ordered.length - 1])!)} til ${fmt(valueFor(ordered[0])!)}`
    : "";
  const sel = selected[0];
  const aria =
    `Danmarkskort${unit}: ${withValue.length} kommuner farvet i fem lige store grupper${range}` +
    (without.length ? `; ${without.length} uden værdi (grå)` : "") +
    (sel
      ? `; ${sel.properties.navn} er fremhævet: ${valueFor(sel) === null ? "ingen værdi" : fmt(valueFor(sel)!)}`
      : "") +
    ".";
  const chart = Plot.plot({
    width,
    height,
    projection: { type: "transverse-mercator", rotate: [-11, -56], domain: features },
    color: { type: "quantile", n: 5, scheme, legend: true, label: legend, tickFormat: fmt, unknown: "#ddd" },
    marks: [
      Plot.geo(without, { fill: "#eee", stroke: "white", strokeWidth: 0.5 }),
      Plot.geo(withValue, {
        fill: (f: KommuneFeature) => valueFor(f),
        stroke: "white",
        strokeWidth: 0.5
      }),
      // the selected municipality: a white halo under a black outline, visible on every class colour
      Plot.geo(selected, { stroke: "white", strokeWidth: 4 }),
      Plot.geo(selected, { stroke: "black", strokeWidth: 2 }),
      Plot.tip(
        features.features,
        Plot.pointer(
          Plot.geoCentroid({
            title: (f: KommuneFeature) => {
              const v = valueFor(f);
              return `${f.properties.navn} (${f.properties.kommunekode})\n${v === null ? "ingen værdi" : fmt(v)}${label ? ` ${label}` : ""}${extra ? `\n${extra(f.properties.kommunekode)}` : ""}`;
            }
          })
        )
      )
    ]
  });
  return accessibleChart(chart, {
    label: aria,
    table: {
      caption: `Værdier pr. kommune${unit}, højeste først; kommuner uden værdi sidst`,
      columns: ["Kommune", "Kommunekode", `Værdi${unit}`],
      numeric: [2],
      rows: () => [
        ...ordered.map((f) => [f.properties.navn, f.properties.kommunekode, fmt(valueFor(f)!)]),
        ...[...without]
          .sort((a, b) => a.properties.kommunekode.localeCompare(b.properties.kommunekode))
          .map((f) => [f.properties.navn, f.properties.kommunekode, "ingen værdi"])
      ]
    }
  });
}

/** A small locator map: Denmark in grey with one municipality filled. */
export function locatorMap(
  features: FeatureCollection<Geometry, KommuneProps>,
  kode: string,
  { width = 240 }: { width?: number } = {}
): SVGSVGElement | HTMLElement {
  const selected = features.features.filter((f) => f.properties.kommunekode === kode);
  const navn = selected[0]?.properties.navn ?? kode;
  const map = Plot.plot({
    ariaLabel: `Kort over Danmark med ${navn} fremhævet`,
    width,
    height: Math.round(width * 0.78),
    projection: { type: "transverse-mercator", rotate: [-11, -56], domain: features },
    marks: [
      Plot.geo(features, { fill: "#e5e5e5", stroke: "white", strokeWidth: 0.4 }),
      Plot.geo(selected, { fill: "var(--kt-accent, #1f5f8b)", stroke: "black", strokeWidth: 1 })
    ]
  });
  map.setAttribute("role", "img");
  hideMarks(map);
  return map;
}
