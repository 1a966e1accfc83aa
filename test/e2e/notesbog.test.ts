/**
 * /notesbog in Chromium: the workspace database attaches in DuckDB-WASM with no request
 * off localhost and answers like native DuckDB over the same file; a notebook built in
 * the page survives its link; the municipality parameter reruns the SQL.
 */

import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { decodeNotebook, hashPayload, notebookHash } from "../../common/notebook/codec.js";
import { fromFrameworkPage, fromSqlFile } from "../../common/notebook/files.js";
import type { Notebook } from "../../common/notebook/state.js";
import { openPage, problems, type Site, waitForFramework } from "./harness.js";
import { da, notebookOutputs, startWorkspaceSite, type WorkspaceSite } from "./workspace.js";

let ws: WorkspaceSite;
let site: Site;
beforeAll(async () => {
  ws = await startWorkspaceSite();
  site = ws.site;
}, 60_000);
afterAll(async () => {
  await ws?.close();
});

const native = (sql: string) => ws.native(sql);
const outputs = notebookOutputs;

async function openNotebook(nb: Notebook) {
  const o = await openPage(site, `/notesbog${await notebookHash(nb)}`, { waitFor: ".kt-nb-cells" });
  return { o, out: nb.cells.some((c) => c.type === "sql") ? await outputs(o.page) : [] };
}

