/**
 * Shared setup of the browser tests over the workspace database (/notesbog, /netvaerk, /spoerg): the built site in
 * Chromium (harness.ts) plus native DuckDB over the very file the pages load, dist/filer/kommunetal.duckdb, so a
 * test compares the page's number with native DuckDB's on the same data.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Page } from "playwright-core";
import { type Site, startSite } from "./harness.js";

export const WORKSPACE_DB = "dist/filer/kommunetal.duckdb";

export interface WorkspaceSite {
  site: Site;
  con: DuckDBConnection;
  /** run SQL in native DuckDB over the built database; BigInt → number */
  native(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function startWorkspaceSite(): Promise<WorkspaceSite> {
  const site = await startSite();
  const instance = await DuckDBInstance.create();
  const con = await instance.connect();
  await con.run(`ATTACH '${WORKSPACE_DB}' AS kt (READ_ONLY)`);
  await con.run("USE kt");
  return {
    site,
    con,
    async native(sql: string) {
      return (await (await con.runAndReadAll(sql)).getRowObjectsJS()).map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))
      );
    },
    async close() {
      con.closeSync();
      instance.closeSync();
      await site.close();
    }
  };
}

/** Danish number as the pages print it (up to `decimals` decimals). */
export const da = (x: number, decimals = 3) => x.toLocaleString("da-DK", { maximumFractionDigits: decimals });

/** Wait until every notebook SQL cell (.kt-nb-output) has rows or an error; return each cell's table as text rows. */
export async function notebookOutputs(page: Page): Promise<string[][][]> {
  await page.waitForFunction(
    () => {
      const outs = Array.from(document.querySelectorAll(".kt-nb-output"));
      return outs.length > 0 && outs.every((o) => o.hasAttribute("data-rows") || o.hasAttribute("data-error"));
    },
    undefined,
    { timeout: 60_000 }
  );
  return page.$$eval(".kt-nb-output", (outs) =>
    outs.map((o) =>
      Array.from(o.querySelectorAll("tbody tr")).map((tr) =>
        Array.from(tr.querySelectorAll("td")).map((td) => td.textContent!.trim())
      )
    )
  );
}
