/**
 * Browser components of the infrastructure pages (/infrastruktur, /infrastruktur/<kode>):
 * tables with Danish numbers and an export (CSV for Danish Excel, XLSX) under each, the
 * charts (Plot), and the onboarding matrix. Every element built from demo data carries a
 * visible "Demodata" badge.
 */
import * as Plot from "@observablehq/plot";
import type { Column } from "../../common/export.js";
import { formatNumber, formatShare, tickFormat } from "../../common/format.js";
import { formatMaaned } from "../../common/views/infrastruktur.js";
import { type MatrixCellK, statusStyle } from "../../common/views/infrastruktur-kommune.js";
import { plot } from "../a11y.js";
import { exportButtons } from "../download.js";
import { type Child, el } from "../kommune/dom.js";

export interface Ctx {
  demodata: boolean;
  /** source line (the aggregates' kilde) */
  kilde: string;
}

export function demoBadge(ctx: Ctx): HTMLElement | null {
  return ctx.demodata ? el("span", { class: "kt-demo-badge" }, "Demodata") : null;
}

export interface Col<T> extends Column<T> {
  /** how the cell is shown; default: numbers in Danish format, else text */
  show?: (row: T) => Child;
  num?: boolean;
}

function cell<T>(row: T, c: Col<T>): Child {
  if (c.show) return c.show(row);
  const v = typeof c.key === "function" ? c.key(row) : (row as Record<string, unknown>)[c.key];
  if (typeof v === "number") return formatNumber(v, c.decimals);
  if (v === null || v === undefined) return "–";
  return String(v);
}

/** A titled table (figure) with a Demodata badge, a caption and CSV/XLSX export buttons. */
export function table<T>(
  rows: readonly T[],
  cols: readonly Col<T>[],
  ctx: Ctx,
  opts: { title: string; filename: string; caption?: string; limit?: number; id?: string }
): HTMLElement {
  const shown = opts.limit ? rows.slice(0, opts.limit) : rows;
  const t = el(
    "table",
    { class: "kt-kdk-table kt-infra-table" },
    el(
      "thead",
      {},
      el(
        "tr",
        {},
        cols.map((c) => el("th", { class: c.num ? "kt-num" : null }, c.label))
      )
    ),
    el(
      "tbody",
      {},
      shown.map((r) =>
        el(
          "tr",
          {},
          cols.map((c) => el("td", { class: c.num ? "kt-num" : null }, cell(r, c)))
        )
      )
    )
  );
  return el(
    "figure",
    { class: "kt-infra-figure", id: opts.id ?? null, "data-table": opts.filename },
    el("figcaption", {}, el("strong", {}, opts.title), " ", demoBadge(ctx)),
    // a wide table scrolls; the region is focusable so it can be scrolled by keyboard (WCAG 2.1.1)
    el("div", { class: "kt-infra-scroll", tabindex: 0, role: "region", "aria-label": opts.title }, t),
    opts.limit && rows.length > opts.limit
      ? el("p", { class: "kt-small kt-muted" }, `Viser ${opts.limit} af ${rows.length} rækker; eksporten har alle.`)
      : null,
    opts.caption ? el("p", { class: "kt-small kt-muted" }, opts.caption) : null,
    exportButtons(rows, cols, {
      title: opts.title,
      source: ctx.kilde,
      demo: ctx.demodata,
      filename: opts.filename,
      sheet: opts.title.slice(0, 31)
    })
  );
}

/** A chart wrapped in a figure with a title, a Demodata badge and a caption. */
export function chartFigure(chart: Node, ctx: Ctx, title: string, caption?: string): HTMLElement {
  return el(
    "figure",
    { class: "kt-infra-figure kt-infra-chart" },
    el("figcaption", {}, el("strong", {}, title), " ", demoBadge(ctx)),
    chart,
    ctx.demodata
      ? el("p", { class: "kt-small kt-demo-note" }, "Demodata: genererede tal, ikke virkelige kommunedata.")
      : null,
    caption ? el("p", { class: "kt-small kt-muted" }, caption) : null
  );
}

