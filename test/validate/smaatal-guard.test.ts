/**
 * diskretion.smaatal as the build's guard (common/validate/smaatal.ts, loaders/validate/smaatal-guard.ts, hooked into
 * loaders/infra/aggregates.ts): a planted count of 3 cases in a published table stops it with a Danish message naming
 * table, row and column; the real demo tables (the aggregates the build publishes, Demodata) pass.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { assertNoSmallCounts, smallCountFindings } from "../../common/validate/smaatal.js";
import { ensureInfra } from "../../loaders/infra/build.js";
import { guardSmallCounts, publishedCountTables } from "../../loaders/validate/smaatal-guard.js";

test("the pure rule: counts 1-4 in count columns only, with table, row and column", () => {
  const rows = [
    { kommunekode: "101", antal_sager: 12, antal_kald: 2 },
    { kommunekode: "147", antal_sager: null, antal_kald: 3 },
    { kommunekode: "151", antal_sager: 4n, antal_kald: 1 },
    { kommunekode: "153", antal_sager: 0, antal_kald: 1 }
  ];
  const f = smallCountFindings({ name: "t", rows });
  // calls are not counts of cases; 0 and null (hidden) are allowed; 4 (a bigint from DuckDB) is not
  expect(f.map((x) => [x.rule, x.line])).toEqual([["diskretion.smaatal", 3]]);
  expect(f[0].message).toBe(
    'tabellen t, række 3, kolonne antal_sager: et antal på 4 ville blive offentliggjort; antal fra 1 til 4 skal skjules ("<5"), før tabellen når dist/'
  );
  expect(() => assertNoSmallCounts([{ name: "t", rows: rows.slice(0, 2) }])).not.toThrow();
});

test("a planted small count in a written table stops the guard; the demo tables pass", async () => {
  const dir = await ensureInfra(() => {});
  const agg = join(dir, "aggregates");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    // the real demo tables: every table is read, the KLE tables have count columns, none holds 1-4
    const tables = await publishedCountTables(con, agg);
    expect(tables.map((t) => t.name)).toContain("infrastruktur-kle");
    expect(tables.find((t) => t.name === "infrastruktur-kle")!.rows.length).toBeGreaterThan(100);
    await expect(guardSmallCounts(con, agg)).resolves.toBeGreaterThan(5);
    // a copy of infrastruktur-kle with one count set to 3 in data row 7
    const tmp = mkdtempSync(join(tmpdir(), "smaatal-"));
    const src = `read_parquet('${join(agg, "infrastruktur-kle.parquet")}')`;
    await con.run(
      `COPY (SELECT * EXCLUDE (r) REPLACE (CASE WHEN r = 7 THEN 3 ELSE antal_sager END AS antal_sager) FROM
         (SELECT *, row_number() OVER () AS r FROM ${src}) ORDER BY r) TO '${join(tmp, "infrastruktur-kle.parquet")}' (FORMAT parquet)`
    );
    writeFileSync(join(tmp, "README"), "not a table");
    await expect(guardSmallCounts(con, tmp)).rejects.toThrow(
      /^tabellen infrastruktur-kle, række 7, kolonne antal_sager: et antal på 3 ville blive offentliggjort.*\[regel diskretion\.smaatal\]$/
    );
  } finally {
    con.closeSync();
    instance.closeSync();
  }
});
