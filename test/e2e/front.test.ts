/**
 * The front page: the choropleth shows the real figure for the chosen year, and the
 * export buttons download a CSV Danish Excel reads and an XLSX exceljs reads.
 */

import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openPage, problems, type Site, startSite } from "./harness.js";
import { refreshedStatbank, serveStatbank } from "./statbank.js";

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
    expect(lines[0]).toBe(
      "Kommunekode;Kommune;Region;Nettodriftsudgifter pr. indb. (kr. pr. indbygger, løbende priser);Status"
    );
    const data = lines.slice(1, 99);
    expect(data).toHaveLength(98);
    const aar = Number(/(\d{4}) \((regnskab|budget)\)\s*$/.exec((await page.textContent(".card h2"))!)![1]);
    const kbh = data.find((l) => l.startsWith("101;"))!.split(";");
    const expected = await duckValue("nettodriftsudgifter-pr-indb", "101", aar);
    expect(Number(kbh[3].replace(",", "."))).toBe(expected);
    expect(csv).toMatch(/\r\nKilde: Social- og Indenrigsministeriet.*\. 2018 er regnskabstal\r\n$/);

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

test("the map defaults to the latest accounts year; the budget year is choosable and says so", async () => {
  const o = await openPage(site, "/");
  const { page } = o;
  try {
    await page.waitForSelector("svg g[data-mark='geo'] path");
    // the year select: the default is 2018 (accounts), and 2019 is offered as "2019 (budget)"
    const select = page.locator("select").filter({ has: page.locator("option", { hasText: "2019 (budget)" }) });
    expect(await select.count()).toBe(1);
    expect(await select.locator("option:checked").textContent()).toBe("2018");
    expect(await page.textContent(".card h2")).toMatch(/, 2018 \(regnskab\)$/);
    expect(await page.getAttribute(".card h2 [data-aarstype]", "data-aarstype")).toBe("regnskab");
    // the legend names the year and its kind
    expect(await page.locator(".card figure").first().textContent()).toContain("2018 (regnskab)");

    await select.selectOption({ label: "2019 (budget)" });
    await page.waitForFunction(() => /2019 \(budget\)$/.test(document.querySelector(".card h2")?.textContent ?? ""));
    expect(await page.getAttribute(".card h2 [data-aarstype]", "data-aarstype")).toBe("budget");
    expect(await page.textContent(".card .kt-source")).toContain("2019 er budgettal");
    expect(await page.locator(".card figure").first().textContent()).toContain("2019 (budget)");
    const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.click("button[data-export=csv]")]);
    const csv = readFileSync((await csvDownload.path())!, "utf-8");
    expect(csv).toMatch(/\r\n[^\r\n]*, 2019 \(budget\)\r\nKilde: [^\r\n]*\. 2019 er budgettal\r\n$/);

    // "180 nøgletal" says how many have data
    expect(await page.textContent("[data-antal-noegletal]")).toMatch(/^180 nøgletal, heraf \d+ med data\./);
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("without a refreshed snapshot the price switch offers current prices only, and says why", async () => {
  const o = await openPage(site, "/");
  const { page } = o;
  try {
    await page.waitForSelector("form[data-priser]");
    expect(await page.getAttribute("form[data-priser]", "data-priser")).toBe("utilgaengelig");
    expect(await page.isDisabled("form[data-priser] input[value=faste]")).toBe(true);
    expect(await page.isChecked("form[data-priser] input[value=loebende]")).toBe(true);
    expect(await page.textContent("[data-priser-note]")).toMatch(/^Kun løbende priser: .*npm run opdater/);
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("with a refreshed snapshot (replay fixtures) the switch deflates money figures, and only them", async () => {
  const summary = await refreshedStatbank();
  const index = new Map(summary.prisindeks!.aar.map((r) => [r.aar, r.indeks]));
  await serveStatbank(site.context, summary);
  const o = await openPage(site, "/");
  const { page } = o;
  try {
    await page.waitForSelector("form[data-priser=tilgaengelig]");
    await page.waitForSelector("svg g[data-mark='geo'] path");
    const csvValue = async () => {
      const [d] = await Promise.all([page.waitForEvent("download"), page.click("button[data-export=csv]")]);
      const lines = readFileSync((await d.path())!, "utf-8")
        .slice(1)
        .split("\r\n");
      return {
        header: lines[0],
        kbh: Number(
          lines
            .find((l) => l.startsWith("101;"))!
            .split(";")[3]
            .replace(",", ".")
        )
      };
    };
    const current = await csvValue();
    expect(current.kbh).toBe(await duckValue("nettodriftsudgifter-pr-indb", "101", 2018));
    expect(current.header).toContain("(kr. pr. indbygger, løbende priser)");

    await page.check("form[data-priser] input[value=faste]");
    await page.waitForFunction(() => /faste 2019-priser/.test(document.querySelector(".card h3")?.textContent ?? ""));
    const fixed = await csvValue();
    // 2018 in 2019 prices: value · index(2019) / index(2018), rounded to the figure's decimals in the CSV
    const expected = (current.kbh * index.get(2019)!) / index.get(2018)!;
    expect(Math.abs(fixed.kbh - expected)).toBeLessThanOrEqual(0.5);
    expect(fixed.kbh).toBeGreaterThan(current.kbh);
    expect(fixed.header).toContain("(kr. pr. indbygger, faste 2019-priser)");
    expect(await page.textContent("[data-priser-note]")).toMatch(/^Faste 2019-priser/);

    // a non-money figure does not change
    const figur = page
      .locator("select")
      .filter({ has: page.locator("option", { hasText: "Nettodriftsudgifter pr. indb." }) });
    await figur.selectOption({ label: "Andel 0-17-årige (Befolkning og struktur)" });
    await page.waitForFunction(() => /Andel 0-17-årige/.test(document.querySelector(".card h2")?.textContent ?? ""));
    const share = await csvValue();
    expect(share.kbh).toBe(await duckValue("andel-0-17-aarige", "101", 2018));
    expect(await page.textContent("[data-priser-note]")).toMatch(/ikke et kronebeløb/);
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
    await site.context.unrouteAll();
  }
});
