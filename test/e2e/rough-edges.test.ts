/**
 * Rough edges of issue #14 §4 in Chromium: the 404 page (Danish, the site's layout, status 404, search and
 * links, hints for a mistyped municipality), and no sideways scrolling on a 375 px phone on the main pages.
 * Every wait is for a state (Framework's cells settled, an element present), never for a time.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, problems, type Site, startSite, waitForFramework } from "./harness.js";

let site: Site;
beforeAll(async () => {
  site = await startSite();
}, 60_000);
afterAll(async () => {
  await site?.close();
});

describe("404", () => {
  test("an unknown address: status 404, Danish page in the site's layout, search and links, no errors", async () => {
    const res = await fetch(`${site.base}/findes/ikke`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const o = await openPage(site, "/findes/ikke");
    try {
      const { page } = o;
      expect(await page.title()).toMatch(/Siden findes ikke/);
      expect(await page.textContent("h1")).toBe("Siden findes ikke");
      // the site's layout: the sidebar navigation and the search field are there
      expect(await page.$("#observablehq-sidebar")).not.toBeNull();
      expect(await page.$("#observablehq-search")).not.toBeNull();
      // the links lead somewhere real (the page has <base href="/"> however deep the address)
      const links = await page.$$eval("#observablehq-main a[href]", (as) =>
        as.map((a) => (a as HTMLAnchorElement).href)
      );
      expect(links).toContain(`${site.base}/kommune/`);
      expect(links).toContain(`${site.base}/data`);
      // the municipality search finds Læsø
      await page.fill("#observablehq-main input[type=search]", "Læsø");
      await page.waitForSelector(".kt-kommuneliste a[href$='kommune/825']");
      // the only failed response is the page itself (status 404, as it should be); nothing else is missing
      expect(o.failed).toEqual([`404 ${site.base}/findes/ikke`]);
      expect((await problems(o)).filter((p) => !p.includes("/findes/ikke") && !/status of 404/.test(p))).toEqual([]);
      expect(o.consoleErrors.filter((e) => /status of 404/.test(e))).toHaveLength(1);
    } finally {
      await o.page.close();
    }
  }, 120_000);

  test("a mistyped municipality code gets a hint and a link", async () => {
    const o = await openPage(site, "/kommune/0825");
    try {
      expect(await o.page.textContent("#observablehq-main")).toContain(
        "Kommunekoden skrives med 3 cifre: 825 er Læsø."
      );
      expect(await o.page.$("#observablehq-main a[href$='kommune/825']")).not.toBeNull();
    } finally {
      await o.page.close();
    }
  }, 120_000);
});

describe("a 375 px phone: no sideways scrolling", () => {
  const PAGES = [
    "/",
    "/data",
    "/noegletal",
    "/kommune/101",
    "/sammenlign",
    "/sammenligningsgrupper",
    "/om",
    "/findes/ikke"
  ];
  test.each(PAGES)(
    "%s",
    async (path) => {
      const page = await site.context.newPage();
      try {
        await page.setViewportSize({ width: 375, height: 812 });
        await page.goto(site.base + path, { waitUntil: "networkidle" });
        await waitForFramework(page, 60_000);
        const widths = await page.evaluate(() => {
          const vw = document.documentElement.clientWidth;
          const wide = Array.from(document.querySelectorAll("#observablehq-main *"))
            .filter((e) => e.getBoundingClientRect().right > vw + 1)
            .filter((e) => !e.closest("[style*='overflow'], .kt-scroll, .observablehq--block table, pre"))
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${(e as HTMLElement).className}`);
          return { scroll: document.documentElement.scrollWidth, vw, wide };
        });
        expect(widths.scroll, JSON.stringify(widths.wide)).toBeLessThanOrEqual(375);
      } finally {
        await page.close();
      }
    },
    120_000
  );
});
