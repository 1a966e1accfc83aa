/**
 * The front page: the choropleth shows the real figure for the chosen year, and the
 * export buttons download a CSV Danish Excel reads and an XLSX exceljs reads.
 */

import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openPage, problems, type Site, startSite } from "./harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

/** Independent value from native DuckDB over the published Parquet (dist/filer). */
async function duckValue(id: string, kode: string, aar: number): Promise<number | null> {
  const c = await (await DuckDBInstance.create()).connect();
  const r = await c.runAndReadAll(
    `SELECT vaerdi FROM 'dist/filer/noegletal.parquet' WHERE id = '${id}' AND kommunekode = '${kode}' AND aar = ${aar}`
  );
  return (r.getRowObjects()[0]?.vaerdi as number | null) ?? null;
}

test("the map draws 98 municipalities and exports what it shows", async () => {
  const o = await openPage(site, "/");
  const { page } = o;
  try {
    await page.waitForSelector("figure svg g[data-mark='geo'] path, svg g[data-mark='geo'] path");
    const paths = await page.$$eval("svg g[data-mark='geo'] path", (ps) => ps.length);
    expect(paths).toBeGreaterThanOrEqual(98);
    expect(await page.textContent(".card h2")).toContain("Nettodriftsudgifter pr. indb.");

    // CSV: BOM, semicolons, 98 rows, decimal comma, Kilde line
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("button[data-export=csv]")]);
    const csv = readFileSync((await csvDownload.path())!, "utf-8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Kommunekode;Kommune;Region;Nettodriftsudgifter pr. indb. (kr. pr. indbygger);Status");
    const data = lines.slice(1, 99);
    expect(data).toHaveLength(98);
    const aar = Number(/(\d{4})\s*$/.exec((await page.textContent(".card h2"))!)![1]);
    const kbh = data.find((l) => l.startsWith("101;"))!.split(";");
    const expected = await duckValue("nettodriftsudgifter-pr-indb", "101", aar);
    expect(Number(kbh[3].replace(",", "."))).toBe(expected);
    expect(csv).toMatch(/\r\nKilde: Social- og Indenrigsministeriet/);

    // XLSX: read back with exceljs
    const [xlsxDownload] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.click("button[data-export=xlsx]")
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsxDownload.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(2).values as unknown[];
    expect(header.slice(1, 3)).toEqual(["Kommunekode", "Kommune"]);
    const row = ws.getRows(3, 98)!.find((r) => r.getCell(1).value === "101")!;
    expect(row.getCell(4).value).toBe(expected);

    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});
