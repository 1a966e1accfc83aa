/**
 * Benchmark of the comparison-group engine (not a timed test): a full recompute
 * (standardise, regression with backward elimination, all 98 × 98 distances, all
 * ranks, top N) for 98 municipalities and 20 candidate variables, and 1,000 bootstrap
 * resamples; in Node and in Chromium (the engine bundled by esbuild and run in a page
 * of the built site, served on 127.0.0.1 by test/e2e/harness.ts). Targets: recompute
 * < 50 ms and bootstrap < 3 s in Chromium. Baseline for the ratios: one naive 98 × 98 ×
 * 20 distance matrix in plain JavaScript, measured in the same run and environment.
 *
 * Run: `npm run bench groups` (needs `npm run build` first for the browser part).
 */

import { existsSync } from "node:fs";
import { build } from "esbuild";
import { bootstrapGroups, computeGroups, type GroupsInput, groupsInput } from "../common/groups/index.js";
import { buildKommuner } from "../loaders/datasets.js";
import { figureIndex } from "../loaders/groups.js";
import { DIST, startSite } from "../test/e2e/harness.js";

const YEAR = 2017;
const OUTCOME = "serviceudgifter-pr-indb";
/** 20 structural variables with values for all 98 municipalities in 2017. */
const VARS = [
  { id: "andel-0-5-aarige" },
  { id: "andel-6-16-aarige" },
  { id: "andel-67plus-aarige" },
  { id: "indbyggertal-1-januar", log: true },
  { id: "befolkningstaethed-indb-km2", log: true },
  { id: "befolkningsandel-i-bymaessig-bebyggelse" },
  { id: "andel-ejerboliger" },
  { id: "andel-almennyttige-boliger" },
  { id: "andel-udpendlere" },
  { id: "andel-indpendlere" },
  { id: "andel-25-64-aarige-uden-erhvervsuddannelse" },
  { id: "andel-25-64-aarige-med-videregaaende-uddannelse" },
  { id: "fuldtidsledige-pr-100-17-64-66-aarige" },
  { id: "boern-af-enlige-forsoergere-pr-100-0-17-aarige" },
  { id: "statsborgere-fra-vestlige-lande-pr-10-000-indb", log: true },
  { id: "statsborgere-fra-ikke-vestlige-lande-pr-10-000-indb", log: true },
  { id: "anmeldte-tyverier-indbrud-pr-1-000-indb" },
  { id: "sociooekonomisk-indeks" },
  { id: "udgiftsbehov-landet-pr-indb" },
  { id: "beskatningsgrundlag-pr-indb" }
];

interface Figures {
  baselineMs: number;
  recomputeAllMs: number;
  recomputeEliminationMs: number;
  steps: number;
  bootstrapMs: number;
  bootstrapUsed: number;
}

/** The measurement, as one self-contained function (it is also run inside Chromium). */
function measure(
  G: { computeGroups: typeof computeGroups; bootstrapGroups: typeof bootstrapGroups },
  input: GroupsInput
): Figures {
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (f: () => unknown, runs: number) => {
    f(); // warm-up
    const ts: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      f();
      ts.push(performance.now() - t0);
    }
    return median(ts);
  };
  const n = input.kommunekoder.length;
  const k = input.candidates.length;
  const cols = input.candidates.map((c) => c.values as number[]);
  const baselineMs = time(() => {
    const d = new Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += (cols[c][i] - cols[c][j]) ** 2;
        d[i * n + j] = Math.sqrt(s);
      }
    return d;
  }, 30);
  const recomputeAllMs = time(() => G.computeGroups(input, { alpha: 1 }), 30);
  const steps = G.computeGroups(input, { alpha: 0.05 }).steps.length;
  const recomputeEliminationMs = time(() => G.computeGroups(input, { alpha: 0.05 }), 30);
  const t0 = performance.now();
  const b = G.bootstrapGroups(input, { alpha: 0.05 }, { resamples: 1000, seed: 1 });
  const bootstrapMs = performance.now() - t0;
  return { baselineMs, recomputeAllMs, recomputeEliminationMs, steps, bootstrapMs, bootstrapUsed: b.used };
}

function report(where: string, f: Figures) {
  const r = (x: number) => (x / f.baselineMs).toFixed(1);
  process.stdout.write(
    [
      `${where}:`,
      `  baseline (naive 98×98×20 distance matrix)        ${f.baselineMs.toFixed(2)} ms`,
      `  full recompute, 20 variables kept (α = 1)         ${f.recomputeAllMs.toFixed(2)} ms  (${r(f.recomputeAllMs)}× baseline)  target < 50 ms: ${f.recomputeAllMs < 50 ? "ok" : "OVER"}`,
      `  full recompute with elimination (α = 0.05, ${f.steps} fits) ${f.recomputeEliminationMs.toFixed(2)} ms  (${r(f.recomputeEliminationMs)}× baseline)  target < 50 ms: ${f.recomputeEliminationMs < 50 ? "ok" : "OVER"}`,
      `  bootstrap, 1,000 resamples (${f.bootstrapUsed} used)       ${f.bootstrapMs.toFixed(0)} ms  (${r(f.bootstrapMs)}× baseline)  target < 3000 ms: ${f.bootstrapMs < 3000 ? "ok" : "OVER"}`,
      ""
    ].join("\n")
  );
}

const koder = buildKommuner().map((k) => k.kommunekode);
const input = groupsInput(figureIndex(), koder, OUTCOME, VARS, YEAR);
const check = computeGroups(input, { alpha: 1 });
if (check.n !== 98 || check.kept.length !== 20)
  throw new Error(`benchmark input: n=${check.n}, ${check.kept.length} variable`);

report(`Node ${process.version}`, measure({ computeGroups, bootstrapGroups }, input));

if (!existsSync(`${DIST}/index.html`)) {
  process.stdout.write("Chromium: sprunget over (dist/ mangler; kør npm run build)\n");
} else {
  const bundle = await build({
    entryPoints: ["components/groups/index.ts"],
    bundle: true,
    format: "iife",
    globalName: "KommunetalGroups",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent"
  });
  const site = await startSite();
  try {
    const page = await site.context.newPage();
    await page.goto(`${site.base}/404`, { waitUntil: "load" }).catch(() => undefined);
    // tsx keeps function names with a `__name` helper that appears in measure.toString()
    await page.addScriptTag({ content: `globalThis.__name = (f) => f;\n${bundle.outputFiles[0].text}` });
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? navigator.userAgent);
    const figures = (await page.evaluate(
      ([src, inp]) => {
        const fn = new Function(`return (${src})`)() as (g: unknown, i: unknown) => Figures;
        return fn((globalThis as unknown as { KommunetalGroups: unknown }).KommunetalGroups, inp);
      },
      [measure.toString(), JSON.parse(JSON.stringify(input))] as const
    )) as Figures;
    report(`Chromium (${version}, headless)`, figures);
  } finally {
    await site.close();
  }
}
