import { describe, expect, it } from "vitest";
import { development, figureYear, nationalLead, rankingColumns } from "../../common/views/noegletal.js";
import type { KeyFigureRow, NationalRow } from "../../common/vocabulary.js";

const kommuner = [
  { kommunekode: "101", navn: "København", regionsnavn: "Region Hovedstaden", kommunegruppe: "Hovedstadskommuner" },
  { kommunekode: "147", navn: "Frederiksberg", regionsnavn: "Region Hovedstaden", kommunegruppe: "Hovedstadskommuner" },
  { kommunekode: "751", navn: "Aarhus", regionsnavn: "Region Midtjylland", kommunegruppe: "Storbykommuner" },
  { kommunekode: "825", navn: "Læsø", regionsnavn: "Region Nordjylland", kommunegruppe: "Yderkommuner" }
];
const row = (
  kommunekode: string,
  aar: number,
  vaerdi: number | null,
  status: KeyFigureRow["status"]
): KeyFigureRow => ({ id: "x", kommunekode, aar, vaerdi, status });
const vaerdier: KeyFigureRow[] = [
  row("101", 2018, 10, "ok"),
  row("147", 2018, 30, "ok"),
  row("751", 2018, 10, "ok"),
  row("825", 2018, null, "mangler"),
  row("101", 2019, 0, "nul"),
  row("147", 2019, 5, "ok"),
  row("751", 2019, null, "undertrykt")
];

describe("figureYear", () => {
  it("ranks (ties share the best rank), missing last, unweighted mean when the source has no national row", () => {
    const v = figureYear({ enhed: "kr." }, vaerdier, [], kommuner, 2018);
    expect(v.janej).toBe(false);
    // ties by name in Danish collation, where "Aa" sorts as "Å" (after "K")
    expect(v.rangliste.map((r) => [r.kommunekode, r.rank])).toEqual([
      ["147", 1],
      ["101", 2],
      ["751", 2],
      ["825", null]
    ]);
    expect(v.medVaerdi).toBe(3);
    // (10 + 30 + 10) / 3 = 16.666…, 3 municipalities
    expect(v.land).toMatchObject({ kilde: "gennemsnit af kommunerne (uvægtet)", n: 3, status: "ok" });
    expect(v.land!.vaerdi).toBeCloseTo(50 / 3, 12);
    expect(v.rangliste.find((r) => r.kommunekode === "825")!.statustekst).toBe("mangler for året");
  });
  it("the source's national row wins", () => {
    const national: NationalRow[] = [{ id: "x", aar: 2018, vaerdi: 99, status: "ok", type: "Gennemsnit" }];
    expect(figureYear({ enhed: "kr." }, vaerdier, national, kommuner, 2018).land).toEqual({
      vaerdi: 99,
      status: "ok",
      kilde: "Gennemsnit"
    });
  });
  it("yes/no figures: no ranks, no national figure", () => {
    const yn = [row("101", 2018, 1, "ja"), row("147", 2018, 0, "nej")];
    const v = figureYear({ enhed: "ja/nej" }, yn, [], kommuner, 2018);
    expect(v.janej).toBe(true);
    expect(v.land).toBeNull();
    expect(v.rangliste.every((r) => r.rank === null && r.vaerdi === null)).toBe(true);
  });
});

describe("nationalLead", () => {
  it("says where the national figure comes from", () => {
    expect(nationalLead(null, 0)).toBe("");
    expect(nationalLead({ vaerdi: 1234.5, status: "ok", kilde: "I alt" }, 1)).toBe(" · landstal 1.234,5 (I alt, sum)");
    // an unweighted mean is never called a national figure (issue #13's catalogue finding)
    expect(nationalLead({ vaerdi: 16.6667, status: "ok", kilde: "gennemsnit af kommunerne (uvægtet)", n: 3 }, 1)).toBe(
      " · gennemsnit af kommunerne (uvægtet) 16,7 (3 kommuner)"
    );
    expect(nationalLead({ vaerdi: 7, status: "ok", kilde: "Gennemsnit" }, 0)).toBe(
      " · landstal 7 (kildens Gennemsnit)"
    );
  });
});

