/**
 * The calculator's view functions (common/views/sammenligningsgrupper.ts) on a tiny data set
 * small enough to compute by hand: six municipalities, one variable x = 1..6 and the outcome
 * y = 1, 3, 2, 5, 4, 6 in 2018 (x has no values in 2019).
 *
 * By hand: mean x = mean y = 3,5; Sxx = Syy = 17,5; Sxy = 6,25 + 0,75 + 0,75 + 0,75 + 0,75 +
 * 6,25 = 15,5; slope = 15,5 / 17,5 = 0,885714…; R² = 15,5² / (17,5 · 17,5) = 0,784490;
 * sd(x) = √(17,5 / 5) = 1,870829; standardised β = slope · sd(x) = 1,657020; intercept on
 * the standardised x = mean y = 3,5. Predicted for x = 1: 3,5 − 2,5 · 0,885714 = 1,285714.
 * Residuals: −0,2857, 0,8286, −1,0571, 1,0571, −0,8286, 0,2857. Euclidean distance on the
 * standardised x between neighbours one apart: 1 / 1,870829 = 0,534522.
 */
import { describe, expect, it } from "vitest";
import { FigureIndex } from "../../common/groups/index.js";
import {
  ALPHA_LEVELS,
  allGroupRows,
  alphaLevels,
  calculate,
  calculatorSearch,
  cliCommand,
  DEFAULT_ALPHA,
  DEFAULT_TOP,
  distanceUnit,
  eliminationRows,
  formatAlpha,
  groupRows,
  initialLog,
  initialVariables,
  levelRows,
  matrixRows,
  offeredVariables,
  outcomeChoices,
  parseCalculatorState,
  probabilityOf,
  regressionRows,
  regressionSummary,
  STABILITY_SURE,
  STABILITY_UNSURE,
  stabilityHeading,
  yearGroups,
  yearKindNote,
  yearRows
} from "../../common/views/sammenligningsgrupper.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";
import { GROUP_SIZE } from "../../loaders/groups.js";

const KODER = ["101", "147", "151", "153", "155", "157"];
const X = [1, 2, 3, 4, 5, 6];
const Y = [1, 3, 2, 5, 4, 6];
const rows: KeyFigureRow[] = [
  ...KODER.map((k, i) => ({ id: "x", kommunekode: k, aar: 2018, vaerdi: X[i], status: "ok" as const })),
  ...KODER.map((k, i) => ({ id: "y", kommunekode: k, aar: 2018, vaerdi: Y[i], status: "ok" as const })),
  ...KODER.map((k, i) => ({ id: "y", kommunekode: k, aar: 2019, vaerdi: Y[i], status: "ok" as const }))
];
const index = new FigureIndex(rows);
const navn = (k: string) => `K${k}`;
const titel = (id: string) => ({ x: "Variablen x", y: "Udfaldet y" })[id] ?? id;
const OPTIONS = { alpha: 1, method: "euclid" as const, top: 2 };

function ok() {
  const c = calculate(index, KODER, "y", [{ id: "x", log: false }], 2018, OPTIONS, () => 0);
  if (!c.ok) throw new Error(c.error.message);
  return c.result;
}

describe("URL state with the outcome", () => {
  it("udfald follows omraade and round-trips; left out when it is the area's own", () => {
    const s = {
      omraade: "folkeskole",
      udfald: "udg-til-folkeskolen-pr-elev",
      aar: 2018,
      vars: ["a", "b"],
      alpha: 0.05,
      metode: "beta" as const,
      n: 10
    };
    const q = calculatorSearch(s, "udg-til-folkeskolen-pr-6-16-aarig");
    expect(q).toBe(
      "omraade=folkeskole&udfald=udg-til-folkeskolen-pr-elev&aar=2018&vars=a,b&alpha=0.05&metode=beta&n=10"
    );
    expect(parseCalculatorState(`?${q}`)).toEqual(s);
    expect(calculatorSearch(s, "udg-til-folkeskolen-pr-elev")).toBe(
      "omraade=folkeskole&aar=2018&vars=a,b&alpha=0.05&metode=beta&n=10"
    );
  });
  it("a malformed outcome is ignored", () => {
    expect(parseCalculatorState("?udfald=DROP%20TABLE").udfald).toBeUndefined();
  });
});

