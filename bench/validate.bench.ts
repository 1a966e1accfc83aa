/**
 * Validation of the hourly support-system extract (stoettesystemer) with all rules: wall time
 * and peak RSS of ingest + validation (contract checks and rejects in the ingest, then
 * completeness, continuity and outliers on municipality × month × service, loaders/validate/support.ts)
 * against the plain ingest of the same file, measured in the same run, each in its own process,
 * alternating, RUNS times (median). Target (issue #11): validation adds at most 50 %.
 *
 *   npm run bench -- validate                             # default 30 days (~1.2 million rows)
 *   npm run bench -- validate --full-scale [--csv <extract>]   # full scale: 36 months (46.7 million rows, 5.5 GB CSV)
 *   (or, in one process per run with the plain COPY as well: npm run bench -- infra --full-scale --validate)
 *
 * The generated extract is kept in bench/results/ (git-ignored) and reused.
 */

import { existsSync, mkdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { generateDemo } from "../loaders/infra/demo.js";
import { flag, median, runChild } from "./child.js";

const FULL = process.argv.includes("--full-scale");
const DAYS = FULL ? 1096 : Number(process.env.VALIDATE_BENCH_DAYS ?? "30");
const RUNS = Number(process.env.RUNS ?? (FULL ? "1" : "2"));
const root = resolve("bench/results", FULL ? "validate-fuld" : `validate-${DAYS}d`);
const given = flag("--csv");
const csv = given ? resolve(given) : join(root, "gen", "stoettesystemer_seed1_fuld.csv");
if (!existsSync(csv)) {
  if (given) throw new Error(`Filen findes ikke: ${given}`);
  const t = performance.now();
  const supportDays = FULL ? undefined : DAYS;
  await generateDemo({ seed: 1, out: join(root, "gen"), fullScale: true, supportDays, only: ["stoettesystemer"] });
  process.stdout.write(`genereret ${csv} på ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}
const dir = join(root, "extracts");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
symlinkSync(csv, join(dir, basename(csv).startsWith("stoettesystemer") ? basename(csv) : "stoettesystemer_bench.csv"));

interface Run {
  ms: number;
  validateMs: number;
  maxRssMB: number;
  rows: number;
  findings: number;
}
const run = (mode: "ingest" | "validate"): Run =>
  runChild<Run>("bench/validate-child.ts", [mode, dir, join(root, `out-${mode}`)]);

const ingest: Run[] = [];
const validate: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  ingest.push(run("ingest"));
  validate.push(run("validate"));
}
const g = median(ingest.map((x) => x.ms));
const v = median(validate.map((x) => x.ms));
const size = statSync(csv).size / 1e6;
process.stdout.write(
  `${[
    `stoettesystemer, ${DAYS} dage: ${ingest[0].rows.toLocaleString("da-DK")} rækker, ${size.toFixed(0)} MB CSV, ${RUNS} kørsler (median)`,
    "| run | wall time | peak RSS | ratio to ingest |",
    "|---|---:|---:|---:|",
    `| kommunetal ingest alone (baseline) | ${(g / 1000).toFixed(1)} s | ${Math.max(...ingest.map((x) => x.maxRssMB))} MB | 1,00 |`,
    `| ingest + all validation rules | ${(v / 1000).toFixed(1)} s | ${Math.max(...validate.map((x) => x.maxRssMB))} MB | ${(v / g).toFixed(2).replace(".", ",")} |`,
    `valideringstrinnet alene (aggregering + regler): ${validate.map((x) => x.validateMs).join(", ")} ms = ${validate
      .map((x) => `${((100 * x.validateMs) / (x.ms - x.validateMs)).toFixed(1)} %`)
      .join(", ")} af sin egen kørsels ingest`,
    `fund: ${validate[0].findings}; alle kørsler: ingest ${ingest.map((x) => x.ms).join(", ")} ms; validering ${validate.map((x) => x.ms).join(", ")} ms`
  ].join("\n")}\n`
);
