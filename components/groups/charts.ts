/**
 * Charts of the comparison-group page, pure functions of their inputs:
 * `(data, {width, …}) → SVG/figure element` (Plot). Not part of the engine's math.
 */
import * as Plot from "@observablehq/plot";
import type { FeatureCollection, Geometry } from "geojson";
import { formatNumber } from "../../common/format.js";
import type { GroupsResult } from "../../common/groups/model.js";
import { accessibleChart } from "../a11y.js";
import type { KommuneFeature, KommuneProps } from "../map.js";

const ACCENT = "#1f5f8b";
const GROUP = "#e08a2c";

export interface GroupMapOptions {
  width: number;
  /** kommunekode → name */
  names: Map<string, string>;
}

/**
 * Map: the chosen municipality dark, its group coloured by rank with the rank written
 * on it, all other municipalities light grey.
 */
export function groupMap(
  features: FeatureCollection<Geometry, KommuneProps>,
  kode: string,
  group: { kommunekode: string; rank: number; distance: number }[],
  options: GroupMapOptions
): HTMLElement {
  const { width, names } = options;
  const rankOf = new Map(group.map((g) => [g.kommunekode, g]));
  const inGroup = features.features.filter((f) => rankOf.has(f.properties.kommunekode));
  const self = features.features.filter((f) => f.properties.kommunekode === kode);
  const top = group.length;
  const nameOf = (k: string) =>
    names.get(k) ?? features.features.find((f) => f.properties.kommunekode === k)?.properties.navn ?? k;
  const ordered = [...group].sort((a, b) => a.rank - b.rank);
  const chart = Plot.plot({
    width,
    height: Math.round(width * 0.78),
    projection: { type: "transverse-mercator", rotate: [-11, -56], domain: features },
    color: {
      type: "linear",
      domain: [1, Math.max(top, 2)],
      range: ["#b35806", "#fdb863"],
      legend: true,
      label: "Rang i gruppen (1 = mest sammenlignelig)",
      tickFormat: (d: number) => String(d)
    },
    marks: [
      Plot.geo(features, { fill: "#d9dde2", stroke: "white", strokeWidth: 0.5 }),
      Plot.geo(inGroup, {
        fill: (f: KommuneFeature) => rankOf.get(f.properties.kommunekode)!.rank,
        stroke: "white",
        strokeWidth: 0.5
      }),
      Plot.geo(self, { fill: ACCENT, stroke: "black", strokeWidth: 1.5 }),
      Plot.text(
        inGroup,
        Plot.geoCentroid({
          text: (f: KommuneFeature) => String(rankOf.get(f.properties.kommunekode)!.rank),
          fill: "black",
          fontSize: 10,
          fontWeight: "bold"
        })
      ),
      Plot.tip(
        features.features,
        Plot.pointer(
          Plot.geoCentroid({
            title: (f: KommuneFeature) => {
              const g = rankOf.get(f.properties.kommunekode);
              const name = names.get(f.properties.kommunekode) ?? f.properties.navn;
              if (f.properties.kommunekode === kode) return `${name} (valgt kommune)`;
              return g ? `${name}\nrang ${g.rank}, afstand ${formatNumber(g.distance)}` : `${name}\nikke i gruppen`;
            }
          })
        )
      )
    ]
  });
  return accessibleChart(chart, {
    label: `Kort: ${nameOf(kode)} (mørk) og dens sammenligningsgruppe på ${top} kommuner, farvet efter rang og med rangen skrevet på kortet: ${ordered.map((g) => `${g.rank}. ${nameOf(g.kommunekode)}`).join(", ")}.`,
    table: {
      caption: `Sammenligningsgruppen for ${nameOf(kode)}, mest sammenlignelig først`,
      columns: ["Rang", "Kommune", "Kommunekode", "Afstand"],
      numeric: [0, 3],
      rows: () => ordered.map((g) => [String(g.rank), nameOf(g.kommunekode), g.kommunekode, formatNumber(g.distance)])
    }
  });
}

