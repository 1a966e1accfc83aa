/**
 * /spoerg in Chromium: three questions (a value, a follow-up, a refusal), a chip changes the answer, the CSV
 * export downloads, the value matches native DuckDB over the published Parquet, and nothing leaves localhost.
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
