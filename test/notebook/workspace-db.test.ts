/**
 * The workspace database (loaders/workspace-db.ts), opened with native DuckDB: every
 * table is there with the row count of its published Parquet file (written by the file
 * loader's own code, read by DuckDB's read_parquet), every table and column has a
 * comment, the views answer, and the predicted levels are consistent with the data.
 */

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { INFRA_TABLES } from "../../common/views/data.js";
import { cacheDir, ensureInfra } from "../../loaders/infra/build.js";
import { DEMODATA_LABEL, WORKSPACE_TABLES, WORKSPACE_VIEWS, writeWorkspaceDb } from "../../loaders/workspace-db.js";

let dir: string;
let con: DuckDBConnection;
let instance: DuckDBInstance;
const rows = async (sql: string) =>
  (await (await con.runAndReadAll(sql)).getRowObjectsJS()) as Record<string, unknown>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ws-test-"));
  await writeWorkspaceDb(join(dir, "kommunetal.duckdb"));
  instance = await DuckDBInstance.create(":memory:");
  con = await instance.connect();
  await con.run(`ATTACH '${join(dir, "kommunetal.duckdb")}' AS kt (READ_ONLY)`);
  await con.run("USE kt");
}, 180_000);
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

describe("workspace database", () => {
  test("every registered table exists, with the row count of its Parquet file", async () => {
    const names = (await rows("SELECT table_name FROM duckdb_tables() WHERE database_name = 'kt' ORDER BY 1")).map(
      (r) => r.table_name
    );
    expect(names).toEqual(WORKSPACE_TABLES.map((t) => t.name).sort());
    for (const t of WORKSPACE_TABLES) {
      const file = join(dir, `${t.name}.parquet`);
      writeFileSync(file, await t.parquet());
      const [a] = await rows(`SELECT count(*)::INTEGER AS n FROM ${t.name}`);
      const [b] = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`);
      expect(a.n, t.name).toBe(b.n);
      expect(a.n as number, t.name).toBeGreaterThan(0);
    }
  }, 180_000);

  test("known sizes: 98 municipalities, 123,480 key-figure cells, 180 figures", async () => {
    const [r] = await rows(
      "SELECT (SELECT count(*) FROM kommuner)::INTEGER AS k, (SELECT count(*) FROM noegletal)::INTEGER AS n, (SELECT count(*) FROM noegletal_katalog)::INTEGER AS c"
    );
    expect(r).toEqual({ k: 98, n: 123480, c: 180 });
  });

  test("every table, view and column has a comment", async () => {
    const t = await rows("SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'kt'");
    expect(t.filter((r) => !r.comment)).toEqual([]);
    const v = await rows("SELECT view_name, comment FROM duckdb_views() WHERE database_name = 'kt' AND NOT internal");
    expect(v.map((r) => r.view_name).sort()).toEqual(WORKSPACE_VIEWS.map((x) => x.name).sort());
    expect(v.filter((r) => !r.comment)).toEqual([]);
    const c = await rows(
      "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = 'kt' AND comment IS NULL AND table_name IN (SELECT table_name FROM duckdb_tables())"
    );
    expect(c).toEqual([]);
    const [k] = await rows(
      "SELECT comment FROM duckdb_columns() WHERE database_name = 'kt' AND table_name = 'kommuner' AND column_name = 'kommunekode'"
    );
    expect(k.comment).toContain("3 cifre");
  });

  test("views: names joined, latest year per figure", async () => {
    const [a] = await rows(
      "SELECT kommune, titel, vaerdi FROM noegletal_med_navne WHERE kommunekode = '851' AND id = 'indbyggertal-1-januar' AND aar = 2019"
    );
    expect(a.kommune).toBe("Aalborg");
    expect(a.titel).toMatch(/Indbyggertal/);
    const [b] = await rows("SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS f FROM noegletal_seneste");
    // figures with no data at all (aar_til NULL) have no latest year
    const [c] = await rows("SELECT count(*)::INTEGER AS f FROM noegletal_katalog WHERE aar_til IS NOT NULL");
    expect(b).toEqual({ n: (c.f as number) * 98, f: c.f });
    expect(c.f as number).toBeGreaterThan(150);
  });

  test("views: latest accounts year per figure is never a budget year", async () => {
    const [v] = await rows(`SELECT count(*)::INTEGER AS n, count(DISTINCT id)::INTEGER AS f,
      count(*) FILTER (WHERE aarstype <> 'regnskab')::INTEGER AS budget, max(aar)::INTEGER AS maks FROM noegletal_seneste_regnskab`);
    // independently: per figure, the latest year marked regnskab in noegletal itself that has a value
    const [w] =
      await rows(`WITH s AS (SELECT id, max(aar) AS aar FROM noegletal WHERE aarstype = 'regnskab' AND vaerdi IS NOT NULL GROUP BY id)
      SELECT count(*)::INTEGER AS n FROM noegletal n JOIN s USING (id, aar)`);
    expect(v.budget).toBe(0);
    expect(v.maks).toBe(2018); // the export was taken in September 2019: 2019 is budget, 2018 the latest accounts year
    expect(v.n).toBe(w.n);
    expect(v.n).toBe((v.f as number) * 98);
  });

  test("predicted levels: faktisk is the key figure, faktisk − forventet = forskel, residuals sum to 0 (OLS with intercept)", async () => {
    const [m] = await rows(`SELECT count(*)::INTEGER AS n, max(abs(f.faktisk - n.vaerdi)) AS d
      FROM sammenligningsgrupper_forventet f JOIN noegletal n ON n.id = f.udfald AND n.kommunekode = f.kommunekode AND n.aar = f.aar`);
    expect(m.n).toBeGreaterThan(98 * 6 * 5);
    expect(m.d).toBeLessThan(1e-9);
    const [n] = await rows("SELECT count(*)::INTEGER AS n FROM sammenligningsgrupper_forventet");
    expect(n.n).toBe(m.n);
    const s =
      await rows(`SELECT omraade, aar, abs(sum(forskel)) / avg(faktisk) AS rel, max(abs(faktisk - forventet - forskel)) AS d
      FROM sammenligningsgrupper_forventet GROUP BY ALL`);
    for (const r of s) {
      expect(r.rel as number).toBeLessThan(1e-8);
      expect(r.d as number).toBeLessThan(1e-6);
    }
  });

  test("infrastructure aggregates: every one is a table labelled Demodata; sums equal the published Parquet and the raw extract", async () => {
    await ensureInfra(() => {});
    const infra = await rows(
      "SELECT table_name, comment FROM duckdb_tables() WHERE database_name = 'kt' AND table_name LIKE 'infrastruktur_%' ORDER BY 1"
    );
    // the aggregates of INFRA_TABLES, plus the KLE conformance table, which /data lists with the published tables
    const expected = [...INFRA_TABLES.map((t) => t.navn), "infrastruktur-kle-overensstemmelse"];
    expect(infra.map((r) => r.table_name)).toEqual(expected.map((n) => n.replaceAll("-", "_")).sort());
    // the default build uses the generated demo set: every description says so
    for (const r of infra) expect(String(r.comment).startsWith(DEMODATA_LABEL), String(r.table_name)).toBe(true);
    const [d] = await rows("SELECT bool_and(demodata) AS alle, count(*)::INTEGER AS n FROM infrastruktur_kald_maaned");
    expect(d.alle).toBe(true);
    const aggregate = join(cacheDir(), "aggregates", "infrastruktur-kald-maaned.parquet");
    const [a] = await rows(`SELECT (SELECT sum(kald) FROM infrastruktur_kald_maaned)::BIGINT AS db,
      (SELECT sum(kald) FROM read_parquet('${aggregate}'))::BIGINT AS fil,
      (SELECT count(*) FROM read_parquet('${aggregate}'))::INTEGER AS n`);
    expect(a.db).toBe(a.fil);
    expect(a.n).toBe(d.n);
    // independent of the aggregate SQL: the calls of the 98 municipalities in the ingested (Hive-partitioned) extract
    const raw = join(cacheDir(), "parquet", "serviceplatformen", "**", "*.parquet");
    const [b] = await rows(
      `SELECT sum(antal_kald)::BIGINT AS s FROM read_parquet('${raw}', hive_partitioning = true) WHERE kommunekode IS NOT NULL`
    );
    expect(a.db).toBe(b.s);
    expect(Number(b.s)).toBeGreaterThan(1e8);
    // the potential table: one row per municipality × system × integration, per-municipality sums match the file
    const pot = join(cacheDir(), "aggregates", "infrastruktur-potentiale.parquet");
    const diff = await rows(`SELECT kommunekode FROM (
        SELECT kommunekode, sum(kald_12m) AS s, count(*) AS n FROM infrastruktur_potentiale GROUP BY 1) x
      FULL JOIN (SELECT kommunekode, sum(kald_12m) AS s, count(*) AS n FROM read_parquet('${pot}') GROUP BY 1) y USING (kommunekode)
      WHERE x.s IS DISTINCT FROM y.s OR x.n IS DISTINCT FROM y.n`);
    expect(diff).toEqual([]);
  }, 180_000);
});