export const monthLabel = (m: string) => formatMaaned(m, true);
const monthDate = (m: string) => new Date(`${m}-01T00:00:00Z`);

/** Lines per series over months (calls per inhabitant). */
export function trendChart(
  points: { maaned: string; serie: string; kald_pr_indbygger: number | null }[],
  width: number
): SVGSVGElement | HTMLElement {
  const data = points.filter((p) => p.kald_pr_indbygger !== null);
  const series = [...new Set(points.map((p) => p.serie))];
  return plot({
    width,
    height: 260,
    marginLeft: 50,
    x: { type: "utc", label: null, tickFormat: (d: Date) => monthLabel(d.toISOString().slice(0, 7)), ticks: 6 },
    y: { label: "kald pr. indbygger pr. måned", grid: true, tickFormat, zero: true },
    color: { domain: series, range: ["#1f5f8b", "#E69F00", "#555555"], legend: true },
    marks: [
      ...series.map((s, i) =>
        Plot.line(
          data.filter((d) => d.serie === s),
          {
            x: (d: { maaned: string }) => monthDate(d.maaned),
            y: "kald_pr_indbygger",
            stroke: "serie",
            strokeWidth: 2,
            strokeDasharray: ["none", "6,3", "2,2"][i % 3]
          }
        )
      ),
      Plot.dot(data, {
        x: (d: { maaned: string }) => monthDate(d.maaned),
        y: "kald_pr_indbygger",
        fill: "serie",
        r: 2.5,
        symbol: "serie"
      }),
      Plot.tip(
        data,
        Plot.pointerX({
          x: (d: { maaned: string }) => monthDate(d.maaned),
          y: "kald_pr_indbygger",
          title: (d: { serie: string; maaned: string; kald_pr_indbygger: number }) =>
            `${d.serie}\n${monthLabel(d.maaned)}: ${formatNumber(d.kald_pr_indbygger, 2)}`
        })
      )
    ]
  });
}

/** Horizontal bars (a ranking or a breakdown). */
export function barChart(
  rows: { label: string; value: number; highlight?: boolean }[],
  width: number,
  xLabel: string
): SVGSVGElement | HTMLElement {
  return plot({
    width,
    height: Math.max(120, rows.length * 14 + 40),
    marginLeft: 170,
    x: { label: xLabel, grid: true, tickFormat },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, {
        x: "value",
        y: "label",
        fill: (d: { highlight?: boolean }) => (d.highlight ? "#D55E00" : "#1f5f8b")
      }),
      Plot.ruleX([0])
    ]
  });
}

/** Weekday × hour heatmap of mean calls per clock hour. */
export function hourHeatmap(
  rows: { ugedag_navn: string; time: number; kald_pr_time: number }[],
  width: number,
  days: string[]
): SVGSVGElement | HTMLElement {
  return plot({
    width,
    height: 230,
    marginLeft: 70,
    padding: 0.05,
    x: { label: "time på dagen", type: "band", tickFormat: (h: number) => String(h).padStart(2, "0") },
    y: { label: null, domain: days },
    color: { scheme: "viridis", legend: true, label: "gns. kald pr. time", tickFormat },
    marks: [
      Plot.cell(rows, { x: "time", y: "ugedag_navn", fill: "kald_pr_time", inset: 0.5 }),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "time",
          y: "ugedag_navn",
          title: (d: { ugedag_navn: string; time: number; kald_pr_time: number }) =>
            `${d.ugedag_navn} kl. ${String(d.time).padStart(2, "0")}: ${formatNumber(d.kald_pr_time, 0)} kald pr. time`
        })
      )
    ]
  });
}

