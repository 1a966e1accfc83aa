/**
 * The page /noegletal beyond one figure's ranking (test/views/noegletal.test.ts): the catalogue list and export,
 * the documentation block, the lead sentence, the chart reference, the ranking table and the state in the address.
 * Expected values are written by hand here; the published catalogue is checked against native DuckDB.
 */
import { describe, expect, it } from "vitest";
import {
  catalogueAreas,
  catalogueColumns,
  developmentColumns,
  distributionReference,
  figureAddress,
  figureDocumentation,
  figureLead,
  figurePage,
  figuresWithData,
  rankingTable,
  startFigure
} from "../../common/views/noegletal.js";
import type { PriceSetting } from "../../common/views/priser.js";
import { KATALOG_HEADERS, type KatalogRow, type KeyFigureRow, YEAR_KIND_RULE } from "../../common/vocabulary.js";

const fig = (over: Partial<KatalogRow>): KatalogRow => ({
  id: "x",
  nr: 1,
  titel: "X",
  enhed: "kr. pr. elev",
  omraade: "skole",
  omraade_navn: "Skole",
  aar_fra: 2013,
  aar_til: 2019,
  aar_med_data: "2013,2014,2015,2016,2017,2018,2019",
  antal_vaerdier: 600,
  decimaler: 0,
  landstal: "Gennemsnit",
  landstal_metode: "Kildens række Gennemsnit.",
  taeller_personer: false,
  undertrykkelse: "",
  noter: null,
  kilde: "Kilden",
  linje_i_kilde: 12,
  seneste_regnskabsaar: 2018,
  budgetaar: "2019",
  ...over
});
const katalog = [
  fig({ id: "a", nr: 1, titel: "A", omraade: "skole", omraade_navn: "Skole" }),
  fig({ id: "b", nr: 2, titel: "B", omraade: "aeldre", omraade_navn: "Ældre", enhed: "pct." }),
  fig({ id: "c", nr: 3, titel: "C", omraade: "skole", omraade_navn: "Skole", aar_fra: 2015, aar_til: 2017 }),
  fig({ id: "d", nr: 4, titel: "D", omraade: "adm", omraade_navn: "Administration" })
];

describe("the catalogue list", () => {
  it("areas in catalogue order, figures with their unit, years and a link keeping the municipality", () => {
    const areas = catalogueAreas(katalog, katalog, [2013, 2019], "825");
    expect(areas.map((a) => [a.navn, a.omraade, a.open, a.figurer.map((f) => f.id)])).toEqual([
      ["Skole", "skole", false, ["a", "c"]],
      ["Ældre", "aeldre", false, ["b"]],
      ["Administration", "adm", false, ["d"]]
    ]);
    expect(areas[0].figurer[0]).toEqual({
      id: "a",
      titel: "A",
      href: "?id=a&kommune=825",
      meta: " · kr. pr. elev · 2013–2019 (2019 budget)"
    });
    // C: 2015–2017 and (its aar_med_data says) 2019 is budget
    expect(areas[0].figurer[1].meta).toBe(" · kr. pr. elev · 2015–2017 (2019 budget)");
  });
  it("a search leaves out areas without hits and opens the rest", () => {
    const areas = catalogueAreas(katalog, [katalog[1]], [2013, 2019], null);
    expect(areas).toHaveLength(1);
    expect(areas[0]).toMatchObject({ navn: "Ældre", open: true });
    expect(areas[0].figurer[0].href).toBe("?id=b");
  });
  it("addresses are encoded", () => {
    expect(figureAddress("a b&c", "101")).toBe("?id=a%20b%26c&kommune=101");
  });
});

