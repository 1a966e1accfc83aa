/**
 * Charts of one key figure across municipalities and over time. Pure functions
 * `(data, {width, …}) → SVG/figure element`; Danish number formats; a missing value is
 * left out (and said so in the caption), never drawn as 0.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../common/format.js";

export interface DotRow {
  kommunekode: string;
  navn: string;
  vaerdi: number | null;
  rang?: number | null;
}

export interface DistributionOptions {
  width: number;
  label?: string;
  decimals?: number;
  /** kommunekode drawn large and dark, with its name */
  highlight?: string | null;
  /** a reference value drawn as a rule (e.g. the national figure) */
  reference?: number | null;
  referenceLabel?: string;
}

/** A beeswarm of the 98 municipalities on one axis, the selected one highlighted. */
export function distribution(rows: DotRow[], options: DistributionOptions): HTMLElement | SVGSVGElement {
  const { width, label, decimals, highlight = null, reference = null, referenceLabel = "landstal" } = options;
  const data = rows.filter((r) => r.vaerdi !== null && Number.isFinite(r.vaerdi));
  const sel = data.filter((r) => r.kommunekode === highlight);
  const fmt = (x: number) => formatNumber(x, decimals);
  return Plot.plot({
    width,
    height: 200,
    marginTop: 30,
    marginLeft: 20,
    marginRight: 20,
    x: { label: label ?? null, tickFormat: (x: number) => formatNumber(x), grid: true },
    marks: [
      reference !== null ? Plot.ruleX([reference], { stroke: "#888", strokeDasharray: "4,3" }) : null,
      reference !== null ? Plot.text([reference], { x: (d: number) => d, frameAnchor: "top", dy: -22, text: () => `${referenceLabel}: ${fmt(reference)}`, fill: "#666", fontSize: 11 }) : null,
      Plot.dot(data, Plot.dodgeY({ x: "vaerdi", r: 4, fill: (d: DotRow) => (d.kommunekode === highlight ? "var(--kt-accent, #1f5f8b)" : "#9bb4c8"), stroke: "white", strokeWidth: 0.5, anchor: "middle", title: (d: DotRow) => `${d.navn} (${d.kommunekode})\n${fmt(d.vaerdi!)}${d.rang ? `\nnr. ${d.rang} af ${data.length}` : ""}`, tip: true })),
      Plot.dot(sel, Plot.dodgeY({ x: "vaerdi", r: 6, fill: "var(--kt-accent, #1f5f8b)", stroke: "black", strokeWidth: 1.5, anchor: "middle" })),
      Plot.text(sel, { x: "vaerdi", frameAnchor: "bottom", dy: 0, text: (d: DotRow) => d.navn, fontWeight: "bold", fill: "currentColor" })
    ]
  });
}

export interface SeriesRow {
  serie: string;
  aar: number;
  vaerdi: number | null;
}

export interface TimeSeriesOptions {
  width: number;
  label?: string;
  decimals?: number;
  height?: number;
  /** series names drawn dashed (e.g. "Landstal") */
  dashed?: string[];
}

/** Development over time, one line per series; missing years break the line. */
export function timeSeries(rows: SeriesRow[], options: TimeSeriesOptions): HTMLElement | SVGSVGElement {
  const { width, label, decimals, height = 280, dashed = [] } = options;
  const fmt = (x: number) => formatNumber(x, decimals);
  const names = [...new Set(rows.map((r) => r.serie))];
  const valid = rows.filter((r) => r.vaerdi !== null);
  return Plot.plot({
    width,
    height,
    marginLeft: 60,
    x: { label: "År", tickFormat: (d: number) => String(d), ticks: [...new Set(rows.map((r) => r.aar))] },
    y: { label: label ?? null, tickFormat: (x: number) => formatNumber(x), grid: true },
    color: { legend: true, domain: names },
    marks: [
      // undefined values are gaps: Plot breaks a line where y is not a number
      Plot.lineY(rows.filter((r) => !dashed.includes(r.serie)), { x: "aar", y: (r: SeriesRow) => (r.vaerdi === null ? NaN : r.vaerdi), stroke: "serie", strokeWidth: 2 }),
      Plot.lineY(rows.filter((r) => dashed.includes(r.serie)), { x: "aar", y: (r: SeriesRow) => (r.vaerdi === null ? NaN : r.vaerdi), stroke: "serie", strokeWidth: 2, strokeDasharray: "5,4" }),
      Plot.dot(valid, { x: "aar", y: "vaerdi", fill: "serie", r: 3, title: (r: SeriesRow) => `${r.serie}, ${r.aar}: ${fmt(r.vaerdi!)}`, tip: true })
    ]
  });
}
