/**
 * Spørg's database in the browser: the workspace database (filer/kommunetal.duckdb, loaders/workspace-db.ts), the
 * same DuckDB-WASM connection the notebook uses (components/notebook/db.ts, opened once per page). So the SQL shown
 * with an answer runs unchanged in /notesbog, over the same tables, and gives the same number.
 */
import type { Workspace } from "../notebook/db.js";

export interface SpoergDb {
  run(sql: string): Promise<Record<string, unknown>[]>;
  /** the workspace, for the map's boundaries */
  workspace: Workspace;
}

/** Wrap the workspace connection as Spørg's runner (rows as plain objects, BigInt already converted). */
export async function openSpoergDb(workspace: Promise<Workspace>): Promise<SpoergDb> {
  const ws = await workspace;
  return {
    workspace: ws,
    async run(sql: string) {
      return (await ws.query(sql)).rows;
    }
  };
}
