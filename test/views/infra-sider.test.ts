// The three infrastructure pages as views (oversigtSide, kommuneSide, rapportSide) and the table spec they share
// (common/views/infrastruktur-tabel.ts): what each page shows and what each export writes. Every expected value is
// calculated by hand in the comments from the small inputs written here.
import { describe, expect, it } from "vitest";
import { csvDanish } from "../../common/export.js";
import type { KleOverensRow } from "../../common/infra/kle.js";
import {
  aendringTekst,
  type KaldMaanedRow,
  monthsBefore,
  type OversigtData,
  oversigtSide,
  periodeTekst,
  type SystemerData,
  stoetteSide,
  systemTabel,
  systemValg
} from "../../common/views/infrastruktur.js";
import {
  KLARMELDING_KOLONNER,
  KLARMELDING_LEGENDE,
  type KommuneInput,
  kommuneSide,
  matrixTitel,
  statusStyle
} from "../../common/views/infrastruktur-kommune.js";
import { type RapportData, rapportSide } from "../../common/views/infrastruktur-rapport.js";
import { cellView, shownRows, type Tabel } from "../../common/views/infrastruktur-tabel.js";

/** The CSV export of a table as lines, without BOM and the source lines after the blank line. */
function csvLines<T>(t: Tabel<T>, demo = true): string[] {
  const text = csvDanish(t.rows, t.cols, { title: t.title, source: "Test", demo });
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return text.slice(1).split("\r\n");
}

/** What each cell of a row shows on the page. */
const shown = <T>(t: Tabel<T>, row: T) => t.cols.map((c) => cellView(row, c).text);

describe("the table spec", () => {
  const t: Tabel<{ a: number | null; b: string }> = {
    rows: [
      { a: 1234.5, b: "x" },
      { a: null, b: "y" },
      { a: 2, b: "z" }
    ],
    cols: [
      { key: "a", label: "A", num: true, decimals: 1 },
      { key: "b", label: "B" }
    ],
    title: "T",
    filename: "t",
    limit: 2
  };
  it("shows numbers in Danish format, missing as a dash, text as is", () => {
    expect(shown(t, t.rows[0])).toEqual(["1.234,5", "x"]);
    expect(shown(t, t.rows[1])).toEqual(["–", "y"]);
  });
  it("cuts the shown rows at the limit and says the export has all", () => {
    const s = shownRows(t);
    expect(s.rows).toHaveLength(2);
    expect(s.note).toBe("Viser 2 af 3 rækker; eksporten har alle.");
    expect(shownRows({ ...t, limit: 3 }).note).toBeNull();
    // the export is not cut: header + 3 rows, a missing value an empty cell (never 0)
    expect(csvLines(t).slice(0, 4)).toEqual(["A;B", "1234,5;x", ";y", "2,0;z"]);
  });
});

describe("texts", () => {
  it("writes changes with a sign and periods in Danish", () => {
    expect(aendringTekst(0.25)).toBe("+25,0 %");
    expect(aendringTekst(-0.031)).toBe("-3,1 %");
    expect(aendringTekst(0, 0)).toBe("+0 %");
    expect(aendringTekst(null)).toBe("–");
    expect(periodeTekst("2023-04", "2024-03")).toBe("april 2023 – marts 2024");
  });
});

// ---------------------------------------------------------------------------
// /infrastruktur

const months12 = Array.from({ length: 12 }, (_, i) => monthsBefore("2024-03", 11 - i)); // 2023-04 … 2024-03
const kald = (kommunekode: string, navn: string, k: number, indbyggere: number): KaldMaanedRow[] =>
  months12.map((maaned) => ({ kommunekode, navn, maaned, kald: k, indbyggere, indbyggere_maaned: maaned }));

const kle = (o: Partial<KleOverensRow>): KleOverensRow => ({
  omfang: "system",
  kommunekode: "",
  it_system: "",
  opgjort_dato: "2024-03-31",
  sager: 100,
  sager_afvigende: 0,
  andel_findes: 1,
  andel_aktuel: 1,
  andel_niveau: 1,
  andel_overens: 1,
  afvigende_numre: "",
  status: "",
  ...o
});

