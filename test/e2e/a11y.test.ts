/**
 * Accessibility (WCAG 2.1 A/AA, the requirement for Danish public-sector sites): axe-core
 * runs in Chromium on every page of the built site and must find no serious or critical
 * violation. Pages are discovered from dist/ (every .html except the 98 municipality
 * pages, of which a fixed sample is taken), so a new page is covered without editing this
 * file; `EXTRA` lists page states reached only by interaction or by the URL.
 *
 * Keyboard: a page's controls are reachable with Tab, and a select and a button can be
 * operated with the keyboard alone; focus is visibly outlined.
 */

import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DIST, openPage, runAxe, type Site, seriousViolations, startSite, waitForFramework } from "./harness.js";

/** A sample of the municipality pages: the capital, a small island, a rural and a large city municipality. */
const KOMMUNE_SAMPLE = ["/kommune/101", "/kommune/825", "/kommune/851", "/kommune/461", "/kommune/787"];
/** Every parameterised page type (one page per municipality) is checked on the same sample. */
const PER_KOMMUNE = /^\/(kommune|infrastruktur)\/\d{3}$/;

function htmlPages(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith("_") && !name.startsWith(".") && name !== "filer") out.push(...htmlPages(path));
    } else if (name.endsWith(".html")) out.push(path);
  }
  return out;
}

/** Every page in dist/ as a URL path; the 98 /kommune/<kode> pages replaced by the sample. */
export function pagesToCheck(dist = DIST): string[] {
  const all = htmlPages(dist).map(
    (p) =>
      "/" +
      relative(dist, p)
        .replace(/\\/g, "/")
        .replace(/(index)?\.html$/, "")
  );
  const rest = all.filter((p) => !PER_KOMMUNE.test(p));
  const kinds = [...new Set(all.filter((p) => PER_KOMMUNE.test(p)).map((p) => p.replace(/\d{3}$/, "")))];
  const sample = kinds.flatMap((k) => KOMMUNE_SAMPLE.map((p) => k + p.slice(-3))).filter((p) => all.includes(p));
  return [...rest, ...sample].sort();
}

/** Page states that only exist with URL parameters (add new ones here). */
const EXTRA = ["/sammenlign?a=101&b=751", "/sammenligningsgrupper?omraade=aeldre&aar=2017&kommune=851&gentagelser=200"];

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

async function check(page: Page): Promise<void> {
  const found = seriousViolations(await runAxe(page));
  expect(found, `axe (WCAG 2.1 A/AA) på ${page.url()}`).toEqual([]);
}

const pages = pagesToCheck();

describe("axe-core: no serious or critical WCAG 2.1 A/AA violation", () => {
  test("the page list is discovered from dist/ and includes every known page", () => {
    for (const p of [
      "/",
      "/noegletal",
      "/sammenlign",
      "/sammenligningsgrupper",
      "/data",
      "/notesbog",
      "/om",
      "/kommune/"
    ])
      expect(pages).toContain(p);
    expect(pages.filter((p) => /^\/kommune\/\d{3}$/.test(p))).toEqual(KOMMUNE_SAMPLE.slice().sort());
  });

  test.each([...pages, ...EXTRA])("%s", async (path) => {
    const o = await openPage(site, path);
    try {
      if (path.startsWith("/sammenligningsgrupper"))
        await o.page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      await waitForFramework(o.page);
      await check(o.page);
    } finally {
      await o.page.close();
    }
  });

  test("/sammenligningsgrupper after running the calculator for another municipality and opening every result", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      const page = o.page;
      await page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      // choose another municipality in the "Kommune" select: the calculator runs again
      const kommune = page.locator("form", { hasText: "Kommune" }).locator("select").first();
      const options = await kommune.locator("option").allTextContents();
      const aarhus = options.findIndex((t) => t.includes("(751)"));
      expect(aarhus).toBeGreaterThanOrEqual(0);
      await kommune.selectOption({ index: aarhus });
      await waitForFramework(page);
      await page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      expect(new URL(page.url()).searchParams.get("kommune")).toBe("751");
      // open every disclosure (variables, tables shown as tables, notes)
      await page.$$eval("details", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await check(page);
    } finally {
      await o.page.close();
    }
  });

  test("/noegletal and a municipality page with every disclosure opened", async () => {
    for (const path of ["/noegletal", "/kommune/101"]) {
      const o = await openPage(site, path);
      try {
        await o.page.$$eval("details", (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        await check(o.page);
      } finally {
        await o.page.close();
      }
    }
  });
});

describe("keyboard", () => {
  /** Press Tab up to `max` times and record what gets focus. */
  async function tabThrough(page: Page, max: number) {
    const seen: { tag: string; type: string; label: string; outline: string; boxShadow: string }[] = [];
    await page.focus("body");
    for (let i = 0; i < max; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || e === document.body) return null;
        const cs = getComputedStyle(e);
        const label =
          e.getAttribute("aria-label") ?? (e as HTMLInputElement).labels?.[0]?.textContent ?? e.textContent ?? "";
        return {
          tag: e.tagName.toLowerCase(),
          type: e.getAttribute("type") ?? "",
          label: label.trim().slice(0, 60),
          outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
          boxShadow: cs.boxShadow
        };
      });
      if (f) seen.push(f);
    }
    return seen;
  }

  test("/sammenligningsgrupper: Tab reaches the selects, the checkboxes and the buttons, each with a visible focus ring", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      await o.page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      const seen = await tabThrough(o.page, 80);
      const tags = new Set(seen.map((s) => (s.tag === "input" ? `input:${s.type}` : s.tag)));
      expect(tags).toContain("select");
      expect(tags).toContain("input:checkbox");
      expect(tags).toContain("button");
      // every focused control carries our :focus-visible ring (3px solid, src/style.css), not the browser's faint default
      for (const s of seen) expect(s.outline, `${s.tag} ${s.label}: ingen tydelig fokusmarkering`).toBe("solid 3px");
    } finally {
      await o.page.close();
    }
  });

  test("/sammenligningsgrupper: a select is changed and a download button pressed with the keyboard alone", async () => {
    const o = await openPage(site, "/sammenligningsgrupper?gentagelser=200", { waitFor: ".kt-progress" });
    try {
      const page = o.page;
      await page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      // Tab until the "Kommune" select has focus, then choose the next municipality with ArrowDown
      let found = false;
      await page.focus("body");
      for (let i = 0; i < 60 && !found; i++) {
        await page.keyboard.press("Tab");
        found = await page.evaluate(() => {
          const e = document.activeElement;
          return e instanceof HTMLSelectElement && (e.labels?.[0]?.textContent ?? "").trim() === "Kommune";
        });
      }
      expect(found, "Kommune-vælgeren kan nås med Tab").toBe(true);
      const before = new URL(page.url()).searchParams.get("kommune");
      await page.keyboard.press("ArrowDown");
      await waitForFramework(page);
      await page.waitForSelector(".kt-progress[data-status=done]", { timeout: 90_000 });
      const after = new URL(page.url()).searchParams.get("kommune");
      expect(after).not.toBe(before);
      // Tab on to the first CSV download button and press Enter: a file is downloaded
      let onButton = false;
      for (let i = 0; i < 200 && !onButton; i++) {
        await page.keyboard.press("Tab");
        onButton = await page.evaluate(() => {
          const e = document.activeElement;
          return e instanceof HTMLButtonElement && /CSV/i.test(e.textContent ?? "");
        });
      }
      expect(onButton, "en CSV-knap kan nås med Tab").toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 30_000 }),
        page.keyboard.press("Enter")
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
    } finally {
      await o.page.close();
    }
  });
});
