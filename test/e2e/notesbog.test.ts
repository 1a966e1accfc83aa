/**
 * The workshop notebook runs DuckDB-WASM offline on the published Parquet, and its
 * answer matches native DuckDB over the same file.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { openPage, problems, startSite, type Site } from "./harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

test("the region averages computed by DuckDB-WASM in the browser equal native DuckDB's", async () => {
  // DuckDB-WASM answers after the page has loaded (seconds on a loaded machine): wait for the table
  const o = await openPage(site, "/notesbog", { waitFor: "h2#gennemsnit-pr-region ~ div table tbody tr" });
  try {
    expect(await problems(o)).toEqual([]);
    // the second table on the page is the region average for the default figure and year
    const rows = await o.page.$$eval("h2#gennemsnit-pr-region ~ div table tbody tr", (trs) =>
      trs.slice(0, 5).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent!.trim()))
    );
    expect(rows).toHaveLength(5);
    const con = await (await DuckDBInstance.create()).connect();
    const expected = (
      await con.runAndReadAll(`SELECT k.regionsnavn AS region, count(*)::INT AS n, round(avg(n.vaerdi)) AS avg
        FROM 'dist/filer/noegletal.parquet' n JOIN 'dist/filer/kommuner.parquet' k USING (kommunekode)
        WHERE n.id = 'udg-til-folkeskolen-pr-elev' AND n.aar = 2018 AND n.vaerdi IS NOT NULL GROUP BY 1 ORDER BY 3 DESC`)
    ).getRowObjects();
    // cells are [checkbox-less first cell?, region, kommuner, gennemsnit]; compare by region name
    for (const e of expected) {
      const row = rows.find((r) => r.includes(e.region as string))!;
      expect(row, String(e.region)).toBeDefined();
      expect(row).toContain(String(e.n));
      expect(row).toContain(Number(e.avg).toLocaleString("da-DK"));
    }
  } finally {
    await o.page.close();
  }
});