function oversigt(): OversigtData {
  return {
    demodata: true,
    kilde: "Demodata.",
    note_kald: "Kald er ikke personer.",
    befolkningsregel: "Befolkningen i periodens sidste måned.",
    headline: { maaned: "2024-03", kald_pr_indbygger: 25, aaret_foer: 20, aendring: 0.25, kald_kommuner: 0 },
    land: [],
    // per month: A 100 calls / 1000 inh., B 300 / 100, C 300 / 3000
    kald: [...kald("101", "A", 100, 1000), ...kald("147", "B", 300, 100), ...kald("151", "C", 300, 3000)],
    dataomraade: [
      { kommunekode: "147", dataomraade: "Person", kald: 60 },
      { kommunekode: "101", dataomraade: "Adresse", kald: 500 }
    ],
    topServices: [],
    topSystemer: [],
    stoette: [
      { stoettesystem: "Beskedfordeler", ugedag: 1, time_paa_dagen: 9, kald_pr_time: 10 },
      { stoettesystem: "Fordelingskomponent", ugedag: 1, time_paa_dagen: 9, kald_pr_time: 5 },
      { stoettesystem: "Beskedfordeler", ugedag: 2, time_paa_dagen: 8, kald_pr_time: 4 }
    ],
    kle: [
      kle({ omfang: "land", sager: 1000, andel_overens: 0.9 }),
      kle({ it_system: "Sys Ok", sager: 300, andel_overens: 1 }),
      kle({
        it_system: "Sys Dårlig",
        sager: 200,
        andel_findes: 0.9714,
        andel_overens: 0.9714,
        afvigende_numre: "99.99.99"
      }),
      kle({
        it_system: "Sys Lille",
        sager: null,
        andel_findes: null,
        andel_aktuel: null,
        andel_niveau: null,
        andel_overens: null,
        status: "<5"
      }),
      kle({ omfang: "kommune", kommunekode: "147", sager: 50, andel_overens: 0.8 })
    ]
  };
}

