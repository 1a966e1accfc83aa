// @vitest-environment jsdom
/**
 * SVG snapshots of the chart components, the way Plot tests its own marks: each chart is
 * rendered in jsdom from a small fixed dataset, normalised (numbers rounded to 3
 * decimals, generated ids renumbered in order of appearance) and compared with a golden
 * file in test/output/. A change in what a chart draws shows up as a diff of that file;
 * accept an intended change with `npx vitest run test/charts -u` and review the diff.
 *
 * Beside the snapshots, the accessibility contract is asserted directly: every chart is
 * a figure whose graphic has role="img" and a describing aria-label, marks carry no
 * prohibited aria-label, and "Vis som tabel" opens a table with the chart's data.
 */

import type { FeatureCollection, Geometry } from "geojson";
import { describe, expect, test } from "vitest";
import type { GroupsResult } from "../../common/groups/model.js";
import { CATEGORICAL, dataTable } from "../../components/a11y.js";
import { type DotRow, distribution, type SeriesRow, timeSeries } from "../../components/charts.js";
import { actualPredicted, groupMap, matrixHeatmap } from "../../components/groups/charts.js";
import { sparkline } from "../../components/kommune/sparkline.js";
import { choropleth, type KommuneProps, locatorMap } from "../../components/map.js";

// jsdom has no canvas; Plot draws a continuous legend ramp on one and embeds it as an image.
// A stub context records the colour stops, so the ramp's image data is still in the snapshot.
HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement) {
  const stops: string[] = [];
  (this as unknown as { stops: string[] }).stops = stops;
  return {
    set fillStyle(c: string) {
      stops.push(c);
    },
    fillRect() {}
  } as unknown as CanvasRenderingContext2D;
} as unknown as typeof HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.toDataURL = function (this: HTMLCanvasElement) {
  return `data:stub,${((this as unknown as { stops?: string[] }).stops ?? []).join(",")}`;
};

/** Round every decimal number to 3 places and renumber ids (and their references) in order. */
export function normalise(node: Element): string {
  let html = node.outerHTML;
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  ids.forEach((id, i) => {
    html = html
      .split(`"${id}"`)
      .join(`"id-${i}"`)
      .split(`#${id})`)
      .join(`#id-${i})`)
      .split(`"#${id}"`)
      .join(`"#id-${i}"`);
  });
  html = html.replace(/-?\d+\.\d+(e-?\d+)?/g, (x) => {
    const r = Number(Number(x).toFixed(3));
    return String(Object.is(r, -0) ? 0 : r);
  });
  // one element per line, so a golden diff is readable
  return html.replace(/></g, ">\n<") + "\n";
}

/** Open the chart's "Vis som tabel" and return the table it builds as rows of cell text. */
function openTable(figure: Element): string[][] {
  const details = figure.querySelector("details.kt-chart-table") as HTMLDetailsElement;
  expect(details?.querySelector("summary")?.textContent).toBe("Vis som tabel");
  details.open = true;
  details.dispatchEvent(new Event("toggle"));
  const table = details.querySelector("table")!;
  expect(table.querySelector("caption")?.textContent).toBeTruthy();
  return Array.from(table.querySelectorAll("tr")).map((tr) => Array.from(tr.children).map((c) => c.textContent ?? ""));
}

function expectAccessible(figure: Element, label: RegExp) {
  expect(figure.tagName).toBe("FIGURE");
  const graphic = figure.querySelector("svg[role=img]")!;
  expect(graphic, "a graphic with role=img").not.toBeNull();
  expect(graphic.getAttribute("aria-label")).toMatch(label);
  // ARIA prohibits aria-label on a role-less <g>; Plot puts one on every mark
  expect(graphic.querySelectorAll("g[aria-label]")).toHaveLength(0);
}

// three municipalities as unit squares around Denmark, rings clockwise (as d3-geo wants)
const square = (x: number, y: number) => [
  [
    [x, y],
    [x, y + 0.5],
    [x + 0.5, y + 0.5],
    [x + 0.5, y],
    [x, y]
  ]
];
const features: FeatureCollection<Geometry, KommuneProps> = {
  type: "FeatureCollection",
  features: [
    {
      type: "Feature",
      properties: { kommunekode: "101", navn: "København" },
      geometry: { type: "Polygon", coordinates: square(12.3, 55.5) }
    },
    {
      type: "Feature",
      properties: { kommunekode: "751", navn: "Aarhus" },
      geometry: { type: "Polygon", coordinates: square(10, 56) }
    },
    {
      type: "Feature",
      properties: { kommunekode: "825", navn: "Læsø" },
      geometry: { type: "Polygon", coordinates: square(10.9, 57.2) }
    }
  ]
};

