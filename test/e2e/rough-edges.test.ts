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
      // ... and by the one alias table (common/kommune/names.ts): "Århus" is Aarhus
      await page.fill("#observablehq-main input[type=search]", "Århus");
      await page.waitForSelector(".kt-kommuneliste a[href$='kommune/751']");
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

/**
 * Controls and columns whose text is cut (issue #14 §4): a cell or control whose content is wider than its box
 * (scrollWidth > clientWidth, e.g. Inputs.table's ellipsis), or a text input / select whose placeholder, value or
 * chosen option is wider than the box it is drawn in (measured with the control's own font).
 */
async function truncated(page: import("playwright-core").Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (els) => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    const textWidth = (el: Element, text: string) => {
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      return ctx.measureText(text).width;
    };
    const inner = (el: HTMLElement) => {
      const cs = getComputedStyle(el);
      return el.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight);
    };
    const out: string[] = [];
    for (const el of els as HTMLElement[]) {
      if (!el.getClientRects().length) continue; // not shown
      if (el instanceof HTMLSelectElement) {
        const text = el.selectedOptions[0]?.textContent ?? "";
        // the drop-down arrow takes about 20 px of the box
        if (textWidth(el, text) > inner(el) - 20) out.push(`select: "${text}" (${el.clientWidth} px)`);
      } else if (el instanceof HTMLInputElement) {
        for (const text of [el.placeholder, el.value])
          if (text && textWidth(el, text) > inner(el) + 1) out.push(`input: "${text}" (${el.clientWidth} px)`);
      } else if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.tagName.toLowerCase()}: "${el.textContent?.trim()}"`);
    }
    return out;
  });
}

describe("controls and columns are not cut (issue #14 §4)", () => {
  test.each([
    [375, 812],
    [1280, 900]
  ])(
    "at %i px: the front page's search and figure picker, and the /data catalogue",
    async (width, height) => {
      const page = await site.context.newPage();
      try {
        await page.setViewportSize({ width, height });
        await page.goto(`${site.base}/`, { waitUntil: "networkidle" });
        await waitForFramework(page, 60_000);
        await page.waitForSelector("svg g[data-mark='geo'] path");
        expect(await truncated(page, "#observablehq-main form input[type=search]")).toEqual([]);
        // the figure picker with the default figure, then with the longest title it offers
        const picker = page
          .locator("#observablehq-main select")
          .filter({ has: page.locator("option", { hasText: "Nettodriftsudgifter pr. indb." }) });
        expect(await picker.count()).toBe(1);
        expect(await truncated(page, "#observablehq-main select")).toEqual([]);
        const longest = await picker.evaluate(
          (s) =>
            [...(s as HTMLSelectElement).options].map((o) => o.textContent ?? "").sort((a, b) => b.length - a.length)[0]
        );
        await picker.selectOption({ label: longest });
        await waitForFramework(page, 60_000);
        // the option is "<titel> (<område>)", and an area's name may hold parentheses itself
        const title = longest.replace(/ \((?:[^()]|\([^()]*\))*\)$/, "");
        await page
          .waitForFunction((t) => (document.querySelector(".card h2")?.textContent ?? "").includes(t), title, {
            timeout: 10_000
          })
          .catch(async () => {
            throw new Error(`«${title}» not in «${await page.textContent(".card h2")}»`);
          });
        if (width >= 1000) expect(await truncated(page, "#observablehq-main select")).toEqual([]);
        // a phone's select cannot wrap a long title: the card's heading says it in full, and is not cut
        else expect(await truncated(page, ".card h2")).toEqual([]);

        await page.goto(`${site.base}/data`, { waitUntil: "networkidle" });
        await waitForFramework(page, 60_000);
        await page.waitForSelector("#observablehq-main form table tbody tr");
        const cut = await truncated(page, "#observablehq-main form table td, #observablehq-main form table th");
        expect(cut).toEqual([]);
      } finally {
        await page.close();
      }
    },
    180_000
  );
});

test("the calculator's 'Begrundelse' column shows its whole text, at 375 px and on a desktop", async () => {
  const page = await site.context.newPage();
  try {
    for (const [width, height] of [
      [1280, 900],
      [375, 812]
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto(`${site.base}/sammenligningsgrupper?gentagelser=200`, { waitUntil: "networkidle" });
      await waitForFramework(page, 60_000);
      await page.waitForSelector(".kt-begrundelse td");
      const texts = await page.$$eval(".kt-begrundelse tbody tr", (rs) =>
        rs.map((r) => r.lastElementChild?.textContent ?? "")
      );
      expect(
        texts.some((t) => t.length > 20),
        `${width} px`
      ).toBe(true);
      expect(await truncated(page, ".kt-begrundelse td, .kt-begrundelse th"), `${width} px`).toEqual([]);
    }
  } finally {
    await page.close();
  }
}, 180_000);
