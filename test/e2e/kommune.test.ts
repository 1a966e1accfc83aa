/**
 * Kend din Kommune in Chromium: the municipality pages show the real figures (checked
 * against native DuckDB over the published Parquet in dist/filer), missing values show
 * their reason, the exports download and read back (CSV with Danish conventions, XLSX
 * with exceljs), the page needs no DuckDB-WASM and no full data set, and prints to A4.
 * Also the catalogue, the comparison page and site search.
 */

import { existsSync, readFileSync } from "node:fs";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, problems, type Site, startSite } from "./harness.js";
import { refreshedStatbank, serveStatbank } from "./statbank.js";

const F = "dist/filer";
let site: Site;
let db: DuckDBConnection;

beforeAll(async () => {
  site = await startSite();
  db = await (await DuckDBInstance.create()).connect();
  await db.run(`CREATE VIEW v AS SELECT * FROM '${F}/noegletal.parquet'`);
  await db.run(`CREATE VIEW k AS SELECT * FROM '${F}/kommuner.parquet'`);
  await db.run(`CREATE VIEW l AS SELECT * FROM '${F}/noegletal-landstal.parquet'`);
  await db.run(`CREATE VIEW kat AS SELECT * FROM '${F}/noegletal-katalog.parquet'`);
});
afterAll(async () => {
  await site?.close();
});

async function one(sql: string): Promise<Record<string, unknown>> {
  return (await db.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, unknown>;
}

/**
 * The members of the comparison group, by the agreed rule: the engine's default group
 * (sammenligningsgrupper.parquet, the area's standard year) when the site publishes it,
 * else the other municipalities of the DST group.
 */
const ENGINE_AREA: Record<string, string> = {
  skole: "folkeskole",
  dagtilbud: "dagtilbud",
  aeldre: "aeldre",
  "boern-unge": "boern-unge",
  administration: "administration"
};
async function groupMembersSql(kode: string, id: string): Promise<string> {
  // the site publishes the engine's groups; no silent fallback to the DST rule when they are missing
  expect(existsSync(`${F}/sammenligningsgrupper.parquet`), "the engine's groups are published").toBe(true);
  expect(existsSync(`${F}/sammenligningsomraader.json`), "the engine's areas are published").toBe(true);
  const areas = JSON.parse(readFileSync(`${F}/sammenligningsomraader.json`, "utf-8")) as {
    id: string;
    standardaar: number;
  }[];
  const area =
    ENGINE_AREA[(await one(`SELECT omraade FROM kat WHERE id = '${id}'`)).omraade as string] ?? "serviceudgifter";
  const aar = areas.find((a) => a.id === area)?.standardaar;
  expect(aar, `standard year of ${area}`).toBeDefined();
  return `SELECT nabo FROM '${F}/sammenligningsgrupper.parquet' WHERE omraade = '${area}' AND kommunekode = '${kode}' AND aar = ${aar}`;
}

/** Independent figures for one municipality, figure and year: value, status, rank, count, group mean. */
async function expected(kode: string, id: string) {
  const members = await groupMembersSql(kode, id);
  return one(`
    WITH y AS (SELECT seneste_regnskabsaar AS aar FROM kat WHERE id = '${id}'),
    r AS (SELECT kommunekode, CAST(rank() OVER (ORDER BY vaerdi DESC) AS INTEGER) AS rang, CAST(count(*) OVER () AS INTEGER) AS n
          FROM v WHERE id = '${id}' AND aar = (SELECT aar FROM y) AND status IN ('ok', 'nul'))
    SELECT (SELECT aar FROM y) AS aar, v.vaerdi, v.status, r.rang, r.n,
      (SELECT avg(o.vaerdi) FROM v o
        WHERE o.id = '${id}' AND o.aar = (SELECT aar FROM y) AND o.status IN ('ok', 'nul') AND o.kommunekode IN (${members})) AS gruppe,
      (SELECT vaerdi FROM l WHERE id = '${id}' AND aar = (SELECT aar FROM y)) AS land
    FROM v LEFT JOIN r USING (kommunekode) WHERE v.id = '${id}' AND v.aar = (SELECT aar FROM y) AND v.kommunekode = '${kode}'`);
}

/** A Danish number as shown on the page ("105.234", "-1,5") → number. */
function danish(text: string): number {
  const m = /-?[\d.]+(,\d+)?/.exec(text.replace(/\u2212/g, "-"));
  if (!m) throw new Error(`intet tal i "${text}"`);
  return Number(m[0].replace(/\./g, "").replace(",", "."));
}

async function cell(page: Page, id: string, col: string): Promise<string> {
  return (await page.textContent(`tr[data-figur="${id}"] td[data-col="${col}"]`))!.trim();
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(selector)]);
  return readFileSync((await d.path())!);
}

