/**
 * Small counts of persons are hidden in the loaders: the published files and the pages
 * say "<5" and never carry the small value. The cells are found with native DuckDB in
 * the published Parquet, so the test follows the data, not a hard-coded municipality.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { openPage, problems, startSite, type Site } from "./harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

test("a suppressed count shows as <5 on the municipality page and is empty in the files", async () => {
  const con = await (await DuckDBInstance.create()).connect();
  // a suppressed cell in the latest year with data for its figure (what the page shows)
  const [hit] = (
    await con.runAndReadAll(`WITH latest AS (SELECT id, max(aar) aar FROM 'dist/filer/noegletal.parquet' WHERE vaerdi IS NOT NULL GROUP BY id)
      SELECT n.id, n.kommunekode FROM 'dist/filer/noegletal.parquet' n JOIN latest USING (id, aar)
      WHERE n.status = 'undertrykt' ORDER BY n.kommunekode, n.id LIMIT 1`)
  ).getRowObjects();
  expect(hit).toBeDefined();
  const csv = readFileSync("dist/filer/noegletal.csv", "utf-8");
  const line = csv.split("\r\n").find((l) => l.startsWith(`${hit.id};${hit.kommunekode};`) && l.endsWith(";undertrykt"));
  expect(line, "the CSV row of the suppressed cell").toMatch(/;;undertrykt$/); // value empty

  const o = await openPage(site, `/kommune/${hit.kommunekode}`);
  try {
    expect(await problems(o)).toEqual([]);
    const text = (await o.page.textContent(`tr[data-figur="${hit.id}"] td[data-col="vaerdi"]`))!.trim();
    expect(text).toContain("<5");
  } finally {
    await o.page.close();
  }
});
