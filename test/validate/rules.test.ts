/** The validation rules engine (common/validate) on hand-made series; the expected numbers are worked out in the comments. */
import { describe, expect, test } from "vitest";
import {
  type InfraMonthlyRow,
  type KeyFigureCell,
  robustZ,
  validateInfraMonthly,
  validateKeyFigures
} from "../../common/validate/index.js";

const YEARS = [2013, 2014, 2015, 2016, 2017, 2018, 2019];
const KODER = ["101", "147", "151", "153", "155", "157", "159", "161", "163", "165"];

/** cells of one figure: `series[kode]` over YEARS (null = status "mangler") */
function cells(id: string, series: Record<string, (number | null)[]>): KeyFigureCell[] {
  const out: KeyFigureCell[] = [];
  for (const [kode, s] of Object.entries(series))
    s.forEach((v, i) =>
      out.push({ id, kommunekode: kode, aar: YEARS[i], vaerdi: v, status: v === null ? "mangler" : "ok" })
    );
  return out;
}
const flat = (n: number) => YEARS.map(() => n);
const only = (rule: string, rows: KeyFigureCell[], extra = {}) =>
  validateKeyFigures({ file: "x.csv", rows, ...extra }, { rules: [rule] });

describe("robust z (simple-statistics median and MAD)", () => {
  test("hand calculation", () => {
    // median of 10..18,100 = 14.5; |x − 14.5| sorted: .5 .5 1.5 1.5 2.5 2.5 3.5 3.5 4.5 85.5 → MAD 2.5
    // z(100) = 85.5 / (1.4826 · 2.5) = 85.5 / 3.7065 = 23.068
    const r = robustZ(100, [10, 11, 12, 13, 14, 15, 16, 17, 18, 100]);
    expect(r?.median).toBe(14.5);
    expect(r?.z).toBeCloseTo(23.068, 3);
    expect(robustZ(1, [1, 2, 3])).toBeNull(); // fewer than 5
    expect(robustZ(1, [5, 5, 5, 5, 5])).toBeNull(); // MAD 0
  });
  test("on the log scale", () => {
    // ln of 10..18,100: median (ln 14 + ln 15)/2 = 2.67355, exp = √210 = 14.4914; MAD of the logs 0.174153
    // z(100) = (ln 100 − 2.67355) / (1.4826 · 0.174153) = 7.4811
    const r = robustZ(100, [10, 11, 12, 13, 14, 15, 16, 17, 18, 100], true);
    expect(r?.median).toBeCloseTo(Math.sqrt(210), 9);
    expect(r?.z).toBeCloseTo(7.4811, 3);
  });
});

describe("continuity against the own history", () => {
  test("serie.niveauskift: one finding at the first shifted year", () => {
    // 2018: history 100,102,98,101,99 → median 100, MAD 1, σ = max(1.4826, 10 % of 100) = 10, z = (200−100)/10 = 10 > 5
    // 2019: history 102,98,101,99,200 (+100) → median 100.5, z = (201−100.5)/10.05 = 10, same direction: same finding
    const f = only("serie.niveauskift", cells("a", { "101": [100, 102, 98, 101, 99, 200, 201] }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: "serie.niveauskift",
      periode: "2018",
      vaerdi: 200,
      forventet: 100,
      kommunekode: "101"
    });
    expect(f[0].serie?.map((p) => p.vaerdi)).toEqual([100, 102, 98, 101, 99, 200, 201]);
    // a rise of 50 %: z = 50 / 10 = 5, not above 5
    expect(only("serie.niveauskift", cells("a", { "101": [100, 100, 100, 100, 100, 150, 150] }))).toHaveLength(0);
  });
  test("serie.nul: a drop to ≤ 5 % of the trailing median", () => {
    // 2017: history 100 ×4 → median 100; 3 ≤ 5 % × 100
    const f = validateKeyFigures({ file: "x.csv", rows: cells("a", { "101": [100, 100, 100, 100, 3, 100, 100] }) });
    expect(f.map((x) => [x.rule, x.periode])).toEqual([["serie.nul", "2017"]]);
    // 6 is above 5 %: not zero; z = (6 − 100) / 10 = −9.4: a level shift instead
    expect(only("serie.nul", cells("a", { "101": [100, 100, 100, 100, 6, 100, 100] }))).toHaveLength(0);
  });
  test("afvig.enhed: ≈1,000× the median of the other values", () => {
    // others 495,498,500,502,505,510 → median 501; 500000 / 501 = 998 (within 333-3000)
    const f = validateKeyFigures({
      file: "x.csv",
      rows: cells("a", { "101": [500, 510, 505, 495, 500000, 502, 498] })
    });
    expect(f.map((x) => [x.rule, x.periode, x.forventet])).toEqual([["afvig.enhed", "2017", 501]]);
    // 1/1000: 0.5 against 501 → 1/1002
    const g = only("afvig.enhed", cells("a", { "101": [500, 510, 505, 495, 0.5, 502, 498] }));
    expect(g.map((x) => x.periode)).toEqual(["2017"]);
    // a series that crosses zero has no usual level (Frederikssund's liquid assets 2013-2019: median of the others is 5)
    expect(only("afvig.enhed", cells("a", { "101": [4605, 3319, 4140, 452, -442, -2243, -1461] }))).toHaveLength(0);
    // ×100 is not a unit slip (log10 100 = 2, |2 − 3| = 1 > log10 3 = 0.477)
    expect(only("afvig.enhed", cells("a", { "101": [500, 510, 505, 495, 50000, 502, 498] }))).toHaveLength(0);
  });
  test("serie.stopper: a series ending while the others go on; fuldstaendig.aar not repeated for those years", () => {
    const series: Record<string, (number | null)[]> = { "101": [10, 11, 12, 13, null, null, null] };
    for (const k of KODER.slice(1, 6)) series[k] = flat(10);
    const f = validateKeyFigures(
      { file: "x.csv", rows: cells("a", series) },
      { rules: ["serie.stopper", "fuldstaendig.aar"] }
    );
    expect(f.map((x) => [x.rule, x.kommunekode, x.periode])).toEqual([["serie.stopper", "101", "2017"]]);
  });
});

