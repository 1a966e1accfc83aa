import { describe, expect, it } from "vitest";
import { compareColumns, compareView, differenceText } from "../../common/views/sammenlign.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";

const kommuner = [
  { kommunekode: "101", navn: "København", regionsnavn: "H", kommunegruppe: "G" },
  { kommunekode: "751", navn: "Aarhus", regionsnavn: "M", kommunegruppe: "G" },
  { kommunekode: "825", navn: "Læsø", regionsnavn: "N", kommunegruppe: "G" }
];
const katalog = [
  { id: "x", titel: "X", enhed: "kr.", decimaler: 0, omraade_navn: "Skole", aar_til: 2019 },
  { id: "y", titel: "Y", enhed: "pct.", decimaler: 1, omraade_navn: "Ældre", aar_til: 2018 },
  { id: "z", titel: "Z", enhed: "kr.", decimaler: 0, omraade_navn: "Skole", aar_til: 2019 }
];
const r = (
  id: string,
  kommunekode: string,
  aar: number,
  vaerdi: number | null,
  status: KeyFigureRow["status"]
): KeyFigureRow => ({ id, kommunekode, aar, vaerdi, status });
const values = new Map<string, KeyFigureRow[]>([
  ["x", [r("x", "101", 2019, 150, "ok"), r("x", "751", 2019, 100, "ok"), r("x", "825", 2019, 200, "ok")]],
  ["y", [r("y", "101", 2018, null, "mangler"), r("y", "751", 2018, 4, "ok")]],
  ["z", [r("z", "101", 2019, 5, "ok"), r("z", "751", 2019, 5, "ok")]]
]);

describe("compareView", () => {
  const v = compareView(katalog, values, kommuner, "101", "751");
  it("areas in catalogue order with their rows", () => {
    expect(v.omraader.map((o) => [o.navn, o.rows.map((x) => x.id)])).toEqual([
      ["Skole", ["x", "z"]],
      ["Ældre", ["y"]]
    ]);
  });
  it("values, ranks among the three and the difference by hand", () => {
    const x = v.raekker.find((row) => row.id === "x")!;
    // 150 − 100 = 50; 50 / 100 = 50 %; ranks: Læsø 200 (1), København 150 (2), Aarhus 100 (3)
    expect(x).toMatchObject({ a: 150, b: 100, a_rang: 2, b_rang: 3, antal: 3, forskel: 50, forskel_pct: 50 });
    const y = v.raekker.find((row) => row.id === "y")!;
    expect(y).toMatchObject({ a: null, a_status: "mangler", b: 4, forskel: null, forskel_pct: null });
  });
});

describe("differenceText", () => {
  it("sign, figure decimals, percent of b", () => {
    expect(differenceText({ forskel: 50, forskel_pct: 50, decimaler: 0 })).toEqual({
      sign: "pos",
      text: "+50",
      pct: "+50,0 %"
    });
    expect(differenceText({ forskel: -1234.56, forskel_pct: -12.345, decimaler: 1 })).toEqual({
      sign: "neg",
      text: "-1.234,6",
      pct: "-12,3 %"
    });
    expect(differenceText({ forskel: 0, forskel_pct: 0, decimaler: 0 })).toEqual({
      sign: "zero",
      text: "0",
      pct: "0,0 %"
    });
    expect(differenceText({ forskel: null, forskel_pct: null, decimaler: 0 })).toEqual({
      sign: "missing",
      text: "–",
      pct: null
    });
  });
});

describe("compareColumns", () => {
  it("headed with the two names; status only where the value is missing", () => {
    const cols = compareColumns("København", "Aarhus");
    expect(cols.map((c) => c.label).slice(-2)).toEqual(["Forskel (København − Aarhus)", "Forskel i pct. af Aarhus"]);
    const status = cols[5].key as (row: { a: number | null; a_status: string }) => unknown;
    expect(status({ a: null, a_status: "mangler" })).toBe("mangler");
    expect(status({ a: 1, a_status: "ok" })).toBe("");
  });
});
