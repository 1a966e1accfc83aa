/**
 * The infrastructure pages in Chromium: /infrastruktur and /infrastruktur/<kode> (101, 825)
 * open with no error and no request off localhost, say "Demodata", load no DuckDB-WASM,
 * print to A4, and their exports download and read back (CSV for Danish Excel, XLSX).
 * The 12-month calls per inhabitant shown are checked against native DuckDB SQL over the
 * build's aggregate (.cache/infrastruktur/aggregates/infrastruktur-kald-maaned.parquet).
 */

import { readFileSync } from "node:fs";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DIST, openPage, problems, type Site, startSite } from "./harness.js";

let site: Site;
let db: DuckDBConnection;

beforeAll(async () => {
  site = await startSite();
  db = await (await DuckDBInstance.create()).connect();
  // the aggregate the build made (loaders/infra/build.ts); the pages only get JSON derived from it
  const agg = `${process.env.KOMMUNETAL_INFRA_CACHE ?? ".cache/infrastruktur"}/aggregates`;
  await db.run(`CREATE VIEW km AS SELECT * FROM '${agg}/infrastruktur-kald-maaned.parquet'`);
  await db.run(`CREATE VIEW kle AS SELECT * FROM '${agg}/infrastruktur-kle.parquet'`);
  await db.run(`CREATE VIEW pot AS SELECT * FROM '${agg}/infrastruktur-potentiale.parquet'`);
  // the published comparison groups (the page uses the default group of "administration" in the standard year 2018)
  await db.run(`CREATE VIEW grp AS SELECT * FROM '${DIST}/filer/sammenligningsgrupper.parquet'`);
});
afterAll(async () => {
  await site?.close();
});

/** 12-month calls per inhabitant of a municipality, native SQL: sum of the last 12 months / the last month's population. */
async function expected12m(kode: string): Promise<number> {
  const r = await db.runAndReadAll(`
    WITH m AS (SELECT DISTINCT maaned FROM km ORDER BY maaned DESC LIMIT 12)
    SELECT sum(kald) FILTER (WHERE maaned IN (SELECT maaned FROM m)) / max(indbyggere) FILTER (WHERE maaned = (SELECT max(maaned) FROM m)) AS v
    FROM km WHERE kommunekode = '${kode}'`);
  return Number((r.getRowObjectsJS()[0] as { v: number }).v);
}

/** The comparison group's 12-month calls per inhabitant, native SQL: the members' calls summed / their last month's population. */
async function expectedGroup(kode: string): Promise<{ v: number; members: number }> {
  const r = await db.runAndReadAll(`
    WITH m AS (SELECT DISTINCT maaned FROM km ORDER BY maaned DESC LIMIT 12),
    g AS (SELECT nabo FROM grp WHERE omraade = 'administration' AND aar = 2018 AND kommunekode = '${kode}')
    SELECT sum(kald) FILTER (WHERE maaned IN (SELECT maaned FROM m))
         / sum(indbyggere) FILTER (WHERE maaned = (SELECT max(maaned) FROM m)) AS v,
         (SELECT count(*) FROM g) AS members
    FROM km WHERE kommunekode IN (SELECT nabo FROM g)`);
  const row = r.getRowObjectsJS()[0] as { v: number; members: bigint };
  return { v: Number(row.v), members: Number(row.members) };
}

/** The country's 12-month calls per inhabitant over the 98, native SQL. */
async function expectedLand(): Promise<number> {
  const r = await db.runAndReadAll(`
    WITH m AS (SELECT DISTINCT maaned FROM km ORDER BY maaned DESC LIMIT 12)
    SELECT sum(kald) FILTER (WHERE maaned IN (SELECT maaned FROM m))
         / sum(indbyggere) FILTER (WHERE maaned = (SELECT max(maaned) FROM m)) AS v FROM km`);
  return Number((r.getRowObjectsJS()[0] as { v: number }).v);
}