describe("rankingColumns", () => {
  it("a yes/no figure exports its answer as text", () => {
    const cols = rankingColumns({ titel: "Har kommunen X?", enhed: "ja/nej" });
    expect(cols.map((c) => c.label)).toEqual([
      "Placering (1 = højeste)",
      "Kommunekode",
      "Kommune",
      "Region",
      "DST-kommunegruppe",
      "Har kommunen X? (ja/nej)",
      "Status"
    ]);
    const answer = cols[5].key as (r: { status: string }) => unknown;
    expect([answer({ status: "ja" }), answer({ status: "nej" }), answer({ status: "mangler" })]).toEqual([
      "ja",
      "nej",
      null
    ]);
    expect(rankingColumns({ titel: "T", enhed: "kr." })[5].key).toBe("vaerdi");
  });
});

describe("development over the data's years", () => {
  it("null where not numeric; national series by the source's kind", () => {
    const years = [2018, 2019];
    const pts = development({ enhed: "kr.", landstal: null }, vaerdier, [], [kommuner[0], kommuner[2]], years);
    expect(pts).toEqual([
      { serie: "København", aar: 2018, vaerdi: 10 },
      { serie: "København", aar: 2019, vaerdi: 0 },
      { serie: "Aarhus", aar: 2018, vaerdi: 10 },
      { serie: "Aarhus", aar: 2019, vaerdi: null },
      // 2018: (10 + 30 + 10) / 3; 2019 has a suppressed cell: no mean at all, since one over the
      // remaining cells would be biased (loaders/privacy.ts)
      { serie: "Gennemsnit af kommunerne (uvægtet)", aar: 2018, vaerdi: 50 / 3 },
      { serie: "Gennemsnit af kommunerne (uvægtet)", aar: 2019, vaerdi: null }
    ]);
    expect(development({ enhed: "kr.", landstal: "I alt" }, vaerdier, [], [kommuner[0]], years)).toHaveLength(2);
    expect(development({ enhed: "ja/nej", landstal: null }, vaerdier, [], [kommuner[0]], years)).toHaveLength(2);
    const withSource = development(
      { enhed: "kr.", landstal: "Gennemsnit" },
      vaerdier,
      [{ id: "x", aar: 2018, vaerdi: 20, status: "ok", type: "Gennemsnit" }],
      [],
      years
    );
    expect(withSource).toEqual([
      { serie: "Landstal", aar: 2018, vaerdi: 20 },
      // 2019 has no source row and a suppressed cell: no computed mean
      { serie: "Landstal", aar: 2019, vaerdi: null }
    ]);
  });
});

