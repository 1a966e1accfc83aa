/** Small helpers shared by the ingest's passes (loaders/infra/ingest.ts, direct.ts): SQL quoting, reading rows, Parquet files. */
import { existsSync, mkdirSync, readdirSync, renameSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";

/** A SQL string literal. */
export const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** A SQL identifier. */
export const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The rows of a query as plain objects. */
export async function all(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

/** A DuckDB number (BIGINT comes as bigint, NULL as null) as a JS number; NULL is 0. */
export const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : v === null || v === undefined ? 0 : Number(v));

/** Parquet files under a folder (recursive), sorted. */
export function listParquet(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".parquet"))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Move the Parquet files under `from` into `to`, keeping their relative paths (e.g. `year=2024/month=04/`). */
export function moveParquet(from: string, to: string): void {
  for (const f of listParquet(from)) {
    const target = join(to, relative(from, f));
    mkdirSync(dirname(target), { recursive: true });
    renameSync(f, target);
  }
}