/** Per index: KLE topics with cases (hidden "<5" count) and the municipality's systems onboarded to the index, native SQL. */
async function expectedIndexes(kode: string): Promise<string[][]> {
  const r = await db.runAndReadAll(`
    WITH ix(indeks, sf) AS (VALUES ('Sags- og dokumentindeks', 'SF1470'), ('Ydelsesindeks', 'SF1490'))
    SELECT ix.indeks, ix.sf,
      (SELECT count(DISTINCT kle_nr) FROM kle WHERE kle.kommunekode = '${kode}' AND kle.indeks = ix.indeks
         AND (coalesce(antal_sager, 0) > 0 OR status = '<5'))::VARCHAR AS emner,
      coalesce((SELECT string_agg(DISTINCT ski_system, ', ' ORDER BY ski_system) FROM pot
         WHERE pot.kommunekode = '${kode}' AND pot.service_nr = ix.sf AND status IN ('Klarmeldt', 'Delvist klarmeldt')), '') AS klarmeldte,
      coalesce((SELECT string_agg(DISTINCT ski_system, ', ' ORDER BY ski_system) FROM pot
         WHERE pot.kommunekode = '${kode}' AND pot.service_nr = ix.sf AND status IN ('Klarmeldt', 'Delvist klarmeldt')
         AND tilsluttet), '') AS leverer
    FROM ix ORDER BY ix.indeks`);
  return (r.getRowObjectsJS() as Record<string, string>[]).map((x) => [
    x.indeks,
    x.sf,
    x.emner,
    x.klarmeldte,
    x.leverer
  ]);
}

function danish(text: string): number {
  const m = /-?[\d.]+(,\d+)?/.exec(text.replace(/\u2212/g, "-"));
  if (!m) throw new Error(`intet tal i "${text}"`);
  return Number(m[0].replace(/\./g, "").replace(",", "."));
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(selector)]);
  return readFileSync((await d.path())!);
}

async function checkPrint(page: Page): Promise<void> {
  await page.emulateMedia({ media: "print" });
  // buttons and navigation are hidden in print; the Demodata badges are not
  // (the print width may re-render cells that depend on `width`: wait for the attached elements)
  await page.waitForFunction(
    () => {
      const buttons = [...document.querySelectorAll(".kt-export button")];
      return buttons.length > 0 && buttons.every((b) => getComputedStyle(b).display === "none");
    },
    undefined,
    { timeout: 10_000 }
  );
  expect(
    await page.$$eval(
      ".kt-demo-badge",
      (bs) => bs.filter((b) => b.isConnected && getComputedStyle(b).display !== "none").length
    )
  ).toBeGreaterThan(0);
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
  await page.emulateMedia({ media: "screen" });
}

describe("/infrastruktur", () => {
  test("opens cleanly, says Demodata, ranks 98 municipalities, no DuckDB-WASM", async () => {
    const o = await openPage(site, "/infrastruktur/", { waitFor: "#rangering table" });
    try {
      expect(await problems(o)).toEqual([]);
      expect(await o.page.textContent("main")).toContain("Demodata");
      expect(o.requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
      expect(await o.page.$$eval("#rangering tbody tr", (r) => r.length)).toBe(98);
      // every chart and table figure carries the badge
      const figures = await o.page.$$eval(".kt-infra-figure", (fs) =>
        fs.map((f) => f.querySelector(".kt-demo-badge") !== null)
      );
      expect(figures.length).toBeGreaterThanOrEqual(8);
      expect(figures.every(Boolean)).toBe(true);
      // 101's row: calls per inhabitant equal native SQL over the published aggregate
      const row = await o.page.$$eval("#rangering tbody tr", (rs) =>
        rs.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? ""))
      );
      const kbh = row.find((r) => r[2] === "101")!;
      expect(danish(kbh[5])).toBeCloseTo(await expected12m("101"), 1);
      // the "why only Fredericia?" view lists services for the chosen system
      expect(
        await o.page.$$eval("[data-table=infrastruktur-system-service] tbody tr", (r) => r.length)
      ).toBeGreaterThan(0);
    } finally {
      await o.page.close();
    }
  });

  test("the ranking exports as Danish CSV and as XLSX, both saying Demodata", async () => {
    const o = await openPage(site, "/infrastruktur/", { waitFor: "#rangering table" });
    try {
      const csv = (await download(o.page, "#rangering button[data-export=csv]")).toString("utf-8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split("\r\n");
      expect(lines[0]).toBe("Nr.;Kommune;Kode;Kald (12 mdr.);Indbyggere;Kald pr. indbygger");
      expect(lines.slice(1, 99).every((l) => l.split(";").length === 6)).toBe(true);
      expect(lines[1]).toMatch(/;\d+,\d$/);
      expect(csv).toMatch(/Kilde: .*Demodata/);
      const xlsx = await download(o.page, "#rangering button[data-export=xlsx]");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      const texts: string[] = [];
      ws.eachRow((r) => texts.push(JSON.stringify(r.values)));
      expect(texts.join("\n")).toContain("Demodata");
      expect(texts.join("\n")).toContain("Kald pr. indbygger");
    } finally {
      await o.page.close();
    }
  });

  test("prints to A4", async () => {
    const o = await openPage(site, "/infrastruktur/", { waitFor: "#rangering table" });
    try {
      await checkPrint(o.page);
    } finally {
      await o.page.close();
    }
  });
});

