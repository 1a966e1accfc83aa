/**
 * The build-time default groups the municipality pages read: the agreed row shape,
 * ten ranked neighbours per municipality, area and year, every area computed in its
 * default year, and the published groups equal to a fresh computation.
 */
import { describe, expect, test } from "vitest";
import { buildGroupDefaults, computeArea, GROUP_SIZE } from "../../loaders/groups.js";
import { AREA_DEFINITIONS, STANDARD_AAR } from "../../loaders/areas.js";
import { figureIndex } from "../../loaders/groups.js";

describe("default comparison groups", () => {
  const d = buildGroupDefaults();

  test("areas: the agreed ids and fields, each computed in the default year", () => {
    expect(d.areas.map((a) => a.id)).toEqual(["folkeskole", "dagtilbud", "aeldre", "boern-unge", "administration", "serviceudgifter"]);
    for (const a of d.areas) {
      for (const k of ["id", "navn", "udfald", "variabler", "standardaar", "aar", "beskrivelse"]) expect(a).toHaveProperty(k);
      expect(a.aar).toContain(STANDARD_AAR);
      expect(a.standardaar).toBe(STANDARD_AAR);
      // every candidate is a catalogue id
      for (const v of [a.udfald, ...a.variabler]) expect(figureIndex().ids.has(v), v).toBe(true);
    }
  });

  test("areas JSON: per computed year, the default candidates left out, with the reason", () => {
    const f = d.areas.find((a) => a.id === "folkeskole")!;
    for (const a of f.aar) expect(new Set([...f.variabler_pr_aar[a], ...f.udeladte_pr_aar[a].map((o) => o.id)])).toEqual(new Set(f.variabler));
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

  test("the published groups are what the engine computes now", () => {
    const area = AREA_DEFINITIONS.find((a) => a.id === "aeldre")!;
    const r = computeArea(area, STANDARD_AAR);
    const published = d.rows.filter((x) => x.omraade === "aeldre" && x.aar === STANDARD_AAR && x.kommunekode === "461").map((x) => x.nabo);
    expect(published).toEqual(r.neighbours[r.kommunekoder.indexOf("461")].map((x) => x.kommunekode));
  });

  test("models: one row per term per elimination step", () => {
    const m = d.models.filter((x) => x.omraade === "folkeskole" && x.aar === STANDARD_AAR);
    const steps = new Set(m.map((x) => x.trin));
    expect(m.filter((x) => x.fjernet)).toHaveLength(steps.size - 1);
  });
});
