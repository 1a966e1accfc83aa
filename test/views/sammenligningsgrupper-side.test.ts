/**
 * What the calculator page used to compute inline, now in common/views/sammenligningsgrupper.ts: the lookups,
 * the structural variables, the per-area memory of choices, the published files, the inputs' defaults, the
 * page model, the group mean, and fixed prices (issue #12). Checked against hand calculations written here
 * and, for the structural variables on the real catalogue, against native DuckDB.
 *
 * The tiny data set (as in sammenligningsgrupper-calculator.test.ts): six municipalities, x = 1..6 and the
 * outcome y = 1, 3, 2, 5, 4, 6 in 2018 and 2019. By hand: standardised β of x = slope · sd(x) =
 * (15,5 / 17,5) · √(17,5 / 5) = 1,657020; R² = 0,784490. With euclidean distance and N = 2, 101 (x = 1)
 * has the neighbours 147 (x = 2, y = 3) and 151 (x = 3, y = 2): the group mean of y is 2,5.
 *
 * Fixed prices: index 2018 = 120, 2019 = 122 (DST base 2008 = 100), so 2018 in 2019 prices is × 122 / 120 =
 * 1,016667: the group mean becomes 2,5 · 122 / 120 = 2,541667, β becomes 1,657020 · 122 / 120 = 1,684637,
 * R² and the groups stay as they are (every value of the year is multiplied by the same factor).
 */
import { describe, expect, it } from "vitest";
import { FigureIndex } from "../../common/groups/index.js";
import { priceSetting, type StatbankPrices } from "../../common/views/priser.js";
import {
  areaSelect,
  type CalculatorArea,
  type CalculatorSettings,
  ChoiceMemory,
  calculate,
  calculatorContext,
  calculatorModel,
  groupMean,
  groupView,
  municipalitySelect,
  outcomePrices,
  outcomeSelect,
  pageSearch,
  parseCalculatorState,
  STANDARD_FILES,
  standardFileRows,
  structuralVariables,
  variableChoice,
  yearSelect
} from "../../common/views/sammenligningsgrupper.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";

const KODER = ["101", "147", "151", "153", "155", "157"];
const X = [1, 2, 3, 4, 5, 6];
const Y = [1, 3, 2, 5, 4, 6];
const rows: KeyFigureRow[] = [2018, 2019].flatMap((aar) => [
  ...KODER.map((k, i) => ({ id: "x", kommunekode: k, aar, vaerdi: X[i], status: "ok" as const })),
  ...KODER.map((k, i) => ({ id: "y", kommunekode: k, aar, vaerdi: Y[i], status: "ok" as const })),
  ...KODER.map((k, i) => ({ id: "p", kommunekode: k, aar, vaerdi: Y[i] * 10, status: "ok" as const }))
]);
const kommuner = KODER.map((k) => ({ kommunekode: k, navn: `K${k}` }));
const katalog = [
  { id: "x", titel: "Variablen x", enhed: "pct.", omraade: "struktur" },
  { id: "y", titel: "Udfaldet y", enhed: "kr. pr. elev", omraade: "skole" },
  { id: "p", titel: "Andelen p", enhed: "pct.", omraade: "skole" }
];
const AREA: CalculatorArea = {
  id: "skole",
  navn: "Skole",
  udfald: "y",
  variabler: ["x", "z"],
  standardaar: 2018,
  aar: [2018, 2019],
  log: [],
  variabler_pr_aar: { "2018": ["x"], "2019": ["x"] },
  udeladte_pr_aar: { "2019": [{ id: "z", grund: "ingen værdier i 2019" }] },
  begrundelser: { x: "fordi" }
};
const INDEX: StatbankPrices = {
  tilstand: "opdateret",
  prisindeks: {
    grundlag: "NGLK DRI NET",
    basisaar: 2008,
    aar: [
      { aar: 2008, indeks: 100 },
      { aar: 2018, indeks: 120 },
      { aar: 2019, indeks: 122 }
    ]
  },
  faste_priser_utilgaengelige: null
};
const NONE: StatbankPrices = {
  tilstand: "indbygget",
  prisindeks: null,
  faste_priser_utilgaengelige: "Intet prisindeks: kør npm run opdater."
};
const ctx = calculatorContext(kommuner, katalog, rows, [AREA], INDEX);
const settings = (over: Partial<CalculatorSettings> = {}): CalculatorSettings => ({
  omraade: AREA,
  aar: 2018,
  udfald: "y",
  kommune: { kommunekode: "101", navn: "K101" },
  variabler: ["x"],
  logs: [],
  alpha: 1,
  metode: { id: "euclid", navn: "Euklidisk" },
  N: 2,
  vaegte: {},
  priser: "loebende",
  ...over
});