export interface MatrixOptions {
  width: number;
  names: Map<string, string>;
  /** "distance" (the values) or "rank" (1..n−1 per row) */
  value: "distance" | "rank";
  /** "need": by predicted outcome; "code": by kommunekode */
  order: "need" | "code";
  /** row to outline */
  highlight?: string | null;
  /** ranks ≤ top are drawn darker in rank mode */
  top: number;
  unit: string;
}

/** Heatmap of the full n × n distance or rank matrix (rows: the municipality; columns: the other). */
export function matrixHeatmap(r: GroupsResult, options: MatrixOptions): HTMLElement {
  const { width, names, value, order, highlight, top, unit } = options;
  const n = r.n;
  const idx = r.kommunekoder.map((_, i) => i);
  if (order === "need") idx.sort((a, b) => r.predicted[a] - r.predicted[b] || a - b);
  const codes = idx.map((i) => r.kommunekoder[i]);
  const cells: { row: string; col: string; v: number; rank: number; d: number }[] = [];
  for (const i of idx)
    for (const j of idx) {
      const rank = r.rank[i * n + j];
      const d = r.distance[i * n + j];
      cells.push({ row: r.kommunekoder[i], col: r.kommunekoder[j], v: value === "rank" ? rank : d, rank, d });
    }
  const size = Math.max(320, Math.min(width, 900));
  const chart = Plot.plot({
    width: size,
    height: size,
    marginLeft: 30,
    marginBottom: 30,
    marginTop: 10,
    x: { domain: codes, tickFormat: () => "", tickSize: 0, label: "sammenlignet med →" },
    y: { domain: codes, tickFormat: () => "", tickSize: 0, label: "↑ kommune" },
    color:
      value === "rank"
        ? {
            type: "threshold",
            domain: [1, top + 1, Math.ceil(n / 3), Math.ceil((2 * n) / 3)],
            range: ["#fff", "#b35806", "#fdb863", "#e5eef6", "#f7f7f7"],
            legend: true,
            label: "Rang",
            tickFormat: (d: number) => String(d)
          }
        : {
            type: "sqrt",
            scheme: "blues",
            reverse: true,
            legend: true,
            label: `Afstand (${unit})`,
            tickFormat: (d: number) => formatNumber(d)
          },
    marks: [
      Plot.cell(cells, { x: "col", y: "row", fill: "v", inset: 0 }),
      // the chosen municipality's row, outlined by a translucent band
      ...(highlight && codes.includes(highlight)
        ? [Plot.ruleY([highlight], { stroke: "black", strokeWidth: Math.max(1, (size - 40) / n), strokeOpacity: 0.3 })]
        : []),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "col",
          y: "row",
          title: (c: (typeof cells)[number]) =>
            c.row === c.col
              ? `${names.get(c.row)} (${c.row})`
              : `${names.get(c.row)} → ${names.get(c.col)}\nafstand ${formatNumber(c.d)}\nrang ${c.rank}`
        })
      )
    ]
  });
  const what = value === "rank" ? "rang" : `afstand (${unit})`;
  return accessibleChart(chart, {
    label: `Matrix med ${n} × ${n} felter: for hver kommune (række) dens ${what} til hver anden kommune (søjle), ordnet ${order === "need" ? "efter forventet udfald" : "efter kommunekode"}; mørkere er mere sammenlignelig.`,
    table: {
      caption: `${value === "rank" ? "Rang" : `Afstand (${unit})`} fra kommunen i rækken til kommunen i søjlen`,
      columns: ["Kommune", ...codes.map((c) => `${names.get(c) ?? c} (${c})`)],
      numeric: codes.map((_, i) => i + 1),
      rows: () =>
        idx.map((i) => [
          `${names.get(r.kommunekoder[i]) ?? r.kommunekoder[i]} (${r.kommunekoder[i]})`,
          ...idx.map((j) =>
            i === j ? "–" : value === "rank" ? String(r.rank[i * n + j]) : formatNumber(r.distance[i * n + j])
          )
        ])
    }
  });
}

