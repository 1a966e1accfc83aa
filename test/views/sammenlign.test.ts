import { describe, expect, it } from "vitest";
import { compareColumns, compareView, differenceText } from "../../common/views/sammenlign.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";

const kommuner = [
  { kommunekode: "101", navn: "København", regionsnavn: "H", kommunegruppe: "G" },
  { kommunekode: "751", navn: "Aarhus", regionsnavn: "M", kommunegruppe: "G" },
  { kommunekode: "825", navn: "Læsø", regionsnavn: "N", kommunegruppe: "G" }
];
const katalog = [
  {
    id: "x",
    titel: "X",
    enhed: "kr.",
    decimaler: 0,
    omraade_navn: "Skole",
    aar_til: 2019,
    aar_med_data: "2019",
    budgetaar: ""
  },
  {
    id: "y",
    titel: "Y",
    enhed: "pct.",
    decimaler: 1,
    omraade_navn: "Ældre",
    aar_til: 2018,
    aar_med_data: "2018",
    budgetaar: ""
  },
  {
    id: "z",
    titel: "Z",
    enhed: "kr.",
    decimaler: 0,
    omraade_navn: "Skole",
    aar_til: 2019,
    aar_med_data: "2019",
    budgetaar: ""
  }
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
    expect(x).toMatchObject({ a: 150, b: 100, a_rank: 2, b_rank: 3, antal: 3, forskel: 50, forskel_pct: 50 });
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
    expect(cols.find((c) => c.key === "aarstype")?.label).toBe("Regnskab/budget");
    const status = cols.find((c) => c.label === "København: status")!.key as (row: {
      a: number | null;
      a_status: string;
    }) => unknown;
    expect(status({ a: null, a_status: "mangler" })).toBe("mangler");
    expect(status({ a: 1, a_status: "ok" })).toBe("");
  });
});

describe("years on /sammenlign", () => {
  // w: accounts 2017–2018, budget 2019
  const kat = [
    {
      id: "w",
      titel: "W",
      enhed: "kr. pr. indbygger",
      decimaler: 0,
      omraade_navn: "Økonomi",
      aar_til: 2019,
      aar_med_data: "2017,2018,2019",
      budgetaar: "2019",
      landstal: "Gennemsnit"
    },
    {
      id: "s",
      titel: "S",
      enhed: "antal",
      decimaler: 0,
      omraade_navn: "Økonomi",
      aar_til: 2019,
      aar_med_data: "2018,2019",
      budgetaar: "2019",
      landstal: "I alt"
    }
  ];
  const vals = new Map<string, KeyFigureRow[]>([
    [
      "w",
      [2017, 2018, 2019].flatMap((aar) => [
        r("w", "101", aar, 100 + aar - 2017, "ok"),
        r("w", "751", aar, 80, "ok"),
        r("w", "825", aar, 60, "ok")
      ])
    ],
    ["s", [r("s", "101", 2018, 7, "ok"), r("s", "751", 2018, 3, "ok")]]
  ]);
  const national = new Map([
    [
      "w",
      [
        { id: "w", aar: 2018, vaerdi: 80, status: "ok" as const, type: "Gennemsnit" },
        { id: "w", aar: 2019, vaerdi: 90, status: "ok" as const, type: "Gennemsnit" }
      ]
    ]
  ]);

  it("compares the latest accounts year by default, and the budget year only when chosen", async () => {
    const { compareView, compareYearNote } = await import("../../common/views/sammenlign.js");
    const def = compareView(kat, vals, kommuner, "101", "751");
    expect(def.raekker.map((x) => [x.id, x.aar, x.aarstype])).toEqual([
      ["w", 2018, "regnskab"],
      ["s", 2018, "regnskab"]
    ]);
    expect(def.raekker[0]).toMatchObject({ a: 101, b: 80, forskel: 21 });
    expect(compareYearNote(def.raekker)).toBe("2018 er regnskabstal");
    const budget = compareView(kat, vals, kommuner, "101", "751", 2019);
    expect(budget.raekker.map((x) => [x.id, x.aar, x.aarstype])).toEqual([
      ["w", 2019, "budget"],
      ["s", 2019, "budget"]
    ]);
    expect(compareYearNote(budget.raekker)).toBe("2019 er budgettal");
    // 2017: only w has data
    expect(compareView(kat, vals, kommuner, "101", "751", 2017).raekker.map((x) => x.id)).toEqual(["w"]);
  });

  it("offers every year, the budget year labelled, the default first", async () => {
    const { yearOptions } = await import("../../common/views/sammenlign.js");
    expect(yearOptions(kat)).toEqual([
      { value: null, label: "Seneste regnskabsår (pr. nøgletal)" },
      { value: 2019, label: "2019 (budget)" },
      { value: 2018, label: "2018 (regnskab)" },
      { value: 2017, label: "2017 (regnskab)" }
    ]);
  });

  it("charts each figure against the country (= 100); sums and missing national figures are left out", async () => {
    const { areaChart, compareView } = await import("../../common/views/sammenlign.js");
    const v = compareView(kat, vals, kommuner, "101", "751");
    const { punkter, udeladt } = areaChart(v.raekker, kat, vals, national, "København", "Aarhus");
    // w 2018: København 101 / 80 · 100 = 126,25; Aarhus 80 / 80 · 100 = 100 (hand calculation)
    expect(punkter.map((p) => [p.serie, p.navn, p.vaerdi, p.land, p.indeks])).toEqual([
      ["A", "København", 101, 80, 126.25],
      ["B", "Aarhus", 80, 80, 100]
    ]);
    expect(punkter[0].landKilde).toBe("landstal");
    // s is a sum over the country ("I alt"): not comparable to one municipality
    expect(udeladt).toBe(1);
  });

  it("without the source's national row the reference is the unweighted mean, named as such", async () => {
    const { areaChart, compareView } = await import("../../common/views/sammenlign.js");
    const v = compareView(kat, vals, kommuner, "101", "751", 2017);
    const { punkter } = areaChart(v.raekker, kat, vals, new Map(), "København", "Aarhus");
    // 2017: (100 + 80 + 60) / 3 = 80; København 100 / 80 · 100 = 125
    expect(punkter[0]).toMatchObject({ land: 80, indeks: 125, landKilde: "gennemsnit af kommunerne (uvægtet)" });
  });
});