describe("years and counts on /noegletal", () => {
  const k = { aar_fra: 2013, aar_til: 2019, aar_med_data: "2013,2014,2015,2016,2017,2018,2019", budgetaar: "2019" };
  it("says which years are budget in the catalogue list", async () => {
    const { yearsText } = await import("../../common/views/noegletal.js");
    expect(yearsText(k, [2013, 2019])).toBe("2013–2019 (2019 budget)");
    expect(yearsText({ aar_fra: 2013, aar_til: 2017, aar_med_data: "2013,2017", budgetaar: "" }, [2013, 2019])).toBe(
      "2013–2017"
    );
    expect(yearsText({ aar_fra: 2019, aar_til: 2019, aar_med_data: "2019", budgetaar: "2019" }, [2013, 2019])).toBe(
      "2019 (budget)"
    );
    expect(yearsText({ aar_fra: null, aar_til: null, aar_med_data: "", budgetaar: "" }, [2013, 2019])).toBe(
      "ingen data 2013–2019"
    );
  });

  it("notes the years' kinds for the catalogue export and the development chart", async () => {
    const { catalogueYearNote, developmentYearNote } = await import("../../common/views/noegletal.js");
    expect(catalogueYearNote([{ budgetaar: "" }, { budgetaar: "2019" }], [2013, 2014, 2019])).toBe(
      "2013–2014 er regnskabstal, 2019 er budgettal"
    );
    expect(developmentYearNote(k, [2017, 2018, 2019]).kort).toBe("2017–2018 er regnskabstal, 2019 er budgettal");
    expect(developmentYearNote(k, [2017, 2018, 2019]).tekst).toMatch(/budgettal er planlagte tal/);
    expect(developmentYearNote({ budgetaar: "" }, [2017, 2018]).tekst).toBe("2017–2018 er regnskabstal.");
  });

  it("counts the figures with data beside all of them", async () => {
    const { figureCount } = await import("../../common/views/noegletal.js");
    // 3 figures, 2 with values (hand count)
    const c = figureCount([{ antal_vaerdier: 0 }, { antal_vaerdier: 5 }, { antal_vaerdier: 98 }]);
    expect(c).toEqual({ alle: 3, medData: 2, tekst: "3 nøgletal, heraf 2 med data" });
    expect(figureCount([{ antal_vaerdier: 1 }]).tekst).toBe("1 nøgletal, alle med data");
  });

  it("the published catalogue: 180 figures, and the count with data is what DuckDB counts", async () => {
    const { buildNoegletal } = await import("../../loaders/datasets.js");
    const { figureCount } = await import("../../common/views/noegletal.js");
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const n = buildNoegletal();
    const c = await (await DuckDBInstance.create()).connect();
    const vals = n.values.filter((v) => v.vaerdi !== null || v.status === "ja" || v.status === "nej");
    await c.run("CREATE TABLE v (id VARCHAR, vaerdi DOUBLE)");
    const app = await c.createAppender("v");
    for (const v of vals) {
      app.appendVarchar(v.id);
      if (v.vaerdi === null) app.appendNull();
      else app.appendDouble(v.vaerdi);
      app.endRow();
    }
    app.closeSync();
    // figures with at least one non-null municipal value (the catalogue's antal_vaerdier > 0)
    const r = await c.runAndReadAll("SELECT count(DISTINCT id)::INTEGER AS n FROM v WHERE vaerdi IS NOT NULL");
    const withData = r.getRowObjects()[0].n as number;
    const count = figureCount(n.katalog);
    expect(count.alle).toBe(180);
    expect(count.medData).toBe(withData);
    expect(count.medData).toBeLessThan(180);
  });
});

describe("the long series after a refresh", () => {
  it("picks the figure's points for the chosen municipalities and says which years came from where", async () => {
    const { joinedDevelopment } = await import("../../common/views/noegletal.js");
    const p = (kommunekode: string, aar: number, kilde: "noegletal.dk" | "NGLK") => ({
      id: "ser",
      kommunekode,
      aar,
      vaerdi: aar,
      aarstype: "regnskab" as const,
      kilde
    });
    const serier = [
      p("101", 2012, "NGLK"),
      p("101", 2013, "noegletal.dk"),
      p("751", 2019, "NGLK"),
      { ...p("101", 2013, "NGLK"), id: "x" }
    ];
    const j = joinedDevelopment(serier, "ser", [{ kommunekode: "101", navn: "København" }]);
    expect(j.punkter.map((x) => [x.serie, x.aar, x.kilde])).toEqual([
      ["København", 2012, "NGLK"],
      ["København", 2013, "noegletal.dk"]
    ]);
    expect(j.tekst).toBe("År fra noegletal.dk: 2013. År fra Danmarks Statistik (NGLK, regnskab): 2012, 2019.");
    expect(joinedDevelopment(null, "ser", []).punkter).toEqual([]);
  });
});