describe("the page's context", () => {
  it("looks up names, titles and units, and falls back to the code or id", () => {
    expect(ctx.navn("147")).toBe("K147");
    expect(ctx.navn("999")).toBe("999");
    expect(ctx.titel("y")).toBe("Udfaldet y");
    expect(ctx.titel("ukendt")).toBe("ukendt");
    expect(ctx.enhed("y")).toBe("kr. pr. elev");
    expect(ctx.enhed("ukendt")).toBe("");
    expect(ctx.koder).toEqual(KODER);
    expect(ctx.has("x", 2018)).toBe(true);
    expect(ctx.has("x", 2017)).toBe(false);
    // the base year of fixed prices: the latest of the areas' years the index covers
    expect(ctx.prisvalg.basisaar).toBe(2019);
  });
  it("structural variables: the areas' candidates plus the catalogue's area 'struktur' (hand example)", () => {
    expect(
      [
        ...structuralVariables(
          [{ variabler: ["a", "b"] }, { variabler: ["b", "c"] }],
          [
            { id: "d", omraade: "struktur" },
            { id: "e", omraade: "skole" },
            { id: "a", omraade: "struktur" }
          ]
        )
      ].sort()
    ).toEqual(["a", "b", "c", "d"]);
  });
  it("structural variables on the real catalogue and areas equal native DuckDB's union", async () => {
    const { buildNoegletal } = await import("../../loaders/datasets.js");
    const { buildGroupDefaults } = await import("../../loaders/groups.js");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const kat = buildNoegletal().katalog;
    const areas = buildGroupDefaults().areas;
    const c = await (await DuckDBInstance.create()).connect();
    await c.run("CREATE TABLE katalog (id VARCHAR, omraade VARCHAR)");
    await c.run("CREATE TABLE kandidat (id VARCHAR)");
    const a1 = await c.createAppender("katalog");
    for (const k of kat) {
      a1.appendVarchar(k.id);
      a1.appendVarchar(k.omraade);
      a1.endRow();
    }
    a1.closeSync();
    const a2 = await c.createAppender("kandidat");
    for (const o of areas)
      for (const v of o.variabler) {
        a2.appendVarchar(v);
        a2.endRow();
      }
    a2.closeSync();
    const r = await c.runAndReadAll(
      "SELECT id FROM katalog WHERE omraade = 'struktur' UNION SELECT id FROM kandidat ORDER BY id"
    );
    const expected = r.getRowObjects().map((o) => o.id as string);
    expect(expected.length).toBeGreaterThan(10);
    expect([...structuralVariables(areas, kat)].sort()).toEqual([...expected].sort());
  });
});

