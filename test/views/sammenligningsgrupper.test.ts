import { describe, expect, it } from "vitest";
import {
  cliCommand,
  formatSignificant,
  STABILITY_EXPORT_LABELS,
  significantDecimals,
  stabilityClass,
  stabilityRows,
  yearRows
} from "../../common/views/sammenligningsgrupper.js";

describe("stability classification at the thresholds", () => {
  it("0.8 is sure, just below is in between; 0.5 is in between, just below is unsure", () => {
    expect(stabilityClass(0.8)).toBe("sikker");
    expect(stabilityClass(0.7999)).toBe("mellem");
    expect(stabilityClass(0.5)).toBe("mellem");
    expect(stabilityClass(0.4999)).toBe("usikker");
    expect(stabilityClass(1)).toBe("sikker");
    expect(stabilityClass(0)).toBe("usikker");
  });
  it("labels state the thresholds", () => {
    expect(STABILITY_EXPORT_LABELS).toEqual({
      sikre: "Sikre medlemmer (>= 80 %)",
      usikre: "Usikre medlemmer (< 50 %)"
    });
  });
});

describe("stabilityRows", () => {
  it("means, sure and unsure counts by hand, least stable first", () => {
    const p: Record<string, number> = {
      "101/147": 0.8,
      "101/151": 0.5,
      "101/153": 0.2,
      "147/101": 0.9,
      "147/151": 0.95,
      "147/153": 0.49
    };
    const names: Record<string, string> = { "101": "København", "147": "Frederiksberg" };
    const rows = stabilityRows(
      ["101", "147"],
      [
        [{ kommunekode: "147" }, { kommunekode: "151" }, { kommunekode: "153" }],
        [{ kommunekode: "101" }, { kommunekode: "151" }, { kommunekode: "153" }]
      ],
      (a, b) => p[`${a}/${b}`],
      (k) => names[k]
    );
    // 101: (0.8 + 0.5 + 0.2) / 3 = 0.5, sure 1 (0.8), unsure 1 (0.2); 147: (0.9 + 0.95 + 0.49) / 3 = 0.78, sure 2, unsure 1
    expect(rows.map((r) => r.kommunekode)).toEqual(["101", "147"]);
    expect(rows[0]).toMatchObject({ navn: "København", sikre: 1, usikre: 1 });
    expect(rows[0].gennemsnit).toBeCloseTo(0.5, 12);
    expect(rows[1]).toMatchObject({ navn: "Frederiksberg", sikre: 2, usikre: 1 });
    expect(rows[1].gennemsnit).toBeCloseTo(0.78, 12);
  });
});

describe("3 significant digits", () => {
  it("decimals by magnitude", () => {
    expect([12.04, 9.891, 0.3521, 1234, 100, 99.9, 0.00012, 0, -5.5, NaN].map(significantDecimals)).toEqual([
      1, 2, 3, 0, 0, 1, 4, 0, 2, 0
    ]);
  });
  it("Danish text", () => {
    expect(formatSignificant(12.04)).toBe("12,0");
    expect(formatSignificant(9.891)).toBe("9,89");
    expect(formatSignificant(0.3521)).toBe("0,352");
    expect(formatSignificant(123456.7)).toBe("123.457");
  });
});

describe("cliCommand", () => {
  it("the README's example", () => {
    expect(
      cliCommand({
        outcome: "udg-til-folkeskolen-pr-elev",
        vars: ["andel-6-16-aarige", "sociooekonomisk-indeks", "befolkningstaethed-indb-km2"],
        year: 2018,
        alpha: 0.05,
        method: "beta",
        top: 10,
        log: []
      })
    ).toBe(
      "npm run --silent groups -- --outcome udg-til-folkeskolen-pr-elev --vars andel-6-16-aarige,sociooekonomisk-indeks,befolkningstaethed-indb-km2 " +
        "--year 2018 --alpha 0.05 --method beta --top 10 --json"
    );
  });
  it("log and weights (weights only with method weights)", () => {
    const base = {
      outcome: "o",
      vars: ["a", "b"],
      year: 2017,
      alpha: 1,
      top: 5,
      log: ["a"],
      weights: { a: 2, b: 0.5 }
    };
    expect(cliCommand({ ...base, method: "weights" })).toBe(
      "npm run --silent groups -- --outcome o --vars a,b --year 2017 --alpha 1 --method weights --top 5 --log a --weights a=2,b=0.5 --json"
    );
    expect(cliCommand({ ...base, method: "euclid" })).toBe(
      "npm run --silent groups -- --outcome o --vars a,b --year 2017 --alpha 1 --method euclid --top 5 --log a --json"
    );
  });
});

describe("yearRows: the group over the years", () => {
  const navn = (k: string) => ({ a: "A", b: "B", c: "C", d: "D" })[k] ?? k;
  const titel = (id: string) => (id === "x" ? "Nøgletal X" : id);
  it("common members with the selected year out of N, errors and missing variables", () => {
    const rows = yearRows(
      [
        { aar: 2017, gruppe: ["a", "b", "c"], fejl: null, manglende: [] },
        { aar: 2018, gruppe: ["b", "c", "d"], fejl: null, manglende: ["x"] },
        { aar: 2019, gruppe: null, fejl: "for få kommuner", manglende: [] }
      ],
      2018,
      3,
      navn,
      titel
    );
    expect(rows).toEqual([
      { aar: 2017, gruppe: "A, B, C", faelles: 2, andel: 2 / 3, bemaerkning: "" },
      { aar: 2018, gruppe: "B, C, D", faelles: 3, andel: 1, bemaerkning: "uden Nøgletal X (findes ikke i året)" },
      { aar: 2019, gruppe: "kan ikke beregnes: for få kommuner", faelles: null, andel: null, bemaerkning: "" }
    ]);
  });
  it("no overlap when the selected year has no group", () => {
    const rows = yearRows(
      [
        { aar: 2017, gruppe: ["a"], fejl: null, manglende: [] },
        { aar: 2018, gruppe: null, fejl: "x", manglende: [] }
      ],
      2018,
      1,
      navn,
      titel
    );
    expect(rows[0].faelles).toBeNull();
  });
});
