/**
 * The privacy rule applies to counts of persons, decided per figure (loaders/privacy.ts). In this export no cell
 * qualifies, so nothing is suppressed: the day-care places bought and sold across municipal borders (counts of
 * places, published openly by the ministry) show their small values in the files and on the pages, and the
 * catalogue says why. The cells are found with native DuckDB in the published Parquet.
 */

import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openPage, problems, type Site, startSite } from "./harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

test("small counts of day-care places are shown, in the files and on the municipality page", async () => {
  const con = await (await DuckDBInstance.create()).connect();
  const [none] = (
    await con.runAndReadAll(`SELECT count(*)::INT n FROM 'dist/filer/noegletal.parquet' WHERE status = 'undertrykt'`)
  ).getRowObjects();
  expect(none.n).toBe(0);
  // a small count in the latest year with data for its figure (what the page shows)
  const [hit] = (
    await con.runAndReadAll(`WITH latest AS (SELECT id, max(aar) aar FROM 'dist/filer/noegletal.parquet' WHERE vaerdi IS NOT NULL GROUP BY id)
      SELECT n.id, n.kommunekode, n.vaerdi FROM 'dist/filer/noegletal.parquet' n JOIN latest USING (id, aar)
      WHERE n.id LIKE 'antal-%pladser-i-dagtilbud%' AND n.vaerdi BETWEEN 1 AND 4 ORDER BY n.kommunekode, n.id LIMIT 1`)
  ).getRowObjects();
  expect(hit).toBeDefined();
  const katalog = readFileSync("dist/filer/noegletal-katalog.csv", "utf-8");
  const row = katalog.split("\r\n").find((l) => l.startsWith(`${hit.id};`));
  expect(row).toContain("Tæller pladser i dagtilbud, ikke personer");

  const o = await openPage(site, `/kommune/${hit.kommunekode}`);
  try {
    expect(await problems(o)).toEqual([]);
    const text = (await o.page.textContent(`tr[data-figur="${hit.id}"] td[data-col="vaerdi"]`))!.trim();
    expect(text).not.toContain("<5");
    expect(text).toContain(String(hit.vaerdi));
  } finally {
    await o.page.close();
  }
});