const dots: DotRow[] = [
  { kommunekode: "101", navn: "København", vaerdi: 12.5, rank: 2 },
  { kommunekode: "751", navn: "Aarhus", vaerdi: 20.25, rank: 1 },
  { kommunekode: "825", navn: "Læsø", vaerdi: null, rank: null },
  { kommunekode: "851", navn: "Aalborg", vaerdi: 7.125, rank: 3 }
];

const series: SeriesRow[] = [
  { serie: "København", aar: 2017, vaerdi: 10 },
  { serie: "København", aar: 2018, vaerdi: null },
  { serie: "København", aar: 2019, vaerdi: 12.5 },
  { serie: "Landstal", aar: 2017, vaerdi: 11 },
  { serie: "Landstal", aar: 2018, vaerdi: 11.5 },
  { serie: "Landstal", aar: 2019, vaerdi: 12 }
];

const names = new Map([
  ["101", "København"],
  ["751", "Aarhus"],
  ["825", "Læsø"]
]);

// a 3-municipality result: distances |predicted_i − predicted_j|, ranks by distance
function result(): GroupsResult {
  const kommunekoder = ["101", "751", "825"];
  const predicted = Float64Array.from([100, 130, 190]);
  const actual = Float64Array.from([110, 120, 200]);
  const n = 3;
  const distance = new Float64Array(n * n);
  const rank = new Int32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) distance[i * n + j] = Math.abs(predicted[i] - predicted[j]);
    const others = [0, 1, 2].filter((j) => j !== i).sort((a, b) => distance[i * n + a] - distance[i * n + b]);
    others.forEach((j, r) => (rank[i * n + j] = r + 1));
  }
  return { kommunekoder, n, predicted, actual, distance, rank } as unknown as GroupsResult;
}

