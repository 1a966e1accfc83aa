/**
 * The municipality profile ("hvad skiller sig ud"): robust z-scores, the choice of
 * highlights and the Danish sentence, with every expected number calculated by hand in
 * the test (and the z-scores as R computes them: R's mad() uses the same constant 1.4826).
 */
import { describe, expect, it } from "vitest";
import {
  type FigureInput,
  highlights,
  mad,
  median,
  rankWords,
  robustZ,
  scoreFigure,
  shortUnit
} from "../common/profile.js";

describe("median, MAD and the robust z-score", () => {
  it("match a hand calculation (and R: (100 - median(x)) / mad(x) with x = c(10, 12, 14, 16, 100))", () => {
    const x = [10, 12, 14, 16, 100];
    expect(median(x)).toBe(14);
    // |x − 14| = 4, 2, 0, 2, 86 → median 2
    expect(mad(x)).toBe(2);
    // (100 − 14) / (1.4826 · 2) = 86 / 2.9652 = 29.00310…
    expect(robustZ(100, x)).toBeCloseTo(29.0031, 4);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("is not scored with fewer than five values or no spread", () => {
    expect(robustZ(5, [1, 2, 3, 4])).toBeNull();
    expect(robustZ(5, [7, 7, 7, 7, 7, 7])).toBeNull();
  });

  it("does not mutate its input", () => {
    const x = Object.freeze([3, 1, 2, 5, 4]);
    expect(median(x)).toBe(3);
    expect(x).toEqual([3, 1, 2, 5, 4]);
  });
});

describe("rank in words", () => {
  it("counts from the nearer end", () => {
    expect(rankWords(1, 11)).toBe("højeste");
    expect(rankWords(3, 11)).toBe("3. højeste");
    expect(rankWords(9, 11)).toBe("3. laveste");
    expect(rankWords(11, 11)).toBe("laveste");
  });
});

const school: FigureInput = {
  id: "udg-til-folkeskolen-pr-elev",
  titel: "Udgifter til folkeskolen pr. elev",
  omraade: "folkeskole",
  omraadenavn: "Folkeskole",
  enhed: "kr.",
  decimaler: 0,
  janej: false,
  aar: 2018,
  vaerdi: 78_400,
  // 10 members
  gruppe: [70_000, 71_000, 72_000, 72_000, 73_000, 74_000, 75_000, 79_000, 69_000, 68_000],
  alle: [
    78_400, 70_000, 71_000, 72_000, 72_000, 73_000, 74_000, 75_000, 79_000, 69_000, 68_000, 66_000, 67_000, 80_000,
    71_500
  ],
  serie: [
    { aar: 2015, vaerdi: 75_385 },
    { aar: 2016, vaerdi: null },
    { aar: 2017, vaerdi: 77_000 },
    { aar: 2018, vaerdi: 78_400 }
  ]
};

describe("one figure", () => {
  it("gives the facts and the sentence, each checked by hand", () => {
    const h = scoreFigure(school)!;
    // group with the municipality: 68,69,70,71,72,72,73,74,75,78.4,79 (thousands), n = 11, median 72,000
    // |x − 72,000|: 4,3,2,1,0,0,1,2,3,6.4,7 thousand → sorted 0,0,1,1,2,2,3,3,4,6.4,7 → MAD 2,000
    // z = (78,400 − 72,000) / (1.4826 · 2,000) = 6,400 / 2,965.2 = 2.15837
    expect(h.zGruppe).toBeCloseTo(2.15837, 4);
    // group mean = the other 10 members (as the table's "Gruppegns."): (70+71+72+72+73+74+75+79+69+68)·1000 / 10 = 72,300
    expect(h.gruppeGns).toBe(72_300);
    // 78,400 − 72,300 = 6,100 kr.; 6,100 / 72,300 = 8.437 % → "8 %"
    expect(h.forskelGruppe).toBe(6_100);
    expect(h.pctGruppe).toBeCloseTo(8.43707, 4);
    // ranks in the group, highest first: 79,000 then 78,400 → 2nd highest of 11
    expect(h.rankInGroup).toBe(2);
    expect(h.gruppeStoerrelse).toBe(11);
    expect(h.gruppeVaerdier).toEqual([68_000, 69_000, 70_000, 71_000, 72_000, 72_000, 73_000, 74_000, 75_000, 79_000]);
    // since 2015 (the first year with a value): 78,400 / 75,385 − 1 = 4.0 %
    expect(h.udvikling!.fra).toBe(2015);
    expect(h.udvikling!.pct).toBeCloseTo(4.0, 1);
    // no national figure given: all 15 sorted, the median is the 8th value = 72,000; 78,400 / 72,000 − 1 = 8.9 %
    expect(h.landMedian).toBe(72_000);
    expect(h.landRef).toBe(72_000);
    expect(h.saetning).toBe(
      "Udgifter til folkeskolen pr. elev: 78.400 kr. i 2018, 6.100 kr. (8 %) over sammenligningsgruppens gennemsnit, " +
        "2. højeste af 11 i gruppen, 9 % over medianen af kommunerne, steget 4 % siden 2015."
    );
  });

  it("compares with the national figure the table shows, when there is one", () => {
    const h = scoreFigure({ ...school, land: { vaerdi: 70_000, navn: "landstallet" } })!;
    // 78,400 / 70,000 − 1 = 12 %
    expect(h.pctLand).toBeCloseTo(12, 9);
    expect(h.saetning).toContain("12 % over landstallet");
  });

  it("writes differences of percentages in percentage points, and leaves out a hidden group mean", () => {
    const share: FigureInput = {
      ...school,
      id: "andel",
      titel: "Andel udpendlere",
      enhed: "pct.",
      decimaler: 1,
      vaerdi: 30.5,
      gruppe: [20, 21, 22, 23, 24],
      alle: [30.5, 20, 21, 22, 23, 24],
      serie: []
    };
    const h = scoreFigure(share)!;
    // mean of the others = 110 / 5 = 22; 30.5 − 22 = 8.5 percentage points; 8.5 / 22 = 38.6 % → "39 %"
    expect(h.saetning).toBe(
      "Andel udpendlere: 30,5 pct. i 2018, 8,5 procentpoint (39 %) over sammenligningsgruppens gennemsnit, " +
        "højeste af 6 i gruppen, 36 % over medianen af kommunerne."
    );
    // the median of all six: (22 + 23) / 2 = 22.5; 30.5 / 22.5 − 1 = 8 / 22.5 = 35.56 % → "36 %"
    expect(h.landMedian).toBe(22.5);
    const hidden = scoreFigure({ ...share, gruppeSkjult: true })!;
    expect(hidden.gruppeGns).toBeNull();
    expect(hidden.saetning).not.toContain("sammenligningsgruppens");
  });

  it("writes a value with the short unit and thousands separators in per cent", () => {
    expect(shortUnit("kr. pr. elev")).toBe("kr.");
    expect(shortUnit("pr. 100 0-17-årige")).toBe("");
    expect(shortUnit("udlån pr. indbygger")).toBe("udlån");
    expect(shortUnit("pct.")).toBe("pct.");
    // 150,000 against a national figure of 1,000: 14,900 % over
    const h = scoreFigure({ ...school, vaerdi: 150_000, land: { vaerdi: 1_000, navn: "landstallet" } })!;
    expect(h.saetning).toContain("14.900 % over landstallet");
  });

  it("skips yes/no figures, absolute sizes and missing values", () => {
    expect(scoreFigure({ ...school, enhed: "antal" })).toBeNull();
    expect(scoreFigure({ ...school, enhed: "personer" })).toBeNull();
    expect(scoreFigure({ ...school, janej: true })).toBeNull();
    expect(scoreFigure({ ...school, vaerdi: null })).toBeNull();
  });
});

describe("the choice of highlights", () => {
  const quiet: FigureInput = { ...school, id: "stille", titel: "Stille", vaerdi: 72_000 };
  const loud: FigureInput = { ...school, id: "hoej", titel: "Høj", vaerdi: 95_000 };
  const other: FigureInput = {
    ...school,
    id: "anden",
    titel: "Anden",
    omraade: "aeldre",
    omraadenavn: "Ældre",
    vaerdi: 50_000
  };

  it("keeps figures with |z| ≥ 2, the largest first, at most two per area, areas in input order", () => {
    const hs = highlights([quiet, school, loud, other, { ...school, id: "tredje", vaerdi: 90_000 }]);
    expect(hs.map((h) => h.id)).toEqual(["hoej", "tredje", "anden"]);
  });

  it("a threshold above every score gives no highlights rather than weak ones", () => {
    expect(highlights([school], { threshold: 50 })).toEqual([]);
  });
});