describe("oversigtSide (/infrastruktur)", () => {
  const v = oversigtSide(oversigt());
  it("has the Demodata banner, and none for real extracts", () => {
    expect(v.banner).toContain("Demodata");
    expect(oversigtSide({ ...oversigt(), demodata: false }).banner).toBeNull();
  });
  it("writes the three headline cards", () => {
    expect(v.periode).toBe("april 2023 – marts 2024");
    // country over 12 months: 12 × (100 + 300 + 300) / (1000 + 100 + 3000) = 8400 / 4100 = 2.05 → "2"
    expect(v.kort).toEqual([
      { titel: "Kald pr. indbygger, marts 2024", vaerdi: "25,0", note: "Hele landet (de 98 kommuner)." },
      { titel: "Ændring over 12 måneder", vaerdi: "+25,0 %", note: "Samme måned året før: 20,0." },
      { titel: "Kald pr. indbygger, april 2023 – marts 2024", vaerdi: "2", note: "Seneste 12 måneder, hele landet." }
    ]);
    expect(v.note).toBe("Kald er ikke personer. Befolkningen i periodens sidste måned.");
    const kort2 = oversigtSide({
      ...oversigt(),
      headline: { maaned: "2024-03", kald_pr_indbygger: 25, aaret_foer: null, aendring: null, kald_kommuner: 0 }
    }).kort[1];
    expect(kort2).toEqual({ titel: "Ændring over 12 måneder", vaerdi: "–", note: "Udtrækket når ikke et år tilbage." });
  });
  it("ranks the municipalities and exports the ranking with the columns the browser test reads", () => {
    // B: 12 × 300 / 100 = 36; A: 12 × 100 / 1000 = 1.2; C: 12 × 300 / 3000 = 1.2 (tie: both nr. 2)
    const lines = csvLines(v.rangering);
    expect(lines.slice(0, 4)).toEqual([
      "Nr.;Kommune;Kode;Kald (12 mdr.);Indbyggere;Kald pr. indbygger",
      "1;B;147;3600;100;36,0",
      "2;A;101;1200;1000;1,2",
      "2;C;151;3600;3000;1,2"
    ]);
    expect(lines).toContain("Demodata: genererede tal, ikke virkelige kommunedata");
    expect(v.rangering.id).toBe("rangering");
    expect(cellView(v.rangering.rows[0], v.rangering.cols[1])).toEqual({ text: "B", href: "./147" });
    expect(shown(v.rangering, v.rangering.rows[0])).toEqual(["1", "B", "147", "3.600", "100", "36,0"]);
    expect(v.kort98.values.get("147")).toBe(36);
    expect(v.kort98.rang.get("151")).toBe("nr. 2 af 3");
    expect(v.navne.get("101")).toBe("A");
  });
  it("builds the data area × municipality matrix: every municipality × every area, 0 where no calls", () => {
    expect(v.matrix.omraader).toEqual(["Adresse", "Person"]);
    expect(v.matrix.navne).toEqual(["B", "A", "C"]);
    expect(v.matrix.cells).toHaveLength(6);
    // B Person: 60 / 100 = 0.6; A Adresse: 500 / 1000 = 0.5; C Person: 0 / 3000 = 0
    expect(csvLines(v.matrix.tabel).slice(0, 7)).toEqual([
      "Kode;Kommune;Dataområde;Kald (12 mdr.);Kald pr. indbygger",
      "147;B;Adresse;0;0,00",
      "147;B;Person;60;0,60",
      "101;A;Adresse;500;0,50",
      "101;A;Person;0;0,00",
      "151;C;Adresse;0;0,00",
      "151;C;Person;0;0,00"
    ]);
  });
  it("names the worst KLE systems and shows hidden shares as hidden; the export keeps the numbers", () => {
    // worst first: Dårlig 97.14 % (200 cases ≥ 100), Ok 100 %, Lille hidden last
    expect(v.kle.systemer.rows.map((r) => r.it_system)).toEqual(["Sys Dårlig", "Sys Ok", "Sys Lille"]);
    expect(v.kle.tekst).toBe(
      "90,0 % af kommunernes KLE-opmærkede sager i indeksene (opgjort 2024-03-31) har et KLE-nummer, der findes, " +
        "var aktuelt og er på emneniveau. Længst fra standarden (mindst 100 sager): Sys Dårlig (97,1 %), Sys Ok (100,0 %)."
    );
    const t = v.kle.systemer;
    expect(shown(t, t.rows[0])).toEqual(["Sys Dårlig", "200", "97,1 %", "100,0 %", "100,0 %", "97,1 %", "99.99.99"]);
    expect(shown(t, t.rows[2])).toEqual([
      "Sys Lille",
      "<5",
      "skjult (<5)",
      "skjult (<5)",
      "skjult (<5)",
      "skjult (<5)",
      ""
    ]);
    expect(cellView(t.rows[0], t.cols[5]).strong).toBe(true);
    const lines = csvLines(t);
    expect(lines[0]).toBe("IT-system;Sager;Findes;Aktuelt;Emneniveau;Overholder alle tre;Afvigende KLE-numre");
    expect(lines[1]).toBe("Sys Dårlig;200;0,971;1,000;1,000;0,971;99.99.99");
    expect(lines[3]).toBe("Sys Lille;;;;;;");
    const k = v.kle.kommuner;
    expect(shown(k, k.rows[0]).slice(0, 3)).toEqual(["B", "147", "50"]);
    expect(cellView(k.rows[0], k.cols[0]).href).toBe("./147");
  });
  it("sums the support systems per weekday × hour, for one or all", () => {
    expect(v.stoetteSystemer).toEqual(["Beskedfordeler", "Fordelingskomponent"]);
    const alle = stoetteSide(oversigt().stoette, null);
    expect(alle.titel).toBe("Gennemsnitlige kald pr. time: alle støttesystemer");
    // Monday 9: 10 + 5 = 15; Tuesday 8: 4
    expect(csvLines(alle.tabel).slice(0, 3)).toEqual([
      "Ugedag;Time;Gns. kald pr. time",
      "mandag;9;15,0",
      "tirsdag;8;4,0"
    ]);
    const en = stoetteSide(oversigt().stoette, "Fordelingskomponent");
    expect(en.tabel.title).toBe("Støttesystemer pr. ugedag og time (Fordelingskomponent)");
    expect(en.profil).toEqual([{ ugedag: 1, ugedag_navn: "mandag", time: 9, kald_pr_time: 5 }]);
  });
  it("answers 'which municipalities with the system call the service?'", () => {
    const sys: SystemerData = {
      systemService: [
        {
          it_system: "Zeta",
          service_nr: "SF1",
          service_navn: "S1",
          kommuner_der_kalder: 1,
          kald_12m: 5,
          kommunekoder: "101"
        },
        {
          it_system: "Alfa",
          service_nr: "SF2",
          service_navn: "S2",
          kommuner_der_kalder: 2,
          kald_12m: 9,
          kommunekoder: "101,147"
        }
      ],
      systemanvendelse: [
        { kommunekode: "101", ski_system: "Zeta", leverandoer: "L" },
        { kommunekode: "147", ski_system: "Zeta", leverandoer: "L" },
        { kommunekode: "151", ski_system: "Zeta", leverandoer: "L" },
        { kommunekode: "101", ski_system: "Alfa", leverandoer: "L" },
        { kommunekode: "147", ski_system: "Alfa", leverandoer: "L" }
      ]
    };
    // Zeta: 1 of its 3 users calls SF1 (a minority) → suggested first; Alfa: 2 of 2
    expect(systemValg(sys)).toEqual({ alle: ["Alfa", "Zeta"], standard: "Zeta" });
    const t = systemTabel(sys, "Zeta", v.navne);
    expect(t.title).toBe("Zeta: kommuner med systemet og deres kald");
    expect(csvLines(t).slice(0, 2)).toEqual([
      "Service;Navn;Kommuner med systemet;… der kalder;Kalder;Kalder ikke",
      "SF1;S1;3;1;A;B, C"
    ]);
  });
});

