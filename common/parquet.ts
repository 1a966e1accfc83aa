/**
 * Read a Parquet file in the browser (or in Node) into plain row objects, without
 * DuckDB-WASM: hyparquet is pure JavaScript and small. Pages use this for the tables
 * prepared at build time.
 */
import { parquetReadObjects } from "hyparquet";

export async function readParquet<T = Record<string, unknown>>(buffer: ArrayBuffer): Promise<T[]> {
  const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  // hyparquet returns INT64 as BigInt; our files use INT32/DOUBLE, but be safe for user files
  for (const row of rows) for (const k in row) if (typeof row[k] === "bigint") row[k] = Number(row[k]);
  return rows as T[];
}
