/**
 * Every page of the built site opens in Chromium with no console error, no page error,
 * no error rendered in a cell or baked in at build, no failed request, and no request
 * from the page or its workers to anything but localhost.
 */

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { BAKED_ERROR } from "../../scripts/check-dist.js";
import { DIST, openPage, problems, type Site, startSite } from "./harness.js";

function pagesIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith("_") && name !== "filer") out.push(...pagesIn(path));
    } else if (name.endsWith(".html") && name !== "404.html") out.push(path);
  }
  return out;
}

const pages = pagesIn(DIST)
  .map(
    (p) =>
      "/" +
      relative(DIST, p)
        .replace(/\\/g, "/")
        .replace(/(index)?\.html$/, "")
  )
  .sort();

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});

describe("the built site", () => {
  test("has the pages we promise", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/data");
    expect(pages).toContain("/notesbog");
    expect(pages.filter((p) => /^\/kommune\/\d{3}$/.test(p))).toHaveLength(98);
  });

  test("no page has an error baked in at build time", () => {
    for (const p of pagesIn(DIST)) expect(BAKED_ERROR.test(readFileSync(p, "utf-8")), p).toBe(false);
  });

  test("no English UI words from Framework reach the user", () => {
    for (const p of pagesIn(DIST)) {
      const html = readFileSync(p, "utf-8");
      expect(html, p).not.toMatch(/>Contents<|placeholder="Search"|title="Toggle sidebar"/);
    }
    const search = readdirSync(join(DIST, "_observablehq")).filter((f) => f.startsWith("search"));
    expect(search.length).toBeGreaterThan(0);
    for (const f of search)
      expect(readFileSync(join(DIST, "_observablehq", f), "utf-8")).not.toMatch(/no results|" result\$\{/);
  });

  test("municipality pages carry the official name in the HTML title", () => {
    expect(readFileSync(join(DIST, "kommune", "101.html"), "utf-8")).toContain(
      "<title>Københavns Kommune | kommunetal</title>"
    );
    expect(readFileSync(join(DIST, "kommune", "825.html"), "utf-8")).toContain(
      "<title>Læsø Kommune | kommunetal</title>"
    );
  });

  test("every page says which data snapshot it shows and which years are budget (#12)", () => {
    for (const p of pagesIn(DIST)) {
      const html = readFileSync(p, "utf-8");
      // the embedded export (data/raw/noegletal): taken 3 September 2019, so 2019 is budget and 2013-2018 accounts
      expect(html, p).toContain('data-snapshot="indbygget"');
      expect(html, p).toContain(
        "Øjebliksbillede: noegletal.dk, udtræk 3. september 2019, 2013–2019 (2013–2018 er regnskabstal, 2019 er budgettal)"
      );
    }
  });

  test("pages are marked as Danish", () => {
    expect(readFileSync(join(DIST, "index.html"), "utf-8")).toContain('<html lang="da">');
  });

  test.each(pages)("%s opens without errors and stays on localhost", async (path) => {
    const opened = await openPage(site, path);
    try {
      expect(await problems(opened)).toEqual([]);
      // the page's own document was requested, from the local site
      expect(opened.requests.map((u) => new URL(u).pathname)).toContain(new URL(opened.page.url()).pathname);
    } finally {
      await opened.page.close();
    }
  });
});
