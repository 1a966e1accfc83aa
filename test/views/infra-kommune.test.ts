// View of /infrastruktur/<kode> (common/views/infrastruktur-kommune.ts): expectations calculated by hand in the comments.
import { describe, expect, it } from "vitest";
import type { PotentialeRow } from "../../common/infra/potentiale.js";
import {
  comparison,
  indexCheck,
  type KommuneInput,
  kommuneView,
  onboardingMatrix,
  potentialeSteps,
  shares,
  statusStyle,
  trend
} from "../../common/views/infrastruktur-kommune.js";

const k = (kommunekode: string, maaned: string, kald: number, indbyggere: number) => ({
  kommunekode,
  navn: kommunekode,
  maaned,
  kald,
  indbyggere,
  indbyggere_maaned: maaned
});
const pot = (ski_system: string, integration: string, status: string, kald_12m: number): PotentialeRow => ({
  kommunekode: "101",
  ski_system,
  leverandoer: "Lev A",
  integration,
  service_nr: integration.slice(0, 6),
  status,
  kald_12m,
  tilsluttet: kald_12m > 0,
  kommuner_tilsluttet: 3,
  kommuner_med_systemet: 5
});

function input(): KommuneInput {
  const months = ["2023-12", "2024-01"];
  return {
    kode: "101",
    navn: "København",
    officielt_navn: "Københavns Kommune",
    demodata: true,
    kilde: "Demodata",
    note_kald: "",
    kald: [k("101", "2023-12", 100, 50), k("101", "2024-01", 200, 100)],
    land: months.map((maaned, i) => ({
      maaned,
      kald_kommuner: [1000, 3000][i],
      kald_alle_myndigheder: 0,
      indbyggere: [500, 1000][i],
      kald_pr_indbygger: [2, 3][i]
    })),
    gruppe: {
      omraade: "administration",
      omraade_navn: "Administration",
      aar: 2018,
      medlemmer: [
        { kommunekode: "147", navn: "B" },
        { kommunekode: "151", navn: "C" }
      ],
      // the municipality itself is left out of the group figure even if its rows are passed
      kald: [
        k("147", "2023-12", 10, 10),
        k("151", "2023-12", 30, 30),
        k("147", "2024-01", 20, 10),
        k("151", "2024-01", 60, 30),
        k("101", "2024-01", 9999, 1)
      ]
    },
    dataomraade: [
      { kommunekode: "101", dataomraade: "Person", kald: 30 },
      { kommunekode: "101", dataomraade: "Adresse", kald: 90 }
    ],
    services: [],
    itsystemer: [],
    kle: [
      { kle_nr: "27.24.00", kle_titel: "T", kle_gyldig: true, indeks: "Ydelsesindeks", antal_sager: 12, status: "" },
      {
        kle_nr: "27.25.00",
        kle_titel: "T",
        kle_gyldig: true,
        indeks: "Ydelsesindeks",
        antal_sager: null,
        status: "<5"
      },
      { kle_nr: "99.99.99", kle_titel: null, kle_gyldig: false, indeks: "Ydelsesindeks", antal_sager: 0, status: "" },
      {
        kle_nr: "00.01.00",
        kle_titel: "T",
        kle_gyldig: true,
        indeks: "Sags- og dokumentindeks",
        antal_sager: 7,
        status: ""
      }
    ],
    klarmelding: [
      {
        ski_system: "Sys1",
        leverandoer: "Lev A",
        integration: "SF1490 Ydelsesindeks",
        service_nr: "SF1490",
        status: "Klarmeldt"
      },
      {
        ski_system: "Sys2",
        leverandoer: "Lev A",
        integration: "SF1490 Ydelsesindeks",
        service_nr: "SF1490",
        status: "Forløb 2"
      },
      {
        ski_system: "Sys2",
        leverandoer: "Lev A",
        integration: "SF1470 Sags- og Dokumentindeks",
        service_nr: "SF1470",
        status: "Klarmeldt"
      },
      {
        ski_system: "Fremmed",
        leverandoer: "Lev B",
        integration: "SF1470 Sags- og Dokumentindeks",
        service_nr: "SF1470",
        status: "Klarmeldt"
      }
    ],
    systemer: [
      { ski_system: "Sys1", leverandoer: "Lev A", ydelsesomraade: "X" },
      { ski_system: "Sys2", leverandoer: "Lev A", ydelsesomraade: "X" }
    ],
    potentialeRaekker: [
      pot("Sys1", "SF1490 Ydelsesindeks", "Klarmeldt", 40),
      pot("Sys2", "SF1470 Sags- og Dokumentindeks", "Klarmeldt", 0)
    ],
    potentiale: {
      kommunekode: "101",
      tilslutning: {
        klarmeldte: 2,
        tilsluttede: 1,
        andel: 0.5,
        mangler: [
          {
            ski_system: "Sys2",
            leverandoer: "Lev A",
            integration: "SF1470 Sags- og Dokumentindeks",
            status: "Klarmeldt",
            spoergsmaal: "Spørg Lev A: …"
          }
        ]
      },
      udbredelse: {
        andel: 0.5,
        landsandel: 0.75,
        andre_har_gjort_det: [
          {
            ski_system: "Sys2",
            leverandoer: "Lev A",
            integration: "SF1470 Sags- og Dokumentindeks",
            status: "Klarmeldt",
            andre_tilsluttet: 3,
            andre_med_systemet: 4
          }
        ]
      },
      anvendelse: {
        tilsluttede: 1,
        lav_anvendelse: [
          {
            ski_system: "Sys1",
            leverandoer: "Lev A",
            integration: "SF1490 Ydelsesindeks",
            status: "Klarmeldt",
            kald_pr_1000: 0.4,
            median_andre_pr_1000: 2.5
          }
        ],
        kle_ugyldige_andel: 0.25
      }
    }
  };
}

