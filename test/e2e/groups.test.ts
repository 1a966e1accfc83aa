/**
 * /sammenligningsgrupper in Chromium against the built site: the default settings give
 * the groups published at build time (and so the numbers checked against R), the
 * bootstrap runs in a Web Worker to the end, settings round-trip through the URL,
 * errors are shown in words, and the exports are Danish-Excel CSV and real XLSX.
 * No request may leave localhost, and no console error may occur.
 */

import { readFileSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseArgs, runCli } from "../../loaders/cli/groups.js";
import { buildGroupDefaults } from "../../loaders/groups.js";
import { openPage, problems, runAxe, type Site, seriousViolations, startSite, waitForFramework } from "./harness.js";
import { refreshedStatbank, serveStatbank } from "./statbank.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

/** Rows of the group table: [rang, navn, kode, afstand, gensidig, sandsynlighed]. */
async function groupTable(page: Page): Promise<string[][]> {
  return page.$$eval(".card:has(h2:text-matches('^Gruppen for')) table tbody tr", (trs) =>
    trs.map((tr) =>
      Array.from(tr.querySelectorAll("td"))
        .map((td) => (td.textContent ?? "").trim())
        .filter((t) => t !== "")
    )
  );
}

/** The README's browser example: the cost-per-pupil outcome with three variables (see README, comparison groups). */
const README_URL =
  "/sammenligningsgrupper?omraade=folkeskole&udfald=udg-til-folkeskolen-pr-elev&aar=2018&vars=andel-6-16-aarige,sociooekonomisk-indeks,befolkningstaethed-indb-km2&alpha=0.05&metode=beta&n=10";
/** The README's command-line example (the same calculation). */
const README_ARGS = [
  "--outcome",
  "udg-til-folkeskolen-pr-elev",
  "--vars",
  "andel-6-16-aarige,sociooekonomisk-indeks,befolkningstaethed-indb-km2",
  "--year",
  "2018",
  "--alpha",
  "0.05",
  "--method",
  "beta",
  "--top",
  "10"
];

/** Export buttons on the page: [enabled, disabled]. */
async function exportButtonStates(page: Page): Promise<[number, number]> {
  return page.$$eval("main button[data-export]", (bs) => [
    bs.filter((b) => !(b as HTMLButtonElement).disabled).length,
    bs.filter((b) => (b as HTMLButtonElement).disabled).length
  ]);
}

async function expectNoSeriousAxe(page: Page) {
  expect(seriousViolations(await runAxe(page)), `axe på ${page.url()}`).toEqual([]);
}

async function waitForBootstrap(page: Page) {
  await page.waitForSelector(".kt-progress[data-status=done]", { timeout: 60_000 });
  await waitForFramework(page);
}

