/**
 * Spørg's database in the browser. Today: DuckDB-WASM fed the published Parquet tables as Arrow (DuckDB-WASM
 * has no Parquet reader offline; see README), through Framework's DuckDBClient. When the workspace database
 * (data/kommunetal.duckdb) lands, only this function changes.
 */
export interface SqlClient {
  query(sql: string): Promise<Iterable<Record<string, unknown>>>;
}
export type DuckDBClientLike = { of(tables: Record<string, unknown>): Promise<SqlClient> };

export interface SpoergDb {
  run(sql: string): Promise<Record<string, unknown>[]>;
}

export async function openSpoergDb(
  DuckDBClient: DuckDBClientLike,
  tables: Record<string, Promise<unknown> | unknown>
): Promise<SpoergDb> {
  const resolved: Record<string, unknown> = {};
  for (const [name, t] of Object.entries(tables)) resolved[name] = await t;
  const client = await DuckDBClient.of(resolved);
  return {
    async run(sql: string) {
      // Arrow rows → plain objects; BigInt counts → numbers
      return Array.from(await client.query(sql), (r) => {
        const o: Record<string, unknown> = {};
        const plain =
          typeof (r as { toJSON?: () => object }).toJSON === "function" ? (r as { toJSON: () => object }).toJSON() : r;
        for (const [k, v] of Object.entries(plain)) o[k] = typeof v === "bigint" ? Number(v) : v;
        return o;
      });
    }
  };
}
