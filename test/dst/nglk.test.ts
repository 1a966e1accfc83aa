/**
 * Reading a refreshed snapshot and the price index derived from NGLK's two price units.
 * The snapshot is fetched from the replay server (fixture values, documented in
 * replay-server.ts: fixed = round(current / (1 + 0,02·(year − 2008)))).
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildNoegletal } from "../../loaders/datasets.js";
import { DAWA_KODER } from "../../loaders/dst/kommunekoder.js";
import {
  deflate,
  derivePriceIndex,
  indexSpread,
  NGLK_TO_NOEGLETAL,
  type NglkRow,
  readSnapshot,
  snapshotStatement
} from "../../loaders/dst/nglk.js";
import { refresh } from "../../loaders/dst/snapshot.js";
import { StatbankClient } from "../../loaders/dst/statbank.js";
import { type Replay, startReplay } from "./replay-server.js";

let out: string;
let replay: Replay;
let rows: NglkRow[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "kommunetal-nglk-"));
  replay = await startReplay();
  const client = new StatbankClient({ baseUrl: replay.url, retries: 1, backoffMs: 1, timeoutMs: 10_000 });
  await refresh({
    client,
    apiUrl: replay.url,
    out,
    tables: ["NGLK"],
    kommunekoder: DAWA_KODER(),
    now: () => new Date("2026-11-23T12:00:00Z")
  });
  rows = readSnapshot(join(out, "statbank"))!.nglk!;
});
afterAll(async () => {
  await replay.close();
  rmSync(out, { recursive: true, force: true });
});

describe("the snapshot", () => {
  it("is absent offline, and the site says what it shows instead", () => {
    expect(readSnapshot(join(out, "findes-ikke"))).toBeNull();
    expect(snapshotStatement(null)).toMatch(
      /indbyggede øjebliksbillede \(noegletal\.dk, september 2019\).*npm run opdater/
    );
  });

  it("reads every row with its codes and values", () => {
    expect(rows).toHaveLength(104 * 12 * 2 * 2 * 17);
    // national DRI NET AARPRIS 2019: 10,000 + 0 + 101·0 + 250·11 = 12,750 (formula in replay-server.ts)
    expect(
      rows.find(
        (r) =>
          r.omraade === "0" && r.noegle === "DRI" && r.brutnet === "NET" && r.prisenhed === "AARPRIS" && r.aar === 2019
      )?.vaerdi
    ).toBe(12_750);
    const s = readSnapshot(join(out, "statbank"))!;
    expect(snapshotStatement(s)).toBe(
      "Opdateret fra Danmarks Statistiks Statistikbank: NGLK (2008–2024, hentet 2026-11-23, opdateret hos DST 2025-06-20). Kilde: Danmarks Statistik."
    );
  });

  it("maps NGLK figures only to key figures that exist in the catalogue", () => {
    const ids = new Set(buildNoegletal().katalog.map((k) => k.id));
    for (const [code, m] of Object.entries(NGLK_TO_NOEGLETAL)) expect(ids.has(m.id), `${code} → ${m.id}`).toBe(true);
  });
});

describe("the derived price index", () => {
  it("is 100 in DST's base year and follows current / fixed", () => {
    const idx = derivePriceIndex(rows);
    expect(idx.fixedUnit).toBe("08PRIS");
    expect(idx.baseYear).toBe(2008);
    expect(idx.index.get(2008)).toBe(100);
    // 2019: current 12,750; fixed round(12,750 / 1.22) = round(10,450.82) = 10,451 → 100 · 12,750 / 10,451 = 121.998
    expect(idx.index.get(2019)).toBeCloseTo((100 * 12_750) / 10_451, 10);
  });

  it("reproduces the fixed-price series it comes from (round trip)", () => {
    const idx = derivePriceIndex(rows);
    const national = rows.filter((r) => r.omraade === "0" && r.noegle === "DRI" && r.brutnet === "NET");
    for (const year of [2008, 2012, 2019, 2024]) {
      const current = national.find((r) => r.aar === year && r.prisenhed === "AARPRIS")!.vaerdi!;
      const fixed = national.find((r) => r.aar === year && r.prisenhed === "08PRIS")!.vaerdi!;
      expect(deflate(current, year, 2008, idx)).toBeCloseTo(fixed, 6);
    }
  });

  it("a figure deflated two ways agrees within DST's rounding", () => {
    // FOL for Aalborg (851) in 2019: DST's own fixed-price value vs current prices deflated with the DRI-derived index
    const idx = derivePriceIndex(rows);
    const fol = rows.filter((r) => r.omraade === "851" && r.noegle === "FOL" && r.brutnet === "NET" && r.aar === 2019);
    const current = fol.find((r) => r.prisenhed === "AARPRIS")!.vaerdi!;
    const fixedDst = fol.find((r) => r.prisenhed === "08PRIS")!.vaerdi!;
    // both are rounded to whole kroner by the source: agree within 1 kr.
    expect(Math.abs(deflate(current, 2019, 2008, idx) - fixedDst)).toBeLessThan(1);
    // and deflating to another base year and back is the identity
    expect(deflate(deflate(current, 2019, 2015, idx), 2015, 2019, idx)).toBeCloseTo(current, 9);
  });

  it("reports how far each figure's own implied index lies from the derived one", () => {
    const spread = indexSpread(rows, derivePriceIndex(rows));
    expect(spread.map((s) => s.noegle)).toContain("FOL");
    // one deflator in the fixtures: only rounding separates the figures (< 0.02 %)
    for (const s of spread) expect(s.maxRelDiff).toBeLessThan(2e-4);
  });

  it("refuses a table with no fixed-price unit", () => {
    expect(() => derivePriceIndex(rows.filter((r) => r.prisenhed === "AARPRIS"))).toThrow(/netop én fast prisenhed/);
  });
});

describe("what the site publishes about the snapshot", () => {
  it("without a snapshot: the built-in data, and why fixed prices are unavailable", async () => {
    const { statbankSummary } = await import("../../loaders/dst/publish.js");
    const s = statbankSummary(null);
    expect(s.tilstand).toBe("indbygget");
    expect(s.prisindeks).toBeNull();
    expect(s.faste_priser_utilgaengelige).toMatch(/npm run opdater/);
    expect(s.overlap).toBeNull();
    expect(s.serier).toBeNull();
  });

  it("with a snapshot: tables, periods and the price index (100 in the base year)", async () => {
    const { statbankSummary } = await import("../../loaders/dst/publish.js");
    const s = statbankSummary(readSnapshot(join(out, "statbank")));
    expect(s.tilstand).toBe("opdateret");
    expect(s.tabeller).toEqual([
      {
        tabel: "NGLK",
        titel: expect.stringMatching(/^Udvalgte kommunale regnskabstal/),
        foerste: "2008",
        seneste: "2024",
        hentet: "2026-11-23T12:00:00.000Z",
        opdateret_hos_dst: "2025-06-20T08:00:00"
      }
    ]);
    expect(s.prisindeks!.basisaar).toBe(2008);
    expect(s.prisindeks!.aar[0]).toEqual({ aar: 2008, indeks: 100 });
    expect(s.faste_priser_utilgaengelige).toBeNull();
    // the overlap with the export is published: each mapped figure in 2013–2019, all 98 municipalities where both have a value
    expect(new Set(s.overlap!.map((o) => o.noegle))).toEqual(new Set(Object.keys(NGLK_TO_NOEGLETAL)));
    const ser2018 = s.overlap!.find((o) => o.noegle === "SER" && o.aar === 2018)!;
    expect(ser2018.aarstype).toBe("regnskab");
    expect(ser2018.n).toBe(98);
    expect(s.overlap!.find((o) => o.noegle === "SER" && o.aar === 2019)!.aarstype).toBe("budget");
    expect(s.aarstype_regel).toMatch(/2019 er budgettal/);
    // the joined series: serviceudgifter for København runs 2008–2024, 2019 from NGLK (accounts) instead of the budget
    const ser101 = s.serier!.filter((p) => p.id === "serviceudgifter-pr-indb" && p.kommunekode === "101");
    expect(ser101.map((p) => p.aar)).toEqual(Array.from({ length: 17 }, (_, i) => 2008 + i));
    expect(ser101.find((p) => p.aar === 2019)!.kilde).toBe("NGLK");
    expect(ser101.find((p) => p.aar === 2018)!.kilde).toBe("noegletal.dk");
  });
});

describe("NGLK joined onto the catalogue's figures (loaders/dst/join.ts)", () => {
  // Fixture NGLK (replay-server.ts): AARPRIS = 10.000 + 37·(kode mod 97) + 101·(index of BNØGLE) + 250·(år − 2008).
  // SER is BNØGLE index 1. København 101: 101 mod 97 = 4 → 148; Aarhus 751: 751 mod 97 = 72 → 2.664.
  //   SER 101 2018 = 10.000 + 148 + 101 + 2.500 = 12.749;  2019 = 12.999
  //   SER 751 2018 = 10.000 + 2.664 + 101 + 2.500 = 15.265; 2019 = 15.515
  const koder = new Set(["101", "751"]);
  const exportRows = [
    {
      id: "serviceudgifter-pr-indb",
      kommunekode: "101",
      aar: 2018,
      vaerdi: 13_000,
      status: "ok" as const,
      aarstype: "regnskab" as const
    },
    {
      id: "serviceudgifter-pr-indb",
      kommunekode: "751",
      aar: 2018,
      vaerdi: 15_265,
      status: "ok" as const,
      aarstype: "regnskab" as const
    },
    {
      id: "serviceudgifter-pr-indb",
      kommunekode: "101",
      aar: 2019,
      vaerdi: 12_000,
      status: "ok" as const,
      aarstype: "budget" as const
    },
    {
      id: "serviceudgifter-pr-indb",
      kommunekode: "751",
      aar: 2019,
      vaerdi: null,
      status: "mangler" as const,
      aarstype: "budget" as const
    },
    // not a mapped figure: ignored
    {
      id: "andel-0-17-aarige",
      kommunekode: "101",
      aar: 2018,
      vaerdi: 20,
      status: "ok" as const,
      aarstype: "regnskab" as const
    }
  ];

  it("the overlap: export − NGLK per year, by hand", async () => {
    const { overlap } = await import("../../loaders/dst/join.js");
    const o = overlap(exportRows, rows, koder);
    expect(o.map((r) => [r.id, r.aar, r.aarstype, r.n])).toEqual([
      ["serviceudgifter-pr-indb", 2018, "regnskab", 2],
      ["serviceudgifter-pr-indb", 2019, "budget", 1]
    ]);
    // 2018: differences 13.000 − 12.749 = 251 and 15.265 − 15.265 = 0 → mean 125,5;
    // relative 251 / 12.749 = 1,96878 % and 0 → mean 0,98439 %, largest 1,96878 %
    expect(o[0].noegle).toBe("SER");
    expect(o[0].gns_forskel).toBeCloseTo(125.5, 10);
    expect(o[0].gns_abs_forskel_pct).toBeCloseTo((251 / 12_749) * 50, 10);
    expect(o[0].stoerste_abs_forskel_pct).toBeCloseTo((251 / 12_749) * 100, 10);
    // 2019 (budget in the export): 12.000 − 12.999 = −999
    expect(o[1].gns_forskel).toBe(-999);
  });

  it("one series 2008 → 2024: the export's accounts years stay, its budget year gives way to NGLK's accounts", async () => {
    const { joinedSeries } = await import("../../loaders/dst/join.js");
    const s = joinedSeries(exportRows, rows, koder).filter(
      (p) => p.id === "serviceudgifter-pr-indb" && p.kommunekode === "101"
    );
    expect(s.map((p) => p.aar)).toEqual(Array.from({ length: 17 }, (_, i) => 2008 + i));
    const at = (aar: number) => s.find((p) => p.aar === aar)!;
    // 2008: NGLK 10.000 + 148 + 101 = 10.249
    expect(at(2008)).toMatchObject({ vaerdi: 10_249, kilde: "NGLK", aarstype: "regnskab" });
    expect(at(2018)).toMatchObject({ vaerdi: 13_000, kilde: "noegletal.dk", aarstype: "regnskab" });
    expect(at(2019)).toMatchObject({ vaerdi: 12_999, kilde: "NGLK", aarstype: "regnskab" });
    // 2024: 10.249 + 250 · 16 = 14.249
    expect(at(2024)).toMatchObject({ vaerdi: 14_249, kilde: "NGLK" });
    expect(s.every((p) => p.aarstype === "regnskab")).toBe(true);
  });
});