describe("choices", () => {
  it("the page's defaults are the published default groups' (α 0,05, N 10)", () => {
    expect(DEFAULT_ALPHA).toBe(0.05);
    expect(DEFAULT_TOP).toBe(10);
    expect(DEFAULT_TOP).toBe(GROUP_SIZE);
  });
  it("α levels: the standard five plus the address's, ascending; α in Danish", () => {
    expect(ALPHA_LEVELS).toEqual([0.01, 0.05, 0.1, 0.2, 1]);
    expect(alphaLevels(0.07)).toEqual([0.01, 0.05, 0.07, 0.1, 0.2, 1]);
    expect(alphaLevels()).toEqual([0.01, 0.05, 0.1, 0.2, 1]);
    expect(formatAlpha(0.05)).toBe("0,05");
    expect(formatAlpha(1)).toBe("1 (behold alle variable)");
  });
  it("outcomes: the area's first, then Danish order (Aa under Å), no yes/no figures, only with data in the year", () => {
    const figures = [
      { id: "aarhus", titel: "Aarhus-tal", enhed: "kr." },
      { id: "oest", titel: "Øst-tal", enhed: "kr." },
      { id: "zebra", titel: "Zebra-tal", enhed: "kr." },
      { id: "aeldre", titel: "Ældre-tal", enhed: "kr." },
      { id: "jn", titel: "Ja/nej-tal", enhed: "ja/nej" },
      { id: "tom", titel: "Tomt tal", enhed: "kr." },
      { id: "omr", titel: "Områdets udfald", enhed: "kr." }
    ];
    const has = (id: string) => id !== "tom";
    expect(outcomeChoices(figures, 2018, has, "omr").map((f) => f.id)).toEqual([
      "omr",
      "zebra",
      "aeldre",
      "oest",
      "aarhus"
    ]);
  });
  it("offered variables: without the outcome and figures without data, defaults first", () => {
    const has = (id: string) => id !== "c";
    expect(offeredVariables(["b", "a", "c", "y", "d"], "y", 2018, has, ["d"], (id) => id.toUpperCase())).toEqual([
      "d",
      "a",
      "b"
    ]);
  });
  it("initial variables: remembered, else the address's, else the year's defaults, always only offered ones", () => {
    expect(initialVariables(["a", "b"], ["b", "z"], ["a"], ["a", "b"])).toEqual(["b"]);
    expect(initialVariables(["a", "b"], undefined, ["a", "z"], ["b"])).toEqual(["a"]);
    expect(initialVariables(["a", "b"], undefined, undefined, ["b", "q"])).toEqual(["b"]);
  });
  it("initial log: remembered; else exactly the address's when it names the variables (none if absent, like the CLI); else the area's", () => {
    expect(initialLog(["a", "b"], ["b", "z"], { vars: ["a"], log: ["a"] }, ["a"])).toEqual(["b"]);
    expect(initialLog(["a", "b"], undefined, { vars: ["a", "b"] }, ["a", "b"])).toEqual([]);
    expect(initialLog(["a", "b"], undefined, { vars: ["a", "b"], log: ["b"] }, ["a"])).toEqual(["b"]);
    expect(initialLog(["a", "b"], undefined, {}, ["a", "c"])).toEqual(["a"]);
    expect(initialLog(["a", "b"], undefined, undefined, ["b"])).toEqual(["b"]);
  });
  it("distance unit from the outcome's unit", () => {
    expect(distanceUnit("beta", "kr. pr. elev")).toBe("forventet udgift, kr. pr. elev");
    expect(distanceUnit("need", "pct.")).toBe("forventet værdi, pct.");
    expect(distanceUnit("euclid", "kr. pr. elev")).toBe("standardafvigelser");
  });
  it("year note: years after the accounts year are said to be budget figures", () => {
    expect(yearKindNote([2013, 2014, 2015, 2016, 2017, 2018, 2019], 2018)).toBe(
      " Tallene for 2019 er fra et udtræk i september 2019 og er sandsynligvis budgettal; 2018 er seneste regnskabsår."
    );
    expect(yearKindNote([2017, 2018], 2018)).toBe("");
  });
  it("stability heading states the thresholds in Danish", () => {
    expect(STABILITY_SURE).toBe(0.8);
    expect(STABILITY_UNSURE).toBe(0.5);
    expect(stabilityHeading()).toContain("antal sikre (≥ 80 %) og usikre (< 50 %) medlemmer");
  });
  it("the command line without variables leaves --vars out (the CLI then says it is missing)", () => {
    expect(cliCommand({ outcome: "y", vars: [], year: 2018, alpha: 0.05, method: "beta", top: 10 })).toBe(
      "npm run --silent groups -- --outcome y --year 2018 --alpha 0.05 --method beta --top 10 --json"
    );
  });
});

describe("calculate: a result or an error, never both", () => {
  it("no variables: an error in words and no result", () => {
    const c = calculate(index, KODER, "y", [], 2018, OPTIONS);
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error.message).toBe("Vælg mindst én strukturel variabel.");
    expect("result" in c).toBe(false);
  });
  it("an outcome without values in the year: an error naming the outcome", () => {
    const c = calculate(index, KODER, "y", [{ id: "x", log: false }], 2017, OPTIONS);
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.error.message).toBe("Udfaldet har ingen værdier i 2017.");
      expect(c.error.variables).toEqual(["y"]);
    }
  });
  it("a bug (not a GroupsError) is thrown, not shown as a settings error", () => {
    const broken = { has: () => true } as unknown as FigureIndex;
    expect(() => calculate(broken, KODER, "y", [{ id: "x", log: false }], 2018, OPTIONS)).toThrow(TypeError);
  });
});

