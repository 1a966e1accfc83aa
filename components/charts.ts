/**
 * Charts of one key figure across municipalities and over time. Pure functions
 * `(data, {width, …}) → SVG/figure element`; Danish number formats; a missing value is
 * left out (and said so in the caption), never drawn as 0.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../common/format.js";
import { accessibleChart, CATEGORICAL } from "./a11y.js";

export interface DotRow {
  kommunekode: string;
  navn: string;
  vaerdi: number | null;
  rank?: number | null;
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

/**
 * A beeswarm of the 98 municipalities on one axis, the selected one highlighted (larger,
 * outlined and named, not only darker). Returned as an accessible figure with the
 * values as a table ("Vis som tabel").
 */
export function distribution(rows: DotRow[], options: DistributionOptions): HTMLElement {
  const { width, label, decimals, highlight = null, reference = null, referenceLabel = "landstal" } = options;
  const data = rows.filter((r) => r.vaerdi !== null && Number.isFinite(r.vaerdi));
  const sel = data.filter((r) => r.kommunekode === highlight);
  const fmt = (x: number) => formatNumber(x, decimals);
  const sorted = [...data].sort((a, b) => b.vaerdi! - a.vaerdi! || a.kommunekode.localeCompare(b.kommunekode));
  const unit = label ? ` (${label})` : "";
  const aria =
    `Fordeling af ${data.length} kommuners værdier${unit}` +
    (sorted.length ? ` fra ${fmt(sorted[sorted.length - 1].vaerdi!)} til ${fmt(sorted[0].vaerdi!)}` : "") +
    (sel.length ? `; ${sel[0].navn}: ${fmt(sel[0].vaerdi!)}` : "") +
    (reference !== null ? `; ${referenceLabel}: ${fmt(reference)}` : "") +
    ".";
  const chart = Plot.plot({
    width,
    height: 200,
    marginTop: 30,
    marginLeft: 20,
    marginRight: 20,
    x: { label: label ?? null, tickFormat: (x: number) => formatNumber(x), grid: true },
    marks: [
      reference !== null ? Plot.ruleX([reference], { stroke: "#888", strokeDasharray: "4,3" }) : null,
      reference !== null
        ? Plot.text([reference], {
            x: (d: number) => d,
            frameAnchor: "top",
            dy: -22,
            text: () => `${referenceLabel}: ${fmt(reference)}`,
            fill: "#666",
            fontSize: 11
          })
        : null,
      Plot.dot(
        data,
        Plot.dodgeY({
          x: "vaerdi",
          r: 4,
          fill: (d: DotRow) => (d.kommunekode === highlight ? "var(--kt-accent, #1f5f8b)" : "#9bb4c8"),
          stroke: "white",
          strokeWidth: 0.5,
          anchor: "middle",
          title: (d: DotRow) =>
            `${d.navn} (${d.kommunekode})\n${fmt(d.vaerdi!)}${d.rank ? `\nnr. ${d.rank} af ${data.length}` : ""}`,
          tip: true
        })
      ),
      Plot.dot(
        sel,
        Plot.dodgeY({
          x: "vaerdi",
          r: 6,
          fill: "var(--kt-accent, #1f5f8b)",
          stroke: "black",
          strokeWidth: 1.5,
          anchor: "middle"
        })
      ),
      Plot.text(sel, {
        x: "vaerdi",
        frameAnchor: "bottom",
        dy: 0,
        text: (d: DotRow) => d.navn,
        fontWeight: "bold",
        fill: "currentColor"
      })
    ]
  });
  return accessibleChart(chart, {
    label: aria,
    table: {
      caption: `Værdier${unit}, højeste først`,
      columns: ["Kommune", "Kommunekode", `Værdi${unit}`, "Rang"],
      numeric: [2, 3],
      rows: () => sorted.map((d) => [d.navn, d.kommunekode, fmt(d.vaerdi!), d.rank ? String(d.rank) : ""])
    }
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

/**
 * Development over time, one line per series; missing years break the line. Colours are
 * the Okabe–Ito palette, and each line is also named at its last point (colour is never
 * the only key). Returned as an accessible figure with a year × series table.
 */
export function timeSeries(rows: SeriesRow[], options: TimeSeriesOptions): HTMLElement {
  const { width, label, decimals, height = 280, dashed = [] } = options;
  const fmt = (x: number) => formatNumber(x, decimals);
  const names = [...new Set(rows.map((r) => r.serie))];
  const valid = rows.filter((r) => r.vaerdi !== null);
  const years = [...new Set(rows.map((r) => r.aar))].sort((a, b) => a - b);
  const last = names
    .map((n) => valid.filter((r) => r.serie === n).sort((a, b) => b.aar - a.aar)[0])
    .filter((r): r is SeriesRow => r !== undefined);
  const value = new Map(rows.map((r) => [`${r.serie}|${r.aar}`, r.vaerdi]));
  const unit = label ? ` (${label})` : "";
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 60,
    marginRight: 110,
    x: { label: "År", tickFormat: (d: number) => String(d), ticks: [...new Set(rows.map((r) => r.aar))] },
    y: { label: label ?? null, tickFormat: (x: number) => formatNumber(x), grid: true },
    color: { legend: true, domain: names, range: CATEGORICAL },
    marks: [
      // undefined values are gaps: Plot breaks a line where y is not a number
      Plot.lineY(
        rows.filter((r) => !dashed.includes(r.serie)),
        { x: "aar", y: (r: SeriesRow) => (r.vaerdi === null ? NaN : r.vaerdi), stroke: "serie", strokeWidth: 2 }
      ),
      Plot.lineY(
        rows.filter((r) => dashed.includes(r.serie)),
        {
          x: "aar",
          y: (r: SeriesRow) => (r.vaerdi === null ? NaN : r.vaerdi),
          stroke: "serie",
          strokeWidth: 2,
          strokeDasharray: "5,4"
        }
      ),
      Plot.dot(valid, {
        x: "aar",
        y: "vaerdi",
        fill: "serie",
        r: 3,
        title: (r: SeriesRow) => `${r.serie}, ${r.aar}: ${fmt(r.vaerdi!)}`,
        tip: true
      }),
      // direct labels: the series name at its last value
      Plot.text(last, {
        x: "aar",
        y: "vaerdi",
        text: "serie",
        fill: "currentColor",
        dx: 6,
        textAnchor: "start",
        fontSize: 11
      })
    ]
  });
  return accessibleChart(chart, {
    label: `Udvikling ${years[0] ?? ""}–${years[years.length - 1] ?? ""}${unit}: ${names.join(", ")}.`,
    table: {
      caption: `Udvikling over tid${unit}; tom celle = ingen værdi`,
      columns: ["År", ...names],
      numeric: names.map((_, i) => i + 1),
      rows: () =>
        years.map((y) => [
          String(y),
          ...names.map((n) => {
            const v = value.get(`${n}|${y}`);
            return v === null || v === undefined ? "" : fmt(v);
          })
        ])
    }
  });
}

/** One municipality's value of one figure against the country (common/views/sammenlign.ts ChartPoint). */
export interface ComparePoint {
  titel: string;
  aar: number;
  aarstype: "regnskab" | "budget";
  serie: "A" | "B";
  navn: string;
  vaerdi: number;
  land: number;
  landKilde: string;
  indeks: number;
  enhed: string;
}

/**
 * Two municipalities against the country, figure by figure in one area: each figure is a row, each
 * municipality a dot (colour and shape), the country (= 100) a dashed rule. Figures of different units share
 * the axis as an index; the table alternative gives the values in their own units.
 */
export function compareChart(
  points: readonly ComparePoint[],
  options: { width: number; omraade: string; aNavn: string; bNavn: string; decimals?: (titel: string) => number }
): HTMLElement {
  const { width, omraade, aNavn, bNavn } = options;
  const titles = [...new Set(points.map((p) => p.titel))];
  const short = (t: string) => (t.length > 42 ? `${t.slice(0, 41)}…` : t);
  const fmt = (x: number) => formatNumber(x, 0);
  const names = aNavn === bNavn ? [aNavn] : [aNavn, bNavn];
  const chart = Plot.plot({
    width,
    height: 60 + titles.length * 28,
    marginLeft: Math.min(270, Math.round(width * 0.45)),
    marginRight: 20,
    x: { label: "Indeks (landet = 100)", grid: true, tickFormat: (x: number) => formatNumber(x) },
    y: { label: null, domain: titles, tickFormat: short },
    color: { domain: names, range: [CATEGORICAL[0], CATEGORICAL[5]], legend: true },
    symbol: { domain: names, range: ["circle", "square"] },
    marks: [
      Plot.ruleX([100], { stroke: "#555", strokeDasharray: "4,3" }),
      Plot.dot(points, {
        x: "indeks",
        y: "titel",
        fill: "navn",
        symbol: "navn",
        r: 5,
        stroke: "white",
        title: (p: ComparePoint) =>
          `${p.navn}: ${p.titel}, ${p.aar}${p.aarstype === "budget" ? " (budget)" : ""}\n${formatNumber(p.vaerdi)} ${p.enhed} · indeks ${fmt(p.indeks)} (${p.landKilde} = 100)`,
        tip: true
      })
    ]
  });
  chart.setAttribute?.("data-sammenlign-omraade", omraade);
  const per = new Map<
    string,
    { aar: string; enhed: string; land: number; landKilde: string; a?: ComparePoint; b?: ComparePoint }
  >();
  for (const p of points) {
    const r = per.get(p.titel) ?? {
      aar: p.aarstype === "budget" ? `${p.aar} (budget)` : String(p.aar),
      enhed: p.enhed,
      land: p.land,
      landKilde: p.landKilde
    };
    if (p.serie === "A") r.a = p;
    else r.b = p;
    per.set(p.titel, r);
  }
  const cell = (p?: ComparePoint) => (p ? formatNumber(p.vaerdi) : "ingen værdi");
  const idx = (p?: ComparePoint) => (p ? fmt(p.indeks) : "–");
  return accessibleChart(chart, {
    label:
      `${omraade}: ${aNavn} og ${bNavn} i forhold til landet (= 100) for ${titles.length} nøgletal, ` +
      "hvert som indeks, så nøgletal med forskellige enheder kan stå på samme akse.",
    className: "kt-compare-chart",
    table: {
      caption: `${omraade}: ${aNavn} og ${bNavn} i forhold til landet`,
      columns: [
        "Nøgletal",
        "År",
        "Enhed",
        aNavn,
        bNavn,
        "Landet",
        "Landet er",
        `${aNavn} (indeks)`,
        `${bNavn} (indeks)`
      ],
      numeric: [1, 3, 4, 5, 7, 8],
      rows: () =>
        [...per].map(([titel, r]) => [
          titel,
          r.aar,
          r.enhed,
          cell(r.a),
          cell(r.b),
          formatNumber(r.land),
          r.landKilde,
          idx(r.a),
          idx(r.b)
        ])
    }
  });
}
