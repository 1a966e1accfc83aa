/**
 * Every network example (src/netvaerk/*.md except the index and the guide) renders for
 * København, Læsø and Aalborg with no error and no request off localhost; each SQL
 * cell's row count equals native DuckDB's on the same database file; the selector
 * reruns the page; "Åbn i notesbogen" carries exactly the cell's SQL.
 */

import { readdirSync, readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type PotentialeRow, potentiale } from "../../common/infra/potentiale.js";
import { decodeNotebook, hashPayload } from "../../common/notebook/codec.js";
import { fromFrameworkPage } from "../../common/notebook/files.js";
import { substituteParams } from "../../common/notebook/params.js";
import type { Notebook, SqlCell } from "../../common/notebook/state.js";
import { openPage, problems, type Site } from "./harness.js";
import { startWorkspaceSite, type WorkspaceSite } from "./workspace.js";

const EXAMPLES = readdirSync("src/netvaerk")
  .filter((f) => f.endsWith(".md") && !["index.md", "bidrag.md"].includes(f))
  .map((f) => f.replace(/\.md$/, ""));
const KOMMUNER = ["101", "825", "851"];

let ws: WorkspaceSite;
let site: Site;
let con: DuckDBConnection;
beforeAll(async () => {
  ws = await startWorkspaceSite();
  site = ws.site;
  con = ws.con;
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

/** Wait until all `n` SQL cells have rendered (Framework renders cells progressively), optionally with a changed first link. */
async function cells(
  page: Page,
  n: number,
  oldHref: string | null = null
): Promise<{ rows: number | null; error: boolean }[]> {
  await page.waitForFunction(
    ([n, oldHref]) => {
      const cs = Array.from(document.querySelectorAll(".kt-nb-cell[data-cell=sql]"));
      const href = (document.querySelector(".kt-nb-cell[data-cell=sql] a.kt-nb-open") as HTMLAnchorElement | null)
        ?.href;
      return (
        cs.length === n &&
        cs.every((c) => c.hasAttribute("data-rows") || c.hasAttribute("data-error")) &&
        (oldHref === null || href !== oldHref)
      );
    },
    [n, oldHref] as const,
    { timeout: 60_000 }
  );
  return page.$$eval(".kt-nb-cell[data-cell=sql]", (cs) =>
    cs.map((c) => ({
      rows: c.hasAttribute("data-rows") ? Number(c.getAttribute("data-rows")) : null,
      error: c.hasAttribute("data-error")
    }))
  );
}

test("there are at least two examples, and the index links to each", () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(2);
  const index = readFileSync("src/netvaerk/index.md", "utf-8");
  for (const e of EXAMPLES) expect(index).toContain(`(./${e})`);
});

describe.each(EXAMPLES)("/netvaerk/%s", (name) => {
  const nb: Notebook = fromFrameworkPage(readFileSync(`src/netvaerk/${name}.md`, "utf-8"));
  const sqlCells = nb.cells.filter((c): c is SqlCell => c.type === "sql");

  test.each(KOMMUNER)(
    "kommune %s: every cell answers, like native DuckDB, offline",
    async (kode) => {
      const o = await openPage(site, `/netvaerk/${name}?kommune=${kode}`, { waitFor: ".kt-nb-cell" });
      try {
        const got = await cells(o.page, sqlCells.length);
        expect(await problems(o)).toEqual([]);
        const expected = [];
        for (const c of sqlCells) {
          const rows = await (
            await con.runAndReadAll(substituteParams(c.sql, { kommune: kode, aar: nb.params.aar }))
          ).getRowObjectsJS();
          expected.push({ rows: rows.length, error: false });
        }
        expect(got).toEqual(expected);
        expect(got.every((c) => (c.rows ?? 0) > 0)).toBe(true);
        expect(await o.page.$eval("select[name=kommune]", (s) => (s as HTMLSelectElement).value)).toBe(kode);
      } finally {
        await o.page.close();
      }
    },
    120_000
  );

  test("the selector reruns the page; the notebook link carries the cell's SQL and parameters", async () => {
    const o = await openPage(site, `/netvaerk/${name}`, { waitFor: ".kt-nb-cell" });
    try {
      await cells(o.page, sqlCells.length);
      const before = await o.page.$eval(
        ".kt-nb-cell[data-cell=sql] a.kt-nb-open",
        (a) => (a as HTMLAnchorElement).href
      );
      await o.page.selectOption("select[name=kommune]", "825");
      await cells(o.page, sqlCells.length, before);
      expect(o.page.url()).toContain("kommune=825");
      const href = await o.page.$eval(".kt-nb-cell[data-cell=sql] a.kt-nb-open", (a) => (a as HTMLAnchorElement).href);
      const linked = await decodeNotebook(hashPayload(new URL(href).hash)!);
      expect(new URL(href).pathname).toBe("/notesbog");
      expect(linked.params.kommune).toBe("825");
      expect(linked.cells).toEqual([sqlCells[0]]);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  }, 120_000);
});

test("/netvaerk/infrastruktur for Odense: the connection share equals the infrastructure pages' own function on native DuckDB's rows", async () => {
  const kode = "461";
  const o = await openPage(site, `/netvaerk/infrastruktur?kommune=${kode}`, { waitFor: ".kt-nb-cell" });
  try {
    await cells(o.page, 4);
    const first = await o.page.$$eval(".kt-nb-cell[data-cell=sql] tbody tr", (trs) =>
      trs.slice(0, 2).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent!.trim()))
    );
    // independent: common/infra/potentiale.ts (what /infrastruktur/<kode> shows) over the rows native DuckDB reads
    const rows = (await (
      await con.runAndReadAll("SELECT * EXCLUDE (demodata) FROM infrastruktur_potentiale")
    ).getRowObjectsJS()) as unknown as PotentialeRow[];
    const p = potentiale(
      kode,
      rows.map((r) => ({ ...r, kald_12m: Number(r.kald_12m) })),
      new Map()
    );
    expect(p.tilslutning.andel).not.toBeNull();
    const pct = (Math.round(p.tilslutning.andel! * 1000) / 10).toLocaleString("da-DK", { maximumFractionDigits: 3 });
    expect(first[0][0]).toMatch(/^1\. Tilslutning/);
    expect(first[0][1]).toBe(pct);
    expect(first[0][3]).toBe(`${p.tilslutning.tilsluttede} af ${p.tilslutning.klarmeldte}`);
    // step 2 (udbredelse) for the municipality and the country: the same function's shares, rounded as the SQL does
    const pct1 = (x: number | null) => {
      expect(x).not.toBeNull();
      return (Math.round(x! * 1000) / 10).toLocaleString("da-DK", { maximumFractionDigits: 3 });
    };
    expect(first[1][0]).toMatch(/^2\. Udbredelse/);
    expect(first[1][1]).toBe(pct1(p.udbredelse.andel));
    expect(first[1][2]).toBe(pct1(p.udbredelse.landsandel));
    // the country's connection share: every municipality's connected pairs over their onboarded pairs
    const all = rows.filter((r) => r.status === "Klarmeldt" || r.status === "Delvist klarmeldt");
    expect(first[0][2]).toBe(pct1(all.filter((r) => r.tilsluttet).length / all.length));
    // the page says Demodata
    expect(await o.page.textContent("main")).toContain("Demodata");
    expect(await problems(o)).toEqual([]);
  } finally {
    await o.page.close();
  }
}, 120_000);