describe("the catalogue export", () => {
  it("takes every header from the vocabulary, plus what kommunetal shows", () => {
    const cols = catalogueColumns();
    const keyed = cols.filter((c) => typeof c.key === "string");
    for (const c of keyed) expect(c.label).toBe(KATALOG_HEADERS[c.key as keyof KatalogRow]);
    expect(cols.map((c) => c.label)).toContain("Det viser kommunetal");
    expect(keyed.map((c) => c.key)).toEqual([
      "nr",
      "id",
      "titel",
      "enhed",
      "omraade_navn",
      "aar_med_data",
      "seneste_regnskabsaar",
      "budgetaar",
      "antal_vaerdier",
      "landstal",
      "landstal_metode",
      "taeller_personer",
      "undertrykkelse",
      "noter",
      "linje_i_kilde"
    ]);
    const note = cols.find((c) => c.label === "Det viser kommunetal")!.key as (k: KatalogRow) => string;
    expect(note(fig({ landstal: null }))).toMatch(/gennemsnit af kommunerne \(uvægtet\).*ikke et landstal/);
  });
});

describe("the documentation block", () => {
  it("terms in order, years with their kind, notes only when the source has some", () => {
    const doc = figureDocumentation(fig({ id: "a", titel: "A" }));
    expect(doc.map((d) => d.term)).toEqual([
      "Fuld titel",
      "Id",
      "Enhed",
      "Område",
      "År med data",
      "Regnskab og budget",
      "Kilde",
      "Landstal",
      "Placering"
    ]);
    expect(doc[1]).toEqual({ term: "Id", text: "a", code: true });
    expect(doc[4]).toEqual({
      term: "År med data",
      text: "2013, 2014, 2015, 2016, 2017, 2018, 2019 (2013–2018 er regnskabstal, 2019 er budgettal)",
      doc: "aar"
    });
    expect(doc[5].text).toBe(YEAR_KIND_RULE);
    expect(doc[6].text).toBe("Kilden (linje 12 i kildefilen)");
    expect(doc[7]).toMatchObject({
      doc: "landstal",
      text: "Kildens række Gennemsnit. Kommunetal viser kildens eget landstal uændret."
    });
    const accounts = figureDocumentation(fig({ budgetaar: "", aar_med_data: "2013,2014", noter: "Note 3" }));
    expect(accounts[4].text).toBe("2013, 2014 (alle regnskabstal)");
    expect(accounts.at(-1)).toEqual({ term: "Noter", text: "Note 3" });
  });
});

const kommuner = [
  { kommunekode: "101", navn: "København", regionsnavn: "H", kommunegruppe: "G1" },
  { kommunekode: "751", navn: "Aarhus", regionsnavn: "M", kommunegruppe: "G2" },
  { kommunekode: "825", navn: "Læsø", regionsnavn: "N", kommunegruppe: "G3" }
];
const row = (
  kommunekode: string,
  aar: number,
  vaerdi: number | null,
  status: KeyFigureRow["status"]
): KeyFigureRow => ({
  id: "a",
  kommunekode,
  aar,
  vaerdi,
  status
});
const noPrices: PriceSetting = {
  available: false,
  reason: "intet indeks",
  basisaar: null,
  index: new Map(),
  kilde: ""
};
const withIndex: PriceSetting = {
  available: true,
  reason: null,
  basisaar: 2019,
  index: new Map([
    [2018, 100],
    [2019, 125]
  ]),
  kilde: "indeks"
};

