/**
 * The page aggregates built from the committed demo extracts: reconciliation holds per file,
 * every row is flagged demodata, no case count from 1 to 4 is published (and a single hidden
 * cell cannot be recovered from a group total), and the monthly calls per municipality equal
 * native DuckDB SQL over the raw CSV.
 */

import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseCell, suppressCases } from "../../common/infra/suppress.js";
import { AGGREGATES } from "../../loaders/infra/aggregates.js";
import { ensureInfra, type InfraMeta } from "../../loaders/infra/build.js";

const CACHE = resolve("test/.tmp/infra-agg-cache");
let dir: string;
let meta: InfraMeta;
let instance: DuckDBInstance;
let con: DuckDBConnection;
const rows = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const agg = (name: string) => `read_parquet('${join(dir, "aggregates", `${name}.parquet`)}')`;

beforeAll(async () => {
  rmSync(CACHE, { recursive: true, force: true });
  process.env.KOMMUNETAL_INFRA_CACHE = CACHE;
  delete process.env.KOMMUNETAL_EXTRACTS;
  dir = await ensureInfra(() => {});
  meta = JSON.parse(readFileSync(join(dir, "meta.json"), "utf-8"));
  instance = await DuckDBInstance.create(":memory:");
  con = await instance.connect();
}, 180_000);
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  delete process.env.KOMMUNETAL_INFRA_CACHE;
});

describe("suppression of case counts", () => {
  const cell = (kommunekode: string, kle_nr: string, antal: number): CaseCell => ({
    kommunekode,
    kle_nr,
    indeks: "Ydelsesindeks",
    opgjort_dato: "2024-03-31",
    antal_sager: antal,
    status: ""
  });

  it("hides 1-4, keeps 0 and 5, and hides the next smallest where one hidden cell would be revealed by a total", () => {
    const cells = [
      cell("101", "01.00.00", 3),
      cell("101", "02.00.00", 9),
      cell("101", "03.00.00", 50),
      cell("101", "04.00.00", 0),
      cell("147", "05.00.00", 5)
    ];
    const r = suppressCases(cells);
    expect(cells.map((c) => [c.antal_sager, c.status])).toEqual([
      [null, "<5"],
      [null, "<5"],
      [50, ""],
      [0, ""],
      [5, ""]
    ]);
    expect(r).toEqual({ primary: 1, secondary: 1 });
  });

  it("leaves a group alone when two or more cells are hidden already", () => {
    const cells = [cell("101", "01.00.00", 1), cell("101", "02.00.00", 4), cell("101", "03.00.00", 6)];
    expect(suppressCases(cells)).toEqual({ primary: 2, secondary: 0 });
  });
});