describe("tables by hand", () => {
  it("regression: intercept 3,5 and standardised β 1,657020; R² 0,784490; title with α = 1", () => {
    const r = ok();
    const reg = regressionRows(r, titel);
    expect(reg.map((x) => x.variabel)).toEqual(["Konstantled (gennemsnit af kommunerne)", "Variablen x"]);
    expect(reg[0].beta).toBeCloseTo(3.5, 12);
    expect(reg[1].beta).toBeCloseTo((15.5 / 17.5) * Math.sqrt(17.5 / 5), 10);
    expect(reg[1].status).toBe("valgt");
    const s = regressionSummary(r, "Udfaldet y", "kr. pr. elev", 2018);
    expect(r.model.r2).toBeCloseTo(15.5 ** 2 / (17.5 * 17.5), 12);
    expect(s.headline).toMatch(/^n = 6 kommuner · R² = 0,784 · /);
    expect(s.exportTitle).toBe("Regression: Udfaldet y, 2018 (α = 1)");
    expect(s.strongest?.id).toBe("x");
    expect(s.perUnit).toBe("elev");
    const s05 = regressionSummary({ ...r, alpha: 0.05 }, "Udfaldet y", "kr. pr. elev", 2018);
    expect(s05.exportTitle).toBe("Regression: Udfaldet y, 2018 (α = 0,05)");
  });
  it("elimination: one step, the final model", () => {
    expect(eliminationRows(ok(), titel)).toEqual([
      { trin: 1, antal: 1, r2: expect.closeTo(0.78449, 5), adjR2: expect.any(Number), fjernet: "(slutmodel)", p: null }
    ]);
  });
  it("actual minus predicted, largest first: 153 (x=4), 147, 157, 101, 155, 151", () => {
    const lv = levelRows(ok(), navn);
    expect(lv.map((x) => x.kommunekode)).toEqual(["153", "147", "157", "101", "155", "151"]);
    const slope = 15.5 / 17.5;
    expect(lv[0].forskel).toBeCloseTo(5 - (3.5 + 0.5 * slope), 12);
    expect(lv[3].forventet).toBeCloseTo(3.5 - 2.5 * slope, 12);
    expect(lv[3].forskelPct).toBeCloseTo(((1 - (3.5 - 2.5 * slope)) / (3.5 - 2.5 * slope)) * 100, 10);
  });
  it("groups: 101's two nearest are 147 and 151 at 1 and 2 steps of 1/sd(x); all groups have n × N rows", () => {
    const r = ok();
    const step = 1 / Math.sqrt(17.5 / 5);
    const p = probabilityOf({
      kommunekoder: KODER,
      probability: KODER.flatMap((_, i) => KODER.map((_, j) => i * 10 + j))
    });
    const g = groupRows(r, "101", navn, p);
    expect(g.map((x) => [x.rang, x.kommunekode, x.navn])).toEqual([
      [1, "147", "K147"],
      [2, "151", "K151"]
    ]);
    expect(g[0].afstand).toBeCloseTo(step, 12);
    expect(g[1].afstand).toBeCloseTo(2 * step, 12);
    expect(g[0].sandsynlighed).toBe(1); // row 0, column 1
    expect(g[0].faktisk).toBe(3);
    expect(groupRows(r, "999", navn, p)).toEqual([]);
    const all = allGroupRows(r, navn, probabilityOf(null));
    expect(all).toHaveLength(6 * 2);
    expect(all.every((x) => x.sandsynlighed === null)).toBe(true);
    // 155 (x=5): 153 and 157 are equally near (ties by kommunekode)
    expect(all.filter((x) => x.kommunekode === "155").map((x) => x.nabo)).toEqual(["153", "157"]);
  });
  it("matrices: distance |i − j| / sd(x), rank 0 on the diagonal", () => {
    const r = ok();
    const d = matrixRows(r, navn, "distance");
    expect(d[0].navn).toBe("K101");
    expect(d[0]["157"] as number).toBeCloseTo(5 / Math.sqrt(17.5 / 5), 12);
    const rk = matrixRows(r, navn, "rank");
    expect(KODER.map((k) => rk[0][k])).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe("the group over the years", () => {
  it("2019 has no x: the variable is named as missing and the year says why it cannot be computed", () => {
    const years = yearGroups(index, KODER, "y", [{ id: "x", log: false }], [2018, 2019], "101", OPTIONS);
    expect(years[0]).toEqual({ aar: 2018, gruppe: ["147", "151"], fejl: null, manglende: [] });
    expect(years[1]).toEqual({ aar: 2019, gruppe: null, fejl: "Vælg mindst én strukturel variabel.", manglende: [] });
    const table = yearRows(years, 2018, 2, navn, titel);
    expect(table.map((x) => [x.aar, x.faelles, x.andel, x.gruppe])).toEqual([
      [2018, 2, 1, "K147, K151"],
      [2019, null, null, "kan ikke beregnes: Vælg mindst én strukturel variabel."]
    ]);
  });
});