describe("completeness", () => {
  test("fuldstaendig.aar: a missing year where the others have one; udefineret is not missing", () => {
    const series: Record<string, (number | null)[]> = { "101": [10, 10, null, 10, 10, 10, 10] };
    for (const k of KODER.slice(1, 6)) series[k] = flat(10);
    const rows = cells("a", series);
    const f = only("fuldstaendig.aar", rows);
    expect(f.map((x) => [x.kommunekode, x.periode])).toEqual([["101", "2015"]]);
    expect(f[0].message).toMatch(/status mangler.*5 af 5 andre/);
    const u = rows.map((r) => (r.vaerdi === null ? { ...r, status: "udefineret" } : r));
    expect(only("fuldstaendig.aar", u)).toHaveLength(0);
    // a year only 2 of 5 others have is not expected (2/5 < 50 %)
    const few: Record<string, (number | null)[]> = { "101": [10, 10, null, 10, 10, 10, 10] };
    KODER.slice(1, 6).forEach((k, i) => (few[k] = [10, 10, i < 2 ? 10 : null, 10, 10, 10, 10]));
    expect(only("fuldstaendig.aar", cells("a", few)).filter((x) => x.kommunekode === "101")).toHaveLength(0);
  });
  test("fuldstaendig.kommuner: a municipality absent from the file, or from one figure", () => {
    const rows = [...cells("a", { "101": flat(1), "147": flat(1) }), ...cells("b", { "101": flat(1) })];
    const f = only("fuldstaendig.kommuner", rows, { kommunekoder: ["101", "147", "151"] });
    expect(f.map((x) => [x.kommunekode, x.subject])).toEqual([
      ["147", "b"],
      ["151", "*"]
    ]);
    expect(f[1].subjectLabel).toBe("alle nøgletal");
  });
});