describe.each(["101", "825"])("/infrastruktur/%s", (kode) => {
  test("opens cleanly with the three steps, the onboarding matrix and Demodata; exports read back; prints", async () => {
    const o = await openPage(site, `/infrastruktur/${kode}`, { waitFor: ".kt-infra-step" });
    try {
      expect(await problems(o)).toEqual([]);
      expect(o.requests.filter((u) => /duckdb/i.test(u))).toEqual([]);
      const text = (await o.page.textContent("main"))!;
      expect(text).toContain("Demodata");
      expect(
        await o.page.$$eval(".kt-infra-step h3", (h) => h.map((x) => x.textContent?.replace(/\s*Demodata$/, "").trim()))
      ).toEqual(["Trin 1: Tilslutning", "Trin 2: Udbredelse", "Trin 3: Anvendelse"]);
      // the matrix: every filled cell has a symbol (readable without colour)
      const cells = await o.page.$$eval(".kt-matrix td.kt-matrix-cell:not(.kt-matrix-empty)", (tds) =>
        tds.map((t) => t.textContent?.trim() ?? "")
      );
      expect(cells.length).toBeGreaterThan(0);
      expect(cells.every((c) => c.length > 0)).toBe(true);
      // the 12-month figure equals native SQL
      const big = await o.page.$eval(".kt-infra-headline .card .big", (e) => e.textContent ?? "");
      expect(danish(big)).toBeCloseTo(await expected12m(kode), 1);
      const csv = (
        await download(o.page, `[data-table=infrastruktur-${kode}-dataomraader] button[data-export=csv]`)
      ).toString("utf-8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      expect(csv.slice(1).split("\r\n")[0]).toBe("Dataområde;Kald (12 mdr.);Andel");
      expect(csv).toContain("Demodata");
      const xlsx = await download(o.page, "[data-table=onboarding] button[data-export=xlsx]");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const all: string[] = [];
      wb.worksheets[0].eachRow((r) => all.push(JSON.stringify(r.values)));
      expect(all.join("\n")).toContain("Demodata");
      expect(all.join("\n")).toContain("SKI-system");
      await checkPrint(o.page);
    } finally {
      await o.page.close();
    }
  });
});

// issue #8: "calls per inhabitant against the comparison group and the country" and "KLE topics with cases in the
// indexes against what the municipality's systems should deliver", each value against native DuckDB SQL
test("/infrastruktur/751: the group and country figures and the index table equal native DuckDB", async () => {
  const kode = "751";
  const o = await openPage(site, `/infrastruktur/${kode}`, { waitFor: "#indekser table" });
  try {
    expect(await problems(o)).toEqual([]);
    const cards = await o.page.$$eval(".kt-infra-headline .card", (cs) =>
      cs.map((c) => [c.querySelector("h2")?.textContent ?? "", c.querySelector(".big")?.textContent ?? ""])
    );
    expect(cards.map((c) => c[0])).toEqual(["Kald pr. indbygger, 12 mdr.", "Sammenligningsgruppen", "Hele landet"]);
    const group = await expectedGroup(kode);
    expect(group.members).toBe(10);
    expect(danish(cards[0][1])).toBeCloseTo(await expected12m(kode), 1);
    expect(danish(cards[1][1])).toBeCloseTo(group.v, 1);
    expect(danish(cards[2][1])).toBeCloseTo(await expectedLand(), 1);
    const rows = await o.page.$$eval("#indekser tbody tr", (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? ""))
    );
    const expected = await expectedIndexes(kode);
    // columns: index, integration, topics with cases, invalid numbers, onboarded systems, … delivering, missing
    expect(rows.map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual(expected);
    expect(expected.some((e) => Number(e[2]) > 0)).toBe(true);
    const fig = await o.page.$eval("#indekser", (f) => f.querySelector(".kt-demo-badge") !== null);
    expect(fig).toBe(true);
  } finally {
    await o.page.close();
  }
});