describe("one figure on the page", () => {
  const values = new Map([
    ["a", [row("101", 2018, 1000, "ok"), row("751", 2018, 2000, "ok"), row("825", 2018, null, "mangler")]]
  ]);
  const a = fig({ id: "a", titel: "A", enhed: "kr. pr. elev", landstal: null });

  it("the lead: value, rank out of those with a value, and the unweighted mean named as such", () => {
    const side = figurePage(a, 2018, values, new Map(), kommuner, "101", "loebende", noPrices);
    expect(side.aarTekst).toBe("2018 (regnskab)");
    expect(side.aarNote).toBe("2018 er regnskabstal");
    expect(side.valgt?.rank).toBe(2);
    // (1000 + 2000) / 2 = 1500 over 2 municipalities
    expect(figureLead("København", side, 0)).toEqual({
      fed: "København 2018 (regnskab): ",
      tekst:
        "1.000 kr. pr. elev, løbende priser · nr. 2 af 2 (1 = højeste) · gennemsnit af kommunerne (uvægtet) 1.500 (2 kommuner)"
    });
    const laesoe = figurePage(a, 2018, values, new Map(), kommuner, "825", "loebende", noPrices);
    expect(figureLead("Læsø", laesoe, 0).tekst).toMatch(/^mangler/);
    expect(side.prisNote).toBe("Kun løbende priser: intet indeks");
    expect(side.udviklingPrisNote).toBe(side.prisNote);
    expect(
      figurePage(fig({ id: "a", enhed: "pct." }), 2018, values, new Map(), kommuner, "101", "loebende", noPrices)
        .udviklingPrisNote
    ).toBe("");
  });

  it("fixed prices: 2018 values × 125 / 100 in 2019 prices", () => {
    const side = figurePage(a, 2018, values, new Map(), kommuner, "101", "faste", withIndex);
    expect(side.enhed).toBe("kr. pr. elev, faste 2019-priser");
    expect(side.rangliste.map((r) => [r.kommunekode, r.vaerdi])).toEqual([
      ["751", 2500],
      ["101", 1250],
      ["825", null]
    ]);
  });

  it("the chart's reference: none for a sum, and the unweighted mean is not called landstal", () => {
    expect(distributionReference(null)).toEqual({ reference: null, referenceLabel: "landstal" });
    expect(distributionReference({ vaerdi: 5, status: "ok", kilde: "I alt" })).toEqual({
      reference: null,
      referenceLabel: "landstal"
    });
    expect(distributionReference({ vaerdi: 5, status: "ok", kilde: "Gennemsnit" })).toEqual({
      reference: 5,
      referenceLabel: "landstal"
    });
    expect(
      distributionReference({ vaerdi: 5, status: "ok", kilde: "gennemsnit af kommunerne (uvægtet)", n: 3 })
    ).toEqual({
      reference: 5,
      referenceLabel: "gns. af kommunerne (uvægtet)"
    });
  });

  it("the ranking table shares the export's names and shows the unit and year", () => {
    const t = rankingTable({ titel: "A", enhed: "kr." }, "kr., løbende priser", "2018 (regnskab)");
    expect(t.columns).toEqual(["rank", "navn", "regionsnavn", "kommunegruppe", "vaerdi", "statustekst"]);
    expect(t.header).toEqual({
      rank: "Plac.",
      navn: "Kommune",
      regionsnavn: "Region",
      kommunegruppe: "Kommunegruppe",
      vaerdi: "kr., løbende priser, 2018 (regnskab)",
      statustekst: "Status"
    });
  });

  it("the development export names each year's kind", () => {
    const cols = developmentColumns({ titel: "A", budgetaar: "2019" }, "kr.");
    expect(cols.map((c) => c.label)).toEqual(["Serie", "År", "Regnskab/budget", "A (kr.)"]);
    const kind = cols[2].key as (r: { aar: number }) => string;
    expect([kind({ aar: 2018 }), kind({ aar: 2019 })]).toEqual(["regnskab", "budget"]);
  });

  it("the picker offers only figures with data (aar_til set)", () => {
    const k = [
      { id: "a", aar_til: 2019 },
      { id: "b", aar_til: null },
      { id: "c", aar_til: 2016 }
    ];
    expect(figuresWithData(k).map((x) => x.id)).toEqual(["a", "c"]);
  });

  it("the start figure: the address's, else the school figure, else the first", () => {
    const list = [{ id: "x" }, { id: "udg-til-folkeskolen-pr-elev" }, { id: "y" }];
    expect(startFigure(list, "y")?.id).toBe("y");
    expect(startFigure(list, "ukendt")?.id).toBe("udg-til-folkeskolen-pr-elev");
    expect(startFigure([{ id: "x" }], null)?.id).toBe("x");
  });
});