describe("outliers", () => {
  const values = [10, 11, 12, 13, 14, 15, 16, 17, 18, 100];
  const rows = KODER.map((k, i) => ({ id: "a", kommunekode: k, aar: 2018, vaerdi: values[i], status: "ok" }));
  test("afvig.land: robust z against all municipalities, log scale for positive values (z 7.48 > 3.5)", () => {
    const f = only("afvig.land", rows);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ kommunekode: "165", vaerdi: 100 });
    expect(f[0].forventet).toBeCloseTo(Math.sqrt(210), 9);
    // with a zero among the values: linear scale; 0 replaces 10: median 14.5, |x − 14.5| sorted .5 .5 1.5 1.5 2.5 2.5 3.5 3.5
    // 14.5 85.5 → MAD 2.5; z(100) = 85.5 / 3.7065 = 23.07, and now z(0) = −14.5 / 3.7065 = −3.91 is an outlier too
    const lin = only(
      "afvig.land",
      rows.map((r) => (r.vaerdi === 10 ? { ...r, vaerdi: 0 } : r))
    );
    expect(lin.map((x) => [x.kommunekode, x.forventet])).toEqual([
      ["101", 14.5],
      ["165", 14.5]
    ]);
    expect(lin[0].message).toMatch(/langt under alle kommuner \(median 14,5, robust z -3,91\)/);
  });
  test("afvig.gruppe: robust z against the group's other members", () => {
    // group of 165: 101..155 (10,11,12,13,14); logs: median ln 12, MAD 0.0870114 (|ln 13 − ln 12| = 0.0800, |ln 11 − ln 12| = 0.0870)
    // z = (ln 100 − ln 12) / (1.4826 · 0.0870114) = 2.12026 / 0.129003 = 16.436
    const groups = { "": { "165": ["101", "147", "151", "153", "155"], "101": ["147", "151", "153", "155", "157"] } };
    const f = only("afvig.gruppe", rows, { groups });
    expect(f.map((x) => [x.kommunekode, x.forventet])).toEqual([["165", 12]]);
    expect(f[0].message).toMatch(/langt over sammenligningsgruppen \(median 12, robust z 16,44\)/);
  });
  test("consecutive years in one direction are one finding with periodeTil", () => {
    const r2 = [2017, 2018, 2019].flatMap((aar) => rows.map((r) => ({ ...r, aar })));
    const f = only("afvig.land", r2);
    expect(f.map((x) => [x.periode, x.periodeTil])).toEqual([["2017", "2019"]]);
  });
});

describe("consistency and suppression", () => {
  test("form.dublet names both lines", () => {
    const rows: KeyFigureCell[] = [
      { id: "a", kommunekode: "101", aar: 2018, vaerdi: 1, status: "ok", line: 3 },
      { id: "a", kommunekode: "101", aar: 2018, vaerdi: 2, status: "ok", line: 9 }
    ];
    const f = only("form.dublet", rows);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 9, kommunekode: "101", periode: "2018" });
    expect(f[0].message).toMatch(/første gang linje 3/);
  });
  test("konsistens.negativ and diskretion.smaatal on count figures only", () => {
    const katalog = [
      { id: "a", titel: "Antal x", enhed: "antal", taeller_personer: true },
      { id: "b", titel: "Kr.", enhed: "kr." }
    ];
    const rows = [
      ...cells("a", { "101": [10, -3, 10, 3, 10, 10, 10] }),
      ...cells("b", { "101": [-3, 3, 10, 10, 10, 10, 10] })
    ];
    const f = validateKeyFigures(
      { file: "x.csv", rows, katalog },
      { rules: ["konsistens.negativ", "diskretion.smaatal"] }
    );
    expect(f.map((x) => [x.rule, x.subject, x.periode])).toEqual([
      ["konsistens.negativ", "a", "2014"],
      ["diskretion.smaatal", "a", "2016"]
    ]);
  });
  test("konsistens.sum: total vs parts within rounding", () => {
    // tolerance: 3 terms × 0.05 (1 decimal) + 0.1 % of the total ≈ 0.16
    const rows = [
      ...cells("t", { "101": [10, 9.1, 10, 10, 10, 10, 10] }),
      ...cells("p1", { "101": flat(4) }),
      ...cells("p2", { "101": flat(5) })
    ];
    const f = only("konsistens.sum", rows, { sums: [{ total: "t", parts: ["p1", "p2"] }] });
    expect(f.map((x) => [x.periode, x.vaerdi, x.forventet])).toHaveLength(6); // 10 ≠ 9 in every year but 2014 (9.1 − 9 = 0.1)
    expect(f.some((x) => x.periode === "2014")).toBe(false);
  });
  test("konsistens.pr_indbygger: ratio vs numerator / denominator", () => {
    // 1000 / 10 km² = 100 per km²; 120 is 20 % off (> 2 %)
    const rows = [
      ...cells("taet", { "101": [100, 120, 101, 100, 100, 100, 100] }),
      ...cells("pop", { "101": flat(1000) }),
      ...cells("areal", { "101": flat(10) })
    ];
    const f = only("konsistens.pr_indbygger", rows, {
      perInhabitant: [{ id: "taet", numerator: "pop", denominator: "areal", scale: 1 }]
    });
    expect(f.map((x) => [x.periode, x.vaerdi, x.forventet])).toEqual([["2014", 120, 100]]);
    // with the population of the input: 50,000 kr / 1000 inhabitants = 50 kr per inhabitant
    const g = validateKeyFigures(
      {
        file: "x.csv",
        rows: [...cells("pr", { "101": [50, 50, 50, 50, 50, 50, 60] }), ...cells("kr", { "101": flat(50000) })],
        befolkning: YEARS.map((aar) => ({ kommunekode: "101", aar, befolkning: 1000 })),
        perInhabitant: [{ id: "pr", numerator: "kr", scale: 1 }]
      },
      { rules: ["konsistens.pr_indbygger"] }
    );
    expect(g.map((x) => x.periode)).toEqual(["2019"]);
  });
});

