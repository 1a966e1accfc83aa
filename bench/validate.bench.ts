/**
 * Validation of the hourly support-system extract (stoettesystemer) with all rules: wall time
 * and peak RSS of ingest + validation (contract checks and rejects in the ingest, then
 * completeness, continuity and outliers on municipality × month × service, loaders/validate/support.ts)
 * against the plain ingest of the same file, measured in the same run, each in its own process,
 * alternating, RUNS times (median). Target (issue #11): validation adds at most 50 %.
 *
 *   npm run bench -- validate                             # default 30 days (~1.2 million rows)
 *   VALIDATE_BENCH_DAYS=1096 npm run bench -- validate    # full scale: 36 months (~43 million rows, ~5 GB CSV)
 *
 * The generated extract is kept in bench/results/ (git-ignored) and reused.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateDemo } from "../loaders/infra/demo.js";

const DAYS = Number(process.env.VALIDATE_BENCH_DAYS ?? "30");
const RUNS = Number(process.env.RUNS ?? "2");
const root = resolve("bench/results", `validate-${DAYS}d`);
const gen = join(root, "gen");
const csv = join(gen, "stoettesystemer_seed1_fuld.csv");
if (!existsSync(csv)) {
  const t = performance.now();
  await generateDemo({ seed: 1, out: gen, fullScale: true, supportDays: DAYS, only: ["stoettesystemer"] });
  process.stdout.write(`genereret ${csv} på ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}
const dir = join(root, "extracts");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
symlinkSync(csv, join(dir, "stoettesystemer_seed1_fuld.csv"));

interface Run {
  ms: number;
  maxRssMB: number;
  rows: number;
  findings: number;
}
function run(mode: "ingest" | "validate"): Run {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "bench/validate-child.ts", mode, dir, join(root, `out-${mode}`)],
    {
      encoding: "utf-8",
      stdio: ["ignore", "pipe", "inherit"]
    }
  );
  if (r.status !== 0) throw new Error(`${mode} fejlede (${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop() as string);
}

const ingest: Run[] = [];
const validate: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  ingest.push(run("ingest"));
  validate.push(run("validate"));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const g = med(ingest.map((x) => x.ms));
const v = med(validate.map((x) => x.ms));
const size = statSync(csv).size / 1e6;
process.stdout.write(
  `${[
    `stoettesystemer, ${DAYS} dage: ${ingest[0].rows.toLocaleString("da-DK")} rækker, ${size.toFixed(0)} MB CSV, ${RUNS} kørsler (median)`,
    "| run | wall time | peak RSS | ratio to ingest |",
    "|---|---:|---:|---:|",
    `| kommunetal ingest alone (baseline) | ${(g / 1000).toFixed(1)} s | ${Math.max(...ingest.map((x) => x.maxRssMB))} MB | 1,00 |`,
    `| ingest + all validation rules | ${(v / 1000).toFixed(1)} s | ${Math.max(...validate.map((x) => x.maxRssMB))} MB | ${(v / g).toFixed(2).replace(".", ",")} |`,
    `fund: ${validate[0].findings}; alle kørsler: ingest ${ingest.map((x) => x.ms).join(", ")} ms; validering ${validate.map((x) => x.ms).join(", ")} ms`
  ].join("\n")}\n`
);