// ---------------------------------------------------------------------------
// /infrastruktur/<kode>

const km = (kommunekode: string, maaned: string, k: number, indbyggere: number): KaldMaanedRow => ({
  kommunekode,
  navn: kommunekode,
  maaned,
  kald: k,
  indbyggere,
  indbyggere_maaned: maaned
});

function kommuneInput(): KommuneInput {
  const pair = { ski_system: "Sys1", leverandoer: "Lev A", integration: "SF1490 Ydelsesindeks", status: "Klarmeldt" };
  return {
    kode: "101",
    navn: "København",
    officielt_navn: "Københavns Kommune",
    demodata: true,
    kilde: "Demodata.",
    note_kald: "Kald er ikke personer.",
    kald: [km("101", "2023-12", 100, 50), km("101", "2024-01", 200, 100)],
    land: [
      { maaned: "2023-12", kald_kommuner: 1000, kald_alle_myndigheder: 0, indbyggere: 500, kald_pr_indbygger: 2 },
      { maaned: "2024-01", kald_kommuner: 3000, kald_alle_myndigheder: 0, indbyggere: 1000, kald_pr_indbygger: 3 }
    ],
    gruppe: {
      omraade: "administration",
      omraade_navn: "Administration",
      aar: 2018,
      medlemmer: [
        { kommunekode: "147", navn: "Frederiksberg" },
        { kommunekode: "151", navn: "Ballerup" }
      ],
      kald: [
        km("147", "2023-12", 10, 10),
        km("151", "2023-12", 30, 30),
        km("147", "2024-01", 20, 10),
        km("151", "2024-01", 60, 30)
      ]
    },
    dataomraade: [
      { kommunekode: "101", dataomraade: "Person", kald: 30 },
      { kommunekode: "101", dataomraade: "Adresse", kald: 90 }
    ],
    services: [],
    itsystemer: [
      {
        kommunekode: "101",
        it_system_id: "x",
        it_system: "Gammelt",
        leverandoer: "Lev B",
        kald_12m: null,
        antal_services: 1,
        foerste_maaned: "2021-01",
        sidste_maaned: "2022-06"
      }
    ],
    kle: [
      { kle_nr: "27.25.00", kle_titel: "T", kle_gyldig: true, indeks: "Ydelsesindeks", antal_sager: null, status: "<5" }
    ],
    klarmelding: [],
    systemer: [],
    potentialeRaekker: [],
    kleOverens: [],
    kleAfvigelser: [],
    potentiale: {
      kommunekode: "101",
      tilslutning: { klarmeldte: 2, tilsluttede: 1, andel: 0.5, mangler: [{ ...pair, spoergsmaal: "Spørg Lev A: …" }] },
      udbredelse: { andel: 2 / 3, landsandel: 0.4, andre_har_gjort_det: [] },
      anvendelse: { tilsluttede: 1, lav_anvendelse: [], kle_ugyldige_andel: null }
    }
  };
}