describe("municipality pages", () => {
  test.each([
    [
      "101",
      "Københavns",
      [
        "udg-til-folkeskolen-pr-elev",
        "nettodriftsudgifter-pr-indb",
        "udskrivningsprocent",
        "gennemsnitlig-klassekvotient"
      ]
    ],
    [
      "825",
      "Læsø",
      [
        "udg-til-folkeskolen-pr-elev",
        "udg-til-aeldre-samt-voksne-m-saerl-behov-pr-18plus-aarig",
        "serviceudgifter-pr-indb"
      ]
    ],
    ["851", "Aalborg", ["nettodriftsudgifter-pr-indb", "udg-netto-til-dagtilbud-pr-0-13-aarig"]]
  ])("/kommune/%s (%s Kommune) shows the figures native DuckDB computes", async (kode, navn, ids) => {
    const o = await openPage(site, `/kommune/${kode}`, { waitFor: "section.kt-area h2" });
    try {
      expect(await o.page.textContent("h1")).toBe(`${navn} Kommune`);
      for (const id of ids) {
        const e = await expected(kode, id);
        expect(danish(await cell(o.page, id, "vaerdi")), `${kode} ${id}`).toBe(e.vaerdi);
        expect(await cell(o.page, id, "rang"), `${kode} ${id}`).toBe(`nr. ${e.rang} af ${e.n}`);
        expect(danish(await cell(o.page, id, "landstal")), `${kode} ${id}`).toBe(e.land);
        expect(danish(await cell(o.page, id, "gruppe")), `${kode} ${id}`).toBeCloseTo(e.gruppe as number, 0);
      }
      // the header: latest monthly population (FOLK1AM) and area
      const pop = await one(
        `SELECT befolkning FROM '${F}/befolkning.parquet' WHERE kommunekode = '${kode}' ORDER BY maaned DESC LIMIT 1`
      );
      expect(danish((await o.page.textContent("[data-fact=befolkning]"))!)).toBe(pop.befolkning);
      // a locator map drawn at build time: a loaded static SVG named for screen readers
      const img = await o.page.$eval(".kt-locator img", (i) => ({
        alt: i.getAttribute("alt"),
        src: i.getAttribute("src") ?? "",
        w: (i as HTMLImageElement).naturalWidth
      }));
      expect(img.alt).toBe(`Danmarkskort med ${navn} Kommune markeret`);
      expect(img.src).toMatch(/kommune-kort\/\d{3}\.[0-9a-f]+\.svg$/);
      expect(img.w).toBe(240);
      // ... so the page loads neither Plot, d3 nor the boundaries
      expect(o.requests.filter((u) => /observablehq\/plot|\/d3@|\/d3-geo|kommuner-geo/.test(u))).toEqual([]);
      // every area of the issue is on the page
      const areas = await o.page.$$eval("section.kt-area h2", (hs) => hs.map((h) => h.textContent));
      for (const a of [
        "Befolkning og struktur",
        "Økonomi",
        "Skole",
        "Dagtilbud",
        "Ældre",
        "Børn og unge med særlige behov",
        "Social og beskæftigelse (voksne)",
        "Administration",
        "Skat og finansiering"
      ])
        expect(areas).toContain(a);
      // prepared at build time: no DuckDB-WASM, no full data set
      expect(o.requests.filter((u) => /duckdb|\/noegletal(\.[0-9a-f]+)?\.parquet|\.wasm/.test(u))).toEqual([]);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("missing values show their reason, never 0 (Læsø and Morsø)", async () => {
    for (const kode of ["825", "773"]) {
      const o = await openPage(site, `/kommune/${kode}`, { waitFor: "section.kt-area h2" });
      try {
        const missing = await o.page.$$eval("td[data-col=vaerdi].kt-missing", (tds) =>
          tds.map((t) => [t.closest("tr")!.getAttribute("data-figur"), t.getAttribute("data-status"), t.textContent])
        );
        expect(missing.length, kode).toBeGreaterThan(0);
        for (const [id, status, text] of missing) {
          expect(text, `${kode} ${id}`).not.toMatch(/^\s*0\s*$/);
          expect(["mangler", "udefineret", "ikke_indberettet", "ikke_tilgaengelig"]).toContain(status);
          const e = await expected(kode, id!);
          expect(e.vaerdi, `${kode} ${id} er tom i data`).toBeNull();
          expect(e.status).toBe(status);
        }
        const texts = new Set(missing.map((m) => m[2]));
        expect(
          [...texts].every((t) => /mangler for året|udefineret for året|ikke indberettet|ikke tilgængelig/.test(t!))
        ).toBe(true);
      } finally {
        await o.page.close();
      }
    }
  });

  test("exports: CSV for Danish Excel and XLSX read back with exceljs", async () => {
    const o = await openPage(site, "/kommune/825", { waitFor: "section.kt-area h2" });
    try {
      const figures = await o.page.$$eval("tr[data-figur]", (rs) => rs.length);
      const csv = (await download(o.page, ".kt-export-all button[data-export=csv]")).toString("utf-8");
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).split("\r\n");
      expect(lines[0].split(";").slice(0, 7)).toEqual([
        "Område",
        "Nøgletal",
        "Enhed",
        "År",
        "Læsø: værdi",
        "Status",
        "Placering (1 = højeste)"
      ]);
      const rows = lines.slice(1, 1 + figures).map((l) => l.split(";"));
      expect(rows).toHaveLength(figures);
      const skole = rows.find((r) => r[1] === "Udg. til folkeskolen pr. elev")!;
      const e = await expected("825", "udg-til-folkeskolen-pr-elev");
      expect(Number(skole[4].replace(",", "."))).toBe(e.vaerdi);
      expect(skole[6]).toBe(String(e.rang));
      // decimal comma, no thousands separator, missing = empty cell with a status
      const andel = rows.find((r) => r[1] === "Andel 0-2-årige")!;
      expect(andel[4]).toMatch(/^\d+,\d+$/);
      const undefinedRow = rows.find((r) => r[1] === "Pladser i dagpleje pr. 100 0-2-årige")!;
      expect(undefinedRow[4]).toBe("");
      expect(undefinedRow[5]).toBe("udefineret for året");
      expect(csv).toMatch(/\r\nKilde: Social- og Indenrigsministeriet/);

      // the area is collapsed: open it by keyboard, as a user would
      await o.page.focus("section[data-omraade=skole] summary");
      await o.page.keyboard.press("Enter");
      const xlsx = await download(o.page, "section[data-omraade=skole] button[data-export=xlsx]");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      expect(ws.getRow(1).getCell(1).value).toBe("Læsø Kommune: Skole");
      expect(ws.getRow(2).getCell(2).value).toBe("Nøgletal");
      const values: unknown[][] = [];
      ws.eachRow((r) => values.push(r.values as unknown[]));
      const x = values.find((r) => r[2] === "Udg. til folkeskolen pr. elev")!;
      expect(x[5]).toBe(e.vaerdi);
      expect(x[7]).toBe(e.rang);
      expect(
        values.some((r) => typeof r[1] === "string" && r[1].startsWith("Kilde: Social- og Indenrigsministeriet"))
      ).toBe(true);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("prints to clean A4 pages: no navigation or buttons, tables within the page width", async () => {
    const o = await openPage(site, "/kommune/101", { waitFor: "section.kt-area h2" });
    try {
      await o.page.emulateMedia({ media: "print" });
      const hidden = await o.page.$$eval("#observablehq-sidebar, .kt-export, .kt-area-nav, button", (els) =>
        els.every((e) => getComputedStyle(e).display === "none")
      );
      expect(hidden).toBe(true);
      const pdf = await o.page.pdf({ format: "A4", printBackground: false });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      expect(pages).toBeGreaterThan(2);
      expect(pages).toBeLessThan(40);
      // A4 at 15 mm margins is 180 mm ≈ 680 CSS px wide; nothing may stick out
      await o.page.setViewportSize({ width: 680, height: 900 });
      const overflow = await o.page.$$eval("table.kt-kdk-table", (ts) => ts.filter((t) => t.scrollWidth > 682).length);
      expect(overflow).toBe(0);
    } finally {
      await o.page.close();
    }
  });
});

/** A sentence's numbers: the value, the difference from the group (unit and per cent), the rank, the per cent from the country. */
function parseSentence(text: string) {
  const num = (s: string) => danish(s);
  const value = /: (-?[\d.]+(?:,\d+)?)/.exec(text);
  const group = /, (-?[\d.]+(?:,\d+)?) [^(,]*\(([\d.]+) %\) (over|under) sammenligningsgruppens gennemsnit/.exec(text);
  const rank = /(?:(\d+)\. )?(højeste|laveste) af (\d+) i gruppen/.exec(text);
  const land =
    /([\d.]+) % (over|under) (landstallet|gennemsnittet af kommunerne \(uvægtet\)|medianen af kommunerne)/.exec(text);
  return {
    value: value ? num(value[1]) : null,
    groupDiff: group ? num(group[1]) * (group[3] === "over" ? 1 : -1) : null,
    groupPct: group ? num(group[2]) * (group[3] === "over" ? 1 : -1) : null,
    rank: rank ? { n: Number(rank[1] ?? 1), end: rank[2], of: Number(rank[3]) } : null,
    landPct: land ? num(land[1]) * (land[2] === "over" ? 1 : -1) : null,
    landName: land ? land[3] : null
  };
}

describe("the profile: what stands out", () => {
  test.each([
    ["101", "Københavns"],
    ["825", "Læsø"]
  ])(
    "/kommune/%s (%s Kommune): a summary in the first screen whose numbers match the table and native DuckDB",
    async (kode) => {
      const o = await openPage(site, `/kommune/${kode}`, { waitFor: "section.kt-profile li[data-profil]" });
      try {
        // in the first screen (viewport 1280 × 900): the heading and the first highlight start above 900 px
        const top = await o.page.$eval("section.kt-profile h2", (h) => h.getBoundingClientRect().top + window.scrollY);
        const first = await o.page.$eval("section.kt-profile li[data-profil]", (l) => l.getBoundingClientRect().bottom);
        expect(top).toBeLessThan(900);
        expect(first).toBeLessThan(900);
        // the method is stated
        expect(await o.page.textContent("section.kt-profile")).toContain("1,4826 · MAD");
        const items = await o.page.$$eval("section.kt-profile li[data-profil]", (ls) =>
          ls.map((l) => ({
            id: l.getAttribute("data-profil")!,
            text: l.querySelector("[data-saetning]")!.textContent!,
            table: l.querySelector("a.kt-profile-row")!.getAttribute("href"),
            figure: l.querySelector("a:not(.kt-profile-row)")!.getAttribute("href"),
            chart: l.querySelector("svg[role=img]")?.getAttribute("aria-label") ?? ""
          }))
        );
        expect(items.length).toBeGreaterThanOrEqual(3);
        // the sentences carry the facts the checks below read (a sentence that lost them would pass unchecked)
        const parsed = items.map((it) => parseSentence(it.text));
        expect(parsed.every((p) => p.value !== null)).toBe(true);
        expect(parsed.filter((p) => p.groupDiff !== null && p.rank !== null).length, kode).toBeGreaterThan(
          items.length / 2
        );
        expect(parsed.filter((p) => p.landName === "landstallet").length, kode).toBeGreaterThan(0);
        for (const it of items) {
          const p = parseSentence(it.text);
          // each highlight links to its row in the full table and to the figure's page
          expect(it.table).toBe(`#figur-${it.id}`);
          expect(await o.page.$(`tr#figur-${it.id}[data-figur="${it.id}"]`), it.id).not.toBeNull();
          expect(it.figure).toBe(`../noegletal?id=${it.id}&kommune=${kode}`);
          expect(it.chart.length, `${it.id}: the chart's text alternative`).toBeGreaterThan(20);
          // the value is the table's value and native DuckDB's
          const shown = danish(await cell(o.page, it.id, "vaerdi"));
          const e = await expected(kode, it.id);
          expect(p.value, it.text).toBe(shown);
          expect(shown, it.id).toBeCloseTo(e.vaerdi as number, 6);
          // the difference from the group is the value minus the table's group mean (as rounded on the page)
          // a sentence without the group says so only where the table's group has no value
          if (p.groupDiff === null)
            expect(await cell(o.page, it.id, "gruppe"), it.text).toMatch(/ingen værdier i gruppen|undertrykt/);
          if (p.groupDiff !== null) {
            const decimals = (/,(\d+)/.exec((await cell(o.page, it.id, "vaerdi")).split(/\s/)[0])?.[1].length ??
              0) as number;
            expect(Math.abs(p.groupDiff - ((e.vaerdi as number) - (e.gruppe as number))), it.text).toBeLessThanOrEqual(
              10 ** -decimals
            );
            expect(p.groupPct, it.text).toBe(
              Math.round(Math.abs((100 * ((e.vaerdi as number) - (e.gruppe as number))) / (e.gruppe as number))) *
                Math.sign(p.groupDiff)
            );
          }
          // the rank in the group (the municipality and the other members) from native DuckDB
          if (p.rank) {
            const members = await groupMembersSql(kode, it.id);
            const r = await one(`
            WITH y AS (SELECT seneste_regnskabsaar AS aar FROM kat WHERE id = '${it.id}'),
            g AS (SELECT vaerdi FROM v WHERE id = '${it.id}' AND aar = (SELECT aar FROM y) AND status IN ('ok', 'nul')
                  AND (kommunekode IN (${members}) OR kommunekode = '${kode}'))
            SELECT CAST(count(*) AS INTEGER) AS n,
              CAST(count(*) FILTER (WHERE vaerdi > ${e.vaerdi}) + 1 AS INTEGER) AS rang FROM g`);
            expect(p.rank.of, it.text).toBe(r.n);
            const fromTop = p.rank.end === "højeste" ? p.rank.n : (r.n as number) - p.rank.n + 1;
            expect(fromTop, it.text).toBe(r.rang);
          }
          // the per cent from the country is against the table's "Hele landet" where that is the figure shown
          if (p.landName === "landstallet" || p.landName === "gennemsnittet af kommunerne (uvægtet)") {
            const land = danish(await cell(o.page, it.id, "landstal"));
            const label = await o.page.textContent(`tr[data-figur="${it.id}"] [data-col="landstal-kilde"]`);
            expect(label, it.id).toBe(p.landName === "landstallet" ? "landstal" : "gennemsnit af kommunerne (uvægtet)");
            // the table shows the national figure rounded (an unweighted mean has no source row to read exactly),
            // so the per cent recomputed from it may differ by one from the one computed from the exact figure
            const fromTable = (100 * ((e.vaerdi as number) - land)) / Math.abs(land);
            expect(Math.abs((p.landPct as number) - fromTable), it.text).toBeLessThan(1);
          }
        }
        // following a highlight's link (by keyboard) opens its collapsed area and shows the row
        const target = items[items.length - 1];
        expect(await o.page.isVisible(`tr#figur-${target.id}`)).toBe(false);
        await o.page.focus(`li[data-profil="${target.id}"] a.kt-profile-row`);
        await o.page.keyboard.press("Enter");
        await o.page.waitForSelector(`tr#figur-${target.id}`, { state: "visible" });
        expect(await problems(o)).toEqual([]);
      } finally {
        await o.page.close();
      }
    }
  );

  test("the full table: full titles, the national figure named per row, and a filter box", async () => {
    const o = await openPage(site, "/kommune/825", { waitFor: "section.kt-area h2" });
    try {
      // full title first, the source's abbreviation beside it
      expect(await o.page.textContent('tr[data-figur="udg-til-folkeskolen-pr-elev"] td:first-child a')).toBe(
        "Udgifter til folkeskolen pr. elev"
      );
      expect(await o.page.textContent('tr[data-figur="udg-til-folkeskolen-pr-elev"] td:first-child')).toContain(
        "i kilden: Udg. til folkeskolen pr. elev"
      );
      // per row: the kind of national figure, by the catalogue (native DuckDB over the published catalogue)
      const kinds = await db.runAndReadAll(
        `SELECT id, landstal FROM kat WHERE antal_vaerdier > 0 AND aar_til IS NOT NULL AND enhed <> 'ja/nej'`
      );
      const labels = await o.page.$$eval("tr[data-figur]", (rs) =>
        Object.fromEntries(
          rs.map((r) => [r.getAttribute("data-figur"), r.querySelector("[data-col=landstal-kilde]")?.textContent ?? ""])
        )
      );
      let computed = 0;
      for (const row of kinds.getRowObjectsJS() as { id: string; landstal: string | null }[]) {
        const want =
          row.landstal === null
            ? "gennemsnit af kommunerne (uvægtet)"
            : row.landstal === "I alt"
              ? "landstal (sum)"
              : "landstal";
        expect(labels[row.id], row.id).toBe(want);
        if (row.landstal === null) computed++;
      }
      expect(computed).toBeGreaterThan(0);
      expect(await o.page.textContent("table.kt-kdk-table thead")).not.toContain("Landstal");
      // the filter: every visible row matches, the areas without a match are hidden, the count is said
      await o.page.fill("#kt-figure-filter", "folkeskole");
      await o.page.waitForFunction(() =>
        document.querySelector("[data-filter-status]")?.textContent?.includes("passer")
      );
      const visible = await o.page.$$eval("tr[data-figur]", (rs) =>
        rs.filter((r) => (r as HTMLElement).offsetParent !== null).map((r) => r.textContent ?? "")
      );
      expect(visible.length).toBeGreaterThan(1);
      for (const t of visible) expect(t.toLowerCase()).toContain("folkeskole");
      const status = (await o.page.textContent("[data-filter-status]"))!;
      expect(status).toBe(
        `${visible.length} af ${await o.page.$$eval("tr[data-figur]", (r) => r.length)} nøgletal passer.`
      );
      expect(await o.page.isVisible("section[data-omraade=aeldre]")).toBe(false);
      await o.page.fill("#kt-figure-filter", "");
      await o.page.waitForFunction(() => document.querySelector("[data-filter-status]")?.textContent === "");
      expect(await o.page.isVisible("section[data-omraade=aeldre]")).toBe(true);
    } finally {
      await o.page.close();
    }
  });
});

describe("Danish order and other names", () => {
  test("the front-page search finds Århus, Kbh, Bornholm and Brønderslev-Dronninglund", async () => {
    const o = await openPage(site, "/", { waitFor: "form input[type=search]" });
    try {
      const input = "#observablehq-main form input[type=search]";
      for (const [query, kode] of [
        ["Århus", "751"],
        ["Aarhus", "751"],
        ["Kbh", "101"],
        ["København", "101"],
        ["Bornholm", "400"],
        ["Brønderslev-Dronninglund", "810"],
        ["Laesoe", "825"]
      ]) {
        await o.page.fill(input, query);
        await o.page.waitForFunction(
          (k) => document.querySelector(`.kt-kommuneliste a[href$="kommune/${k}"]`) !== null,
          kode,
          { timeout: 10_000 }
        );
        const hrefs = await o.page.$$eval(".kt-kommuneliste a", (as) => as.map((a) => a.getAttribute("href")));
        expect(hrefs[0], query).toBe(`./kommune/${kode}`);
      }
      // an "Aa" name sorts under Å: among the matches for "borg", Aalborg comes after Vordingborg
      await o.page.fill(input, "borg");
      await o.page.waitForFunction(() => document.querySelectorAll(".kt-kommuneliste a").length > 3);
      const names = await o.page.$$eval(".kt-kommuneliste a", (as) => as.map((a) => a.textContent));
      expect(names.indexOf("Aalborg")).toBeGreaterThan(names.indexOf("Vordingborg"));
      expect(names.at(-1)).toBe("Aalborg");
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("/kommune lists and /sammenlign selects in Danish order: Aabenraa, Aalborg, Aarhus last", async () => {
    const o = await openPage(site, "/sammenlign?a=101&b=751", { waitFor: "table.kt-compare" });
    try {
      const options = await o.page.$$eval("select >> nth=0", (s) =>
        Array.from((s[0] as HTMLSelectElement).options).map((x) => x.textContent)
      );
      expect(options.slice(-3)).toEqual(["Aabenraa (580)", "Aalborg (851)", "Aarhus (751)"]);
      expect(options[0]).toBe("Albertslund (165)");
    } finally {
      await o.page.close();
    }
    const l = await openPage(site, "/kommune/", { waitFor: "form input[type=search]" });
    try {
      await l.page.fill("#observablehq-main form input[type=search]", "Århus");
      await l.page.waitForFunction(() => document.querySelectorAll("#observablehq-main table tbody tr").length === 1);
      expect(await l.page.textContent("#observablehq-main table tbody tr")).toContain("Aarhus");
    } finally {
      await l.page.close();
    }
  });
});

describe("catalogue, comparison and search", () => {
  test("/noegletal documents the figure and ranks the highlighted municipality like DuckDB", async () => {
    const o = await openPage(site, "/noegletal?id=udg-til-folkeskolen-pr-elev&kommune=825", {
      waitFor: "[data-valgt]"
    });
    try {
      expect(await o.page.textContent("#dokumentation h2")).toBe("Udg. til folkeskolen pr. elev");
      expect(await o.page.textContent("[data-doc=landstal]")).toContain("Gennemsnit");
      const e = await expected("825", "udg-til-folkeskolen-pr-elev");
      expect(await o.page.textContent('[data-valgt="825"]')).toContain(`nr. ${e.rang} af ${e.n}`);
      expect(await o.page.$$eval("svg g[data-mark='geo'] path", (p) => p.length)).toBeGreaterThanOrEqual(98);
      // the catalogue lists every figure
      const listed = await o.page.$$eval(".kt-catalogue li", (li) => li.length);
      expect(listed).toBe(Number((await one("SELECT count(*)::INTEGER AS n FROM kat")).n));
      const csv = (
        await download(o.page, "h3 + div button[data-export=csv], .kt-export button[data-export=csv] >> nth=1")
      ).toString("utf-8");
      const top = csv.slice(1).split("\r\n")[1].split(";");
      const first = await one(
        `SELECT kommunekode FROM v WHERE id = 'udg-til-folkeskolen-pr-elev' AND aar = (SELECT seneste_regnskabsaar FROM kat WHERE id = 'udg-til-folkeskolen-pr-elev') AND status IN ('ok','nul') ORDER BY vaerdi DESC LIMIT 1`
      );
      expect([top[0], top[1]]).toEqual(["1", first.kommunekode]);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("/sammenlign?a=101&b=751 shows both values and the difference", async () => {
    const o = await openPage(site, "/sammenlign?a=101&b=751", { waitFor: "table.kt-compare" });
    try {
      const a = await expected("101", "udg-til-folkeskolen-pr-elev");
      const b = await expected("751", "udg-til-folkeskolen-pr-elev");
      const diff = (await o.page.textContent(`tr[data-figur="udg-til-folkeskolen-pr-elev"] td[data-col=forskel]`))!;
      expect(danish(diff.split(/\s+/)[0].replace("+", ""))).toBe((a.vaerdi as number) - (b.vaerdi as number));
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("site search finds a municipality and a key figure by name", async () => {
    const o = await openPage(site, "/");
    try {
      await o.page.fill("#observablehq-search input", "Læsø");
      await o.page.waitForSelector("#observablehq-search-results li a");
      expect(await o.page.getAttribute("#observablehq-search-results li a", "href")).toMatch(/\/kommune\/825$/);
      // other names from the alias table (common/kommune/names.ts) are in the entries' keywords
      for (const [query, kode] of [
        ["Århus", "751"],
        ["Dronninglund", "810"]
      ]) {
        await o.page.fill("#observablehq-search input", query);
        await o.page.waitForFunction(
          (k) =>
            document
              .querySelector("#observablehq-search-results li a")
              ?.getAttribute("href")
              ?.endsWith(`/kommune/${k}`),
          kode,
          { timeout: 10_000 }
        );
      }
      await o.page.fill("#observablehq-search input", "klassekvotient");
      await o.page.waitForFunction(() =>
        document.querySelector("#observablehq-search-results li a")?.getAttribute("href")?.includes("noegletal?id=")
      );
      expect(await o.page.getAttribute("#observablehq-search-results li a", "href")).toMatch(
        /noegletal\?id=gennemsnitlig-klassekvotient$/
      );
    } finally {
      await o.page.close();
    }
  });

  test("/data links a Parquet and a CSV file for every table, and both are served", async () => {
    const o = await openPage(site, "/data", { waitFor: "[data-tabel]" });
    try {
      const links = await o.page.$$eval("[data-tabel] a[data-format]", (as) =>
        as.map((a) => (a as HTMLAnchorElement).href)
      );
      // the nine published tables (README, /data), each as Parquet and as CSV under its stable /filer/ address
      const tables = [
        "kommuner",
        "noegletal",
        "noegletal-landstal",
        "noegletal-katalog",
        "befolkning",
        "kdk-placeringer",
        "sammenligningsgrupper",
        "sammenligningsgrupper-modeller",
        "infrastruktur-kle-overensstemmelse"
      ];
      expect(links.map((h) => new URL(h).pathname).sort()).toEqual(
        tables.flatMap((t) => [`/filer/${t}.parquet`, `/filer/${t}.csv`]).sort()
      );
      for (const href of links) {
        const r = await o.page.request.get(href);
        expect(r.status(), href).toBe(200);
        const body = await r.body();
        if (href.endsWith(".csv")) expect(body.subarray(0, 3).toString("hex"), href).toBe("efbbbf");
        else expect(body.subarray(0, 4).toString(), href).toBe("PAR1");
      }
    } finally {
      await o.page.close();
    }
  });

  test("/data: each table's column dictionary lists the schema's columns in order, with the data's years", async () => {
    const o = await openPage(site, "/data", { waitFor: "[data-tabel]" });
    try {
      const { PUBLISHED_SCHEMAS } = await import("../../loaders/published-schemas.js");
      const shown = await o.page.$$eval("[data-tabel]", (sections) =>
        sections.map((sec) => ({
          navn: sec.getAttribute("data-tabel"),
          rows: Array.from(sec.querySelectorAll("tbody tr")).map((tr) =>
            Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim())
          )
        }))
      );
      expect(shown.map((t) => t.navn).sort()).toEqual(Object.keys(PUBLISHED_SCHEMAS).sort());
      for (const t of shown)
        expect(
          t.rows.map((r) => r[0]),
          t.navn!
        ).toEqual(Object.keys(PUBLISHED_SCHEMAS[t.navn!]));
      const aar = shown.find((t) => t.navn === "noegletal")!.rows.find((r) => r[0] === "aar");
      expect(aar).toEqual(["aar", "heltal", "2013–2019"]);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
});

describe("current or fixed prices (issue #12)", () => {
  test("without a refreshed snapshot the page offers current prices only, and says why", async () => {
    const o = await openPage(site, "/kommune/101", { waitFor: "section.kt-area h2" });
    try {
      expect(await o.page.getAttribute("form[data-priser]", "data-priser")).toBe("utilgaengelig");
      expect(await o.page.isDisabled("form[data-priser] input[value=faste]")).toBe(true);
      expect(await o.page.textContent("[data-priser-note]")).toMatch(/^Kun løbende priser: .*npm run opdater/);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("with a refreshed snapshot (replay fixtures): money figures in fixed prices in the table, export and profile", async () => {
    const summary = await refreshedStatbank();
    const index = new Map(summary.prisindeks!.aar.map((r) => [r.aar, r.indeks]));
    // the page's years are the data's; the basis is the latest of them the index covers
    const years = (await db.runAndReadAll("SELECT DISTINCT aar FROM v ORDER BY aar"))
      .getRowObjectsJS()
      .map((r) => Number(r.aar));
    const basis = Math.max(...years.filter((y) => index.has(y)));
    await serveStatbank(site.context, summary);
    const o = await openPage(site, "/kommune/101", { waitFor: "section.kt-area h2" });
    const { page } = o;
    try {
      await page.waitForSelector("form[data-priser=tilgaengelig]");
      const id = "nettodriftsudgifter-pr-indb";
      const e = await expected("101", id);
      // open every area (as printing does)
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      // current prices: the table shows native DuckDB's value
      expect(danish(await cell(page, id, "vaerdi"))).toBe(e.vaerdi);
      const share = await cell(page, "udskrivningsprocent", "vaerdi");

      await page.check("form[data-priser] input[value=faste]");
      await page.waitForFunction(() =>
        /^Faste \d{4}-priser/.test(document.querySelector("[data-priser-note]")?.textContent ?? "")
      );
      await page.waitForSelector(`tr[data-figur="${id}"]`, { state: "visible" });
      // value · index(basis) / index(year), computed here; the page rounds to the figure's decimals (0 for kr.)
      const factor = index.get(basis)! / index.get(e.aar as number)!;
      const fixed = (e.vaerdi as number) * factor;
      expect(Math.abs(danish(await cell(page, id, "vaerdi")) - fixed)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(danish(await cell(page, id, "landstal")) - (e.land as number) * factor)).toBeLessThanOrEqual(0.5);
      expect(await page.textContent(`tr[data-figur="${id}"] td:first-child`)).toContain(
        `kr. pr. indbygger, faste ${basis}-priser`
      );
      // the rank is the same in fixed prices (one factor per year)
      expect(await cell(page, id, "rang")).toBe(`nr. ${e.rang} af ${e.n}`);
      // a non-money figure does not change, and the note says so
      expect(await cell(page, "udskrivningsprocent", "vaerdi")).toBe(share);
      expect(await page.textContent("[data-priser-note]")).toMatch(
        /ikke kronebeløb og er de samme i løbende og faste priser/
      );
      // the areas the reader had open stay open after the switch
      expect(await page.isVisible(`tr[data-figur="${id}"]`)).toBe(true);

      // the export carries the fixed-price value and says the prices in its unit column
      const csv = (await download(page, ".kt-export-all button[data-export=csv]")).toString("utf-8");
      const row = csv
        .slice(1)
        .split("\r\n")
        .map((l) => l.split(";"))
        .find((r) => r[1] === "Nettodriftsudgifter pr. indb.")!;
      expect(row[2]).toBe(`kr. pr. indbygger, faste ${basis}-priser`);
      expect(Math.abs(Number(row[4].replace(",", ".")) - fixed)).toBeLessThan(1e-6 * fixed);
      expect(csv).toContain(`(kronebeløb i faste ${basis}-priser)`);

      // the profile: every sentence about a money figure names the prices and states the deflated value
      const items = await page.$$eval("section.kt-profile li[data-profil]", (ls) =>
        ls.map((l) => ({ id: l.getAttribute("data-profil")!, text: l.querySelector("[data-saetning]")!.textContent! }))
      );
      const money = items.filter((it) => / kr\. i \d{4}/.test(it.text));
      expect(money.length).toBeGreaterThan(0);
      for (const it of money) {
        expect(it.text, it.id).toContain(`(faste ${basis}-priser)`);
        expect(danish(/: (-?[\d.]+(?:,\d+)?)/.exec(it.text)![1])).toBe(danish(await cell(page, it.id, "vaerdi")));
      }
      expect(await problems(o)).toEqual([]);
    } finally {
      await page.close();
      await site.context.unrouteAll();
    }
  });
});

describe("the /kommune list (issue #14)", () => {
  test("a click on a column header sorts in Danish order: Aabenraa, Aalborg, Aarhus under Å", async () => {
    const o = await openPage(site, "/kommune/", { waitFor: "table.kt-list tbody tr" });
    const { page } = o;
    const names = () => page.$$eval("table.kt-list tbody tr td:first-child", (tds) => tds.map((t) => t.textContent));
    const codes = () => page.$$eval("table.kt-list tbody tr td:nth-child(2)", (tds) => tds.map((t) => t.textContent));
    try {
      // the first order: by name, ascending
      let n = await names();
      expect(n).toHaveLength(98);
      expect(await page.getAttribute("th[data-col=navn]", "aria-sort")).toBe("ascending");
      expect(n.slice(0, 2)).toEqual(["Albertslund", "Allerød"]);
      expect(n.slice(-3)).toEqual(["Aabenraa", "Aalborg", "Aarhus"]);
      // the code header: numbers, not text (101 before 147 before 1xx … 860)
      await page.click("th[data-col=kommunekode] button");
      await page.waitForFunction(
        () => document.querySelector("th[data-col=kommunekode]")?.getAttribute("aria-sort") === "ascending"
      );
      const c = await codes();
      expect(c[0]).toBe("101");
      expect(c.at(-1)).toBe("860");
      expect(c.map(Number)).toEqual([...c.map(Number)].sort((a, b) => a - b));
      // the name header by keyboard: ascending again, then descending (Aarhus first, Albertslund last)
      await page.focus("th[data-col=navn] button");
      await page.keyboard.press("Enter");
      await page.waitForFunction(
        () => document.querySelector("th[data-col=navn]")?.getAttribute("aria-sort") === "ascending"
      );
      n = await names();
      expect([n[0], n.at(-1)]).toEqual(["Albertslund", "Aarhus"]);
      await page.click("th[data-col=navn] button");
      await page.waitForFunction(
        () => document.querySelector("th[data-col=navn]")?.getAttribute("aria-sort") === "descending"
      );
      n = await names();
      expect(n.slice(0, 3)).toEqual(["Aarhus", "Aalborg", "Aabenraa"]);
      expect(n.at(-1)).toBe("Albertslund");
      // Ærø and the Ø names come before the Aa names, after Z (Danish alphabet … z, æ, ø, å)
      const asc = [...n].reverse();
      expect(asc.indexOf("Ærø")).toBeGreaterThan(asc.indexOf("Vordingborg"));
      expect(asc.indexOf("Ærø")).toBeLessThan(asc.indexOf("Aabenraa"));
      // the order survives a search; the links go to the pages
      await page.fill("#observablehq-main form input[type=search]", "borg");
      await page.waitForFunction(() => document.querySelectorAll("table.kt-list tbody tr").length < 98);
      n = await names();
      expect(n[0]).toBe("Aalborg");
      expect(await page.getAttribute('table.kt-list a:text-is("Aalborg")', "href")).toBe("./851");
      expect(await problems(o)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("print (issue #14): ranks and columns are not cut", () => {
  test("/kommune/101 printed at A4 width: every rank cell shows its full text, no column sticks out", async () => {
    const o = await openPage(site, "/kommune/101", { waitFor: "section.kt-area h2" });
    const { page } = o;
    try {
      await page.emulateMedia({ media: "print" });
      // A4 at 15 mm margins is 180 mm ≈ 680 CSS px; printing opens every area (beforeprint)
      await page.setViewportSize({ width: 680, height: 900 });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      await page.waitForFunction(() =>
        [...document.querySelectorAll("details.kt-area-details")].every((d) => (d as HTMLDetailsElement).open)
      );
      const report = await page.evaluate(() => {
        const main = document.querySelector("#observablehq-main")!.getBoundingClientRect();
        const cells = [...document.querySelectorAll<HTMLElement>("td[data-col=rang]")];
        const cut = cells
          .filter((c) => c.scrollWidth > c.clientWidth + 1 || c.scrollHeight > c.clientHeight + 1)
          .map((c) => c.closest("tr")?.getAttribute("data-figur"));
        // a rank's text on more than one line would also be a cut in effect ("nr. 3 af" / "98")
        const wrapped = cells
          .filter((c) => c.getClientRects().length && c.textContent!.trim() && c.getBoundingClientRect().height > 0)
          .filter((c) => {
            const r = document.createRange();
            r.selectNodeContents(c);
            const lines = new Set([...r.getClientRects()].map((x) => Math.round(x.top)));
            return lines.size > 1;
          })
          .map((c) => c.textContent);
        const headers = [...document.querySelectorAll<HTMLElement>("table.kt-kdk-table th")].filter(
          (th) => th.getBoundingClientRect().right > main.right + 1 || th.scrollWidth > th.clientWidth + 1
        );
        const tables = [...document.querySelectorAll<HTMLElement>("table.kt-kdk-table")].filter(
          (t) => t.getBoundingClientRect().right > main.right + 1
        );
        return {
          n: cells.length,
          texts: cells.map((c) => c.textContent!.trim()),
          cut,
          wrapped,
          headers: headers.map((h) => h.textContent),
          tables: tables.length
        };
      });
      expect(report.n).toBeGreaterThan(100);
      expect(report.cut).toEqual([]);
      expect(report.wrapped).toEqual([]);
      for (const t of report.texts) expect(t).toMatch(/^(nr\. \d+ af \d+|ingen placering|rangeres ikke \(ja\/nej\))$/);
      expect(report.headers).toEqual([]);
      expect(report.tables).toBe(0);
    } finally {
      await page.close();
    }
  });
});
