/**
 * Ingest of the hourly support-system extract (stoettesystemer) at KOMBIT's scale:
 * wall time and peak RSS of kommunetal's ingest (contract checks, rejects with line
 * numbers, reconciliation, Hive-partitioned Parquet) against a plain DuckDB
 * `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)` of the same file, measured
 * in the same run, each in its own process, alternating, RUNS times (median).
 *
 *   INFRA_BENCH_DAYS=1096 npm run bench -- infra   # full scale: all 36 months (~43 million rows, ~5 GB CSV)
 *   npm run bench -- infra                         # default 120 days (~4.7 million rows)
 *
 * The generated extract is kept in bench/results/ (git-ignored) and reused.
 */

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { generateDemo } from "../loaders/infra/demo.js";

const DAYS = Number(process.env.INFRA_BENCH_DAYS ?? "120");
const RUNS = Number(process.env.RUNS ?? "2");
const root = resolve("bench/results", `infra-${DAYS}d`);
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

function run(mode: "plain" | "ingest"): { ms: number; maxRssMB: number; rows: number } {
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "bench/infra-child.ts", mode, mode === "plain" ? csv : dir, join(root, `out-${mode}`)],
    {
      encoding: "utf-8",
      stdio: ["ignore", "pipe", "inherit"]
    }
  );
  if (r.status !== 0) throw new Error(`${mode} fejlede (${r.status})`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const plain: ReturnType<typeof run>[] = [];
const ingest: ReturnType<typeof run>[] = [];
for (let i = 0; i < RUNS; i++) {
  plain.push(run("plain"));
  ingest.push(run("ingest"));
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const p = med(plain.map((x) => x.ms));
const g = med(ingest.map((x) => x.ms));
const size = statSync(csv).size / 1e6;
process.stdout.write(
  [
    `stoettesystemer, ${DAYS} dage: ${plain[0].rows.toLocaleString("da-DK")} rækker, ${size.toFixed(0)} MB CSV, ${RUNS} kørsler (median)`,
    `| run | wall time | peak RSS | ratio to plain COPY |`,
    `|---|---:|---:|---:|`,
    `| plain DuckDB COPY read_csv → Parquet (baseline) | ${(p / 1000).toFixed(1)} s | ${Math.max(...plain.map((x) => x.maxRssMB))} MB | 1,00 |`,
    `| kommunetal ingest (checks, rejects, reconciliation, partitioned) | ${(g / 1000).toFixed(1)} s | ${Math.max(...ingest.map((x) => x.maxRssMB))} MB | ${(g / p).toFixed(2).replace(".", ",")} |`,
    `rækker ud: ${ingest[0].rows.toLocaleString("da-DK")}; alle kørsler: plain ${plain.map((x) => x.ms).join(", ")} ms; ingest ${ingest.map((x) => x.ms).join(", ")} ms`
  ].join("\n") + "\n"
);