describe("the page's sentences and address", async () => {
  const { areaNote, compareAddress, defaultB, valueCell, yearFromAddress, yearSentence, areaTableHeaders } =
    await import("../../common/views/sammenlign.js");
  it("address and defaults", () => {
    expect(compareAddress("101", "751", null)).toBe("?a=101&b=751");
    expect(compareAddress("101", "751", 2019)).toBe("?a=101&b=751&aar=2019");
    expect([defaultB("101"), defaultB("751")]).toEqual(["751", "101"]);
    const options = [{ value: null }, { value: 2019 }, { value: 2018 }];
    expect([
      yearFromAddress(options, "2018"),
      yearFromAddress(options, "2012"),
      yearFromAddress(options, null)
    ]).toEqual([2018, null, null]);
  });
  it("the year sentence warns about budget figures only for a chosen year", () => {
    const rows = [
      { aar: 2018, aarstype: "regnskab" as const },
      { aar: 2019, aarstype: "budget" as const }
    ];
    expect(yearSentence(rows, 2019)).toBe(
      "År: 2018 er regnskabstal, 2019 er budgettal. Budgettal er planlagte tal, ikke forbrug."
    );
    expect(yearSentence([rows[0]], null)).toBe("År: 2018 er regnskabstal.");
  });
  it("an area's note counts what the chart leaves out", () => {
    expect(areaNote(0, 3)).toBe("Ingen nøgletal i området kan vises i forhold til landet; se tabellen.");
    expect(areaNote(4, 0)).toMatch(/^Landet = 100: .*har\.$/);
    expect(areaNote(4, 2)).toMatch(/ 2 nøgletal er ikke med i figuren .*de står i tabellen\.$/);
    expect(areaTableHeaders("København", "Aarhus")).toEqual([
      "Nøgletal",
      "År (regnskab/budget)",
      "København",
      "Aarhus",
      "Forskel (A − B)"
    ]);
  });
  it("a value cell: Danish number, rank under it, missing marked unless a yes/no answer", () => {
    expect(valueCell(1234.5, "ok", 1, 3, 97)).toEqual({ text: "1.234,5", rank: "nr. 3 af 97", missing: false });
    expect(valueCell(null, "mangler", 1, null, 97)).toMatchObject({ rank: null, missing: true });
    expect(valueCell(null, "ja", 0, null, 97)).toMatchObject({ text: "ja", missing: false });
  });
});
