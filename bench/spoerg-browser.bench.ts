/**
 * Spørg in Chromium against the built dist/ on 127.0.0.1 (`npm run bench -- spoerg-browser`; needs `npm run build`):
 *
 * - usable: navigation start → the question box is in the DOM (DuckDB loads behind it);
 * - data ready: navigation start → "Data er klar." (DuckDB-WASM booted and the workspace database attached);
 * - parse + compile SQL in the page: `data-parse-ms` of each answer card (the page's performance.now() around
 *   parse() + compileSql(); Chromium coarsens that clock to 0.1 ms, so medians under 0.1 ms read as 0 or 0.1);
 * - answer: `data-ms` of each card (compile, the query in DuckDB-WASM, rows → sentence), once the data are ready.
 *
 * Questions: the hand-written golden questions without follow-ups (test/spoerg/golden.ts), asked one by one.
 * Baseline in the same run: native DuckDB (@duckdb/node-api) answering the same questions with the same parser and
 * SQL over dist/filer/kommunetal.duckdb (common/spoerg/ask.ts), median per question.
 * Targets (issue #10): parse < 5 ms, answer < 300 ms, usable < 1 s.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { ask } from "../common/spoerg/ask.js";
import { spoergKatalog } from "../common/spoerg/katalog.js";
import { buildIndex } from "../common/spoerg/parse.js";
import { startSite } from "../test/e2e/harness.js";
import { HAND } from "../test/spoerg/golden.js";

const N = Number(process.env.QUESTIONS ?? 40);
const questions = HAND.filter((g) => !g.prev)
  .map((g) => g.q)
  .slice(0, N);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// baseline: native DuckDB over the same database file, same parser and SQL
const con = await (await DuckDBInstance.create()).connect();
await con.run("ATTACH 'dist/filer/kommunetal.duckdb' AS kt (READ_ONLY)");
await con.run("USE kt");
const run = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
const index = buildIndex(
  spoergKatalog(
    (await run("SELECT id, titel, enhed, omraade, aar_med_data, decimaler FROM noegletal_katalog")) as never,
    (await run("SELECT kommunekode, navn, officielt_navn, regionskode, regionsnavn FROM kommuner")) as never
  )
);
for (const q of questions) await ask(index, q, null, run); // warm-up
const nativeMs: number[] = [];
for (const q of questions) {
  const t = performance.now();
  await ask(index, q, null, run);
  nativeMs.push(performance.now() - t);
}

const site = await startSite();
const usable: number[] = [];
const ready: number[] = [];
const parseMs: number[] = [];
const answerMs: number[] = [];
try {
  for (let i = 0; i < 3; i++) {
    const page = await site.context.newPage();
    await page.goto(`${site.base}/spoerg`);
    await page.waitForSelector("form.spoerg-form input");
    usable.push(await page.evaluate(() => performance.now()));
    await page.waitForFunction(
      () => document.querySelector(".spoerg-dbstatus")?.textContent === "Data er klar.",
      null,
      {
        timeout: 120_000
      }
    );
    ready.push(await page.evaluate(() => performance.now()));
    if (i === 0) {
      for (const [n, q] of questions.entries()) {
        await page.fill("form.spoerg-form input", q);
        await page.press("form.spoerg-form input", "Enter");
        await page.waitForFunction(
          (k) => document.querySelectorAll(".spoerg-card")[k]?.hasAttribute("data-status"),
          n,
          {
            timeout: 60_000
          }
        );
      }
      const cards = await page.$$eval(".spoerg-card", (cs) =>
        cs.map((c) => ({ p: c.getAttribute("data-parse-ms"), a: c.getAttribute("data-ms") }))
      );
      for (const c of cards) {
        if (c.p !== null) parseMs.push(Number(c.p));
        if (c.a !== null) answerMs.push(Number(c.a));
      }
    }
    await page.close();
  }
} finally {
  await site.close();
}
const n = median(nativeMs);
const f = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`Spørg i Chromium: ${questions.length} spørgsmål (${answerMs.length} besvaret med SQL), sidevisninger 3`);
console.log("| | median | max | ratio to native answer | target |\n|---|---:|---:|---:|---:|");
console.log(`| native DuckDB: parse + SQL + answer (baseline) | ${f(n)} | ${f(Math.max(...nativeMs))} | 1× | |`);
console.log(`| Chromium: parse + compile SQL | ${f(median(parseMs))} | ${f(Math.max(...parseMs))} | | < 5 ms |`);
console.log(
  `| Chromium: answer once DuckDB is loaded | ${f(median(answerMs))} | ${f(Math.max(...answerMs))} | ${(median(answerMs) / n).toFixed(1)}× | < 300 ms |`
);
console.log(
  `| Chromium: page usable (box in the DOM) | ${f(median(usable))} | ${f(Math.max(...usable))} | | < 1000 ms |`
);
console.log(`| Chromium: data ready (DuckDB + database) | ${f(median(ready))} | ${f(Math.max(...ready))} | | |`);