/** Data area × municipality heatmap (calls per inhabitant, 12 months). */
export function areaMatrix(
  cells: { navn: string; dataomraade: string; pr_indbygger: number | null }[],
  kommuner: string[],
  omraader: string[],
  width: number
): SVGSVGElement | HTMLElement {
  return plot({
    width,
    height: kommuner.length * 11 + 140,
    marginLeft: 110,
    marginBottom: 110,
    x: { label: null, domain: omraader, tickRotate: -45 },
    y: { label: null, domain: kommuner, tickSize: 0 },
    color: { type: "sqrt", scheme: "blues", legend: true, label: "kald pr. indbygger (12 mdr.)", tickFormat },
    style: { fontSize: "9px" },
    marks: [
      Plot.cell(cells, { x: "dataomraade", y: "navn", fill: "pr_indbygger", inset: 0.3 }),
      Plot.tip(
        cells,
        Plot.pointer({
          x: "dataomraade",
          y: "navn",
          title: (d: { navn: string; dataomraade: string; pr_indbygger: number | null }) =>
            `${d.navn}, ${d.dataomraade}: ${formatNumber(d.pr_indbygger, 2)} kald pr. indb.`
        })
      )
    ]
  });
}

/** The onboarding matrix: SKI systems × integrations; colour AND symbol per cell; legend included. */
export function onboardingTable(
  m: { systemer: string[]; integrationer: string[]; cells: MatrixCellK[] },
  ctx: Ctx
): HTMLElement {
  const by = new Map(m.cells.map((c) => [`${c.ski_system}|${c.integration}`, c]));
  const legend: [string, string][] = [
    ["Klarmeldt", "Klarmeldt"],
    ["Delvist klarmeldt", "Delvist klarmeldt"],
    ["Forløb 1", "I forløb"],
    ["Ensidig", "Ensidig"],
    ["Ikke klarmeldt", "Ikke klarmeldt / Nej"],
    ["Manglende info", "Manglende info"],
    ["Irrelevant", "Irrelevant / administrativt fjernet"]
  ];
  return el(
    "figure",
    { class: "kt-infra-figure kt-onboarding", "data-table": "onboarding" },
    el("figcaption", {}, el("strong", {}, "Klarmeldingsmatrix: SKI-systemer × integrationer"), " ", demoBadge(ctx)),
    el(
      "div",
      { class: "kt-infra-scroll" },
      el(
        "table",
        { class: "kt-kdk-table kt-matrix" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            el("th", {}, "System (leverandør)"),
            m.integrationer.map((i) => el("th", { class: "kt-matrix-head" }, i))
          )
        ),
        el(
          "tbody",
          {},
          m.systemer.map((s) => {
            const lev = m.cells.find((c) => c.ski_system === s)?.leverandoer;
            return el(
              "tr",
              {},
              el("th", { scope: "row" }, s, lev ? el("span", { class: "kt-muted kt-small" }, ` (${lev})`) : null),
              m.integrationer.map((i) => {
                const c = by.get(`${s}|${i}`);
                return c
                  ? el(
                      "td",
                      {
                        class: "kt-matrix-cell",
                        style: `background:${c.style.farve}`,
                        title: `${s} · ${i}: ${c.style.tekst}${c.tilsluttet ? ", i brug (kald)" : ""}`
                      },
                      c.tekst
                    )
                  : el("td", { class: "kt-matrix-cell kt-matrix-empty", title: "ingen klarmelding" }, "");
              })
            );
          })
        )
      )
    ),
    el(
      "p",
      { class: "kt-small kt-matrix-legend" },
      legend.map(([s, label]) => {
        const st = statusStyle(s);
        return [el("span", { class: "kt-matrix-key", style: `background:${st.farve}` }, st.symbol), ` ${label}  `];
      }),
      "● = kommunen kalder integrationen (seneste 12 mdr.). Tom celle = ingen klarmelding."
    ),
    exportButtons(
      m.cells,
      [
        { key: "ski_system", label: "SKI-system" },
        { key: "leverandoer", label: "Leverandør" },
        { key: "integration", label: "Integration" },
        { key: "status", label: "Status" },
        {
          key: (c: MatrixCellK) => (c.tilsluttet === null ? "" : c.tilsluttet ? "ja" : "nej"),
          label: "Kalder (12 mdr.)"
        }
      ],
      {
        title: "Klarmeldingsmatrix",
        source: ctx.kilde,
        demo: ctx.demodata,
        filename: "infrastruktur-klarmelding",
        sheet: "Klarmelding"
      }
    )
  );
}

export const share = (x: number | null) => formatShare(x, 1);