describe("choices remembered per area", () => {
  it("the address applies to its own area only; a remembered choice wins; weights fall back to 1", () => {
    const other: CalculatorArea = { ...AREA, id: "andet", udfald: "p" };
    const mem = new ChoiceMemory(parseCalculatorState("?omraade=skole&udfald=p&vars=x&log=x&vaegte=x:2"));
    expect(mem.outcome(AREA)).toBe("p");
    expect(mem.outcome(other)).toBe("p"); // the other area's own outcome
    expect(mem.variables(AREA, 2018, ["x"])).toEqual(["x"]);
    expect(mem.logs(AREA, ["x"])).toEqual(["x"]);
    expect(mem.logs(other, ["x"])).toEqual([]); // the other area's defaults (none)
    expect(mem.weight("x")).toBe(2);
    expect(mem.weight("q")).toBe(1);
    mem.remember("skole", { udfald: "y", vars: [], log: [], vaegte: { x: 3 } });
    expect(mem.outcome(AREA)).toBe("y");
    expect(mem.variables(AREA, 2018, ["x"])).toEqual([]);
    expect(mem.logs(AREA, ["x"])).toEqual([]);
    expect(mem.weight("x")).toBe(3);
  });
});

describe("the inputs' choices", () => {
  const start = parseCalculatorState("?omraade=skole&aar=2019&kommune=151&udfald=p");
  it("area, year, outcome and municipality start from the address, else the defaults", () => {
    expect(areaSelect(ctx, start)[1].value).toBe(AREA);
    expect(yearSelect(AREA, start)[0]).toEqual([2019, 2018]);
    expect(yearSelect(AREA, start)[1].value).toBe(2019);
    expect(yearSelect(AREA, parseCalculatorState("?aar=2010"))[1].value).toBe(2018);
    const [outcomes, o] = outcomeSelect(ctx, AREA, 2018, "p");
    expect(outcomes.map((f) => f.id)).toEqual(["y", "p", "x"]);
    expect(o.value?.id).toBe("p");
    expect(o.format?.(outcomes[0])).toBe("Udfaldet y (områdets standard)");
    expect(municipalitySelect(kommuner, start)[1].value?.kommunekode).toBe("151");
    expect(municipalitySelect(kommuner, {})[1].value?.kommunekode).toBe("101");
  });
  it("the candidates: offered, ticked, the summary and the note on defaults the year lacks", () => {
    const mem = new ChoiceMemory({});
    const v2018 = variableChoice(ctx, AREA, 2018, "y", mem);
    expect(v2018).toEqual({
      offered: ["x"],
      value: ["x"],
      summary: "Kandidatvariable (1 mulige i 2018; standard for området er markeret først)",
      note: ""
    });
    expect(variableChoice(ctx, AREA, 2019, "y", mem).note).toBe(
      "1 af områdets 2 standardvariable kan ikke bruges i 2019: z: ingen værdier i 2019."
    );
  });
  it("the published files with their sizes in kB (2.048 bytes = 2 kB)", () => {
    const rows = standardFileRows({ "sammenligningsgrupper.parquet": 2048, "sammenligningsomraader.json": 1536 });
    expect(rows.map((r) => r.fil)).toEqual(STANDARD_FILES.map((f) => f.fil));
    expect(rows.map((r) => r.kb)).toEqual(["2 kB", "2 kB", "0 kB"]);
  });
});

