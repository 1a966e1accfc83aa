/**
 * A small time-series chart for a key figure, drawn as plain SVG (no Plot): a page shows
 * about 160 of them, and plain SVG keeps the page fast and prints crisply.
 *
 * `(years, series, {width, height}) → SVGSVGElement`, pure given its inputs. Lines are
 * broken where a value is missing (never drawn through 0). The municipality is the solid
 * line with dots; the national figure dashed grey; the group mean dotted orange.
 */
import { formatNumber } from "../../common/format.js";

const NS = "http://www.w3.org/2000/svg";

export interface SparkSeries {
  /** the municipality */
  v: (number | null)[];
  land?: (number | null)[] | null;
  gruppe?: (number | null)[] | null;
}

export interface SparkOptions {
  width?: number;
  height?: number;
  decimals?: number;
  /** text for the tooltip, e.g. the figure's unit */
  unit?: string;
  /** what the dashed line is (e.g. "landstal", "gennemsnit af kommunerne (uvægtet)"); said in the text alternative */
  landLabel?: string;
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/** Path data with a break at every missing value. */
export function pathOf(values: (number | null)[], x: (i: number) => number, y: (v: number) => number): string {
  let d = "";
  let pen = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    pen = true;
  });
  return d;
}

export function sparkline(years: number[], s: SparkSeries, options: SparkOptions = {}): SVGSVGElement {
  const { width = 140, height = 36, decimals, unit = "", landLabel } = options;
  const all = [s.v, s.land ?? [], s.gruppe ?? []].flat().filter((v): v is number => v !== null && Number.isFinite(v));
  const root = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, class: "kt-spark", role: "img" });
  const own = s.v.filter((v) => v !== null).length;
  const label = years
    .map((y, i) => `${y}: ${s.v[i] === null ? "ingen værdi" : formatNumber(s.v[i], decimals)}`)
    .join(", ");
  root.setAttribute(
    "aria-label",
    `Udvikling ${years[0]}–${years[years.length - 1]}${unit ? ` (${unit})` : ""}: ${label}${s.land && landLabel ? `. Stiplet linje: ${landLabel}` : ""}`
  );
  const title = svg("title", {});
  title.textContent = root.getAttribute("aria-label");
  root.append(title);
  if (!all.length || !own) {
    const t = svg("text", { x: 2, y: height / 2 + 4, class: "kt-spark-empty", "font-size": 10, fill: "currentColor" });
    t.textContent = "ingen tidsserie";
    root.append(t);
    return root;
  }
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (lo === hi) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const pad = 4;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, years.length - 1);
  const y = (v: number) => height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad);
  if (s.land)
    root.append(
      svg("path", {
        d: pathOf(s.land, x, y),
        fill: "none",
        stroke: "#888",
        "stroke-width": 1.2,
        "stroke-dasharray": "3,2",
        class: "kt-spark-land"
      })
    );
  if (s.gruppe)
    root.append(
      svg("path", {
        d: pathOf(s.gruppe, x, y),
        fill: "none",
        stroke: "#d2791f",
        "stroke-width": 1.2,
        "stroke-dasharray": "1,2",
        class: "kt-spark-gruppe"
      })
    );
  root.append(
    svg("path", {
      d: pathOf(s.v, x, y),
      fill: "none",
      stroke: "var(--kt-accent, #1f5f8b)",
      "stroke-width": 1.8,
      class: "kt-spark-kommune"
    })
  );
  s.v.forEach((v, i) => {
    if (v !== null && Number.isFinite(v))
      root.append(
        svg("circle", { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: 1.8, fill: "var(--kt-accent, #1f5f8b)" })
      );
  });
  return root;
}
