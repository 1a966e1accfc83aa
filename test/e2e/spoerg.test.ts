/**
 * /spoerg in Chromium: three questions (a value, a follow-up, a refusal), a chip changes the answer, the CSV
 * export downloads, the value matches native DuckDB over the published Parquet, and nothing leaves localhost.
 * Then: Spørg runs over the workspace database; its SQL opens in the notebook with the same numbers; a comparison
 * group question; "vis det som kort" draws the choropleth.
 */
import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openPage, problems, type Site, startSite } from "./harness.js";
import { da, notebookOutputs, startWorkspaceSite } from "./workspace.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function nativeValue(id: string, kode: string, aar: number): Promise<number> {
  const con = await (await DuckDBInstance.create()).connect();
  const rows = (
    await con.runAndReadAll(
      `SELECT vaerdi FROM 'dist/filer/noegletal.parquet' WHERE id = '${id}' AND kommunekode = '${kode}' AND aar = ${aar}`
    )
  ).getRowObjects();
  return Number(rows[0].vaerdi);
}
const danish = (x: number) => x.toLocaleString("da-DK", { maximumFractionDigits: 0 });

test("asks, follows up, refuses, edits a chip and exports", async () => {
  const o = await openPage(site, "/spoerg", { waitFor: "form.spoerg-form input" });
  const { page } = o;
  try {
    const ask = async (q: string, n: number) => {
      await page.fill("form.spoerg-form input", q);
      await page.press("form.spoerg-form input", "Enter");
      await page.waitForFunction(
        (k) => {
          const c = document.querySelectorAll(".spoerg-card")[k];
          return c && c.getAttribute("data-status");
        },
        n,
        { timeout: 60_000 }
      );
      return page.locator(".spoerg-card").nth(n);
    };
    const c1 = await ask("Hvad bruger Aalborg pr. elev i folkeskolen i 2017?", 0);
    expect(await c1.getAttribute("data-status")).toBe("ok");
    expect(await c1.locator(".spoerg-answer").textContent()).toContain(
      danish(await nativeValue("udg-til-folkeskolen-pr-elev", "851", 2017))
    );
    expect(await c1.locator("pre.spoerg-sql").textContent()).toContain("FROM noegletal n JOIN kommuner");

    const c2 = await ask("og Herning?", 1);
    expect(await c2.locator(".spoerg-answer").textContent()).toContain(
      danish(await nativeValue("udg-til-folkeskolen-pr-elev", "657", 2017))
    );

    const c3 = await ask("Hvordan bliver vejret i Aalborg?", 2);
    expect(await c3.getAttribute("data-status")).toBe("afvist");
    expect(await c3.locator(".spoerg-reason").textContent()).toMatch(/vejret/);

    // chip: change the year of the first answer
    await c1.locator("select[aria-label='År']").selectOption("2015");
    await page.waitForFunction(
      () => document.querySelector(".spoerg-card .spoerg-answer")?.textContent?.includes("2015"),
      null,
      { timeout: 30_000 }
    );
    expect(await c1.locator(".spoerg-answer").textContent()).toContain(
      danish(await nativeValue("udg-til-folkeskolen-pr-elev", "851", 2015))
    );

    // export of the first answer's table
    const [dl] = await Promise.all([
      page.waitForEvent("download"),
      c1.locator("button", { hasText: "Hent CSV" }).click()
    ]);
    const csv = readFileSync((await dl.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("851;Aalborg;2015;");

    // the shareable link reproduces the conversation
    expect(await page.locator("a.spoerg-link").getAttribute("href")).toContain("q=og+Herning%3F");
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
}, 180_000);

test("one database: the answer's SQL opens in the notebook and gives the same number; comparison group; 'vis det som kort' draws the map", async () => {
  const ws = await startWorkspaceSite();
  const o = await openPage(ws.site, "/spoerg", { waitFor: "form.spoerg-form input" });
  const { page } = o;
  try {
    const ask = async (q: string, n: number) => {
      await page.fill("form.spoerg-form input", q);
      await page.press("form.spoerg-form input", "Enter");
      await page.waitForFunction((k) => document.querySelectorAll(".spoerg-card")[k]?.getAttribute("data-status"), n, {
        timeout: 60_000
      });
      return page.locator(".spoerg-card").nth(n);
    };
    // Spørg reads the workspace database (the file the notebook attaches), not the key-figure Parquet file (the small
    // catalogue is still read for the parser's index)
    const c1 = await ask(
      "Hvordan ligger Aarhus i forhold til sin sammenligningsgruppe på udgifter pr. elev i 2018?",
      0
    );
    expect(await c1.getAttribute("data-status")).toBe("ok");
    expect(o.requests.some((r) => /kommunetal[^/]*\.duckdb$/.test(r))).toBe(true);
    expect(o.requests.filter((r) => /\/noegletal(\.[0-9a-f]+)?\.parquet$/.test(r))).toEqual([]);
    const [g] = await ws.native(`SELECT vaerdi, gruppe_gns FROM kdk_placeringer
      WHERE id = 'udg-til-folkeskolen-pr-elev' AND kommunekode = '751' AND aar = 2018`);
    const text = (await c1.locator(".spoerg-answer").textContent()) ?? "";
    expect(text).toContain(da(g.vaerdi as number, 0));
    expect(text).toContain(da(g.gruppe_gns as number, 0));
    expect(text).toMatch(/sammenligningsgruppen for folkeskole/);

    // the SQL opens in the notebook, runs there over the same database and gives the same numbers
    const href = await c1.locator("a.spoerg-notesbog").getAttribute("href");
    expect(href).toMatch(/^\.\/notesbog#nb=/);
    const nbPage = await openPage(ws.site, `/${href!.slice(2)}`, { waitFor: ".kt-nb-cells" });
    try {
      const [table] = await notebookOutputs(nbPage.page);
      // columns: kode, navn, aar, vaerdi, status, gruppe, gruppe_antal; own row first, then the group's
      expect(table.map((r) => r[0])).toEqual(["751", "gruppe-751"]);
      // the notebook shows the column at its precision (whole kroner here)
      expect(table[0][3]).toBe(da(g.vaerdi as number, 0));
      expect(table[1][3]).toBe(da(g.gruppe_gns as number, 0));
      expect(await problems(nbPage)).toEqual([]);
    } finally {
      await nbPage.page.close();
    }

    // regression: DuckDB-WASM 1.1.1 dropped a one-element IN filter inside UNION ALL (every municipality came back)
    const cl = await ask("skatteprocent i Herning i forhold til landet 2018", 1);
    const landet = (await cl.locator(".spoerg-answer").textContent()) ?? "";
    expect(landet).toMatch(/Herning: .*Hele landet: /);
    expect(landet).not.toContain("Aabenraa");

    // "vis det som kort": a real choropleth (98 municipalities drawn, with its table alternative)
    await ask("skatteprocent 2018", 2);
    const c3 = await ask("vis det som kort", 3);
    expect(await c3.getAttribute("data-status")).toBe("ok");
    await c3.locator(".spoerg-map svg").first().waitFor({ timeout: 30_000 });
    const paths = await c3.locator(".spoerg-map svg path").count();
    expect(paths).toBeGreaterThanOrEqual(98);
    await c3.locator(".spoerg-map details.kt-chart-table summary").click();
    await c3.locator(".spoerg-map table tbody tr").first().waitFor({ timeout: 10_000 });
    const cells = await c3
      .locator(".spoerg-map table tbody tr")
      .evaluateAll((trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td, th")).map((td) => td.textContent!.trim()))
      );
    expect(cells.length).toBe(98);
    const [s] = await ws.native(
      "SELECT vaerdi FROM noegletal WHERE id = 'udskrivningsprocent' AND kommunekode = '851' AND aar = 2018"
    );
    expect(cells.find((r) => r[1] === "851")?.[2]).toBe(
      (s.vaerdi as number).toLocaleString("da-DK", { minimumFractionDigits: 2, maximumFractionDigits: 2 })
    );
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
    await ws.close();
  }
}, 240_000);