describe("fixed prices for the outcome (issue #12)", () => {
  const setting = priceSetting(INDEX, [2018, 2019]);
  it("a money outcome in fixed prices is multiplied by index(2019) / index(2018) = 122 / 120", () => {
    const p = outcomePrices("kr. pr. elev", 2018, "faste", setting);
    expect(p.fixed).toBe(true);
    expect(p.factor).toBeCloseTo(1.016667, 6);
    expect(p.unit).toBe("kr. pr. elev, faste 2019-priser");
    expect(p.titleSuffix).toBe(" (faste 2019-priser)");
    expect(p.note).toMatch(/^Faste 2019-priser: udfaldets værdier i 2018 er ganget med 1,0167 /);
    // the base year itself is unchanged
    expect(outcomePrices("kr. pr. elev", 2019, "faste", setting).factor).toBe(1);
  });
  it("current prices, non-money outcomes, a year the index lacks and no index at all leave the values as they are", () => {
    const cur = outcomePrices("kr. pr. elev", 2018, "loebende", setting);
    expect([cur.fixed, cur.factor, cur.unit]).toEqual([false, 1, "kr. pr. elev"]);
    const pct = outcomePrices("pct.", 2018, "faste", setting);
    expect([pct.fixed, pct.applies, pct.factor, pct.unit]).toEqual([false, false, 1, "pct."]);
    expect(pct.note).toContain("ikke et kronebeløb");
    const old = outcomePrices("kr. pr. elev", 2013, "faste", setting);
    expect([old.fixed, old.factor]).toEqual([false, 1]);
    expect(old.note).toBe("Prisindekset dækker ikke 2013, så udfaldet vises i løbende priser.");
    const none = outcomePrices("kr. pr. elev", 2018, "faste", priceSetting(NONE, [2018]));
    expect([none.available, none.fixed, none.factor]).toEqual([false, false, 1]);
    expect(none.note).toBe("Kun løbende priser: Intet prisindeks: kør npm run opdater.");
  });
  it("the calculation in fixed prices: β and actual values × 122 / 120, R² and the groups unchanged", () => {
    const f = 122 / 120;
    const cur = calculate(ctx.index, KODER, "y", [{ id: "x", log: false }], 2018, {
      alpha: 1,
      method: "euclid",
      top: 2
    });
    const fix = calculate(
      ctx.index,
      KODER,
      "y",
      [{ id: "x", log: false }],
      2018,
      { alpha: 1, method: "euclid", top: 2 },
      () => 0,
      f
    );
    if (!cur.ok || !fix.ok) throw new Error("calculation failed");
    const beta = (r: typeof cur.result) => r.model.terms.find((t) => t.id === "x")!.beta;
    expect(beta(cur.result)).toBeCloseTo(1.65702, 5);
    expect(beta(fix.result)).toBeCloseTo(1.684637, 5);
    expect(fix.result.model.r2).toBeCloseTo(0.78449, 5);
    expect(fix.result.actual[1]).toBeCloseTo(3 * f, 12);
    expect(fix.result.neighbours.map((n) => n.map((x) => x.kommunekode))).toEqual(
      cur.result.neighbours.map((n) => n.map((x) => x.kommunekode))
    );
    // the worker gets the same deflated input
    expect(fix.input.outcome.values[1]).toBeCloseTo(3 * f, 12);
  });
  it("the page model: the group mean, units and titles in fixed prices; the address keeps priser=faste", () => {
    const cur = calculatorModel(ctx, settings());
    const fix = calculatorModel(ctx, settings({ priser: "faste" }));
    const gCur = groupView(ctx, cur, null);
    const gFix = groupView(ctx, fix, null);
    expect(gCur.gruppe.map((g) => g.kommunekode)).toEqual(["147", "151"]);
    expect(gCur.gennemsnit).toBe(2.5);
    expect(gFix.gruppe.map((g) => g.kommunekode)).toEqual(["147", "151"]);
    expect(gFix.gennemsnit).toBeCloseTo(2.541667, 6);
    expect(fix.udfaldEnhed).toBe("kr. pr. elev, faste 2019-priser");
    expect(fix.udfaldTitel).toBe("Udfaldet y (faste 2019-priser)");
    expect(cur.udfaldTitel).toBe("Udfaldet y");
    expect(fix.afstandsenhed).toBe("standardafvigelser");
    expect(calculatorModel(ctx, settings({ priser: "faste", metode: { id: "beta", navn: "β" } })).afstandsenhed).toBe(
      "forventet udgift, kr. pr. elev, faste 2019-priser"
    );
    const b = { gentagelser: 200, seed: 7, genvalg: false };
    expect(pageSearch(fix, b)).toBe(
      "omraade=skole&aar=2018&kommune=101&vars=x&alpha=1&metode=euclid&n=2&gentagelser=200&seed=7&genvalg=0&priser=faste"
    );
    expect(pageSearch(cur, b)).not.toContain("priser");
    expect(parseCalculatorState(`?${pageSearch(fix, b)}`).priser).toBe("faste");
    // a non-money outcome is the same either way, and the address does not claim fixed prices
    const pct = calculatorModel(ctx, settings({ udfald: "p", priser: "faste" }));
    expect(pct.prices.fixed).toBe(false);
    expect(groupView(ctx, pct, null).gennemsnit).toBe(25);
    expect(pageSearch(pct, b)).not.toContain("priser");
  });
  it("groupMean is the plain mean of the members, null for no group", () => {
    expect(groupMean([{ faktisk: 1 }, { faktisk: 2 }, { faktisk: 6 }])).toBe(3);
    expect(groupMean([])).toBeNull();
  });
});

