/**
 * /datakvalitet in Chromium: the page opens with no error and no request off localhost, lists the build's findings
 * (the count shown equals the count in dist/filer/datakvalitet.json), filters by municipality from the URL, exports
 * CSV for Danish Excel, says "Demodata" for the infrastructure findings, and validates a dropped (picked) malformed
 * CSV in the Web Worker with a Danish finding naming file, line and column. The municipality pages link to it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { validatePaths } from "../../loaders/cli/validate.js";
import { DIST, openPage, problems, runAxe, type Site, seriousViolations, startSite } from "./harness.js";

let site: Site;

interface Json {
  noegletal: { findings: { kommunekode?: string; kilde: string; rule: string }[] };
  infrastruktur: { demodata: boolean; findings: { kommunekode?: string; kilde: string; rule: string }[] } | null;
}
const data = JSON.parse(readFileSync(join(DIST, "filer", "datakvalitet.json"), "utf-8")) as Json;
const all = [...data.noegletal.findings, ...(data.infrastruktur?.findings ?? [])];

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

function danishInt(text: string): number {
  const m = /^([\d.]+) fund/.exec(text.trim());
  if (m) return Number(m[1].replace(/\./g, ""));
  if (/^Ingen fund/.test(text.trim())) return 0;
  throw new Error(`intet antal i "${text}"`);
}

async function shownCount(page: Page, index = 0): Promise<number> {
  const text = await page.locator(".kt-dq-totals").nth(index).textContent();
  return danishInt(text ?? "");
}

async function download(page: Page, selector: string): Promise<Buffer> {
  const [d] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.click(selector)]);
  return readFileSync((await d.path())!);
}

describe("/datakvalitet", () => {
  test("lists every finding of the build, offline, without errors", async () => {
    const o = await openPage(site, "/datakvalitet", { waitFor: ".kt-dq-totals" });
    expect(await problems(o)).toEqual([]);
    expect(await shownCount(o.page)).toBe(all.length);
    // the page explains the rules (the registry's Danish texts) and says where infrastructure data are Demodata
    expect(await o.page.locator(".kt-dq-rules dt").count()).toBeGreaterThan(20);
    if (data.infrastruktur?.demodata)
      expect(await o.page.locator(".kt-demo-banner").textContent()).toContain("Demodata");
    // the list shows cards (25 at a time) with explanation and likely cause
    const cards = Math.min(25, all.length);
    expect(await o.page.locator(".kt-dq-card").count()).toBe(cards);
    await o.page.close();
  });

  test("filtering by rule kle.aktuel shows the build's KLE findings, labelled Demodata", async () => {
    const want = all.filter((f) => f.rule === "kle.aktuel").length;
    expect(want).toBeGreaterThan(0);
    const o = await openPage(site, "/datakvalitet?regel=kle.aktuel", { waitFor: ".kt-dq-totals" });
    expect(await shownCount(o.page)).toBe(want);
    expect(await o.page.locator(".kt-dq-card").count()).toBe(Math.min(25, want));
    const first = (await o.page.locator(".kt-dq-card").first().textContent()) ?? "";
    expect(first).toContain("KLE-nummeret");
    if (data.infrastruktur?.demodata) expect(first).toContain("Demodata");
    expect(await problems(o)).toEqual([]);
    await o.page.close();
  });

  test("filters by municipality from the URL (?kommune=101), and the select shows it", async () => {
    const o = await openPage(site, "/datakvalitet?kommune=101", { waitFor: ".kt-dq-totals" });
    const expected = all.filter((f) => f.kommunekode === "101").length;
    expect(await shownCount(o.page)).toBe(expected);
    expect(await o.page.locator("#kt-dq-kommune").inputValue()).toBe("101");
    const kommuner = await o.page.$$eval(".kt-dq-card", (els) => els.map((e) => e.getAttribute("data-kommune")));
    expect(kommuner.every((k) => k === "101")).toBe(true);
    // changing the filter writes the URL
    await o.page.selectOption("#kt-dq-kommune", "");
    await o.page.waitForFunction(() => !location.search.includes("kommune="));
    expect(await shownCount(o.page)).toBe(all.length);
    expect(await problems(o)).toEqual([]);
    await o.page.close();
  });

  test("exports the shown findings as CSV for Danish Excel", async () => {
    const o = await openPage(site, "/datakvalitet?kommune=101", { waitFor: ".kt-dq-totals" });
    const csv = (await download(o.page, ".kt-dq-result .kt-export button[data-export='csv']")).toString("utf-8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0].startsWith("Kilde;Regel;Alvor;Kommunekode;Kommune;")).toBe(true);
    const rows = lines.slice(1, lines.indexOf(""));
    expect(rows.length).toBe(all.filter((f) => f.kommunekode === "101").length);
    for (const r of rows) expect(r.split(";")[3]).toBe("101");
    // Demodata is written into every infrastructure row, and the file says so when there are any
    const infra = rows.filter((r) => r.startsWith("infrastruktur;"));
    if (data.infrastruktur?.demodata && infra.length) {
      for (const r of infra) expect(r.endsWith("Demodata")).toBe(true);
      expect(csv).toContain("Demodata: genererede tal");
    }
    await o.page.close();
  });

  test("validates a picked malformed CSV in the browser: Danish findings with file, line and column", async () => {
    const o = await openPage(site, "/datakvalitet", { waitFor: "#kt-dq-file" });
    const before = o.requests.length;
    const csv =
      "\uFEFFid;kommunekode;aar;vaerdi;status\r\nindbyggertal-1-januar;101;2018;602481;ok\r\n" +
      "indbyggertal-1-januar;411;2018;2;ok\r\nindbyggertal-1-januar;147;2018;..;ok\r\n";
    await o.page.setInputFiles("#kt-dq-file", {
      name: "min-fil.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf-8")
    });
    await o.page.waitForFunction(() => document.querySelectorAll(".kt-dq-totals").length === 2, undefined, {
      timeout: 60_000
    });
    const text = (await o.page.locator(".kt-dq-result").nth(1).textContent()) ?? "";
    expect(text).toContain("min-fil.csv:3:23: kommunekode 411 er Christiansø");
    expect(text).toContain('min-fil.csv:4:32: ".." er en markør for en manglende værdi');
    expect(await o.page.locator(".kt-dq-status").textContent()).toContain("1 rækker");
    // the file never left the browser: the only new requests are the worker script (same site)
    const fresh = o.requests.slice(before);
    expect(fresh.every((u) => u.startsWith(site.base))).toBe(true);
    expect(fresh.some((u) => /datakvalitet/.test(u) && !/\.js$/.test(u))).toBe(false);
    expect(await problems(o)).toEqual([]);
    // axe (WCAG 2.1 A/AA) with the uploaded file's findings shown and every "Vis som tabel" opened
    await o.page.$$eval("details", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(seriousViolations(await runAxe(o.page))).toEqual([]);
    await o.page.close();
  });

  test("the raw noegletal.dk export dropped on the page gives the findings npm run validate gives (counts per rule)", async () => {
    const raw = "data/raw/noegletal/noegletal_dk_2013-2019_raw.csv";
    // the command line's --json result, computed here with its own code
    const cli = (await validatePaths([raw])).filer[0].fund;
    const want: Record<string, number> = {};
    for (const f of cli) want[f.regel] = (want[f.regel] ?? 0) + 1;
    expect(Object.keys(want).length).toBeGreaterThan(0);
    const o = await openPage(site, "/datakvalitet", { waitFor: "#kt-dq-file" });
    await o.page.setInputFiles("#kt-dq-file", raw);
    await o.page.waitForFunction(() => document.querySelectorAll(".kt-dq-totals").length === 2, undefined, {
      timeout: 120_000
    });
    expect(await o.page.locator(".kt-dq-status").textContent()).toContain("læst som noegletal");
    const csv = (await download(o.page, ".kt-dq-result >> nth=1 >> .kt-export button[data-export='csv']")).toString(
      "utf-8"
    );
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0].startsWith("Kilde;Regel;")).toBe(true);
    const got: Record<string, number> = {};
    for (const r of lines.slice(1, lines.indexOf(""))) {
      const regel = r.split(";")[1];
      got[regel] = (got[regel] ?? 0) + 1;
    }
    expect(got).toEqual(want);
    expect(await problems(o)).toEqual([]);
    await o.page.close();
  });

  test("passes axe-core with every chart's table alternative open, and the filter is keyboard-usable", async () => {
    const o = await openPage(site, "/datakvalitet?kommune=101", { waitFor: ".kt-dq-totals" });
    await o.page.$$eval("details", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(seriousViolations(await runAxe(o.page))).toEqual([]);
    // keyboard: focus the municipality select and choose another entry with the arrow keys
    await o.page.focus("#kt-dq-kommune");
    await o.page.keyboard.press("ArrowDown");
    await o.page.waitForFunction(() => !location.search.includes("kommune=101"));
    await o.page.close();
  });

  test("the municipality pages link to their own findings", async () => {
    for (const path of ["/kommune/101", "/infrastruktur/101"]) {
      const o = await openPage(site, path);
      const href = await o.page.getAttribute("a[data-link='datakvalitet']", "href");
      expect(href).toMatch(/datakvalitet\?kommune=101/);
      await o.page.close();
    }
  });
});
