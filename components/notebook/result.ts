/**
 * A query result in the browser: a chart chosen from the result's shape (switchable),
 * a sortable table in Danish number format with the row count, and CSV/XLSX export.
 */
import * as Plot from "@observablehq/plot";
import type { Topology } from "topojson-specification";
import { formatNumber } from "../../common/format.js";
import {
  CHART_LABELS,
  type ChartSpec,
  chooseChart,
  isYearColumn,
  possibleCharts
} from "../../common/notebook/chart.js";
import { CHART_KINDS, type ChartKind } from "../../common/notebook/state.js";
import { plot } from "../a11y.js";
import { exportButtons } from "../download.js";
import { el } from "../kommune/dom.js";
import { choropleth, kommuneFeatures } from "../map.js";
import type { QueryResult, Workspace } from "./db.js";

export const SOURCE =
  "kommunetal-databasen: Social- og Indenrigsministeriet (noegletal.dk), Danmarks Statistik, DAWA/SDFI; beregning: egen SQL";
const MAX_TABLE_ROWS = 500;

const cell = (v: unknown) =>
  typeof v === "number"
    ? formatNumber(v)
    : v === null || v === undefined
      ? "–"
      : v instanceof Date
        ? v.toISOString().slice(0, 10)
        : String(v);
const yearFormat = (d: number) => String(d);

let topoMemo: Promise<Topology> | null = null;

/** Draw a chart spec (null for "tabel"). */
export async function drawChart(
  ws: Workspace,
  result: QueryResult,
  spec: ChartSpec,
  width: number
): Promise<Element | null> {
  const rows = result.rows;
  const tip = true;
  switch (spec.kind) {
    case "linje":
      return plot({
        width,
        height: 320,
        x: { tickFormat: yearFormat, label: spec.x },
        y: { grid: true, tickFormat: (d: number) => formatNumber(d), label: spec.y },
        color: spec.series ? { legend: true } : undefined,
        marks: [
          Plot.lineY(rows, { x: spec.x, y: spec.y, stroke: spec.series, tip }),
          Plot.dot(rows, { x: spec.x, y: spec.y, fill: spec.series, r: 2.5 })
        ]
      });
    case "soejler": {
      const top = rows.slice(0, 60);
      return plot({
        width,
        marginLeft: 150,
        height: 22 * top.length + 40,
        x: { grid: true, tickFormat: (d: number) => formatNumber(d), label: spec.x },
        y: { label: null },
        marks: [Plot.barX(top, { x: spec.x, y: spec.y, sort: { y: "-x" }, fill: "#1f5f8b", tip }), Plot.ruleX([0])]
      });
    }
    case "punkter":
      return plot({
        width,
        height: 360,
        grid: true,
        x: { tickFormat: (d: number) => formatNumber(d), label: spec.x },
        y: { tickFormat: (d: number) => formatNumber(d), label: spec.y },
        marks: [
          Plot.dot(rows, {
            x: spec.x,
            y: spec.y,
            stroke: "#1f5f8b",
            tip,
            title: spec.series ? (d: Record<string, unknown>) => String(d[spec.series!]) : undefined
          })
        ]
      });
    case "kort": {
      if (!ws.geo?.json) return el("p", { class: "kt-muted" }, "Kortet kræver kommunegrænserne (geo) i openWorkspace.");
      topoMemo ??= ws.geo.json() as Promise<Topology>;
      const values = new Map(
        rows.map((r) => [String(r[spec.key!]), typeof r[spec.y!] === "number" ? (r[spec.y!] as number) : null])
      );
      return choropleth(kommuneFeatures(await topoMemo), values, { width: Math.min(width, 640), label: spec.y });
    }
    default:
      return null;
  }
}

