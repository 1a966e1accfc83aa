/**
 * Ingest of the hourly support-system extract (stoettesystemer) at KOMBIT's scale:
 * wall time and peak RSS of kommunetal's ingest (contract checks, rejects with line
 * numbers, reconciliation, Hive-partitioned Parquet) against a plain DuckDB
 * `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)` of the same file, measured
 * in the same run, each in its own process, alternating, RUNS times (median).
 *
 *   npm run bench -- infra                          # default 120 days (~4.7 million rows)
 *   INFRA_BENCH_DAYS=26 npm run bench -- infra      # ~1 million rows
 *   npm run bench -- infra --full-scale             # all 36 months (42.1 million rows, 5.0 GB CSV; ~15 min per run
 *                                                   #   pair on the shared 2-core machine: not part of a plain `npm run bench`)
 *   npm run bench -- infra --full-scale --csv /tmp/x/stoettesystemer_seed1_fuld.csv   # reuse an extract written by
 *                                                   #   `npm run demodata -- --seed 1 --out /tmp/x --full-scale`
 *   ... --validate                                  # the ingest child then also runs every validation rule
 *                                                   #   (loaders/validate/support.ts) and times that step on its own
 *
 * A generated extract is kept in bench/results/ (git-ignored) and reused.
 */

import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { generateDemo } from "../loaders/infra/demo.js";
import { flag, median, runChild } from "./child.js";

const FULL = process.argv.includes("--full-scale");
const VALIDATE = process.argv.includes("--validate");
const DAYS = FULL ? 1096 : Number(process.env.INFRA_BENCH_DAYS ?? "120");
const RUNS = Number(process.env.RUNS ?? (FULL ? "1" : "2"));
const root = resolve("bench/results", FULL ? "infra-fuld" : `infra-${DAYS}d`);
const given = flag("--csv");
const csv = given ? resolve(given) : join(root, "gen", "stoettesystemer_seed1_fuld.csv");
if (!existsSync(csv)) {
  if (given) throw new Error(`Filen findes ikke: ${given}`);
  const t = performance.now();
  await generateDemo({
    seed: 1,
    out: join(root, "gen"),
    fullScale: true,
    supportDays: FULL ? undefined : DAYS,
    only: ["stoettesystemer"]
  });
  process.stdout.write(`genereret ${csv} på ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}
const dir = join(root, "extracts");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
symlinkSync(csv, join(dir, basename(csv).startsWith("stoettesystemer") ? basename(csv) : "stoettesystemer_bench.csv"));

interface Run {
  ms: number;
  maxRssMB: number;
  rows: number;
  /** ingest only: the validation step's own time (with --validate), and its findings */
  validateMs?: number;
  findings?: number;
}
const run = (mode: "plain" | "ingest"): Run =>
  runChild<Run>("bench/infra-child.ts", [
    mode === "ingest" && VALIDATE ? "validate" : mode,
    mode === "plain" ? csv : dir,
    join(root, `out-${mode}`)
  ]);

const load = () =>
  existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "?";
const plain: Run[] = [];
const ingest: Run[] = [];
const loads: string[] = [load()];
for (let i = 0; i < RUNS; i++) {
  plain.push(run("plain"));
  loads.push(load());
  ingest.push(run("ingest"));
  loads.push(load());
}
const p = median(plain.map((x) => x.ms));
const g = median(ingest.map((x) => x.ms));
const size = statSync(csv).size / 1e6;
const lines = [
  `stoettesystemer, ${DAYS} dage: ${plain[0].rows.toLocaleString("da-DK")} rækker, ${size.toFixed(0)} MB CSV, ${RUNS} kørsler (median)`,
  "| run | wall time | peak RSS | ratio to plain COPY |",
  "|---|---:|---:|---:|",
  `| plain DuckDB COPY read_csv → Parquet (baseline) | ${(p / 1000).toFixed(1)} s | ${Math.max(...plain.map((x) => x.maxRssMB))} MB | 1,00 |`,
  `| kommunetal ingest (checks, rejects, reconciliation, partitioned) | ${(g / 1000).toFixed(1)} s | ${Math.max(...ingest.map((x) => x.maxRssMB))} MB | ${(g / p).toFixed(2).replace(".", ",")} |`,
  `rækker ud: ${ingest[0].rows.toLocaleString("da-DK")}; alle kørsler: plain ${plain.map((x) => x.ms).join(", ")} ms; ingest ${ingest.map((x) => x.ms).join(", ")} ms`,
  `belastning (/proc/loadavg 1/5/15 min) før og efter hver kørsel: ${loads.join(" → ")}`
];
if (VALIDATE)
  lines.push(
    `valideringstrinnet alene (aggregering + alle regler, efter ingest i samme proces): ${ingest.map((x) => x.validateMs).join(", ")} ms = ` +
      `${ingest.map((x) => `${((100 * (x.validateMs ?? 0)) / (x.ms - (x.validateMs ?? 0))).toFixed(1)} %`).join(", ")} af samme kørsels ingest; fund: ${ingest[0].findings}`
  );
process.stdout.write(`${lines.join("\n")}\n`);
