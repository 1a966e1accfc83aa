/**
 * The loaders on the real snapshot in data/raw: counts, calibration figures published
 * by the sources (see ../shared/data/SOURCES.md), and a cross-check of 400 random cells
 * of the written Parquet (read back with native DuckDB) against the raw file (read by a
 * separate, deliberately naive parser in this test).
 */

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { buildBefolkning, buildKommuner, buildNoegletal } from "../../loaders/datasets.js";
import { buildGeo } from "../../loaders/geo.js";
import { AREAS } from "../../loaders/noegletal-katalog.js";

describe("kommuner", () => {
  const k = buildKommuner();
  test("98 municipalities with 3-digit string codes, no Christiansø", () => {
    expect(k).toHaveLength(98);
    expect(k.every((r) => /^\d{3}$/.test(r.kommunekode))).toBe(true);
    expect(k.find((r) => r.kommunekode === "411")).toBeUndefined();
    expect(new Set(k.map((r) => r.kommunekode)).size).toBe(98);
  });
  test("region and DST-group counts match DST's classification (29/22/19/17/11 and 24/3/16/24/31)", () => {
    const count = (key: "regionsnavn" | "kommunegruppe") =>
      Object.fromEntries([...new Set(k.map((r) => r[key]))].map((v) => [v, k.filter((r) => r[key] === v).length]));
    expect(count("regionsnavn")).toEqual({
      "Region Hovedstaden": 29,
      "Region Syddanmark": 22,
      "Region Midtjylland": 19,
      "Region Sjælland": 17,
      "Region Nordjylland": 11
    });
    expect(count("kommunegruppe")).toEqual({
      Hovedstadskommuner: 24,
      Storbykommuner: 3,
      Provinsbykommuner: 16,
      Oplandskommuner: 24,
      Landkommuner: 31
    });
  });
  test("official names as the ministry writes them (genitive where Danish uses it)", () => {
    const name = (kode: string) => k.find((r) => r.kommunekode === kode)!.officielt_navn;
    expect([name("101"), name("825"), name("480"), name("173")]).toEqual([
      "Københavns Kommune",
      "Læsø Kommune",
      "Nordfyns Kommune",
      "Lyngby-Taarbæk Kommune"
    ]);
    expect(k.every((r) => r.officielt_navn.endsWith("Kommune"))).toBe(true);
  });
  test("official area from the key figures (noegletal.dk: København 86,7 km², Aalborg 1.137,4 km²)", () => {
    expect(k.find((r) => r.kommunekode === "101")!.areal_km2).toBe(86.7);
    expect(k.find((r) => r.kommunekode === "851")!.areal_km2).toBe(1137.4);
  });
});

describe("noegletal", () => {
  const n = buildNoegletal();
  test("180 key figures, each with exactly 98 municipality rows per year", () => {
    expect(n.katalog).toHaveLength(180);
    expect(n.years).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    const per = new Map<string, number>();
    for (const v of n.values) per.set(`${v.id}/${v.aar}`, (per.get(`${v.id}/${v.aar}`) ?? 0) + 1);
    expect(per.size).toBe(180 * 7);
    expect(new Set(per.values())).toEqual(new Set([98]));
  });
  test("calibration: Indbyggertal 1. januar 2019 (SOURCES.md)", () => {
    const pop = (kode: string) =>
      n.values.find((v) => v.id === "indbyggertal-1-januar" && v.kommunekode === kode && v.aar === 2019)!.vaerdi;
    expect([pop("101"), pop("851"), pop("607"), pop("161"), pop("825")]).toEqual([623404, 215312, 51427, 22615, 1806]);
    expect(n.national.find((r) => r.id === "indbyggertal-1-januar" && r.aar === 2019)).toMatchObject({
      vaerdi: 5805991,
      type: "I alt"
    });
  });
  test("the catalogue documents every figure: unique ids, full titles, a known area, source and national rule", () => {
    expect(new Set(n.katalog.map((k) => k.id)).size).toBe(180);
    const areaIds = new Set(AREAS.map((a) => a.id));
    for (const k of n.katalog) {
      expect(areaIds.has(k.omraade), k.titel).toBe(true);
      expect(k.titel.length).toBeGreaterThan(3);
      expect(k.kilde).toContain("noegletal.dk");
      expect(k.landstal_metode.length).toBeGreaterThan(20);
    }
    expect(n.katalog.find((k) => k.nr === 151)!.titel).toBe("Udg. til kontanthjælp og revalidering pr 17-64/66-årig");
    expect(n.katalog.filter((k) => k.enhed === "ikke angivet i kilden").map((k) => k.titel)).toEqual([]);
  });
  test("missing values are never zero: 0 only where the source writes '-' or NEJ", () => {
    for (const v of n.values) if (v.vaerdi === 0) expect(["nul", "nej", "ok"]).toContain(v.status);
    for (const v of n.values)
      if (["mangler", "udefineret", "ikke_indberettet", "ikke_tilgaengelig"].includes(v.status))
        expect(v.vaerdi).toBeNull();
  });
});

describe("befolkning (FOLK1AM)", () => {
  const b = buildBefolkning();
  test("98 municipalities × 31 months, calibration figures from SOURCES.md", () => {
    expect(b.rows).toHaveLength(98 * 31);
    const get = (kode: string, m: string) => b.rows.find((r) => r.kommunekode === kode && r.maaned === m)!.befolkning;
    expect([get("101", "2022M01"), get("101", "2024M01"), get("851", "2022M01"), get("825", "2024M01")]).toEqual([
      644431, 659350, 221082, 1759
    ]);
    expect(b.national.find((r) => r.maaned === "2022M01")!.befolkning).toBe(5873420);
  });
});