describe("kommuneSide (/infrastruktur/<kode>)", () => {
  const v = kommuneSide(kommuneInput());
  it("compares the municipality with its comparison group and the country in the cards", () => {
    // municipality: (100 + 200) / 100 (last month's population) = 3.0
    // group (excl. itself): (10 + 30 + 20 + 60) / (10 + 30) = 3.0 → 3 / 3 − 1 = 0 → "+0 %"
    // country: (1000 + 3000) / 1000 = 4.0 → 3 / 4 − 1 = −0.25 → "-25 %"
    expect(v.kort).toEqual([
      { titel: "Kald pr. indbygger, 12 mdr.", vaerdi: "3,0", note: "december 2023 – januar 2024" },
      { titel: "Sammenligningsgruppen", vaerdi: "3,0", note: "Kommunen ligger +0 % fra gruppen." },
      { titel: "Hele landet", vaerdi: "4,0", note: "Kommunen ligger -25 % fra landet." }
    ]);
    expect(v.gruppeNote).toBe(
      "Sammenligningsgruppe: standardgruppen for området «Administration» (2018), de 2 mest sammenlignelige kommuner: " +
        "Frederiksberg, Ballerup. Gruppens tal er summen af kald delt med summen af indbyggere. Kald er ikke personer."
    );
    expect(v.dokumentTitel).toBe("Infrastruktur: Københavns Kommune | kommunetal");
    expect(v.banner).toContain("Demodata");
    expect(kommuneSide({ ...kommuneInput(), demodata: false }).banner).toBeNull();
    expect(v.links).toEqual([
      { text: "Kend København Kommune", href: "../kommune/101" },
      { text: "Alle kommuner", href: "./" }
    ]);
  });
  it("exports the trend: three series per month", () => {
    // December: municipality 100 / 50 = 2, group 40 / 40 = 1, country 2 (given)
    expect(csvLines(v.trend.tabel).slice(0, 4)).toEqual([
      "Måned;Serie;Kald pr. indbygger",
      "2023-12;København;2,00",
      "2023-12;Sammenligningsgruppe;1,00",
      "2023-12;Hele landet;2,00"
    ]);
    expect(v.trend.tabel.filename).toBe("infrastruktur-101-udvikling");
  });
  it("breaks the calls down by data area, largest first, with shares (the browser test reads this header)", () => {
    // Adresse 90 of 120 = 0.75, Person 30 of 120 = 0.25
    expect(v.dataomraader.bars).toEqual([
      { label: "Adresse", value: 90 },
      { label: "Person", value: 30 }
    ]);
    expect(csvLines(v.dataomraader.tabel).slice(0, 3)).toEqual([
      "Dataområde;Kald (12 mdr.);Andel",
      "Adresse;90;0,75",
      "Person;30;0,25"
    ]);
    expect(shown(v.dataomraader.tabel, v.dataomraader.tabel.rows[0])).toEqual(["Adresse", "90", "75,0 %"]);
    expect(v.dataomraader.titel).toBe("Kald pr. dataområde, december 2023 – januar 2024");
  });
  it("marks a silent IT system as missing on the page and leaves the export cell empty", () => {
    const t = v.itsystemer;
    expect(cellView(t.rows[0], t.cols[2])).toEqual({ text: "ingen kald (udskiftet?)", missing: true });
    expect(csvLines(t)[1]).toBe("Gammelt;Lev B;;1;2021-01;2022-06");
  });
  it("shows hidden KLE counts as <5 and says so when no number breaks the standard", () => {
    expect(shown(v.kle, v.kle.rows[0])).toEqual(["Ydelsesindeks", "27.25.00", "T", "<5", "ja"]);
    expect(v.kleOverens.afvigelser).toBeNull();
    expect(v.kleOverens.ingenAfvigelser).toBe("Ingen KLE-numre afviger fra standarden.");
    expect(v.kleOverens.tekst).toBe("København har ingen KLE-opmærkede sager i udtrækket.");
    // per index: the hidden topic counts as a topic with cases
    expect(v.indekser.rows.map((r) => [r.indeks, r.emner_med_sager])).toEqual([
      ["Sags- og dokumentindeks", 0],
      ["Ydelsesindeks", 1]
    ]);
    expect(v.indekser.id).toBe("indekser");
  });
  it("writes the three steps with their KPI, and a table only where there is something to follow up", () => {
    expect(v.steps.map((s) => s.titel)).toEqual(["Trin 1: Tilslutning", "Trin 2: Udbredelse", "Trin 3: Anvendelse"]);
    // step 1: 0.5 → 50 %; step 2: 2/3 → 67 %; step 3: 0 of 1 → 0 %
    expect(v.steps[0].kpiTekst).toBe("Andel af de klarmeldte integrationer, kommunen bruger: 50 %");
    expect(v.steps[1].kpiTekst).toBe("Andel tilsluttet af de par, der er tilsluttet i mindst én kommune: 67 %");
    expect(v.steps[2].kpiTekst).toMatch(/: 0 %$/);
    expect(v.steps[0].tabel?.filename).toBe("infrastruktur-101-trin-1");
    expect(csvLines(v.steps[0].tabel!).slice(0, 2)).toEqual([
      "System;Leverandør;Integration;Klarmelding;Fund;Spørg leverandøren",
      "Sys1;Lev A;SF1490 Ydelsesindeks;Klarmeldt;ingen kald de seneste 12 måneder;Spørg Lev A: …"
    ]);
    expect(v.steps[1].tabel).toBeNull();
    expect(v.steps[1].tomTekst).toBe("Intet at følge op på i dette trin.");
    expect(v.datakvalitet).toEqual({
      text: "Datakvalitet: hvad kontrolreglerne har fundet i udtrækkene for København (Demodata)",
      href: "../datakvalitet?kommune=101&kilde=infrastruktur"
    });
  });
});