describe("trend and comparison", () => {
  it("gives the municipality, its group (ratio of sums, without itself) and Denmark per month", () => {
    const t = trend(input());
    expect(t.months).toEqual(["2023-12", "2024-01"]);
    const at = (m: string, s: string) => t.points.find((p) => p.maaned === m && p.serie === s)!.kald_pr_indbygger;
    expect(at("2023-12", "København")).toBe(2); // 100 / 50
    expect(at("2024-01", "Sammenligningsgruppe")).toBeCloseTo(80 / 40, 12); // (20 + 60) / (10 + 30)
    expect(at("2023-12", "Sammenligningsgruppe")).toBeCloseTo(40 / 40, 12);
    expect(at("2024-01", "Hele landet")).toBe(3);
  });
  it("compares 12-month calls per inhabitant with the last month's population", () => {
    const c = comparison(input());
    expect(c.kommune).toBeCloseTo(300 / 100, 12); // (100 + 200) / 100
    expect(c.gruppe).toBeCloseTo(120 / 40, 12); // (10 + 30 + 20 + 60) / (10 + 30)
    expect(c.land).toBeCloseTo(4000 / 1000, 12); // (1000 + 3000) / 1000
    expect(c.forskel_land).toBeCloseTo(3 / 4 - 1, 12);
    expect(c.forskel_gruppe).toBeCloseTo(0, 12);
  });
});

describe("breakdowns", () => {
  it("sorts by size and gives shares of the total", () => {
    const s = shares(input().dataomraade, (r) => r.kald);
    expect(s.map((x) => [x.row.dataomraade, x.andel])).toEqual([
      ["Adresse", 0.75],
      ["Person", 0.25]
    ]); // 90/120, 30/120
    expect(shares([{ v: 0 }], (r) => r.v)[0].andel).toBeNull();
  });
});