/** A sortable table of at most MAX_TABLE_ROWS rows. */
export function resultTable(result: QueryResult): HTMLElement {
  // a scroll box must be reachable by keyboard (WCAG 2.1.1)
  const wrap = el("div", { class: "kt-nb-table", tabindex: 0, role: "region", "aria-label": "Resultattabel" });
  // years are shown as 2019, not 2.019
  const years = new Set(result.columns.filter((c) => isYearColumn(c, result.rows)).map((c) => c.name));
  const show = (name: string, v: unknown) => (years.has(name) && typeof v === "number" ? String(v) : cell(v));
  let sortKey: string | null = null;
  let desc = false;
  const draw = () => {
    const rows =
      sortKey === null
        ? result.rows
        : [...result.rows].sort((a, b) => {
            const x = a[sortKey!],
              y = b[sortKey!];
            const c =
              x === null || x === undefined
                ? 1
                : y === null || y === undefined
                  ? -1
                  : typeof x === "number" && typeof y === "number"
                    ? x - y
                    : String(x).localeCompare(String(y), "da");
            return desc ? -c : c;
          });
    const table = el(
      "table",
      {},
      el(
        "thead",
        {},
        el(
          "tr",
          {},
          result.columns.map((c) => {
            const th = el(
              "th",
              { "data-col": c.name, title: "Klik for at sortere", class: c.kind === "number" ? "kt-num" : null },
              c.name,
              sortKey === c.name ? (desc ? " ▼" : " ▲") : ""
            );
            th.onclick = () => {
              desc = sortKey === c.name ? !desc : c.kind === "number";
              sortKey = c.name;
              draw();
            };
            return th;
          })
        )
      ),
      el(
        "tbody",
        {},
        rows.slice(0, MAX_TABLE_ROWS).map((r) =>
          el(
            "tr",
            {},
            result.columns.map((c) =>
              el("td", { class: c.kind === "number" ? "kt-num" : null }, show(c.name, r[c.name]))
            )
          )
        )
      )
    );
    wrap.replaceChildren(table);
  };
  draw();
  return wrap;
}

/** Chart (with a switch), table, row count and export buttons for a result. */
export function resultView(
  ws: Workspace,
  result: QueryResult,
  options: { chart: ChartKind; title: string; onChart?: (kind: ChartKind) => void; width?: number }
): HTMLElement {
  const root = el("div", { class: "kt-nb-result" });
  const chartBox = el("div", { class: "kt-nb-chart" });
  const allowed = new Set(possibleCharts(result.columns, result.rows).map((s) => s.kind));
  const select = el(
    "select",
    { "aria-label": "Diagram" },
    CHART_KINDS.map((k) =>
      el(
        "option",
        { value: k, disabled: k !== "auto" && !allowed.has(k as never), selected: k === options.chart },
        CHART_LABELS[k]
      )
    )
  );
  const width = options.width ?? Math.min(900, (document.querySelector("main")?.clientWidth ?? 900) - 20);
  const render = async (kind: ChartKind) => {
    const spec = chooseChart(result.columns, result.rows, kind);
    chartBox.dataset.chart = spec.kind;
    const chart = await drawChart(ws, result, spec, width);
    chartBox.replaceChildren(...(chart ? [chart] : []));
  };
  select.onchange = () => {
    const kind = select.value as ChartKind;
    options.onChart?.(kind);
    void render(kind);
  };
  const count = el(
    "span",
    { class: "kt-muted kt-nb-count" },
    `${formatNumber(result.rows.length, 0)} ${result.rows.length === 1 ? "række" : "rækker"}`,
    result.rows.length > MAX_TABLE_ROWS ? ` (tabellen viser de første ${MAX_TABLE_ROWS}; eksporten har alle)` : "",
    ` · ${formatNumber(result.ms, 0)} ms`
  );
  const exports = exportButtons(
    result.rows,
    result.columns.map((c) => ({ key: c.name, label: c.name })),
    { title: options.title, source: SOURCE, filename: options.title }
  );
  root.append(
    el("div", { class: "kt-nb-toolbar" }, el("label", {}, "Diagram: ", select), " ", count, exports),
    chartBox,
    resultTable(result)
  );
  void render(options.chart);
  return root;
}
