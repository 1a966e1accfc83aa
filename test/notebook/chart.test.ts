/** Chart choice from a result's shape (hand-made results, expected choice written out). */
import { describe, expect, test } from "vitest";
import { chooseChart, describeColumns, possibleCharts, type Row } from "../../common/notebook/chart.js";

const spec = (rows: Row[], wanted?: Parameters<typeof chooseChart>[2]) =>
  chooseChart(describeColumns(Object.keys(rows[0] ?? {}), rows), rows, wanted);
const codes = (n: number) => Array.from({ length: n }, (_, i) => String(101 + i));

describe("chart choice", () => {
  test("one value per kommunekode → map", () => {
    const rows = codes(98).map((k, i) => ({ kommunekode: k, navn: `K${i}`, vaerdi: i * 1.5 }));
    expect(spec(rows)).toEqual({ kind: "kort", key: "kommunekode", y: "vaerdi" });
  });
  test("kommunekode repeated (several years) → not a map but a line per municipality", () => {
    const rows = ["101", "851"].flatMap((k) =>
      [2017, 2018, 2019].map((aar) => ({ kommunekode: k, aar, vaerdi: aar / 10 }))
    );
    expect(spec(rows)).toEqual({ kind: "linje", x: "aar", y: "vaerdi", series: "kommunekode" });
  });
  test("year and value → line", () => {
    expect(spec([2013, 2014, 2015].map((aar) => ({ aar, vaerdi: 1 })))).toEqual({
      kind: "linje",
      x: "aar",
      y: "vaerdi",
      series: undefined
    });
  });
  test("a 'year' column with non-years is a number, not a time axis", () => {
    const rows = [
      { aar: 1.5, y: 2 },
      { aar: 3, y: 4 }
    ];
    expect(spec(rows)).toEqual({ kind: "punkter", x: "aar", y: "y", series: undefined });
  });
  test("text label and value → bars", () => {
    expect(
      spec([
        { kommune: "Aalborg", vaerdi: 3 },
        { kommune: "Læsø", vaerdi: 1 }
      ])
    ).toEqual({ kind: "soejler", x: "vaerdi", y: "kommune" });
  });
  test("two numeric columns → scatter", () => {
    expect(
      spec([
        { x: 1, y: 2 },
        { x: 2, y: 3 }
      ])
    ).toEqual({ kind: "punkter", x: "x", y: "y", series: undefined });
  });
  test("only text, or no rows → table", () => {
    expect(spec([{ a: "x", b: "y" }])).toEqual({ kind: "tabel" });
    expect(chooseChart([], [])).toEqual({ kind: "tabel" });
  });
  test("the user's choice wins when the shape allows it, else the best choice", () => {
    const rows = codes(98).map((k, i) => ({ kommunekode: k, navn: `K${i}`, vaerdi: i, andet: 2 * i }));
    expect(possibleCharts(describeColumns(Object.keys(rows[0]), rows), rows).map((s) => s.kind)).toEqual([
      "kort",
      "soejler",
      "punkter",
      "tabel"
    ]);
    expect(spec(rows, "soejler")).toEqual({ kind: "soejler", x: "vaerdi", y: "navn" });
    expect(spec(rows, "tabel")).toEqual({ kind: "tabel" });
    expect(spec(rows, "linje").kind).toBe("kort");
  });
  test("mixed types in a column make it 'other'; nulls are ignored", () => {
    expect(
      describeColumns(
        ["a", "b", "c"],
        [
          { a: 1, b: null, c: "x" },
          { a: "2", b: 3, c: null }
        ]
      )
    ).toEqual([
      { name: "a", kind: "other" },
      { name: "b", kind: "number" },
      { name: "c", kind: "string" }
    ]);
  });
});