describe("aggregates of the demo extracts", () => {
  it("reconciles every file (rows and counts in = out + rejected), with the format reported", () => {
    expect(meta.filer.length).toBe(5);
    for (const f of meta.filer) {
      expect(f.rowsIn).toBe(f.rowsOut + f.rowsRejected);
      expect(f.countIn).toBe(f.countOut + f.countRejected);
      expect(f.format.description).toContain("UTF-8");
    }
    expect(meta.demodata).toBe(true);
    expect(meta.kilde).toMatch(/^Demodata/);
  });

  it("writes every aggregate, each row flagged demodata", async () => {
    for (const name of AGGREGATES) {
      const [r] = await rows(`SELECT count(*)::INTEGER AS n, bool_and(demodata) AS d FROM ${agg(name)}`);
      expect(r.n, name).toBeGreaterThan(0);
      expect(r.d, name).toBe(true);
    }
  });

  it("publishes no case count from 1 to 4, and no group with exactly one hidden cell", async () => {
    const [r] = await rows(`SELECT count(*) FILTER (WHERE antal_sager BETWEEN 1 AND 4)::INTEGER AS small,
      count(*) FILTER (WHERE antal_sager IS NULL)::INTEGER AS hidden, count(*) FILTER (WHERE antal_sager IS NULL AND status <> '<5')::INTEGER AS unlabelled
      FROM ${agg("infrastruktur-kle")}`);
    expect(r.small).toBe(0);
    expect(r.unlabelled).toBe(0);
    expect(r.hidden).toBeGreaterThan(0);
    for (const g of ["kommunekode, indeks", "kle_nr, indeks"]) {
      const [x] =
        await rows(`SELECT count(*)::INTEGER AS n FROM (SELECT ${g} FROM ${agg("infrastruktur-kle")} GROUP BY ${g}
        HAVING count(*) FILTER (WHERE antal_sager IS NULL) = 1 AND count(*) FILTER (WHERE antal_sager > 0) > 0)`);
      expect(x.n, g).toBe(0);
    }
  });

  it("flags retired KLE numbers as invalid without a title", async () => {
    const [r] =
      await rows(`SELECT count(*) FILTER (WHERE NOT kle_gyldig)::INTEGER AS bad, count(*) FILTER (WHERE NOT kle_gyldig AND kle_titel IS NOT NULL)::INTEGER AS titled
      FROM ${agg("infrastruktur-kle")}`);
    expect(r.bad).toBeGreaterThan(0);
    expect(r.titled).toBe(0);
  });

  it("KLE conformance: no count from 1 to 4, no group with one hidden cell, system rows equal native SQL", async () => {
    const t = agg("infrastruktur-kle-overensstemmelse");
    const [r] =
      await rows(`SELECT count(*) FILTER (WHERE sager BETWEEN 1 AND 4 OR sager_afvigende BETWEEN 1 AND 4)::INTEGER AS small,
      count(*) FILTER (WHERE sager_afvigende IS NULL AND status <> '<5')::INTEGER AS unlabelled,
      count(*) FILTER (WHERE sager_afvigende IS NULL)::INTEGER AS hidden,
      count(DISTINCT omfang)::INTEGER AS omfang, count(DISTINCT kommunekode) FILTER (WHERE omfang = 'kommune')::INTEGER AS kommuner FROM ${t}`);
    expect(r).toMatchObject({ small: 0, unlabelled: 0, omfang: 4, kommuner: 98 });
    expect(r.hidden).toBeGreaterThan(0);
    for (const g of ["kommunekode", "it_system"]) {
      const [x] =
        await rows(`SELECT count(*)::INTEGER AS n FROM (SELECT ${g} FROM ${t} WHERE omfang = 'kommune-system' GROUP BY ${g}
        HAVING count(*) FILTER (WHERE sager_afvigende IS NULL) = 1 AND count(*) FILTER (WHERE sager_afvigende > 0) > 0)`);
      expect(x.n, g).toBe(0);
    }
    const ix = resolve("data/demo/infrastruktur/indekssager_seed1.csv.gz");
    const diff = await rows(`
      WITH x AS (SELECT * FROM read_csv('${ix}', delim=';', header=true, all_varchar=true) WHERE kommunekode IS NOT NULL),
      want AS (SELECT it_system, sum(antal_sager::BIGINT) AS sager FROM x WHERE opgjort_dato = (SELECT max(opgjort_dato) FROM x) GROUP BY ALL)
      SELECT * FROM want FULL JOIN (SELECT it_system, sager AS got FROM ${t} WHERE omfang = 'system') USING (it_system)
      WHERE want.sager IS DISTINCT FROM got`);
    expect(diff).toEqual([]);
  });

  it("monthly calls per municipality equal native SQL over the raw CSV (all 98 × 36 months)", async () => {
    const sp = resolve("data/demo/infrastruktur/serviceplatformen_seed1.csv.gz");
    const diff = await rows(`
      WITH want AS (SELECT kommunekode, maaned, sum(antal_kald::BIGINT) AS kald FROM read_csv('${sp}', delim=';', header=true, all_varchar=true)
                    WHERE kommunekode IS NOT NULL GROUP BY ALL)
      SELECT a.kommunekode, a.maaned, a.kald, w.kald AS want FROM ${agg("infrastruktur-kald-maaned")} a
      LEFT JOIN want w USING (kommunekode, maaned) WHERE a.kald <> coalesce(w.kald, 0)`);
    expect(diff).toEqual([]);
    const [n] = await rows(
      `SELECT count(*)::INTEGER AS n, count(DISTINCT kommunekode)::INTEGER AS k FROM ${agg("infrastruktur-kald-maaned")}`
    );
    expect([n.n, n.k]).toEqual([98 * 36, 98]);
  });

  it("support systems by weekday × hour: 5 systems × 7 × 24, busiest on weekday mornings", async () => {
    const r = await rows(
      `SELECT ugedag, time_paa_dagen, sum(kald_pr_time) AS k FROM ${agg("infrastruktur-stoette-time")} GROUP BY ALL ORDER BY k DESC`
    );
    expect(r.length).toBe(7 * 24);
    expect(Number(r[0].ugedag)).toBeLessThanOrEqual(5);
    expect(Number(r[0].time_paa_dagen)).toBeGreaterThanOrEqual(8);
    expect(Number(r[0].time_paa_dagen)).toBeLessThanOrEqual(15);
  });
});
