/**
 * Kend din Kommune: time to first chart and bytes transferred for three municipality
 * pages (København 101, Læsø 825, Aalborg 851) in Chromium against the built dist/,
 * served on 127.0.0.1 with no caching. Baseline in the same run: the front page, which
 * loads the full noegletal.parquet and draws a map.
 *
 * - "first chart": from navigation start until the first <svg> inside the page's main
 *   content is in the DOM (the locator map or a small chart), via a MutationObserver
 *   installed before any page script runs;
 * - "bytes": the sum of encodedDataLength over every response (CDP Network events),
 *   i.e. what went over the wire, headers included, browser cache disabled;
 * - each page is opened RUNS times in a fresh tab; medians reported.
 *
 * Targets from the issue: first chart < 1 s on localhost, < 1.5 MB transferred.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { DIST, startSite } from "../test/e2e/harness.js";

const RUNS = Number(process.env.RUNS ?? 7);
const PAGES = [
  ["/", "forsiden (baseline)"],
  ["/kommune/101", "København"],
  ["/kommune/825", "Læsø"],
  ["/kommune/851", "Aalborg"]
] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** First Contentful Paint of a path, median over RUNS (plus one warm-up), cache disabled. */
async function fcp(context: BrowserContext, url: string): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(url, { waitUntil: "load" });
    const t = await page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const entry = performance.getEntriesByName("first-contentful-paint")[0];
          if (entry) return ok(entry.startTime);
          new PerformanceObserver((l) => ok(l.getEntries()[0].startTime)).observe({ type: "paint", buffered: true });
        })
    );
    if (i > 0) xs.push(t);
    await page.close();
  }
  return median(xs);
}

const site = await startSite();
const staticPages: { path: string; page: number; saved: number }[] = [];
const results: { path: string; name: string; firstChart: number; allDone: number; bytes: number; requests: number }[] =
  [];
try {
  for (const [path, name] of PAGES) {
    const first: number[] = [];
    const done: number[] = [];
    const bytes: number[] = [];
    const reqs: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await site.context.newPage();
      const cdp = await site.context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      let total = 0;
      let n = 0;
      cdp.on("Network.loadingFinished", (e: { encodedDataLength: number }) => {
        total += e.encodedDataLength;
        n++;
      });
      await page.addInitScript(() => {
        const w = window as unknown as { __firstChart?: number };
        new MutationObserver((_, obs) => {
          if (document.querySelector("#observablehq-main svg")) {
            w.__firstChart = performance.now();
            obs.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(site.base + path, { waitUntil: "load" });
      await page.waitForFunction(
        () => (window as unknown as { __firstChart?: number }).__firstChart !== undefined,
        undefined,
        { timeout: 30_000 }
      );
      await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0);
      await page.waitForLoadState("networkidle");
      const t = await page.evaluate(() => ({
        first: (window as unknown as { __firstChart: number }).__firstChart,
        done: performance.now()
      }));
      // the first run warms the server and Chromium's disk, and is not counted
      if (i > 0) {
        first.push(t.first);
        done.push(t.done);
        bytes.push(total);
        reqs.push(n);
      }
      await page.close();
    }
    results.push({
      path,
      name,
      firstChart: median(first),
      allDone: median(done),
      bytes: median(bytes),
      requests: median(reqs)
    });
  }
  // the yardstick: first content of each municipality page against the same page saved as static HTML
  // (the rendered DOM with its scripts removed, beside the original so relative links resolve)
  for (const [path] of PAGES.slice(1)) {
    const page = await site.context.newPage();
    await page.goto(site.base + path, { waitUntil: "networkidle" });
    await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0);
    const html = (await page.content())
      .replace(/<script\b[\s\S]*?<\/script>/g, "")
      .replace(/<link rel="modulepreload"[^>]*>/g, "");
    await page.close();
    const kode = path.split("/").pop()!;
    const file = join(DIST, "kommune", `_statisk-${kode}.html`);
    writeFileSync(file, html);
    try {
      staticPages.push({
        path,
        page: await fcp(site.context, site.base + path),
        saved: await fcp(site.context, `${site.base}/kommune/_statisk-${kode}.html`)
      });
    } finally {
      rmSync(file, { force: true });
    }
  }
} finally {
  await site.close();
}

const base = results[0];
const kb = (b: number) => `${(b / 1024).toLocaleString("da-DK", { maximumFractionDigits: 0 })} kB`;
process.stdout.write(
  `Kend din Kommune, ${RUNS} kørsler pr. side (median), Chromium ${process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"}, localhost, ingen cache\n`
);
process.stdout.write("side | første graf | alt færdigt | overført | forespørgsler | ift. forsiden (tid / bytes)\n");
for (const r of results) {
  const ok =
    r.path === "/" ? "" : r.firstChart < 1000 && r.bytes < 1.5 * 1024 * 1024 ? "  ✓ mål nået" : "  ✗ over målet";
  process.stdout.write(
    `${r.path} (${r.name}) | ${r.firstChart.toFixed(0)} ms | ${r.allDone.toFixed(0)} ms | ${kb(r.bytes)} | ${r.requests} | ${(r.firstChart / base.firstChart).toFixed(2)} / ${(r.bytes / base.bytes).toFixed(2)}${ok}\n`
  );
}
process.stdout.write(
  "\nførste indhold (First Contentful Paint) mod samme side gemt som statisk HTML (mål: højst 1,5×)\n"
);
for (const r of staticPages) {
  const ratio = r.page / r.saved;
  process.stdout.write(
    `${r.path} | ${r.page.toFixed(0)} ms | statisk ${r.saved.toFixed(0)} ms | ${ratio.toFixed(2)}×${ratio <= 1.5 ? "  ✓ mål nået" : "  ✗ over målet"}\n`
  );
}
