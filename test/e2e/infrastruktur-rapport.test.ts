/**
 * The general report for all 98 (/infrastruktur/rapport) and the KLE conformance on /infrastruktur,
 * /infrastruktur/<kode> and /data, in Chromium: open with no error, say Demodata, pass axe-core, the
 * shown figures equal native DuckDB SQL over the build's aggregates, exports read back (CSV for Danish
 * Excel, XLSX), and the report prints to A4 without the buttons.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DIST, openPage, problems, runAxe, type Site, seriousViolations, startSite } from "./harness.js";

let site: Site;
let db: DuckDBConnection;
const AGG = `${process.env.KOMMUNETAL_INFRA_CACHE ?? ".cache/infrastruktur"}/aggregates`;
const one = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;

beforeAll(async () => {
  site = await startSite();
  db = await (await DuckDBInstance.create()).connect();
});
afterAll(async () => {
  await site?.close();
});

const danish = (text: string): number => {
  const m = /-?[\d.]+(,\d+)?/.exec(text);
  if (!m) throw new Error(`intet tal i "${text}"`);
  return Number(m[0].replace(/\./g, "").replace(",", "."));
};

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(selector)]);
  return readFileSync((await d.path())!);
}

const cells = (page: Page, selector: string) =>
  page.$$eval(`${selector} tbody tr`, (rs) =>
    rs.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? ""))
  );

describe("/infrastruktur/rapport", () => {
  test("opens cleanly, says Demodata, three KPI cards equal native SQL, 98 municipalities, passes axe", async () => {
    const o = await openPage(site, "/infrastruktur/rapport", { waitFor: "#rapport-kommuner table" });
    try {
      expect(await problems(o)).toEqual([]);
      expect(o.requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
      expect(await o.page.textContent("main")).toContain("Demodata");
      expect(await o.page.$$eval(".kt-infra-kpier .card h2", (h) => h.map((x) => x.textContent))).toEqual([
        "Trin 1: Tilslutning",
        "Trin 2: Udbredelse",
        "Trin 3: Anvendelse"
      ]);
      // step 1 for the country: connected / onboarded pairs, native SQL over the build's potentiale aggregate
      const want =
        await one(`SELECT count(*) FILTER (WHERE tilsluttet) / count(*) AS v FROM '${AGG}/infrastruktur-potentiale.parquet'
        WHERE status IN ('Klarmeldt', 'Delvist klarmeldt')`);
      const shown = await o.page.$eval(".kt-infra-kpier .card[data-trin='1'] .big", (e) => e.textContent ?? "");
      expect(danish(shown)).toBeCloseTo(Number(want.v) * 100, 0);
      const rows = await cells(o.page, "#rapport-kommuner");
      expect(rows.length).toBe(98);
      // Københavns row: onboarded and connected pairs equal SQL
      const kbh = rows.find((r) => r[1] === "101")!;
      const k =
        await one(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE tilsluttet)::INTEGER AS t FROM '${AGG}/infrastruktur-potentiale.parquet'
        WHERE kommunekode = '101' AND status IN ('Klarmeldt', 'Delvist klarmeldt')`);
      expect([danish(kbh[2]), danish(kbh[3])]).toEqual([k.n, k.t]);
      // every table figure carries the badge; vendor questions are there
      expect(await o.page.$$eval(".kt-infra-figure", (fs) => fs.every((f) => f.querySelector(".kt-demo-badge")))).toBe(
        true
      );
      expect((await cells(o.page, "#rapport-leverandoerer"))[0][5]).toMatch(/^Spørg /);
      expect(seriousViolations(await runAxe(o.page))).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("exports CSV for Danish Excel and XLSX, both saying Demodata", async () => {
    const o = await openPage(site, "/infrastruktur/rapport", { waitFor: "#rapport-kommuner table" });
    try {
      const csv = (await download(o.page, "#rapport-kommuner button[data-export=csv]")).toString("utf-8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split("\r\n");
      expect(lines[0]).toBe(
        "Kommune;Kode;Klarmeldte par;I brug;1 Tilslutning;2 Udbredelse;Andre har gjort det;3 Lav brug (par);KLE overholdt"
      );
      expect(lines.filter((l) => /^[^;]+;\d{3};/.test(l)).length).toBe(98);
      expect(csv).toContain("Demodata");
      const xlsx = await download(o.page, "#rapport-par button[data-export=xlsx]");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const all: string[] = [];
      wb.worksheets[0].eachRow((r) => all.push(JSON.stringify(r.values)));
      expect(all.join("\n")).toContain("Demodata");
      expect(all.join("\n")).toContain("Integration");
    } finally {
      await o.page.close();
    }
  });

  test("prints to A4: buttons hidden, Demodata badges and all 98 rows kept", async () => {
    const o = await openPage(site, "/infrastruktur/rapport", { waitFor: "#rapport-kommuner table" });
    try {
      await o.page.emulateMedia({ media: "print" });
      await o.page.waitForFunction(() => {
        const b = [...document.querySelectorAll(".kt-export button, .kt-noprint")];
        return b.length > 0 && b.every((x) => getComputedStyle(x).display === "none");
      });
      expect(
        await o.page.$$eval(".kt-demo-badge", (bs) => bs.filter((b) => getComputedStyle(b).display !== "none").length)
      ).toBeGreaterThan(3);
      expect(await o.page.$$eval("#rapport-kommuner tbody tr", (r) => r.length)).toBe(98);
      const pdf = await o.page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      await o.page.emulateMedia({ media: "screen" });
    } finally {
      await o.page.close();
    }
  });
});

describe("KLE conformance on the pages", () => {
  test("/infrastruktur: per system, worst first, shares equal the published table", async () => {
    const o = await openPage(site, "/infrastruktur/", { waitFor: "#kle-systemer table" });
    try {
      expect(await problems(o)).toEqual([]);
      const text = (await o.page.textContent(".kt-infra-kle-tekst"))!;
      const land = await one(
        `SELECT andel_overens AS v FROM '${AGG}/infrastruktur-kle-overensstemmelse.parquet' WHERE omfang = 'land'`
      );
      expect(danish(text)).toBeCloseTo(Number(land.v) * 100, 1);
      expect(text).toContain("Længst fra standarden");
      const rows = await cells(o.page, "#kle-systemer");
      const worst =
        await one(`SELECT it_system, andel_overens AS v FROM '${AGG}/infrastruktur-kle-overensstemmelse.parquet'
        WHERE omfang = 'system' AND andel_overens IS NOT NULL ORDER BY andel_overens, sager DESC LIMIT 1`);
      expect(rows[0][0]).toBe(worst.it_system);
      expect(danish(rows[0][5])).toBeCloseTo(Number(worst.v) * 100, 1);
      expect(await o.page.$eval("#kle-systemer", (f) => f.querySelector(".kt-demo-badge") !== null)).toBe(true);
    } finally {
      await o.page.close();
    }
  });

  test("/infrastruktur/101: per system for the municipality, and the numbers that break the standard with why", async () => {
    const o = await openPage(site, "/infrastruktur/101", { waitFor: "#kle-systemer table" });
    try {
      expect(await problems(o)).toEqual([]);
      const rows = await cells(o.page, "#kle-systemer");
      const n = await one(`SELECT count(*)::INTEGER AS n FROM '${AGG}/infrastruktur-kle-overensstemmelse.parquet'
        WHERE omfang = 'kommune-system' AND kommunekode = '101'`);
      expect(rows.length).toBe(n.n);
      const afv = await cells(o.page, "#kle-afvigelser");
      expect(afv.length).toBeGreaterThan(0);
      for (const r of afv)
        expect(r[2]).toMatch(/findes ikke i KLE|udgået med KLE \d{4} (Feb|Aug)|indekset kræver emne/);
    } finally {
      await o.page.close();
    }
  });

  test("/data lists the table with Parquet and CSV, and the CSV is for Danish Excel", async () => {
    const o = await openPage(site, "/data", { waitFor: "[data-tabel=infrastruktur-kle-overensstemmelse]" });
    try {
      const links = await o.page.$$eval("[data-tabel=infrastruktur-kle-overensstemmelse] a[data-format]", (as) =>
        as.map((a) => a.getAttribute("href"))
      );
      expect(links).toEqual([
        "./filer/infrastruktur-kle-overensstemmelse.parquet",
        "./filer/infrastruktur-kle-overensstemmelse.csv"
      ]);
    } finally {
      await o.page.close();
    }
    const csv = readFileSync(join(DIST, "filer", "infrastruktur-kle-overensstemmelse.csv"), "utf-8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")[0]).toBe(
      "omfang;kommunekode;it_system;opgjort_dato;sager;sager_afvigende;andel_findes;andel_aktuel;andel_niveau;andel_overens;afvigende_numre;status;demodata"
    );
    expect(csv).toMatch(/\nland;;;\d{4}-\d{2}-\d{2};\d+;\d+;0,\d+;/);
  });
});
