import { describe, expect, it } from "vitest";
import { formatMonthCode, formatValue } from "../../common/format.js";
import {
  CELL_STATUSES,
  isNumericStatus,
  isYesNoFigure,
  isYesNoStatus,
  nationalFigure,
  STATUS_TEXT,
  statusText,
  yearsOf,
  yearsWithData
} from "../../common/vocabulary.js";

describe("statuses", () => {
  it("every status has exactly one Danish text", () => {
    expect(Object.keys(STATUS_TEXT).sort()).toEqual([...CELL_STATUSES].sort());
    expect(statusText("ok")).toBe("");
    expect(statusText("ok", "værdi")).toBe("værdi");
    expect(statusText("undertrykt")).toBe("<5 (diskretioneret)");
    expect(statusText("ukendt")).toBe("ukendt");
  });
  it("numeric and yes/no tests", () => {
    expect(CELL_STATUSES.filter(isNumericStatus)).toEqual(["ok", "nul"]);
    expect(CELL_STATUSES.filter(isYesNoStatus)).toEqual(["ja", "nej"]);
    expect(isYesNoFigure({ enhed: "ja/nej" })).toBe(true);
    expect(isYesNoFigure({ enhed: "kr." })).toBe(false);
  });
  it("formatValue uses the one map: never 0 for missing", () => {
    expect(formatValue(null, "mangler")).toBe("mangler for året");
    expect(formatValue(1, "ja")).toBe("ja");
    expect(formatValue(null, null)).toBe("mangler");
    expect(formatValue(1234.5, "ok", 1)).toBe("1.234,5");
  });
  it("month names", () => {
    expect(formatMonthCode("2024M01")).toBe("januar 2024");
    expect(formatMonthCode("2019M12", true)).toBe("dec. 2019");
  });
});

describe("years come from the data", () => {
  it("yearsOf: distinct, ascending", () => {
    expect(yearsOf([{ aar: 2019 }, { aar: 2013 }, { aar: 2019 }, { aar: 2015 }])).toEqual([2013, 2015, 2019]);
  });
  it("yearsWithData: the catalogue's list", () => {
    expect(yearsWithData({ aar_med_data: "2013,2014,2019" })).toEqual([2013, 2014, 2019]);
    expect(yearsWithData({ aar_med_data: "" })).toEqual([]);
  });
});

describe("the national-figure rule", () => {
  const cells = [
    { vaerdi: 4, status: "ok" },
    { vaerdi: 0, status: "nul" },
    { vaerdi: null, status: "mangler" },
    { vaerdi: null, status: "undertrykt" },
    { vaerdi: 11, status: "ok" }
  ];
  it("unweighted mean of numeric cells when the source has none: (4 + 0 + 11) / 3 = 5", () => {
    const open = cells.filter((c) => c.status !== "undertrykt");
    expect(nationalFigure(open, undefined)).toEqual({
      vaerdi: 5,
      status: "ok",
      kilde: "gennemsnit af kommunerne (uvægtet)",
      n: 3
    });
  });
  it("no mean at all where a cell is suppressed (it would be biased; loaders/privacy.ts)", () => {
    expect(nationalFigure(cells, undefined)).toEqual({
      vaerdi: null,
      status: "undertrykt",
      kilde: "gennemsnit af kommunerne (uvægtet)",
      n: 3
    });
  });
  it("the source's row when it has one", () => {
    expect(nationalFigure(cells, { vaerdi: 7.5, status: "ok", type: "I alt" })).toEqual({
      vaerdi: 7.5,
      status: "ok",
      kilde: "I alt"
    });
  });
  it("nothing numeric: missing, not 0", () => {
    expect(nationalFigure([{ vaerdi: null, status: "mangler" }], undefined)).toEqual({
      vaerdi: null,
      status: "mangler",
      kilde: "gennemsnit af kommunerne (uvægtet)",
      n: 0
    });
  });
  it("yes/no: the number answering yes, out of those answering", () => {
    const yn = [
      { vaerdi: 1, status: "ja" },
      { vaerdi: 0, status: "nej" },
      { vaerdi: 1, status: "ja" },
      { vaerdi: null, status: "ikke_indberettet" }
    ];
    expect(nationalFigure(yn, undefined, true)).toEqual({ vaerdi: 2, status: "ok", kilde: "antal ja", n: 3 });
  });
});
