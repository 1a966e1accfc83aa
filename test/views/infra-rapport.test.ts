// The general report for all 98 (common/views/infrastruktur-rapport.ts) on hand-made potential analyses:
// expectations counted by hand in the comments, and cross-checked against potentiale() on shared rows.
import { describe, expect, it } from "vitest";
import type { KleOverensRow } from "../../common/infra/kle.js";
import { type Potentiale, type PotentialeRow, potentiale } from "../../common/infra/potentiale.js";
import { rapport } from "../../common/views/infrastruktur-rapport.js";

const row = (
  kommunekode: string,
  ski_system: string,
  integration: string,
  kald_12m: number,
  leverandoer = ski_system === "Nexus" ? "KMD" : "Netcompany"
): PotentialeRow => ({
  kommunekode,
  ski_system,
  leverandoer,
  integration,
  service_nr: integration.slice(0, 6),
  status: "Klarmeldt",
  kald_12m,
  tilsluttet: kald_12m > 0,
  kommuner_tilsluttet: 0,
  kommuner_med_systemet: 0
});
// Three municipalities with Nexus × SF1470 and SF1490; 101 and 147 also Acadre × SF1470.
//   Nexus SF1470: 101 1000, 147 900, 151 0 (not connected, 2 of 2 others are: "others did it")
//   Nexus SF1490: 101 0, 147 0, 151 0 (nobody)
//   Acadre SF1470: 101 1000, 147 10 (147 is under a quarter of 101's use per 1,000 inhabitants)
const rows0 = [
  row("101", "Nexus", "SF1470 Sag", 1000),
  row("147", "Nexus", "SF1470 Sag", 900),
  row("151", "Nexus", "SF1470 Sag", 0),
  row("101", "Nexus", "SF1490 Ydelse", 0),
  row("147", "Nexus", "SF1490 Ydelse", 0),
  row("151", "Nexus", "SF1490 Ydelse", 0),
  row("101", "Acadre", "SF1470 Sag", 1000),
  row("147", "Acadre", "SF1470 Sag", 10)
];
// kommuner_tilsluttet per pair, as the aggregate's window function computes it
const rows = rows0.map((r) => {
  const same = rows0.filter((o) => o.ski_system === r.ski_system && o.integration === r.integration);
  return { ...r, kommuner_tilsluttet: same.filter((o) => o.tilsluttet).length, kommuner_med_systemet: same.length };
});
const population = new Map([
  ["101", 100_000],
  ["147", 100_000],
  ["151", 100_000]
]);
const potentialer: Potentiale[] = ["101", "147", "151"].map((k) => potentiale(k, rows, population));
const kle: KleOverensRow[] = [
  {
    omfang: "land",
    kommunekode: "",
    it_system: "",
    opgjort_dato: "2024-03-31",
    sager: 1000,
    sager_afvigende: 25,
    andel_findes: 0.99,
    andel_aktuel: 0.98,
    andel_niveau: 0.99,
    andel_overens: 0.975,
    afvigende_numre: "99.99.99",
    status: ""
  },
  {
    omfang: "kommune",
    kommunekode: "147",
    it_system: "",
    opgjort_dato: "2024-03-31",
    sager: 400,
    sager_afvigende: 20,
    andel_findes: 0.95,
    andel_aktuel: 1,
    andel_niveau: 1,
    andel_overens: 0.95,
    afvigende_numre: "99.99.99",
    status: ""
  }
];
const r = rapport({
  demodata: true,
  kilde: "test",
  kommuner: [
    { kommunekode: "101", navn: "København" },
    { kommunekode: "147", navn: "Frederiksberg" },
    { kommunekode: "151", navn: "Ballerup" }
  ],
  potentialer,
  kle
});

describe("the all-98 report", () => {
  it("KPIs of the three steps for the country, with the spread over the municipalities", () => {
    // step 1: 8 onboarded pairs, 4 connected (101 Nexus 1470, 147 Nexus 1470, 101 Acadre, 147 Acadre) = 50 %;
    // per municipality: 101 2/3, 147 2/3, 151 0/2 → median 2/3, min 0, max 2/3
    expect(r.kpier[0]).toMatchObject({ trin: 1, vaerdi: 4 / 8, median: 2 / 3, min: 0, max: 2 / 3, antal_kommuner: 3 });
    expect(r.kpier[0].tekst).toBe("4 af 8 klarmeldte par er i brug; kommunerne ligger fra 0 % til 67 % (median 67 %).");
    // step 2: pairs connected somewhere: Nexus 1470 (3), Acadre (2) = 5; connected 4 → 80 %;
    // 101: 2/2, 147: 2/2, 151: 0/1 → median 1, min 0
    expect(r.kpier[1]).toMatchObject({ trin: 2, vaerdi: 4 / 5, median: 1, min: 0, max: 1 });
    expect(r.kpier[1].tekst).toContain("I 1 tilfælde mangler en kommune");
    // step 3: 147 Acadre (10 per 100,000 vs 101's 1000) is low: 1 of 4 connected; 101 0/2, 147 1/2, 151 none connected
    expect(r.kpier[2]).toMatchObject({ trin: 3, vaerdi: 1 / 4, median: 0.25, min: 0, max: 0.5, antal_kommuner: 2 });
    expect(r.kpier[2].tekst).toBe(
      "1 af 4 tilsluttede par bruges lidt. KLE i indeksene: 97,5 % af sagerne overholder standarden."
    );
  });

  it("one row per municipality, lowest connection share first, with its KLE share", () => {
    expect(
      r.kommuner.map((k) => [
        k.navn,
        k.klarmeldte,
        k.tilsluttede,
        k.andre_har_gjort_det,
        k.lav_anvendelse,
        k.kle_overens
      ])
    ).toEqual([
      ["Ballerup", 2, 0, 1, 0, null],
      ["Frederiksberg", 3, 2, 0, 1, 0.95],
      ["København", 3, 2, 0, 0, null]
    ]);
  });

  it("the concrete pairs and what to ask which vendor", () => {
    // Nexus SF1490: not connected in 3; Nexus SF1470: 1 (Ballerup, others did it); Acadre: low use in 1
    expect(
      r.par.map((p) => [
        p.ski_system,
        p.integration,
        p.ikke_tilsluttet,
        p.andre_har_gjort_det,
        p.lav_anvendelse,
        p.kommuner
      ])
    ).toEqual([
      ["Nexus", "SF1490 Ydelse", 3, 0, 0, "Ballerup, Frederiksberg, København"],
      ["Nexus", "SF1470 Sag", 1, 1, 0, "Ballerup"],
      ["Acadre", "SF1470 Sag", 0, 0, 1, "Frederiksberg"]
    ]);
    expect(
      r.leverandoerer.map((l) => [l.leverandoer, l.systemer, l.ikke_tilsluttet, l.lav_anvendelse, l.kommuner])
    ).toEqual([
      ["KMD", 1, 4, 0, 3],
      ["Netcompany", 1, 0, 1, 1]
    ]);
    expect(r.leverandoerer[0].spoergsmaal).toBe(
      "Spørg KMD: i 4 tilfælde er en integration klarmeldt, men ikke i brug, og i 0 bruges den lidt, fordelt på 3 kommuner. Hvad er planen for at få dem i drift, begyndende med SF1490 Ydelse i Nexus (3 kommuner)?"
    );
    expect(r.kle?.andel_overens).toBe(0.975);
  });
});