describe("chart components: accessible figures and SVG snapshots", () => {
  test("distribution (beeswarm)", async () => {
    const fig = distribution(dots, { width: 400, label: "pct.", decimals: 1, highlight: "101", reference: 13.3 });
    expectAccessible(
      fig,
      /^Fordeling af 3 kommuners værdier \(pct\.\) fra 7,1 til 20,3; København: 12,5; landstal: 13,3\.$/
    );
    // highest first; the missing value is left out, never a zero
    expect(openTable(fig)).toEqual([
      ["Kommune", "Kommunekode", "Værdi (pct.)", "Rang"],
      ["Aarhus", "751", "20,3", "1"],
      ["København", "101", "12,5", "2"],
      ["Aalborg", "851", "7,1", "3"]
    ]);
    await expect(normalise(fig)).toMatchFileSnapshot("../output/distribution.svg");
  });

  test("timeSeries: Okabe–Ito colours, a gap for the missing year, lines named at their end", async () => {
    const fig = timeSeries(series, { width: 500, label: "kr.", decimals: 1, dashed: ["Landstal"] });
    expectAccessible(fig, /^Udvikling 2017–2019 \(kr\.\): København, Landstal\.$/);
    expect(openTable(fig)).toEqual([
      ["År", "København", "Landstal"],
      ["2017", "10,0", "11,0"],
      ["2018", "", "11,5"],
      ["2019", "12,5", "12,0"]
    ]);
    const svg = fig.querySelector("svg[role=img]")!;
    const strokes = Array.from(svg.querySelectorAll("path[stroke]")).map((p) =>
      p.getAttribute("stroke")!.toLowerCase()
    );
    expect(strokes).toContain(CATEGORICAL[0]);
    expect(strokes).toContain(CATEGORICAL[1]);
    // direct labels: each series' name written in the chart
    const texts = Array.from(svg.querySelectorAll("text")).map((t) => t.textContent);
    expect(texts).toContain("København");
    expect(texts).toContain("Landstal");
    await expect(normalise(fig)).toMatchFileSnapshot("../output/timeseries.svg");
  });

  test("choropleth: cividis classes, grey for no value, the selected municipality outlined", async () => {
    const values = new Map<string, number | null>([
      ["101", 12.5],
      ["751", 20.25],
      ["825", null]
    ]);
    const fig = choropleth(features, values, { width: 300, label: "pct.", decimals: 1, highlight: "751" });
    expectAccessible(
      fig,
      /^Danmarkskort \(pct\.\): 2 kommuner farvet i fem lige store grupper fra 12,5 til 20,3; 1 uden værdi \(grå\); Aarhus er fremhævet: 20,3\.$/
    );
    expect(openTable(fig)).toEqual([
      ["Kommune", "Kommunekode", "Værdi (pct.)"],
      ["Aarhus", "751", "20,3"],
      ["København", "101", "12,5"],
      ["Læsø", "825", "ingen værdi"]
    ]);
    await expect(normalise(fig)).toMatchFileSnapshot("../output/choropleth.svg");
  });

  test("locatorMap", async () => {
    const svg = locatorMap(features, "825", { width: 200 });
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Kort over Danmark med Læsø fremhævet");
    expect(svg.querySelectorAll("g[aria-label]")).toHaveLength(0);
    await expect(normalise(svg)).toMatchFileSnapshot("../output/locator.svg");
  });

  test("groupMap", async () => {
    const fig = groupMap(
      features,
      "101",
      [
        { kommunekode: "751", rank: 1, distance: 30 },
        { kommunekode: "825", rank: 2, distance: 90 }
      ],
      { width: 300, names }
    );
    expectAccessible(
      fig,
      /^Kort: København \(mørk\) og dens sammenligningsgruppe på 2 kommuner, .*: 1\. Aarhus, 2\. Læsø\.$/
    );
    expect(openTable(fig)).toEqual([
      ["Rang", "Kommune", "Kommunekode", "Afstand"],
      ["1", "Aarhus", "751", "30"],
      ["2", "Læsø", "825", "90"]
    ]);
    await expect(normalise(fig)).toMatchFileSnapshot("../output/groupmap.svg");
  });

  test("matrixHeatmap (distances, ordered by need)", async () => {
    const fig = matrixHeatmap(result(), {
      width: 320,
      names,
      value: "distance",
      order: "need",
      highlight: "751",
      top: 1,
      unit: "kr."
    });
    expectAccessible(fig, /^Matrix med 3 × 3 felter: .*afstand \(kr\.\)/);
    // |100−130| = 30, |100−190| = 90, |130−190| = 60
    expect(openTable(fig)).toEqual([
      ["Kommune", "København (101)", "Aarhus (751)", "Læsø (825)"],
      ["København (101)", "–", "30", "90"],
      ["Aarhus (751)", "30", "–", "60"],
      ["Læsø (825)", "90", "60", "–"]
    ]);
    await expect(normalise(fig)).toMatchFileSnapshot("../output/matrix.svg");
  });

  test("actualPredicted", async () => {
    const fig = actualPredicted(result(), { width: 400, names, highlight: "101", group: ["751"], unit: "kr." });
    expectAccessible(fig, /København: faktisk 110, forventet 100\.$/);
    // sorted by actual − predicted: Læsø +10 (825 after 101 on the tie), København +10, Aarhus −10
    expect(openTable(fig)).toEqual([
      ["Kommune", "Kommunekode", "Rolle", "Faktisk", "Forventet", "Forskel"],
      ["København", "101", "valgt kommune", "110", "100", "10"],
      ["Læsø", "825", "øvrige kommuner", "200", "190", "10"],
      ["Aarhus", "751", "sammenligningsgruppen", "120", "130", "-10"]
    ]);
    await expect(normalise(fig)).toMatchFileSnapshot("../output/actual-predicted.svg");
  });

  test("sparkline: role=img with every year's value in its name; a gap for the missing year", async () => {
    const svg = sparkline(
      [2017, 2018, 2019],
      { v: [1, null, 3], land: [2, 2, 2] },
      { width: 100, height: 30, decimals: 0, unit: "kr." }
    );
    expect(svg.getAttribute("role")).toBe("img");
    expect(svg.getAttribute("aria-label")).toBe("Udvikling 2017–2019 (kr.): 2017: 1, 2018: ingen værdi, 2019: 3");
    // two separate pieces (two M commands), never a line through the gap
    expect(svg.querySelector(".kt-spark-kommune")!.getAttribute("d")!.match(/M/g)).toHaveLength(2);
    await expect(normalise(svg)).toMatchFileSnapshot("../output/sparkline.svg");
  });

  test("dataTable: headers with scope, the first cell of a row names it", () => {
    const t = dataTable({ caption: "c", columns: ["a", "b"], numeric: [1], rows: () => [["x", "1"]] });
    expect(t.querySelector("caption")!.textContent).toBe("c");
    expect(Array.from(t.querySelectorAll("thead th")).map((th) => th.getAttribute("scope"))).toEqual(["col", "col"]);
    expect(t.querySelector("tbody th")!.getAttribute("scope")).toBe("row");
    expect(t.querySelector("tbody td")!.className).toBe("kt-num");
  });
});