describe("notesbog", () => {
  test("the database attaches offline, the schema browser lists every table with comments, and counts equal native DuckDB", async () => {
    const { o, out } = await openNotebook({
      v: 1,
      title: "Tælling",
      params: { kommune: null, aar: null },
      cells: [
        {
          type: "sql",
          sql: "SELECT (SELECT count(*) FROM noegletal) AS n, (SELECT count(*) FROM kdk_placeringer) AS p, (SELECT count(*) FROM sammenligningsgrupper_forventet) AS f",
          chart: "tabel"
        }
      ]
    });
    try {
      expect(await problems(o)).toEqual([]);
      expect(o.requests.some((r) => r.includes("kommunetal") && r.endsWith(".duckdb"))).toBe(true);
      const [e] = await native(
        "SELECT (SELECT count(*) FROM noegletal)::INT AS n, (SELECT count(*) FROM kdk_placeringer)::INT AS p, (SELECT count(*) FROM sammenligningsgrupper_forventet)::INT AS f"
      );
      expect(out[0][0]).toEqual([da(e.n as number), da(e.p as number), da(e.f as number)]);
      const tables = await o.page.$$eval(".kt-nb-schema details[data-table]", (ds) =>
        ds.map((d) => d.getAttribute("data-table"))
      );
      const expected = (
        await native(
          "SELECT table_name FROM duckdb_tables() UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = 'kt' AND NOT internal"
        )
      ).map((r) => r.table_name);
      expect([...tables].sort()).toEqual([...expected].sort());
      expect(await o.page.textContent(".kt-nb-schema details[data-table=noegletal]")).toContain("lang form");
      expect(await o.page.isVisible("[data-ws-loading]")).toBe(false);
    } finally {
      await o.page.close();
    }
  }, 120_000);

  test("two cells built in the page: the link reproduces them; the parameter reruns them; results equal native DuckDB", async () => {
    const { o } = await openNotebook({
      v: 1,
      title: "Test",
      params: { kommune: "101", aar: 2018 },
      cells: [{ type: "text", text: "# Start" }]
    });
    const page = o.page;
    try {
      await page.click("[data-action=add-sql]");
      await outputs(page);
      // replace the new cell's SQL by typing into CodeMirror
      const editor = page.locator(".kt-nb-editor .cm-content").last();
      await editor.click();
      await page.keyboard.press("Control+a");
      await page.keyboard.type(
        "SELECT aar, vaerdi FROM noegletal WHERE id = 'serviceudgifter-pr-indb' AND kommunekode = $kommune ORDER BY aar"
      );
      await page.keyboard.press("Escape");
      await page.keyboard.press("Control+Enter");
      await page.waitForFunction(() => document.querySelector(".kt-nb-output")?.textContent?.includes("aar"));
      await page.click("[data-action=add-sql]");
      await outputs(page);
      const editor2 = page.locator(".kt-nb-editor .cm-content").last();
      await editor2.click();
      await page.keyboard.press("Control+a");
      await page.keyboard.type(
        "SELECT kommunekode, vaerdi FROM noegletal WHERE id = 'serviceudgifter-pr-indb' AND aar = $aar ORDER BY vaerdi DESC"
      );
      await page.keyboard.press("Escape");
      await page.click(".kt-nb-cell[data-index='2'] [data-action=run]");
      // wait for the state, not for time: the new cell's result (98 municipalities) replaces the default query's
      await expect.poll(async () => (await outputs(page))[1]?.length, { timeout: 60_000 }).toBe(98);
      const first = await outputs(page);
      expect(first).toHaveLength(2);
      const line = await native(
        "SELECT aar, vaerdi FROM noegletal WHERE id = 'serviceudgifter-pr-indb' AND kommunekode = '101' ORDER BY aar"
      );
      expect(first[0]).toEqual(
        line.map((r) => [
          String(r.aar),
          r.vaerdi === null ? "–" : Math.round(r.vaerdi as number).toLocaleString("da-DK")
        ])
      );
      expect(first[1]).toHaveLength(98);
      // chart choice: a line over years; a map for one value per kommunekode
      expect(await page.$$eval(".kt-nb-chart", (cs) => cs.map((c) => (c as HTMLElement).dataset.chart))).toEqual([
        "linje",
        "kort"
      ]);
      // the hash is written 300 ms after the last change: wait until it holds the three cells and the last SQL
      const inHash = async () => {
        const payload = hashPayload(new URL(page.url()).hash);
        if (!payload) return null;
        const nb = await decodeNotebook(payload).catch(() => null);
        return nb ? nb.cells.map((c) => c.type + (c.type === "sql" ? `:${c.sql}` : "")).join("|") : null;
      };
      await expect
        .poll(inHash, { timeout: 30_000 })
        .toMatch(
          /^text\|sql:.*\|sql:SELECT kommunekode, vaerdi FROM noegletal WHERE id = 'serviceudgifter-pr-indb' AND aar = \$aar ORDER BY vaerdi DESC$/
        );
      const link = page.url();
      expect(link).toMatch(/#nb=[A-Za-z0-9_-]+$/);
      const again = await site.context.newPage();
      await again.goto(link, { waitUntil: "networkidle" });
      await waitForFramework(again);
      expect(await outputs(again)).toEqual(first);
      expect(await again.$$eval(".kt-nb-cell", (cs) => cs.map((c) => c.getAttribute("data-cell")))).toEqual([
        "text",
        "sql",
        "sql"
      ]);
      // switch the municipality: the first cell now shows Læsø's figures
      await again.selectOption("select[name=kommune]", "825");
      const expected = await native(
        "SELECT aar, vaerdi FROM noegletal WHERE id = 'serviceudgifter-pr-indb' AND kommunekode = '825' ORDER BY aar"
      );
      // wait for the rerun's result (not a fixed time: under load the rerun can take seconds)
      await expect
        .poll(async () => (await outputs(again))[0], { timeout: 60_000 })
        .toEqual(
          expected.map((r) => [
            String(r.aar),
            r.vaerdi === null ? "–" : Math.round(r.vaerdi as number).toLocaleString("da-DK")
          ])
        );
      const laesoe = await outputs(again);
      expect(laesoe[0]).not.toEqual(first[0]);
      await again.close();
    } finally {
      await page.close();
    }
  }, 180_000);

  test("DuckDB's error is shown next to the SQL with the line; a tampered link is refused", async () => {
    const { o, out } = await openNotebook({
      v: 1,
      title: "Fejl",
      params: { kommune: null, aar: null },
      cells: [{ type: "sql", sql: "SELECT 1\nFORM kommuner", chart: "auto" }]
    });
    try {
      expect(out).toEqual([[]]);
      const err = await o.page.textContent(".kt-nb-error");
      expect(err).toMatch(/Fejl i linje 2/);
      expect(err).toMatch(/syntax error/i);
    } finally {
      await o.page.close();
    }
    const bad = await openPage(site, "/notesbog#nb=AAAA", { waitFor: ".kt-nb-cells" });
    try {
      expect(await bad.page.textContent(".kt-nb-status")).toMatch(/Linket kunne ikke åbnes/);
      expect(bad.external).toEqual([]);
    } finally {
      await bad.page.close();
    }
  }, 120_000);

  test("save keeps the notebook in the browser's list; export as .sql and as a page imports back to the same notebook", async () => {
    const nb: Notebook = {
      v: 1,
      title: "Gemt notesbog",
      params: { kommune: "851", aar: 2018 },
      cells: [
        { type: "text", text: "# Overskrift\n\nTekst med $ og <b>" },
        { type: "sql", sql: "SELECT navn FROM kommuner WHERE kommunekode = $kommune", chart: "auto" }
      ]
    };
    const { o } = await openNotebook(nb);
    try {
      await o.page.click("[data-action=save]");
      await o.page.waitForSelector(".kt-nb-mine li[data-saved]");
      expect(await o.page.textContent(".kt-nb-mine li[data-saved] a")).toBe("Gemt notesbog");
      const stored = await o.page.evaluate(() => JSON.parse(localStorage.getItem("kommunetal:notesboeger")!));
      expect(stored).toHaveLength(1);
      for (const [action, parse] of [
        ["export-sql", fromSqlFile],
        ["export-md", fromFrameworkPage]
      ] as const) {
        const [download] = await Promise.all([
          o.page.waitForEvent("download"),
          o.page.click(`[data-action=${action}]`)
        ]);
        const file = await download.path();
        expect(parse(readFileSync(file!, "utf-8"))).toEqual(nb);
      }
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  }, 120_000);

  test("/data offers the database at its stable address, byte-identical to the file the notebook uses", async () => {
    const o = await openPage(site, "/data", { waitFor: "a[data-format=duckdb]" });
    try {
      const href = await o.page.$eval("a[data-format=duckdb]", (a) => (a as HTMLAnchorElement).href);
      expect(new URL(href).pathname).toBe("/filer/kommunetal.duckdb");
      const served = Buffer.from(await (await fetch(href)).arrayBuffer());
      expect(served.equals(readFileSync("dist/filer/kommunetal.duckdb"))).toBe(true);
      expect(await o.page.textContent("main")).toContain('duckdb.connect("kommunetal.duckdb", read_only=True)');
    } finally {
      await o.page.close();
    }
  }, 60_000);
});