describe("the onboarding matrix's export, tooltip and legend", () => {
  const input = kommuneInput();
  input.systemer = [{ ski_system: "Sys1", leverandoer: "Lev A", ydelsesomraade: "X" }];
  input.klarmelding = [
    {
      ski_system: "Sys1",
      leverandoer: "Lev A",
      integration: "SF1490 Ydelsesindeks",
      service_nr: "SF1490",
      status: "Klarmeldt"
    },
    {
      ski_system: "Sys1",
      leverandoer: "Lev A",
      integration: "SF1470 Sagsindeks",
      service_nr: "SF1470",
      status: "Forløb 2"
    },
    { ski_system: "Sys1", leverandoer: "Lev A", integration: "SF1500 X", service_nr: "SF1500", status: "Nej" }
  ];
  // connected: SF1490 (calls), not connected: SF1470, unknown: SF1500 (no potentiale row)
  input.potentialeRaekker = [
    {
      ...input.klarmelding[0],
      kommunekode: "101",
      kald_12m: 40,
      tilsluttet: true,
      kommuner_tilsluttet: 1,
      kommuner_med_systemet: 1
    },
    {
      ...input.klarmelding[1],
      kommunekode: "101",
      kald_12m: 0,
      tilsluttet: false,
      kommuner_tilsluttet: 0,
      kommuner_med_systemet: 1
    }
  ];
  const m = kommuneSide(input).matrix;
  it("writes one export row per cell with ja/nej/empty for 'calls'", () => {
    const text = csvDanish(m.cells, KLARMELDING_KOLONNER, { source: "Test", demo: true });
    expect(text.slice(1).split("\r\n").slice(0, 4)).toEqual([
      "SKI-system;Leverandør;Integration;Status;Kalder (12 mdr.)",
      "Sys1;Lev A;SF1490 Ydelsesindeks;Klarmeldt;ja",
      "Sys1;Lev A;SF1470 Sagsindeks;Forløb 2;nej",
      "Sys1;Lev A;SF1500 X;Nej;"
    ]);
  });
  it("gives each cell a symbol (● when connected) and a tooltip in words", () => {
    expect(m.cells.map((c) => c.tekst)).toEqual(["✓ ●", "…", "✗"]);
    expect(m.cells.map(matrixTitel)).toEqual([
      "Sys1 · SF1490 Ydelsesindeks: Klarmeldt, i brug (kald)",
      "Sys1 · SF1470 Sagsindeks: I forløb 2",
      "Sys1 · SF1500 X: Nej"
    ]);
  });
  it("has a legend whose colours and symbols are all different (readable without colour)", () => {
    const styles = KLARMELDING_LEGENDE.map((l) => statusStyle(l.status));
    expect(new Set(styles.map((s) => s.symbol)).size).toBe(KLARMELDING_LEGENDE.length);
    expect(new Set(styles.map((s) => s.farve)).size).toBe(KLARMELDING_LEGENDE.length);
  });
});

