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
  });
});