describe("infrastructure, monthly", () => {
  const months = Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, "0")}`);
  const row = (kode: string, maaned: string, subject: string, kald: number, line?: number): InfraMonthlyRow => ({
    kommunekode: kode,
    maaned,
    subjectKind: "service",
    subject,
    kald,
    line,
    key: `${maaned}|${kode}|${subject}`
  });
  const base = () => {
    const rows: InfraMonthlyRow[] = [];
    let line = 2;
    for (const m of months)
      for (const k of KODER.slice(0, 6)) rows.push(row(k, m, "SF1", 1000, line++), row(k, m, "SF2", 500, line++));
    return rows;
  };
  test("a clean set has no findings", () => {
    expect(validateInfraMonthly({ file: "sp.csv", rows: base() })).toEqual([]);
  });
  test("missing month, missing municipality, zero, stop, duplicate, negative", () => {
    let rows = base().filter((r) => !(r.kommunekode === "147" && r.maaned === "2023-05"));
    rows = rows.map((r) =>
      r.kommunekode === "151" && r.subject === "SF2" && r.maaned === "2023-06" ? { ...r, kald: 0 } : r
    );
    rows = rows.filter((r) => !(r.kommunekode === "153" && r.subject === "SF2" && r.maaned >= "2023-09"));
    rows.push({ ...rows[0], line: 999 });
    rows.push(row("155", "2023-07", "SF9", -5, 1000));
    const f = validateInfraMonthly({ file: "sp.csv", rows, kommunekoder: [...KODER.slice(0, 6), "999"] });
    expect(f.map((x) => [x.rule, x.kommunekode ?? "", x.subject, x.periode ?? ""])).toEqual([
      ["form.dublet", "101", "SF1", "2023-01"],
      ["fuldstaendig.maaned", "147", "I alt", "2023-05"],
      ["serie.nul", "151", "SF2", "2023-06"],
      ["serie.stopper", "153", "SF2", "2023-09"],
      ["konsistens.negativ", "155", "SF9", "2023-07"],
      ["fuldstaendig.kommuner", "999", "I alt", ""]
    ]);
    expect(f[0].line).toBe(999);
  });
  test("outliers on calls per inhabitant, with the population", () => {
    const rows = base();
    for (const m of months) rows.push(row("159", m, "SF1", 6000), row("159", m, "SF2", 3000));
    const befolkning = Object.fromEntries(KODER.slice(0, 7).map((k) => [k, 1000]));
    const f = validateInfraMonthly({ file: "sp.csv", rows, befolkning }, { rules: ["afvig.land"] });
    // 6 municipalities at 1.5 calls per inhabitant and 159 at 9: MAD 0 → no robust z; add spread
    expect(f).toEqual([]);
    // per inhabitant: 101 ×1.2 = 1.8, 147 ×0.9 = 1.35, 151 ×1.1 = 1.65, 153 ×0.95 = 1.425, 155 and 157 1.5, 159 9
    // on the log scale: median ln 1.5, MAD of the logs ln(1.65/1.5) = 0.09531 (|ln 1.425 − ln 1.5| = 0.0513, ln 1.8/1.5 = 0.182)
    // z(159) = ln 6 / (1.4826 · 0.09531) = 1.7918 / 0.14131 = 12.68; z(101) = 0.1823 / 0.14131 = 1.29
    const factor: Record<string, number> = { "101": 1.2, "147": 0.9, "151": 1.1, "153": 0.95 };
    const spread = rows.map((r) => ({ ...r, kald: r.kald * (factor[r.kommunekode] ?? 1) }));
    const g = validateInfraMonthly({ file: "sp.csv", rows: spread, befolkning }, { rules: ["afvig.land"] });
    expect(g.map((x) => [x.kommunekode, x.periode, x.periodeTil])).toEqual([["159", "2023-01", "2023-12"]]);
  });
});