describe("geo", () => {
  test("98 municipality geometries keyed by kommunekode, small enough for a page", () => {
    const codes = new Set(buildKommuner().map((k) => k.kommunekode));
    const topo = buildGeo(codes);
    const geoms = (topo.objects.kommuner as unknown as { geometries: { properties: { kommunekode: string } }[] })
      .geometries;
    expect(geoms).toHaveLength(98);
    expect(new Set(geoms.map((g) => g.properties.kommunekode))).toEqual(codes);
    expect(JSON.stringify(topo).length).toBeLessThan(150_000);
  });
});

describe("Parquet output against the raw file, 400 random cells", () => {
  let dir: string;
  let con: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kommunetal-parquet-"));
    for (const name of ["noegletal", "noegletal-katalog"]) {
      // run the real loader entry the way Framework does: stdout is the file
      writeFileSync(
        join(dir, `${name}.parquet`),
        execFileSync(process.execPath, ["--import", "tsx", `src/data/${name}.parquet.ts`], {
          maxBuffer: 64e6,
          stdio: ["ignore", "pipe", "ignore"]
        })
      );
    }
    con = await (await DuckDBInstance.create()).connect();
  });

  /** A naive, independent reading of one cell of the raw export. */
  function rawCell(
    lines: string[],
    titleLine: number,
    kode: string,
    aar: number,
    years: number[]
  ): { value: number | null; code: string } {
    // code: the raw cell's code ("" for a number)
    for (let i = titleLine; i < titleLine + 100; i++) {
      const cells = lines[i].split(";");
      if (cells[1] === kode) {
        const text = cells[2 + years.indexOf(aar)].trim();
        if (text === "-") return { value: 0, code: text };
        if (text === "JA") return { value: 1, code: text };
        if (text === "NEJ") return { value: 0, code: text };
        if (text === "") return { value: null, code: "EMPTY" };
        if (["M", "U", ".."].includes(text)) return { value: null, code: text };
        return { value: Number(text.split(".").join("").replace(",", ".")), code: "" };
      }
    }
    throw new Error(`fandt ikke ${kode} under linje ${titleLine}`);
  }

  /** The status each raw code must become (loaders/sources/noegletal.ts). */
  const STATUS_OF: Record<string, string> = {
    "": "ok",
    "-": "nul",
    M: "mangler",
    U: "udefineret",
    "..": "ikke_tilgaengelig",
    JA: "ja",
    NEJ: "nej",
    EMPTY: "ikke_indberettet"
  };

  test("every sampled cell matches, value and status, missing included", async () => {
    const raw = new TextDecoder("latin1")
      .decode(readFileSync("data/raw/noegletal/noegletal_dk_2013-2019_raw.csv"))
      .split(/\r?\n/);
    const years = raw[2].split(";").slice(2).map(Number);
    const titles = new Map(
      (await con.runAndReadAll(`SELECT id, linje_i_kilde FROM '${dir}/noegletal-katalog.parquet'`))
        .getRowObjects()
        .map((r) => [r.id as string, Number(r.linje_i_kilde)])
    );
    // deterministic sample: DuckDB's setseed + random over all 123,480 cells
    await con.run("SELECT setseed(0.2019)");
    const sample = (
      await con.runAndReadAll(
        `SELECT id, kommunekode, aar, vaerdi, status FROM '${dir}/noegletal.parquet' ORDER BY random() LIMIT 400`
      )
    ).getRowObjects();
    // plus every cell the loader suppressed, which must be a small count in the raw file
    const hidden = (
      await con.runAndReadAll(
        `SELECT id, kommunekode, aar, vaerdi, status FROM '${dir}/noegletal.parquet' WHERE status = 'undertrykt'`
      )
    ).getRowObjects();
    expect(sample).toHaveLength(400);
    let missing = 0;
    for (const s of [...sample, ...hidden]) {
      const where = `${s.id} ${s.kommunekode} ${s.aar}`;
      const cell = rawCell(raw, titles.get(s.id as string)!, s.kommunekode as string, Number(s.aar), years);
      if (s.status === "undertrykt") {
        expect(s.vaerdi, where).toBeNull();
        expect(cell.value, where).toBeGreaterThanOrEqual(1);
        expect(cell.value, where).toBeLessThanOrEqual(4);
        continue;
      }
      expect(s.vaerdi === null ? null : Number(s.vaerdi), where).toBe(cell.value);
      expect(s.status, where).toBe(STATUS_OF[cell.code]);
      if (cell.value === null) missing++;
    }
    expect(missing).toBeGreaterThan(0); // the sample exercises missing cells too
    // nothing is suppressed: the only person count (Indbyggertal) has no value 1-4; the day-care places bought/sold
    // across borders count places, not persons (loaders/privacy.ts), and were wrongly hidden before (48 cells)
    expect(hidden.length).toBe(0);
  });

  test("the Parquet holds every cell of the raw file and the codes stay strings", async () => {
    const r = (
      await con.runAndReadAll(
        `SELECT count(*)::INT n, count(vaerdi)::INT v, count(DISTINCT kommunekode)::INT k, typeof(any_value(kommunekode)) t FROM '${dir}/noegletal.parquet'`
      )
    ).getRowObjects()[0];
    expect(r).toEqual({ n: 180 * 98 * 7, v: 97894, k: 98, t: "VARCHAR" });
  });
});