export interface ScatterOptions {
  width: number;
  names: Map<string, string>;
  highlight?: string | null;
  group?: string[];
  unit: string;
}

/** Actual against predicted outcome; the line is actual = predicted. */
export function actualPredicted(r: GroupsResult, options: ScatterOptions): HTMLElement {
  const { width, names, highlight = null, group = [], unit } = options;
  const g = new Set(group);
  const pts = r.kommunekoder.map((k, i) => ({
    k,
    navn: names.get(k) ?? k,
    x: r.predicted[i],
    y: r.actual[i],
    role: k === highlight ? "valgt" : g.has(k) ? "gruppe" : "andre"
  }));
  const lo = Math.min(...pts.map((p) => Math.min(p.x, p.y)));
  const hi = Math.max(...pts.map((p) => Math.max(p.x, p.y)));
  const roleName = { andre: "øvrige kommuner", gruppe: "sammenligningsgruppen", valgt: "valgt kommune" } as const;
  const chart = Plot.plot({
    width,
    height: Math.round(Math.min(width, 640) * 0.75),
    grid: true,
    x: {
      label: `Forventet ud fra rammebetingelser (${unit}) →`,
      tickFormat: (d: number) => formatNumber(d),
      domain: [lo, hi],
      nice: true
    },
    y: { label: `↑ Faktisk (${unit})`, tickFormat: (d: number) => formatNumber(d), domain: [lo, hi], nice: true },
    color: {
      domain: ["andre", "gruppe", "valgt"],
      range: ["#9aa5b1", GROUP, ACCENT],
      legend: true,
      tickFormat: (d: string) =>
        ({ andre: "øvrige kommuner", gruppe: "sammenligningsgruppen", valgt: "valgt kommune" })[d] ?? d
    },
    marks: [
      Plot.line(
        [
          [lo, lo],
          [hi, hi]
        ],
        { stroke: "#555", strokeDasharray: "4,3" }
      ),
      Plot.dot(
        pts.filter((p) => p.role === "andre"),
        { x: "x", y: "y", fill: "role", r: 3, fillOpacity: 0.7 }
      ),
      Plot.dot(
        pts.filter((p) => p.role === "gruppe"),
        { x: "x", y: "y", fill: "role", r: 4.5, stroke: "white" }
      ),
      Plot.dot(
        pts.filter((p) => p.role === "valgt"),
        { x: "x", y: "y", fill: "role", r: 7, stroke: "black" }
      ),
      Plot.text(
        pts.filter((p) => p.role === "valgt"),
        { x: "x", y: "y", text: "navn", dy: -12, fontSize: 11, fontWeight: "bold" }
      ),
      Plot.tip(
        pts,
        Plot.pointer({
          x: "x",
          y: "y",
          title: (p: (typeof pts)[number]) =>
            `${p.navn} (${p.k})\nfaktisk ${formatNumber(p.y)}\nforventet ${formatNumber(p.x)}\nforskel ${formatNumber(p.y - p.x)}`
        })
      )
    ]
  });
  const self = pts.find((p) => p.role === "valgt");
  return accessibleChart(chart, {
    label:
      `Punktdiagram: faktisk mod forventet udfald (${unit}) for ${pts.length} kommuner; punkter over den stiplede linje har et højere faktisk end forventet udfald.` +
      (self ? ` ${self.navn}: faktisk ${formatNumber(self.y)}, forventet ${formatNumber(self.x)}.` : ""),
    table: {
      caption: `Faktisk og forventet udfald (${unit}) pr. kommune, største forskel først`,
      columns: ["Kommune", "Kommunekode", "Rolle", "Faktisk", "Forventet", "Forskel"],
      numeric: [3, 4, 5],
      rows: () =>
        [...pts]
          .sort((a, b) => b.y - b.x - (a.y - a.x) || a.k.localeCompare(b.k))
          .map((p) => [
            p.navn,
            p.k,
            roleName[p.role as keyof typeof roleName],
            formatNumber(p.y),
            formatNumber(p.x),
            formatNumber(p.y - p.x)
          ])
    }
  });
}
