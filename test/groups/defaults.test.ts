/**
 * The build-time default groups the municipality pages read: the agreed row shape,
 * ten ranked neighbours per municipality, area and year, every area computed in its
 * default year, and the published groups equal to an independent recomputation (native DuckDB SQL and a
 * hand-written least-squares solve, test/groups/independent.ts), not to the engine called again.
 */

import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { AREA_DEFINITIONS, STANDARD_AAR } from "../../loaders/areas.js";
import { buildNoegletal } from "../../loaders/datasets.js";
import { buildGroupDefaults, figureIndex, GROUP_SIZE } from "../../loaders/groups.js";
import { independentGroups, loadValues, solve } from "./independent.js";

let db: DuckDBConnection;
beforeAll(async () => {
  db = await (await DuckDBInstance.create()).connect();
  await loadValues(db, buildNoegletal().values);
}, 120_000);

test("the independent solver: a 2 × 2 system by hand (2x + y = 5, x + 3y = 10 → x = 1, y = 3)", () => {
  const [x, y] = solve(
    [
      [2, 1],
      [1, 3]
    ],
    [5, 10]
  );
  expect(x).toBeCloseTo(1, 14);
  expect(y).toBeCloseTo(3, 14);
});

describe("default comparison groups", () => {
  const d = buildGroupDefaults();

  test("areas: the agreed ids and fields, each computed in the default year", () => {
    expect(d.areas.map((a) => a.id)).toEqual([
      "folkeskole",
      "dagtilbud",
      "aeldre",
      "boern-unge",
      "administration",
      "serviceudgifter"
    ]);
    for (const a of d.areas) {
      for (const k of ["id", "navn", "udfald", "variabler", "standardaar", "aar", "beskrivelse"])
        expect(a).toHaveProperty(k);
      expect(a.aar).toContain(STANDARD_AAR);
      expect(a.standardaar).toBe(STANDARD_AAR);
      // every candidate is a catalogue id
      for (const v of [a.udfald, ...a.variabler]) expect(figureIndex().ids.has(v), v).toBe(true);
    }
  });

  test("areas JSON: per computed year, the default candidates left out, with the reason", () => {
    const f = d.areas.find((a) => a.id === "folkeskole")!;
    for (const a of f.aar)
      expect(new Set([...f.variabler_pr_aar[a], ...f.udeladte_pr_aar[a].map((o) => o.id)])).toEqual(
        new Set(f.variabler)
      );
    expect(f.udeladte_pr_aar[STANDARD_AAR]).toEqual([
      { id: "fuldtidsledige-pr-100-17-64-66-aarige", grund: "ingen værdier i 2018 (nøgletallet slutter 2017)" },
      { id: "boern-af-enlige-forsoergere-pr-100-0-17-aarige", grund: "ingen værdier i 2018 (nøgletallet slutter 2017)" }
    ]);
  });

  test("rows: 10 ranked neighbours per area, year and municipality, never itself", () => {
    const groups = new Map<string, typeof d.rows>();
    for (const r of d.rows) {
      expect(Object.keys(r).sort()).toEqual(["aar", "afstand", "gensidig", "kommunekode", "nabo", "omraade", "rang"]);
      expect(r.nabo).not.toBe(r.kommunekode);
      const key = `${r.omraade}/${r.aar}/${r.kommunekode}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const expectedGroups = d.areas.reduce((s, a) => s + a.aar.length * 98, 0);
    expect(groups.size).toBe(expectedGroups);
    for (const rows of groups.values()) {
      expect(rows.map((r) => r.rang)).toEqual(Array.from({ length: GROUP_SIZE }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.nabo)).size).toBe(GROUP_SIZE);
    }
  });

  test.each(AREA_DEFINITIONS.map((a) => a.id))(
    "%s, standard year: betas, distances and all 98 top-10 lists match the recomputation",
    async (id) => {
      const area = AREA_DEFINITIONS.find((a) => a.id === id)!;
      const json = d.areas.find((a) => a.id === id)!;
      const m = d.models.filter((x) => x.omraade === id && x.aar === STANDARD_AAR);
      const last = Math.max(...m.map((x) => x.trin));
      const final = m.filter((x) => x.trin === last);
      const kept = final.filter((x) => x.variabel !== "(Intercept)").map((x) => x.variabel);
      expect(kept).toEqual(json.valgte_pr_aar[STANDARD_AAR]);
      const ind = await independentGroups(db, area, STANDARD_AAR, json.variabler_pr_aar[STANDARD_AAR], kept);
      expect(final[0].n).toBe(ind.koder.length);
      final.forEach((x, i) => expect(x.beta, x.variabel).toBeCloseTo(ind.betas[i], 6));
      const rows = d.rows.filter((x) => x.omraade === id && x.aar === STANDARD_AAR);
      const published = new Map<string, string[]>();
      for (const r of rows) published.set(r.kommunekode, [...(published.get(r.kommunekode) ?? []), r.nabo]);
      expect(published.size).toBe(ind.top.size);
      const wrong = [...ind.top].filter(([k, top]) => published.get(k)?.join(" ") !== top.join(" ")).map(([k]) => k);
      expect(wrong).toEqual([]);
      for (const r of rows)
        expect(
          Math.abs(r.afstand - ind.distance.get(r.kommunekode)!.get(r.nabo)!) / r.afstand,
          `${r.kommunekode}→${r.nabo}`
        ).toBeLessThan(1e-9);
    }
  );

  test("models: one row per term per elimination step", () => {
    const m = d.models.filter((x) => x.omraade === "folkeskole" && x.aar === STANDARD_AAR);
    const steps = new Set(m.map((x) => x.trin));
    expect(m.filter((x) => x.fjernet)).toHaveLength(steps.size - 1);
  });
});
