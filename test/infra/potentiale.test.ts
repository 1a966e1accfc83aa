/** The potential analysis on a hand-made example; every expected number is counted by hand in the comments. */
import { describe, expect, it } from "vitest";
import { type PotentialeRow, potentiale } from "../../common/infra/potentiale.js";

const row = (
  kommunekode: string,
  ski_system: string,
  integration: string,
  status: string,
  kald_12m: number,
  kt: number,
  km: number
): PotentialeRow => ({
  kommunekode,
  ski_system,
  leverandoer: ski_system === "A" ? "KMD" : "EG",
  integration,
  service_nr: integration.slice(0, 6),
  status,
  kald_12m,
  tilsluttet: kald_12m > 0,
  kommuner_tilsluttet: kt,
  kommuner_med_systemet: km
});

// System A used by 101, 147, 151 (3); integration SF1470: connected in 147 and 151 (2 of 3); SF1500: connected in 101, 147, 151.
// System B used by 101 and 147; SF1510 is "Nej" (not onboarded) in both; SF1520 klarmeldt, connected nowhere.
const ROWS: PotentialeRow[] = [
  row("101", "A", "SF1470 Sag", "Klarmeldt", 0, 2, 3),
  row("147", "A", "SF1470 Sag", "Klarmeldt", 500, 2, 3),
  row("151", "A", "SF1470 Sag", "Klarmeldt", 800, 2, 3),
  row("101", "A", "SF1500 Org", "Delvist klarmeldt", 10, 3, 3),
  row("147", "A", "SF1500 Org", "Delvist klarmeldt", 1000, 3, 3),
  row("151", "A", "SF1500 Org", "Delvist klarmeldt", 2000, 3, 3),
  row("101", "B", "SF1510 Kla", "Nej", 0, 0, 2),
  row("147", "B", "SF1510 Kla", "Nej", 0, 0, 2),
  row("101", "B", "SF1520 CPR", "Klarmeldt", 0, 0, 2),
  row("147", "B", "SF1520 CPR", "Klarmeldt", 0, 0, 2)
];
const POP = new Map([
  ["101", 1000],
  ["147", 1000],
  ["151", 2000]
]);

describe("potentialeanalyse", () => {
  const p = potentiale("101", ROWS, POP, [
    { kommunekode: "101", kle_gyldig: true },
    { kommunekode: "101", kle_gyldig: true },
    { kommunekode: "101", kle_gyldig: true },
    { kommunekode: "101", kle_gyldig: false },
    { kommunekode: "147", kle_gyldig: false }
  ]);

  it("tilslutning: onboarded pairs A/SF1470, A/SF1500, B/SF1520 (3); connected A/SF1500 (1) → 1/3", () => {
    expect([p.tilslutning.klarmeldte, p.tilslutning.tilsluttede]).toEqual([3, 1]);
    expect(p.tilslutning.andel).toBeCloseTo(1 / 3, 15);
    expect(p.tilslutning.mangler.map((m) => `${m.ski_system} ${m.integration}`)).toEqual([
      "A SF1470 Sag",
      "B SF1520 CPR"
    ]);
    expect(p.tilslutning.mangler[0].spoergsmaal).toBe(
      "Spørg KMD: hvornår tilsluttes A SF1470 Sag i kommunen? Systemet er klarmeldt til integrationen."
    );
  });

  it("udbredelse: pairs connected somewhere: A/SF1470, A/SF1500 → 1 of 2 here; nationally 5 connected of 6 such rows", () => {
    expect(p.udbredelse.andel).toBe(0.5);
    expect(p.udbredelse.landsandel).toBeCloseTo(5 / 6, 15);
    expect(p.udbredelse.andre_har_gjort_det).toEqual([
      {
        ski_system: "A",
        leverandoer: "KMD",
        integration: "SF1470 Sag",
        status: "Klarmeldt",
        andre_tilsluttet: 2,
        andre_med_systemet: 2
      }
    ]);
  });

  it("anvendelse: A/SF1500 10 calls per 1,000 vs median of 147 (1000) and 151 (1000) per 1,000 → low use", () => {
    expect(p.anvendelse.lav_anvendelse).toEqual([
      {
        ski_system: "A",
        leverandoer: "KMD",
        integration: "SF1500 Org",
        status: "Delvist klarmeldt",
        kald_pr_1000: 10,
        median_andre_pr_1000: 1000
      }
    ]);
    expect(p.anvendelse.kle_ugyldige_andel).toBe(0.25);
  });

  it("a municipality without onboarded systems gets null KPIs, not zeros", () => {
    const q = potentiale("999", ROWS, POP);
    expect([q.tilslutning.andel, q.udbredelse.andel, q.anvendelse.kle_ugyldige_andel]).toEqual([null, null, null]);
  });
});