describe("/sammenligningsgrupper", () => {
  test("the year table and the stability summary come from the view module (common/views/sammenligningsgrupper.ts)", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      await waitForBootstrap(o.page);
      const years = await o.page.$$eval("table.kt-aarstabel tbody tr", (trs) =>
        trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td.textContent ?? "").trim()))
      );
      const { AAR } = await import("../../loaders/areas.js");
      expect(years.map((r) => Number(r[0]))).toEqual(AAR);
      // the selected year shares all 10 members with itself
      expect(years.find((r) => r[0] === "2018")![1]).toBe("10 af 10");
      const text = await o.page.textContent("main");
      expect(text).toContain("antal sikre (≥ 80 %) og usikre (< 50 %) medlemmer");
      const stab = await o.page.$$eval(
        ".card:has(h2:text-is('Stabilitet pr. kommune')) table tbody tr",
        (trs) => trs.length
      );
      expect(stab).toBeGreaterThan(0);
      expect(await o.page.textContent(".kt-cli")).toMatch(
        /^npm run --silent groups -- --outcome \S+ --vars \S+ --year 2018 --alpha 0\.05 --method beta --top 10( --log \S+)? --json$/
      );
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });
  test("default settings: the published default group, bootstrap probabilities from the worker, no errors", async () => {
    const o = await openPage(site, "/sammenligningsgrupper", { waitFor: ".kt-progress" });
    try {
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
      // the worker script came from the site itself
      expect(o.requests.some((u) => /\/_file\/workers\/sammenligningsgrupper-bootstrap\.[0-9a-f]+\.js$/.test(u))).toBe(
        true
      );
      const rows = await groupTable(o.page);
      expect(rows).toHaveLength(10);
      const published = buildGroupDefaults().rows.filter(
        (r) => r.omraade === "folkeskole" && r.aar === 2018 && r.kommunekode === "101"
      );
      expect(rows.map((r) => r[2])).toEqual(published.map((r) => r.nabo));
      expect(rows.map((r) => r[0])).toEqual(published.map((r) => String(r.rang)));
      // distances shown in Danish format, equal to the published ones rounded to kroner
      expect(rows[0][3]).toBe(Math.round(published[0].afstand).toLocaleString("da-DK"));
      expect(rows.map((r) => r[4])).toEqual(published.map((r) => (r.gensidig ? "ja" : "nej")));
      // every neighbour has a bootstrap probability in percent
      for (const r of rows) expect(r[5]).toMatch(/^\d{1,3} %$/);
      // the settings are in the address
      const url = new URL(o.page.url());
      expect(url.searchParams.get("omraade")).toBe("folkeskole");
      expect(url.searchParams.get("aar")).toBe("2018");
      expect(url.searchParams.get("kommune")).toBe("101");
      expect(url.searchParams.get("metode")).toBe("beta");
      // the regression table shows R² as computed in Node (golden-tested against R)
      const text = await o.page.textContent("main");
      expect(text).toContain("R² = 0,206");
      expect(text).toMatch(/Beregnet i din browser på \d+ ms/);
      // the default candidates 2018 has no values for are named, with the reason
      const udeladte = await o.page.textContent("#kt-udeladte-variable");
      expect(udeladte).toMatch(/^2 af områdets 12 standardvariable kan ikke bruges i 2018: /);
      expect(udeladte).toContain("Fuldtidsledige");
      expect(udeladte).toContain("ingen værdier i 2018 (nøgletallet slutter 2017)");
      // the heatmap legend names the distance unit once, without doubled brackets
      const legend = await o.page.textContent(".card:has(h2:text-matches('^Hver række er en kommune'))");
      expect(legend).toContain("Afstand (forventet udgift, kr. pr. 6-16-årig)");
      expect(text).not.toContain("((");
      // means and standard deviations of the candidates: 3 significant digits each
      const stats = await o.page.$eval(".card[data-section=variable] table", (table) => {
        const head = Array.from(table.querySelectorAll("thead th")).map((th) => (th.textContent ?? "").trim());
        const cols = [head.indexOf("Gennemsnit"), head.indexOf("Std.afv.")];
        return Array.from(table.querySelectorAll("tbody tr")).map((tr) =>
          cols.map((c) => (tr.children[c]?.textContent ?? "").trim())
        );
      });
      expect(stats).toHaveLength(10);
      expect(stats[0][1]).toMatch(/^[\d.]+,?\d*$/);
      for (const cell of stats.flat())
        expect(cell.replace(/[^0-9]/g, "").replace(/^0+/, "").length, cell).toBeGreaterThanOrEqual(3);
    } finally {
      await o.page.close();
    }
  });

  test("settings from a shared address are applied and give the command line's result", async () => {
    const o = await openPage(
      site,
      "/sammenligningsgrupper?omraade=aeldre&aar=2017&kommune=851&alpha=1&metode=euclid&n=5&gentagelser=200&seed=7",
      { waitFor: ".kt-progress" }
    );
    try {
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
      const rows = await groupTable(o.page);
      expect(rows).toHaveLength(5);
      const vars = new URL(o.page.url()).searchParams.get("vars")!.split(",");
      const logs = new URL(o.page.url()).searchParams.get("log")?.split(",") ?? [];
      const cli = runCli(
        parseArgs([
          "--outcome",
          "udg-til-aeldre-samt-voksne-m-saerl-behov-pr-18plus-aarig",
          "--vars",
          vars.join(","),
          "--log",
          logs.join(","),
          "--year",
          "2017",
          "--alpha",
          "1",
          "--method",
          "euclid",
          "--top",
          "5"
        ])
      );
      expect(rows.map((r) => r[2])).toEqual((cli.neighbours as Record<string, string[]>)["851"]);
      expect(await o.page.textContent(".kt-progress")).toContain("200 af 200");
      const url = new URL(o.page.url());
      expect(url.searchParams.get("n")).toBe("5");
      expect(url.searchParams.get("seed")).toBe("7");
    } finally {
      await o.page.close();
    }
  });

  test("changing a control recomputes and updates the address", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      await o.page.locator("form:has(label:text-is('Område')) select").selectOption({ label: "Dagtilbud" });
      await o.page.waitForFunction(() => new URL(location.href).searchParams.get("omraade") === "dagtilbud");
      // the group card is recomputed for the new area (the old one may still be on screen for a moment)
      await o.page.waitForFunction(
        () => document.querySelector(".kt-gruppekort h2")?.textContent?.includes("dagtilbud"),
        undefined,
        { timeout: 30_000 }
      );
      await waitForBootstrap(o.page);
      // the regression is now the day-care outcome's
      expect(await o.page.textContent(".card:has(h2:text-matches('regression på'))  h2")).toMatch(
        /dagtilbud pr\. 0-13-årig/i
      );
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("a setting that cannot be computed is explained in words, not as a broken page", async () => {
    const o = await openPage(
      site,
      "/sammenligningsgrupper?omraade=folkeskole&aar=2018&vars=andel-ejerboliger,andel-3-5-aarige&alpha=0.01",
      { waitFor: ".kt-error-card" }
    );
    try {
      const text = await o.page.textContent(".kt-error-card");
      expect(text).toContain("Ingen af de valgte variable er statistisk signifikante på niveau 0,01");
      expect(text).toContain("Andel ejerboliger");
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("municipalities left out for missing data are listed and export as CSV and XLSX", async () => {
    // the capital-region need figure exists for 34 municipalities only
    const o = await openPage(
      site,
      "/sammenligningsgrupper?omraade=folkeskole&aar=2018&kommune=101&vars=andel-6-16-aarige,udgiftsbehov-hovedstaden-pr-indb&alpha=1&gentagelser=200",
      { waitFor: "#kt-udeladt button[data-export=csv]" }
    );
    try {
      const box = o.page.locator("#kt-udeladt");
      expect(await box.textContent()).toContain("Udeladt pga. manglende data (64 kommuner)");
      const [csv] = await Promise.all([
        o.page.waitForEvent("download"),
        box.locator("button[data-export=csv]").click()
      ]);
      expect(csv.suggestedFilename()).toBe("udeladte-folkeskole-2018.csv");
      const lines = readFileSync((await csv.path())!, "utf-8")
        .slice(1)
        .split("\r\n");
      expect(lines[0]).toBe("Kommunekode;Kommune;Mangler data for;Nøgletals-id");
      expect(lines.filter((l) => /^\d{3};/.test(l))).toHaveLength(64);
      expect(lines.find((l) => l.startsWith("751;"))).toMatch(/^751;Aarhus;[^;]+;udgiftsbehov-hovedstaden-pr-indb$/);
      const [xlsx] = await Promise.all([
        o.page.waitForEvent("download", { timeout: 60_000 }),
        box.locator("button[data-export=xlsx]").click()
      ]);
      expect(xlsx.suggestedFilename()).toBe("udeladte-folkeskole-2018.xlsx");
      expect(
        readFileSync((await xlsx.path())!)
          .subarray(0, 2)
          .toString()
      ).toBe("PK");
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("the group table exports as Danish-Excel CSV and as XLSX", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      await waitForBootstrap(o.page);
      const card = o.page.locator(".card:has(h2:text-matches('^Gruppen for'))");
      const [csv] = await Promise.all([
        o.page.waitForEvent("download"),
        card.locator("button[data-export=csv]").click()
      ]);
      expect(csv.suggestedFilename()).toBe("sammenligningsgruppe-folkeskole-2018-101.csv");
      const text = readFileSync((await csv.path())!, "utf-8");
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const lines = text.slice(1).split("\r\n");
      expect(lines[0]).toMatch(/^Rang;Kommunekode;Kommune;Afstand/);
      expect(lines).toHaveLength(1 + 10 + 1 + 1 + 1 + 1); // header, rows, blank, title, source, final newline
      expect(lines[1]).toMatch(/^1;\d{3};[^;]+;\d+,\d{2};(ja|nej);(0,\d{3}|1,000);\d+;\d+$/);
      expect(text).toContain("Kilde: Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk)");
      const [xlsx] = await Promise.all([
        o.page.waitForEvent("download", { timeout: 60_000 }),
        card.locator("button[data-export=xlsx]").click()
      ]);
      expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
      const bytes = readFileSync((await xlsx.path())!);
      expect(bytes.subarray(0, 2).toString()).toBe("PK");
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("an error clears every result and disables every stale export; re-ticking brings them back (keyboard, axe)", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      const page = o.page;
      await waitForBootstrap(page);
      const [enabledBefore, disabledBefore] = await exportButtonStates(page);
      expect(enabledBefore).toBeGreaterThanOrEqual(20); // group, all groups, regression, steps, level, 2 matrices, stability, years, variables: 2 each
      expect(disabledBefore).toBe(0);
      const form = page.locator("details.kt-vars").first().locator("form");
      const boxes = form.locator("input[type=checkbox]");
      const ticked = await form.evaluate((f) =>
        Array.from(f.querySelectorAll<HTMLInputElement>("input[type=checkbox]")).map((c) => c.checked)
      );
      expect(ticked.filter(Boolean).length).toBe(10);
      const firstTicked = ticked.indexOf(true);
      // untick all but one at once (as many clicks would), then the last one by keyboard
      await form.evaluate((f, keep) => {
        f.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((c, i) => {
          if (i !== keep) c.checked = false;
        });
        f.dispatchEvent(new Event("input", { bubbles: true }));
      }, firstTicked);
      // wait until the one-variable state is shown before the last untick. With one variable left the page shows
      // either a result or (as in 2018, where that variable alone is not significant) its own error card, so the
      // mere presence of .kt-error-card does not mean the keyboard untick has been computed yet.
      await page.waitForFunction(
        () =>
          document.querySelector("#kt-beregnet")?.textContent?.includes(" 1 kandidatvariable") ||
          document.querySelector(".kt-error-card")?.textContent?.includes("Det drejer sig om:"),
        undefined,
        { timeout: 30_000 }
      );
      await boxes.nth(firstTicked).focus();
      await page.keyboard.press("Space");
      expect(await boxes.nth(firstTicked).isChecked()).toBe(false);
      await page.waitForFunction(
        () => document.querySelector(".kt-error-card")?.textContent?.includes("Vælg mindst én strukturel variabel."),
        undefined,
        { timeout: 30_000 }
      );
      await waitForFramework(page);
      expect(await page.textContent(".kt-error-card")).toContain("Vælg mindst én strukturel variabel.");
      // nothing from the previous result is left: no group table, map, regression, matrix, year table or bootstrap
      expect(await page.locator(".kt-gruppekort").count()).toBe(0);
      expect(await page.locator("main figure svg, main .kt-aarstabel, .kt-progress").count()).toBe(0);
      expect(await page.locator("main table").count()).toBe(0);
      const stale = await page.$$eval(".kt-stale[data-section]", (els) =>
        els.map((e) => e.getAttribute("data-section"))
      );
      expect(stale.sort()).toEqual(
        [
          "aar",
          "alle",
          "eliminering",
          "gruppe",
          "kort",
          "matrix",
          "niveau",
          "regression",
          "stabilitet",
          "udeladt",
          "variable"
        ].sort()
      );
      // every export button left on the page is disabled (the 980 rows of all groups cannot be downloaded)
      const [enabled, disabled] = await exportButtonStates(page);
      expect(enabled).toBe(0);
      expect(disabled).toBe(2 * stale.length);
      expect(await page.textContent("main")).not.toContain("980 rækker");
      expect(await problems(o)).toEqual([]);
      await expectNoSeriousAxe(page);
      // re-tick: the others as before at once, the last one by keyboard; the result is back, fresh, with working exports
      await form.evaluate(
        (f, { before, keep }) => {
          f.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((c, i) => {
            if (i !== keep) c.checked = before[i];
          });
          f.dispatchEvent(new Event("input", { bubbles: true }));
        },
        { before: ticked, keep: firstTicked }
      );
      await page.waitForFunction(() =>
        document.querySelector("#kt-beregnet")?.textContent?.includes(" 9 kandidatvariable")
      );
      await boxes.nth(firstTicked).focus();
      await page.keyboard.press("Space");
      await page.waitForFunction(() =>
        document.querySelector("#kt-beregnet")?.textContent?.includes(" 10 kandidatvariable")
      );
      await page.waitForSelector(".kt-gruppekort", { timeout: 30_000 });
      await waitForBootstrap(page);
      expect(await page.locator(".kt-error-card").count()).toBe(0);
      expect(await page.locator(".kt-stale").count()).toBe(0);
      const [enabledAfter, disabledAfter] = await exportButtonStates(page);
      expect(enabledAfter).toBe(enabledBefore);
      expect(disabledAfter).toBe(0);
      expect(await page.textContent("#kt-beregnet")).toContain("10 kandidatvariable");
      expect(await problems(o)).toEqual([]);
      await expectNoSeriousAxe(page);
    } finally {
      await o.page.close();
    }
  });

  test("the README's cost-per-pupil example: the URL gives the command line's groups (computed here in-process)", async () => {
    const o = await openPage(site, `${README_URL}&gentagelser=200`, { waitFor: ".kt-progress" });
    try {
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
      // the outcome select shows the chosen outcome, and the address keeps it
      const outcome = await o.page
        .locator("form:has(label:text-is('Udfald')) select")
        .evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? "");
      expect(outcome).toMatch(/pr\. elev/);
      expect(new URL(o.page.url()).searchParams.get("udfald")).toBe("udg-til-folkeskolen-pr-elev");
      const cli = runCli(parseArgs(README_ARGS));
      const rows = await groupTable(o.page);
      expect(rows.map((r) => r[2])).toEqual((cli.neighbours as Record<string, string[]>)["101"]);
      expect(rows.map((r) => r[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]);
      // the same model: R² as in the CLI, and the page's command line is the README's
      const text = await o.page.textContent("main");
      expect(text).toContain(`R² = ${(cli.r2 as number).toFixed(3).replace(".", ",")}`);
      // the page's command line is the README's (variables in the page's order: the defaults first)
      const shown = (await o.page.textContent(".kt-cli"))!.split(" ");
      const sortVars = (parts: string[]) =>
        parts.map((p, i) => (parts[i - 1] === "--vars" ? p.split(",").sort().join(",") : p));
      expect(sortVars(shown)).toEqual(sortVars(["npm", "run", "--silent", "groups", "--", ...README_ARGS, "--json"]));
      // distances are in the outcome's unit
      expect(await o.page.textContent(".kt-gruppekort h3")).toContain("Afstand i forventet udgift, kr. pr. elev");
      // choosing the area's own outcome (always first) recomputes and drops udfald from the address
      await o.page.locator("form:has(label:text-is('Udfald')) select").selectOption({ index: 0 });
      await o.page.waitForFunction(() => !new URL(location.href).searchParams.has("udfald"));
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
      await expectNoSeriousAxe(o.page);
    } finally {
      await o.page.close();
    }
  });

  test("without a refreshed snapshot the price switch offers current prices only, and says why", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: "form[data-priser]" });
    try {
      expect(await o.page.getAttribute("form[data-priser]", "data-priser")).toBe("utilgaengelig");
      expect(await o.page.isDisabled("form[data-priser] input[value=faste]")).toBe(true);
      expect(await o.page.isChecked("form[data-priser] input[value=loebende]")).toBe(true);
      expect(await o.page.textContent("[data-priser-note]")).toMatch(/^Kun løbende priser: .*npm run opdater/);
      await waitForBootstrap(o.page);
      expect(await problems(o)).toEqual([]);
    } finally {
      await o.page.close();
    }
  });

  test("fixed prices (replay snapshot): the group mean, the export and the units are deflated; the groups stay", async () => {
    const summary = await refreshedStatbank();
    const index = new Map(summary.prisindeks!.aar.map((r) => [r.aar, r.indeks]));
    const factor = index.get(2019)! / index.get(2018)!;
    const outcome = buildGroupDefaults().areas.find((a) => a.id === "folkeskole")!.udfald;
    await serveStatbank(site.context, summary);
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", {
      waitFor: "form[data-priser=tilgaengelig]"
    });
    const { page } = o;
    try {
      await waitForBootstrap(page);
      const members = async () => (await groupTable(page)).map((r) => r[2]);
      const mean = async () => Number(await page.getAttribute("[data-gruppe-gennemsnit]", "data-gruppe-gennemsnit"));
      const codes = await members();
      expect(codes).toHaveLength(10);
      // the group mean in current prices, independently: native DuckDB over the published key figures
      const c = await (await DuckDBInstance.create()).connect();
      const r = await c.runAndReadAll(
        `SELECT avg(vaerdi) AS m FROM 'dist/filer/noegletal.parquet' WHERE id = '${outcome}' AND aar = 2018 AND kommunekode IN (${codes.map((k) => `'${k}'`).join(",")})`
      );
      const duckMean = r.getRowObjects()[0].m as number;
      expect(Math.abs((await mean()) - duckMean)).toBeLessThan(1e-6);

      await page.check("form[data-priser] input[value=faste]");
      await page.waitForFunction(() =>
        /^Faste 2019-priser/.test(document.querySelector("[data-priser-note]")?.textContent ?? "")
      );
      await page.waitForFunction(() =>
        document.querySelector(".kt-gruppekort h3")?.textContent?.includes("faste 2019-priser")
      );
      await waitForBootstrap(page);
      // 2018 in 2019 prices: the mean × index(2019) / index(2018); the same ten municipalities
      expect(Math.abs((await mean()) - duckMean * factor)).toBeLessThan(1e-6 * duckMean);
      expect(await members()).toEqual(codes);
      expect(await page.textContent("[data-gruppe-gennemsnit] strong")).toBe(
        Math.round(duckMean * factor).toLocaleString("da-DK")
      );
      expect(new URL(page.url()).searchParams.get("priser")).toBe("faste");
      expect(await page.textContent(".card:has(h2:text-matches('regression på')) h2")).toContain("(faste 2019-priser)");
      // the group export: units say fixed prices, the actual value of rank 1 is deflated
      const card = page.locator(".kt-gruppekort");
      const [csv] = await Promise.all([page.waitForEvent("download"), card.locator("button[data-export=csv]").click()]);
      const lines = readFileSync((await csv.path())!, "utf-8")
        .slice(1)
        .split("\r\n");
      expect(lines[0]).toContain("Faktisk værdi (kr. pr. 6-16-årig, faste 2019-priser)");
      const first = lines[1].split(";");
      const v = await c.runAndReadAll(
        `SELECT vaerdi FROM 'dist/filer/noegletal.parquet' WHERE id = '${outcome}' AND aar = 2018 AND kommunekode = '${first[1]}'`
      );
      expect(Number(first[6])).toBe(Math.round((v.getRowObjects()[0].vaerdi as number) * factor));
      expect(await problems(o)).toEqual([]);
      await expectNoSeriousAxe(page);
    } finally {
      await page.close();
    }
    // a non-money outcome: the switch does not apply, and the address does not claim fixed prices
    const p = await openPage(
      site,
      "/sammenligningsgrupper?omraade=folkeskole&udfald=andel-0-17-aarige&priser=faste&gentagelser=200",
      {
        waitFor: "[data-priser-note]"
      }
    );
    try {
      await waitForBootstrap(p.page);
      expect(await p.page.textContent("[data-priser-note]")).toContain("ikke et kronebeløb");
      expect(new URL(p.page.url()).searchParams.get("priser")).toBeNull();
      expect(await problems(p)).toEqual([]);
    } finally {
      await p.page.close();
      await site.context.unrouteAll();
    }
  });

  test("the 'Begrundelse' column and the controls are not cut off, on a desktop and on a 375 px phone (#14)", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", {
      waitFor: ".card[data-section=variable] table"
    });
    const { page } = o;
    try {
      await waitForBootstrap(page);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForFunction((w) => document.documentElement.clientWidth <= w, width);
        const cut = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const out: string[] = [];
          const table = document.querySelector(".card[data-section=variable] table")!;
          const head = Array.from(table.querySelectorAll("thead th")).map((th) => (th.textContent ?? "").trim());
          const col = head.indexOf("Begrundelse");
          if (col < 0) out.push("no Begrundelse column");
          const box = table.closest(".kt-table-scroll")!.getBoundingClientRect();
          for (const tr of Array.from(table.querySelectorAll("tbody tr"))) {
            const td = tr.children[col] as HTMLElement;
            const r = td.getBoundingClientRect();
            if (!(td.textContent ?? "").trim()) out.push("empty Begrundelse");
            if (td.scrollWidth > td.clientWidth + 1) out.push(`overflows: ${td.textContent}`);
            if (r.left < box.left - 1 || r.right > box.right + 1 || r.right > vw + 1)
              out.push(`outside the box: ${td.textContent}`);
          }
          // every control on the page lies within the screen's width
          for (const c of Array.from(
            document.querySelectorAll<HTMLElement>("main select, main input, main button, main summary")
          )) {
            const r = c.getBoundingClientRect();
            if (r.width > 0 && (r.left < -1 || r.right > vw + 1))
              out.push(`control outside: ${c.outerHTML.slice(0, 80)}`);
          }
          if (document.documentElement.scrollWidth > vw + 1)
            out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
          return out;
        });
        expect(cut, `width ${width}`).toEqual([]);
      }
      expect(await problems(o)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
