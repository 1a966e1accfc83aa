/**
 * The chart for a result, chosen from its shape (pure, tested in test/notebook/chart.test.ts):
 * - one numeric value per kommunekode (98 or fewer distinct codes, one row each) → map;
 * - a year column (aar/år/year, integers 1900–2100) and a numeric value → line over years
 *   (one line per text column value, if there is a text column);
 * - a text column and a numeric value → bars (e.g. over municipalities);
 * - two numeric columns → scatter;
 * - otherwise the table alone.
 */
import type { ChartKind } from "./state.js";

export type ColumnKind = "number" | "string" | "other";
export interface ColumnInfo {
  name: string;
  kind: ColumnKind;
}
export type Row = Record<string, unknown>;

export interface ChartSpec {
  kind: Exclude<ChartKind, "auto">;
  x?: string;
  y?: string;
  series?: string;
  /** kommunekode column for a map */
  key?: string;
}

const YEAR = /^(aar|år|year|ar)$/i;

export function describeColumns(names: string[], rows: Row[]): ColumnInfo[] {
  return names.map((name) => {
    let kind: ColumnKind | null = null;
    for (const r of rows) {
      const v = r[name];
      if (v === null || v === undefined) continue;
      const k: ColumnKind =
        typeof v === "number" || typeof v === "bigint" ? "number" : typeof v === "string" ? "string" : "other";
      if (kind === null) kind = k;
      else if (kind !== k) return { name, kind: "other" };
    }
    return { name, kind: kind ?? "other" };
  });
}

export function isYearColumn(c: ColumnInfo, rows: Row[]): boolean {
  if (c.kind !== "number" || !YEAR.test(c.name)) return false;
  return rows.every(
    (r) =>
      r[c.name] === null ||
      (Number.isInteger(Number(r[c.name])) && Number(r[c.name]) >= 1900 && Number(r[c.name]) <= 2100)
  );
}

/** Every chart the result's shape allows, best first (always ends with "tabel"). */
export function possibleCharts(columns: ColumnInfo[], rows: Row[]): ChartSpec[] {
  const out: ChartSpec[] = [];
  if (rows.length === 0) return [{ kind: "tabel" }];
  const years = columns.filter((c) => isYearColumn(c, rows));
  const numbers = columns.filter((c) => c.kind === "number" && !years.includes(c));
  const strings = columns.filter((c) => c.kind === "string");
  const key = columns.find((c) => c.kind === "string" && /^kommunekode$/i.test(c.name));
  if (key && numbers.length >= 1 && rows.length <= 98) {
    const codes = rows.map((r) => r[key.name]);
    if (new Set(codes).size === rows.length && codes.every((k) => typeof k === "string" && /^\d{3}$/.test(k)))
      out.push({ kind: "kort", key: key.name, y: numbers[0].name });
  }
  if (years.length >= 1 && numbers.length >= 1) {
    const series = strings.find((c) => c !== key) ?? key;
    out.push({ kind: "linje", x: years[0].name, y: numbers[0].name, series: series?.name });
  }
  if (strings.length >= 1 && numbers.length >= 1) {
    const label = strings.find((c) => c !== key) ?? strings[0];
    out.push({ kind: "soejler", x: numbers[0].name, y: label.name });
  }
  if (numbers.length >= 2)
    out.push({
      kind: "punkter",
      x: numbers[0].name,
      y: numbers[1].name,
      series: (strings.find((c) => c !== key) ?? key)?.name
    });
  out.push({ kind: "tabel" });
  return out;
}

/** The chart to draw: the user's choice when the shape allows it, else the best one. */
export function chooseChart(columns: ColumnInfo[], rows: Row[], wanted: ChartKind = "auto"): ChartSpec {
  const options = possibleCharts(columns, rows);
  if (wanted !== "auto") {
    const hit = options.find((o) => o.kind === wanted);
    if (hit) return hit;
  }
  return options[0];
}

export const CHART_LABELS: Record<ChartKind, string> = {
  auto: "Automatisk",
  tabel: "Kun tabel",
  linje: "Linje over år",
  soejler: "Søjler",
  kort: "Danmarkskort",
  punkter: "Punktdiagram"
};