describe("KLE against the systems that should deliver", () => {
  it("counts topics with cases (hidden <5 counts) and lists onboarded systems that do not deliver", () => {
    const [sag, ydelse] = indexCheck(input());
    expect(ydelse).toMatchObject({
      indeks: "Ydelsesindeks",
      integration: "SF1490",
      emner_med_sager: 2,
      ugyldige_kle: 1,
      klarmeldte_systemer: ["Sys1"],
      tilsluttede_systemer: ["Sys1"],
      mangler: []
    });
    expect(sag).toMatchObject({
      emner_med_sager: 1,
      ugyldige_kle: 0,
      klarmeldte_systemer: ["Sys2"],
      tilsluttede_systemer: [],
      mangler: ["Sys2"]
    });
  });
});

describe("onboarding matrix", () => {
  it("has only the municipality's systems, a symbol per status and a dot when connected", () => {
    const m = onboardingMatrix(input());
    expect(m.systemer).toEqual(["Sys1", "Sys2"]);
    expect(m.integrationer).toEqual(["SF1470 Sags- og Dokumentindeks", "SF1490 Ydelsesindeks"]);
    expect(m.cells).toHaveLength(3);
    const cell = (s: string, i: string) => m.cells.find((c) => c.ski_system === s && c.integration.startsWith(i))!;
    expect(cell("Sys1", "SF1490").tekst).toBe("✓ ●");
    expect(cell("Sys2", "SF1470").tekst).toBe("✓");
    expect(cell("Sys2", "SF1490").tekst).toBe("…");
    expect(cell("Sys2", "SF1490").tilsluttet).toBeNull();
  });
  it("gives every status a distinct symbol (readable in black and white)", () => {
    const symbols = [
      "Klarmeldt",
      "Delvist klarmeldt",
      "Forløb 3",
      "Ensidig",
      "Ikke klarmeldt",
      "Manglende info",
      "Irrelevant"
    ].map((s) => statusStyle(s).symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
});

describe("potential analysis in three steps", () => {
  it("turns the KPIs into steps with systems, integrations and vendor questions", () => {
    const s = potentialeSteps(input());
    expect(s.map((x) => [x.nr, x.navn, x.vaerdi])).toEqual([
      [1, "Tilslutning", 0.5],
      [2, "Udbredelse", 0.5],
      [3, "Anvendelse", 1]
    ]);
    expect(s[0].punkter[0].spoergsmaal).toBe("Spørg Lev A: …");
    expect(s[1].sammenligning).toBe("Landet: 75 %.");
    expect(s[1].punkter[0].detalje).toBe("3 af 4 andre kommuner med systemet er tilsluttet");
    expect(s[1].punkter[0].spoergsmaal).toContain(
      "Spørg Lev A: 3 andre kommuner bruger SF1470 Sags- og Dokumentindeks fra Sys2"
    );
    expect(s[2].punkter[0].detalje).toBe("0,4 kald pr. 1.000 indb. mod median 2,5");
    expect(s[2].sammenligning).toBe("1 af 1 tilsluttede par. Ugyldige KLE-numre i indeksene: 25 %.");
    // with the KLE conformance rows, the sentence gives the share of cases that conform (common/infra/kle.ts)
    const own = {
      omfang: "kommune" as const,
      kommunekode: input().kode,
      it_system: "",
      opgjort_dato: "2024-03-31",
      sager: 200,
      sager_afvigende: 9,
      andel_findes: 0.98,
      andel_aktuel: 0.99,
      andel_niveau: 0.99,
      andel_overens: 191 / 200,
      afvigende_numre: "99.99.99",
      status: ""
    };
    expect(potentialeSteps({ ...input(), kleOverens: [own] })[2].sammenligning).toBe(
      "1 af 1 tilsluttede par. KLE i indeksene: 95,5 % af sagerne overholder standarden."
    );
  });
  it("assembles the whole view", () => {
    const v = kommuneView(input());
    expect(v.steps).toHaveLength(3);
    expect(v.dataomraader[0].row.dataomraade).toBe("Adresse");
  });
});
