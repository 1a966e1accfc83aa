// Framework resolves `npm:` specifiers from its npm cache (filled from node_modules by
// scripts/npm-cache.ts). Give TypeScript the types of the same packages.
declare module "npm:exceljs" {
  import ExcelJS from "exceljs";
  export default ExcelJS;
}

// Framework's DuckDB client (standard library; DuckDB-WASM from the npm cache).
declare module "npm:@observablehq/duckdb" {
  import type { AsyncDuckDB } from "@duckdb/duckdb-wasm";
  export class DuckDBClient {
    static of(sources?: Record<string, unknown>, config?: { query?: Record<string, boolean> }): Promise<DuckDBClient>;
    readonly _db: AsyncDuckDB;
  }
}

// Observable Inputs (no types of its own): the part components use. Pages import it by bare name too.
declare module "@observablehq/inputs" {
  export function table(data: readonly unknown[], options?: Record<string, unknown>): HTMLElement;
}