describe("the page model", () => {
  it("an error gives no result, no rows and no group", () => {
    const m = calculatorModel(ctx, settings({ variabler: [] }));
    expect(m.beregning.ok).toBe(false);
    expect(m.r).toBeNull();
    expect([m.regression, m.niveau, m.variable, m.aarene, m.eliminering]).toEqual([[], [], [], [], []]);
    expect(groupView(ctx, m, null)).toEqual({ gruppe: [], gennemsnit: null, alle: [], stabilitet: [], valgtAndel: "" });
  });
  it("a municipality without data is named with what it lacks", () => {
    const idx = new FigureIndex(
      rows.map((r) => (r.id === "x" && r.kommunekode === "157" ? { ...r, vaerdi: null } : r))
    );
    const c2 = { ...ctx, index: idx, has: (id: string, aar: number) => idx.has(id, aar) };
    const m = calculatorModel(c2, settings({ kommune: { kommunekode: "157", navn: "K157" } }));
    expect(m.iModel).toBe(false);
    expect(m.ikkeIModel).toBe("K157 mangler data for Variablen x i 2018 og er ikke med i beregningen.");
  });
  it("the bootstrap's result gives the probabilities, the stability rows and the share each variable was kept", () => {
    const m = calculatorModel(ctx, settings());
    const n = KODER.length;
    const probability = new Float64Array(n * n).fill(0.5);
    const g = groupView(ctx, m, {
      kommunekoder: KODER,
      probability,
      used: 10,
      seed: 1,
      reselect: true,
      keptShare: { x: 0.9 }
    });
    expect(g.gruppe.map((r) => r.sandsynlighed)).toEqual([0.5, 0.5]);
    expect(g.stabilitet).toHaveLength(6);
    expect(g.valgtAndel).toBe("Andel af gentagelserne, hvor hver variabel blev valgt: Variablen x 90 %");
  });
});

describe("the page only wires (src/sammenligningsgrupper.md)", () => {
  it("every view (V.) and component (P.) it calls exists, and it has no JavaScript beyond the wiring", async () => {
    const { readFileSync } = await import("node:fs");
    const md = readFileSync("src/sammenligningsgrupper.md", "utf-8");
    const V = await import("../../common/views/sammenligningsgrupper.js");
    // components/groups/page.ts needs a DOM to run; its exports are read from the source
    const P = readFileSync("components/groups/page.ts", "utf-8");
    const called = (prefix: string) => [
      ...new Set([...md.matchAll(new RegExp(`\\b${prefix}\\.(\\w+)`, "g"))].map((m) => m[1]))
    ];
    for (const name of called("V")) expect(V, `V.${name}`).toHaveProperty(name);
    for (const name of called("P")) expect(P, `P.${name}`).toMatch(new RegExp(`export (function|const) ${name}\\b`));
    const js = [...md.matchAll(/```js\n([\s\S]*?)```/g)].flatMap((m) => m[1].trimEnd().split("\n"));
    // no loops, no arrow functions doing work, no maps or sorts inline
    expect(js.filter((l) => /\bfor \(|\.sort\(|\.filter\(|\.reduce\(|new Map\(/.test(l))).toEqual([]);
    expect(js.length).toBeLessThanOrEqual(70);
  });
});
