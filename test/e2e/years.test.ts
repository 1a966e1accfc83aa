/**
 * Honest years in the browser: pages that compare municipalities open on the latest accounts
 * year (2018), the budget year (2019) stays choosable and is labelled "budget" wherever it is
 * shown; /sammenlign draws the two municipalities against the country per area; the catalogue
 * says how many figures have data.
 */
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

test("/noegletal opens on the latest accounts year and labels the budget year", async () => {
  const o = await openPage(site, "/noegletal?id=serviceudgifter-pr-indb&kommune=101");
  const { page } = o;
  try {
    await page.waitForSelector("[data-valgt]");
    const select = page.locator("select").filter({ has: page.locator("option", { hasText: "2019 (budget)" }) });
    expect(await select.count()).toBe(1);
    expect(await select.locator("option:checked").textContent()).toBe("2018");
    expect(await page.textContent("[data-valgt]")).toMatch(/^København 2018 \(regnskab\): /);
    expect(await page.textContent("[data-doc=aar]")).toContain("2013–2018 er regnskabstal, 2019 er budgettal");
    expect(await page.textContent("[data-udvikling-note]")).toContain("2019 er budgettal");
    expect(await page.textContent("[data-antal-noegletal]")).toMatch(/180 nøgletal, heraf \d+ med data/);

    await select.selectOption({ label: "2019 (budget)" });
    await page.waitForFunction(() => /2019 \(budget\)/.test(document.querySelector("[data-valgt]")?.textContent ?? ""));
    expect(await page.locator("h3", { hasText: "Rangliste, 2019 (budget)" }).count()).toBe(1);
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("/sammenlign compares the latest accounts year, draws each area against the country, and labels the budget year", async () => {
  const o = await openPage(site, "/sammenlign?a=101&b=751");
  const { page } = o;
  try {
    await page.waitForSelector("table.kt-compare");
    // every row's year is an accounts year by default
    const kinds = await page.$$eval("td[data-aarstype]", (tds) => [
      ...new Set(tds.map((td) => td.getAttribute("data-aarstype")))
    ]);
    expect(kinds).toEqual(["regnskab"]);
    const years = await page.$$eval("td[data-aarstype]", (tds) => [...new Set(tds.map((td) => td.textContent))]);
    expect(years).toContain("2018");
    expect(years).not.toContain("2019");
    expect(await page.textContent("[data-aar-note]")).toMatch(/regnskabstal/);

    // charts: one per area with figures that have a national figure, each an accessible figure with a table
    const charts = page.locator("figure.kt-compare-chart");
    expect(await charts.count()).toBeGreaterThanOrEqual(5);
    const first = charts.first();
    expect(await first.locator("svg[role=img]").getAttribute("aria-label")).toMatch(
      /: København og Aarhus i forhold til landet \(= 100\)/
    );
    expect(await first.locator("svg g[data-mark=dot] path, svg g[data-mark=dot] circle").count()).toBeGreaterThan(0);
    await first.locator("summary").click();
    const header = await first.locator("table thead").textContent();
    expect(header).toContain("København (indeks)");
    expect(await first.locator("table tbody tr").count()).toBeGreaterThan(0);

    // the budget year can be chosen and says so
    const select = page.locator("select").filter({ has: page.locator("option", { hasText: "2019 (budget)" }) });
    await select.selectOption({ label: "2019 (budget)" });
    await page.waitForFunction(() => document.querySelector("td[data-aarstype=budget]") !== null);
    expect(await page.locator("td[data-aarstype=budget]").first().textContent()).toBe("2019 (budget)");
    expect(await page.textContent("[data-aar-note]")).toContain("2019 er budgettal");
    expect(page.url()).toContain("aar=2019");
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("the municipality page shows each figure's latest accounts year", async () => {
  const o = await openPage(site, "/kommune/101");
  const { page } = o;
  try {
    // the area sections are closed <details>: wait for the rows to exist, then open every section so they show
    await page.waitForSelector("td[data-aarstype]", { state: "attached" });
    await page.$$eval("details.kt-area-details", (ds) => {
      for (const d of ds) (d as HTMLDetailsElement).open = true;
    });
    await page.waitForSelector("td[data-aarstype]");
    const kinds = await page.$$eval("td[data-aarstype]", (tds) => [
      ...new Set(tds.map((td) => td.getAttribute("data-aarstype")))
    ]);
    expect(kinds).toEqual(["regnskab"]);
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("/om states the year rule, the price basis and where NGLK's overlap will be shown", async () => {
  const o = await openPage(site, "/om");
  const { page } = o;
  try {
    expect(await page.textContent("[data-aarstype-regel]")).toContain("2019 er budgettal");
    expect(await page.textContent("[data-priser-om]")).toMatch(/løbende priser.*npm run opdater/);
    expect(await page.getAttribute("[data-overlap]", "data-overlap")).toBe("ingen");
    expect(await problems(o)).toEqual([]);
  } finally {
    await page.close();
  }
});

test("after a refresh: /om shows the sources' overlap, /noegletal the long series and fixed prices", async () => {
  const summary = await refreshedStatbank({ overlap: true });
  await serveStatbank(site.context, summary);
  try {
    const om = await openPage(site, "/om");
    try {
      await om.page.waitForSelector("table[data-overlap]");
      const rows = await om.page.$$eval("table[data-overlap] tbody tr", (trs) => trs.map((tr) => tr.textContent ?? ""));
      // six mapped figures over 2013–2019 (ÆLD's figure has 2018–2019 only)
      expect(rows.length).toBe(summary.overlap!.length);
      expect(rows.some((r) => r.includes("2019 (budget)"))).toBe(true);
      expect(await problems(om)).toEqual([]);
    } finally {
      await om.page.close();
    }

    const o = await openPage(site, "/noegletal?id=serviceudgifter-pr-indb&kommune=101");
    const { page } = o;
    try {
      await page.waitForSelector("[data-lang-serie] figure");
      expect(await page.textContent("[data-lang-serie]")).toContain("Danmarks Statistik (NGLK, regnskab): 2008");
      const lead = async () => (await page.textContent("[data-valgt]")) ?? "";
      const number = (t: string) => Number(/: ([\d.]+) kr\./.exec(t)![1].replaceAll(".", ""));
      const before = number(await lead());
      await page.check("form[data-priser] input[value=faste]");
      await page.waitForFunction(() =>
        /faste 2019-priser/.test(document.querySelector("[data-valgt]")?.textContent ?? "")
      );
      const index = new Map(summary.prisindeks!.aar.map((r) => [r.aar, r.indeks]));
      // the 2018 value in 2019 prices, shown rounded to whole kroner
      expect(Math.abs(number(await lead()) - (before * index.get(2019)!) / index.get(2018)!)).toBeLessThanOrEqual(0.5);
      expect(await problems(o)).toEqual([]);
    } finally {
      await page.close();
    }
  } finally {
    await site.context.unrouteAll();
  }
});