// ---------------------------------------------------------------------------
// /infrastruktur/rapport

describe("rapportSide (/infrastruktur/rapport)", () => {
  const data: RapportData = {
    demodata: true,
    kilde: "Demodata.",
    note_kald: "Kald er ikke personer.",
    periode: { fra: "2023-02", til: "2024-01" },
    kpier: [],
    kommuner: [
      {
        kommunekode: "825",
        navn: "Læsø",
        klarmeldte: 4,
        tilsluttede: 1,
        tilslutning: 0.25,
        udbredelse: null,
        andre_har_gjort_det: 2,
        lav_anvendelse: 0,
        anvendelse_lav_andel: 0,
        kle_overens: null
      },
      {
        kommunekode: "101",
        navn: "København",
        klarmeldte: 8,
        tilsluttede: 6,
        tilslutning: 0.75,
        udbredelse: 0.5,
        andre_har_gjort_det: 0,
        lav_anvendelse: 1,
        anvendelse_lav_andel: 1 / 6,
        kle_overens: 0.9876
      }
    ],
    par: [],
    leverandoerer: [],
    kle: null
  };
  const v = rapportSide(data);
  it("titles the municipality table with the count and the period, and links each municipality", () => {
    expect(v.periode).toBe("februar 2023 – januar 2024");
    expect(v.kommuner.title).toBe("De 2 kommuner, laveste tilslutning først (februar 2023 – januar 2024)");
    expect(v.periodeNote).toBe(
      "Periode: februar 2023 – januar 2024 (seneste 12 måneder). Kald er ikke personer. Kilde: Demodata."
    );
    expect(cellView(v.kommuner.rows[0], v.kommuner.cols[0])).toEqual({ text: "Læsø", href: "./825" });
    expect(v.banner).toContain("Demodata");
  });
  it("shows shares as percentages and exports them as numbers; a hidden KLE share is hidden, not 0", () => {
    expect(shown(v.kommuner, v.kommuner.rows[0])).toEqual(["Læsø", "825", "4", "1", "25 %", "–", "2", "0", "skjult/–"]);
    expect(shown(v.kommuner, v.kommuner.rows[1])).toEqual([
      "København",
      "101",
      "8",
      "6",
      "75 %",
      "50 %",
      "0",
      "1",
      "98,8 %"
    ]);
    expect(csvLines(v.kommuner).slice(0, 3)).toEqual([
      "Kommune;Kode;Klarmeldte par;I brug;1 Tilslutning;2 Udbredelse;Andre har gjort det;3 Lav brug (par);KLE overholdt",
      "Læsø;825;4;1;0,250;;2;0;",
      "København;101;8;6;0,750;0,500;0;1;0,988"
    ]);
    expect([v.kommuner.id, v.par.id, v.leverandoerer.id]).toEqual([
      "rapport-kommuner",
      "rapport-par",
      "rapport-leverandoerer"
    ]);
  });
});
