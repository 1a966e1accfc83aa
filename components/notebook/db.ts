/**
 * Open the workspace database (filer/kommunetal.duckdb, written by loaders/workspace-db.ts)
 * in DuckDB-WASM and return a connection that queries every table by bare name.
 *
 * How: Framework's DuckDB client boots DuckDB-WASM 1.29 from the npm cache (filled
 * offline by scripts/npm-cache.ts); the file is fetched from the site, registered as a
 * buffer and ATTACHed READ_ONLY, and the connection USEs it. No extension is needed
 * (read_parquet would need one, which cannot be downloaded offline).
 *
 * Reuse (e.g. /spoerg):
 *   import {openWorkspace} from "./components/notebook/db.js";
 *   const ws = await openWorkspace(FileAttachment("data/kommunetal.duckdb"));
 *   const {columns, rows} = await ws.query("SELECT count(*) AS n FROM noegletal");
 * Load it only on pages that need SQL: DuckDB-WASM is a ~7 MB (gzipped) download.
 */
import { DuckDBClient } from "npm:@observablehq/duckdb";
import type { AsyncDuckDBConnection } from "@duckdb/duckdb-wasm";
import { type ColumnInfo, describeColumns, type Row } from "../../common/notebook/chart.js";

export interface FileLike {
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface QueryResult {
  columns: ColumnInfo[];
  rows: Row[];
  /** milliseconds in DuckDB, including conversion to rows */
  ms: number;
}

export interface SchemaColumn {
  name: string;
  type: string;
  comment: string | null;
}
export interface SchemaTable {
  name: string;
  kind: "tabel" | "view";
  comment: string | null;
  rows: number | null;
  columns: SchemaColumn[];
}

export interface Workspace {
  /** run SQL on the workspace connection (tables by bare name) */
  query(sql: string): Promise<QueryResult>;
  /** tables and views with columns, types and comments */
  schema: SchemaTable[];
  /** the 98 municipalities (kode, navn), by name */
  kommuner: { kode: string; navn: string }[];
  /** years with key-figure data, ascending */
  aar: number[];
  /** the raw DuckDB-WASM connection */
  connection: AsyncDuckDBConnection;
  /** TopoJSON of the municipalities for maps, when given */
  geo: (FileLike & { json?(): Promise<unknown> }) | null;
  /** ms from call to ready */
  openMs: number;
}

export const DB_NAME = "kommunetal";

function toRows(table: { schema: { fields: { name: string }[] }; toArray(): { toJSON(): Row }[] }): {
  names: string[];
  rows: Row[];
} {
  const names = table.schema.fields.map((f) => f.name);
  const rows = table.toArray().map((r) => {
    const o = r.toJSON();
    for (const k of names) {
      const v = o[k];
      if (typeof v === "bigint") o[k] = Number(v);
    }
    return { ...o };
  });
  return { names, rows };
}

const cache = new Map<unknown, Promise<Workspace>>();

/** Open (once per file per page) the workspace database. */
export function openWorkspace(
  file: FileLike,
  options: { geo?: FileLike & { json?(): Promise<unknown> } } = {}
): Promise<Workspace> {
  if (!cache.has(file)) cache.set(file, open(file, options));
  return cache.get(file)!;
}

async function open(file: FileLike, options: { geo?: FileLike & { json?(): Promise<unknown> } }): Promise<Workspace> {
  const t0 = performance.now();
  const [client, bytes] = await Promise.all([
    DuckDBClient.of({}, { query: { castBigIntToDouble: true, castDecimalToDouble: true, castTimestampToDate: true } }),
    file.arrayBuffer()
  ]);
  const db = client._db;
  await db.registerFileBuffer(`${DB_NAME}.duckdb`, new Uint8Array(bytes));
  const connection = await db.connect();
  await connection.query(`ATTACH '${DB_NAME}.duckdb' AS ${DB_NAME} (READ_ONLY)`);
  await connection.query(`USE ${DB_NAME}`);
  const run = async (sql: string) => toRows((await connection.query(sql)) as never);
  const tables = (
    await run(`SELECT table_name AS name, 'tabel' AS kind, comment, estimated_size AS rows FROM duckdb_tables() WHERE database_name = '${DB_NAME}'
    UNION ALL SELECT view_name, 'view', comment, NULL FROM duckdb_views() WHERE database_name = '${DB_NAME}' AND NOT internal ORDER BY 2, 1`)
  ).rows;
  const cols = (
    await run(
      `SELECT table_name, column_name, data_type, comment FROM duckdb_columns() WHERE database_name = '${DB_NAME}' ORDER BY table_name, column_index`
    )
  ).rows;
  const schema: SchemaTable[] = tables.map((t) => ({
    name: String(t.name),
    kind: t.kind as "tabel" | "view",
    comment: (t.comment as string) || null,
    rows: t.rows === null ? null : Number(t.rows),
    columns: cols
      .filter((c) => c.table_name === t.name)
      .map((c) => ({ name: String(c.column_name), type: String(c.data_type), comment: (c.comment as string) || null }))
  }));
  const kommuner = (await run("SELECT kommunekode AS kode, navn FROM kommuner ORDER BY navn")).rows as {
    kode: string;
    navn: string;
  }[];
  const aar = (await run("SELECT DISTINCT aar FROM noegletal WHERE vaerdi IS NOT NULL ORDER BY 1")).rows.map((r) =>
    Number(r.aar)
  );
  return {
    async query(sql: string) {
      const q0 = performance.now();
      const { names, rows } = await run(sql);
      return { columns: describeColumns(names, rows), rows, ms: performance.now() - q0 };
    },
    schema,
    kommuner,
    aar,
    connection,
    geo: options.geo ?? null,
    openMs: performance.now() - t0
  };
}
