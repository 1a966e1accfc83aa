/**
 * Browser components of the infrastructure pages (/infrastruktur, /infrastruktur/<kode>):
 * tables with Danish numbers and an export (CSV for Danish Excel, XLSX) under each, the
 * charts (Plot), and the onboarding matrix. Every element built from demo data carries a
 * visible "Demodata" badge.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber, formatShare, tickFormat } from "../../common/format.js";
import { formatMaaned, type Kort } from "../../common/views/infrastruktur.js";
import {
  KLARMELDING_KOLONNER,
  KLARMELDING_LEGENDE,
  KLARMELDING_NOTE,
  type MatrixCellK,
  matrixTitel,
  type StepSide,
  statusStyle
} from "../../common/views/infrastruktur-kommune.js";
import { type CellView, cellView, shownRows, type Tabel } from "../../common/views/infrastruktur-tabel.js";
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

/** A table cell as DOM: text, a link, bold, or greyed when missing. */
function cellNode(v: CellView): Child {
  if (v.href) return el("a", { href: v.href }, v.text);
  if (v.strong) return el("strong", {}, v.text);
  if (v.missing) return el("span", { class: "kt-missing" }, v.text);
  return v.text;
}

/** A titled table (figure) with a Demodata badge, a caption and CSV/XLSX export buttons (common/views/infrastruktur-tabel.ts). */
export function table<T>(t: Tabel<T>, ctx: Ctx): HTMLElement {
  const { rows: shown, note } = shownRows(t);
  const cols = t.cols;
  const tbl = el(
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
          cols.map((c) => el("td", { class: c.num ? "kt-num" : null }, cellNode(cellView(r, c))))
        )
      )
    )
  );
  return el(
    "figure",
    { class: "kt-infra-figure", id: t.id ?? null, "data-table": t.filename },
    el("figcaption", {}, el("strong", {}, t.title), " ", demoBadge(ctx)),
    // a wide table scrolls; the region is focusable so it can be scrolled by keyboard (WCAG 2.1.1)
    el("div", { class: "kt-infra-scroll", tabindex: 0, role: "region", "aria-label": t.title }, tbl),
    note ? el("p", { class: "kt-small kt-muted" }, note) : null,
    t.caption ? el("p", { class: "kt-small kt-muted" }, t.caption) : null,
    exportButtons(t.rows, cols, {
      title: t.title,
      source: ctx.kilde,
      demo: ctx.demodata,
      filename: t.filename,
      sheet: t.title.slice(0, 31)
    })
  );
}

/** The Demodata banner at the top of a page (nothing for real extracts). */
export function demoBanner(text: string | null, ctx: Ctx): HTMLElement | null {
  return text === null ? null : el("p", { class: "kt-demo-banner" }, demoBadge(ctx), ` ${text}`);
}

/** The print button and the page's links (hidden in print). */
export function printBar(label: string, links: readonly { text: string; href: string }[]): HTMLElement {
  return el(
    "p",
    { class: "kt-noprint" },
    el("button", { type: "button", onclick: "window.print()" }, label),
    links.map((l, i) => [i === 0 ? " " : " · ", el("a", { href: l.href }, l.text)])
  );
}

/** The headline cards: title, big number and a note with the Demodata badge. */
export function headlineCards(kort: readonly Kort[], ctx: Ctx): HTMLElement {
  return el(
    "div",
    { class: "kt-cards kt-infra-headline" },
    kort.map((k) =>
      el(
        "div",
        { class: "card" },
        el("h2", {}, k.titel),
        el("p", { class: "big" }, k.vaerdi),
        el("p", { class: "kt-small" }, `${k.note} `, demoBadge(ctx))
      )
    )
  );
}

/** A sentence with the Demodata badge after it. */
export function tekstMedBadge(text: string, ctx: Ctx, cls = "kt-infra-kle-tekst"): HTMLElement {
  return el("p", { class: cls }, text, " ", demoBadge(ctx));
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
                        title: matrixTitel(c)
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
      KLARMELDING_LEGENDE.map(({ status, label }) => {
        const st = statusStyle(status);
        return [el("span", { class: "kt-matrix-key", style: `background:${st.farve}` }, st.symbol), ` ${label}  `];
      }),
      KLARMELDING_NOTE
    ),
    exportButtons(m.cells, KLARMELDING_KOLONNER, {
      title: "Klarmeldingsmatrix",
      source: ctx.kilde,
      demo: ctx.demodata,
      filename: "infrastruktur-klarmelding",
      sheet: "Klarmelding"
    })
  );
}

/** One step of the potential analysis: title, KPI, comparison, explanation and its table (or "nothing to follow up"). */
export function stepSection(s: StepSide, ctx: Ctx): HTMLElement {
  return el(
    "section",
    { class: "kt-infra-step", "data-step": s.step.nr },
    el("h3", {}, s.titel, " ", demoBadge(ctx)),
    el("p", {}, el("strong", {}, s.kpiTekst), ". ", s.step.sammenligning),
    el("p", { class: "kt-small kt-muted" }, s.step.forklaring),
    s.tabel === null ? el("p", { class: "kt-small" }, s.tomTekst) : table(s.tabel, ctx)
  );
}

export const share = (x: number | null) => formatShare(x, 1);
