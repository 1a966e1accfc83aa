/**
 * The build's guard against publishing small counts (diskretion.smaatal, common/validate/smaatal.ts): read the count
 * columns of every table the infrastructure loaders wrote (`<dir>/*.parquet`, in written order) and stop the build
 * before anything reaches dist/ if a count of cases or persons from 1 to 4 is there. Called once from
 * loaders/infra/aggregates.ts after the tables are written.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { assertNoSmallCounts, CASE_COUNT_COLUMN, type PublishedTable } from "../../common/validate/smaatal.js";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The count columns of every Parquet table in `dir` (tables without one are read as no rows). */
export async function publishedCountTables(con: DuckDBConnection, dir: string): Promise<PublishedTable[]> {
  const out: PublishedTable[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".parquet"))
    .sort()) {
    const src = `read_parquet(${q(join(dir, file))})`;
    const cols = (
      (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowObjectsJS() as { column_name: string }[]
    )
      .map((c) => c.column_name)
      .filter((c) => CASE_COUNT_COLUMN.test(c));
    const rows = cols.length
      ? ((
          await con.runAndReadAll(`SELECT ${cols.map((c) => `"${c}"`).join(", ")} FROM ${src}`)
        ).getRowObjectsJS() as Record<string, unknown>[])
      : [];
    out.push({ name: file.replace(/\.parquet$/, ""), rows });
  }
  return out;
}

/** Throws a Danish error naming table, row and column when a published count is 1-4. */
export async function guardSmallCounts(con: DuckDBConnection, dir: string): Promise<number> {
  const tables = await publishedCountTables(con, dir);
  assertNoSmallCounts(tables);
  return tables.length;
}
