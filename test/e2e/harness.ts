/**
 * Browser test harness: serves the built dist/ on 127.0.0.1 and drives Debian's
 * Chromium with playwright-core. Every page opened through `openPage` records
 * console errors, uncaught page errors, failed responses and every request the page or
 * its workers make; `assertClean` fails on any of them and on any request that leaves
 * localhost. (Chromium's own background traffic is not the page's and is not counted.)
 */

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium, type Page, type Request } from "playwright-core";
import { serveDist } from "../../scripts/serve.js";

export const DIST = resolve("dist");
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface Site {
  base: string;
  context: BrowserContext;
  close(): Promise<void>;
}

export interface Opened {
  page: Page;
  requests: string[];
  external: string[];
  consoleErrors: string[];
  pageErrors: string[];
  failed: string[];
}

export async function startSite(): Promise<Site> {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("dist/ mangler: kør `npm run build` før browsertestene");
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium findes ikke på ${CHROMIUM}: apt-get install -y chromium`);
  const server: Server = await serveDist(DIST, 0);
  const { port } = server.address() as AddressInfo;
  const profile = mkdtempSync(join(tmpdir(), "kommunetal-chromium-"));
  const downloads = mkdtempSync(join(tmpdir(), "kommunetal-downloads-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: "da-DK",
    timezoneId: "Europe/Copenhagen",
    viewport: { width: 1280, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter",
      "--disable-dev-shm-usage"
    ]
  });
  return {
    base: `http://127.0.0.1:${port}`,
    context,
    async close() {
      await context.close();
      await new Promise((ok) => server.close(ok));
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    }
  };
}

function isLocal(url: string): boolean {
  if (/^(data|blob|about|chrome-extension):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  } catch {
    return false;
  }
}

/** Open a page and wait until the network is idle and Framework's cells have settled. */
export async function openPage(site: Site, path: string, { waitFor }: { waitFor?: string } = {}): Promise<Opened> {
  const page = await site.context.newPage();
  const o: Opened = { page, requests: [], external: [], consoleErrors: [], pageErrors: [], failed: [] };
  const onRequest = (r: Request) => {
    o.requests.push(r.url());
    if (!isLocal(r.url())) o.external.push(r.url());
  };
  page.on("request", onRequest);
  page.on("worker", (w) => {
    // a worker's own fetches show up as page requests in Chromium; record its script too
    o.requests.push(w.url());
    if (!isLocal(w.url())) o.external.push(w.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") o.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => o.pageErrors.push(String(e)));
  page.on("response", (r) => {
    if (r.status() >= 400) o.failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(site.base + path, { waitUntil: "networkidle" });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 30_000 });
  await waitForFramework(page);
  return o;
}

/** Framework marks cells that are still computing with `.observablehq--loading`. */
export async function waitForFramework(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll(".observablehq--loading").length === 0, undefined, {
    timeout
  });
  await page.waitForLoadState("networkidle");
}

/** Errors rendered inside cells (Framework shows them as .observablehq--error). */
export async function cellErrors(page: Page): Promise<string[]> {
  return page.$$eval(".observablehq--error", (els) => els.map((e) => e.textContent ?? ""));
}

export async function problems(o: Opened): Promise<string[]> {
  return [
    ...o.consoleErrors.map((e) => `konsolfejl: ${e}`),
    ...o.pageErrors.map((e) => `sidefejl: ${e}`),
    ...o.failed.map((e) => `fejlet svar: ${e}`),
    ...o.external.map((e) => `forespørgsel uden for localhost: ${e}`),
    ...(await cellErrors(o.page)).map((e) => `fejl i celle: ${e}`)
  ];
}

// ---- Accessibility (axe-core, injected from node_modules: offline) ----

export const AXE_SCRIPT = resolve("node_modules", "axe-core", "axe.min.js");
/** The rules we hold every page to: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/**
 * Run axe-core on the page as it is now (after any interaction) and return its WCAG
 * 2.1 A/AA violations. The script is injected from node_modules, so nothing is fetched.
 */
export async function runAxe(page: Page, { include }: { include?: string } = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(
    async ({ tags, include }) => {
      const axe = (
        window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      const result = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"]
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200), failureSummary: n.failureSummary }))
      }));
    },
    { tags: WCAG_TAGS, include }
  );
}

/** The violations that must not exist (serious or critical), as readable lines for a failing assertion. */
export function seriousViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.slice(0, 5).map((n) => `${v.impact} ${v.id} (${v.help}): ${n.target.join(" ")} ${n.html}`));
}
