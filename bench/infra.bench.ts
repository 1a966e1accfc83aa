/**
 * Ingest of the hourly support-system extract (stoettesystemer) at KOMBIT's scale:
 * wall time and peak RSS of kommunetal's ingest (contract checks, rejects with line
 * numbers, reconciliation, Hive-partitioned Parquet) against a plain DuckDB
 * `COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet)` of the same file (the baseline issue #8 names),
 * and against a second baseline, the FLOOR: the same file written with the contract's column types to the
 * year=/month= layout with no check at all, i.e. what the output format alone costs. Measured in the same run,
 * each in its own process, alternating, RUNS times (median).
 *
 *   npm run bench -- infra                          # default 120 days (~5 million rows)
 *   INFRA_BENCH_DAYS=26 npm run bench -- infra      # ~1 million rows
 *   npm run bench -- infra --full-scale             # all 36 months (46.7 million rows, 5.5 GB CSV; ~3 min per run
 *                                                   #   pair on the shared 2-core machine: not part of a plain `npm run bench`)
 *   npm run bench -- infra --full-scale --csv /tmp/x/stoettesystemer_seed1_fuld.csv   # reuse an extract written by
 *                                                   #   `npm run demodata -- --seed 1 --out /tmp/x --full-scale`
 *   ... --one-reject                                # the same file with ONE bad row in its middle (kommunekode 999): the
 *                                                   #   direct path stops and the slow pass names the line (the cost
 *                                                   #   of a file with something to report)
 *   ... --validate                                  # the ingest child then also runs every validation rule
 *                                                   #   (loaders/validate/support.ts) and times that step on its own
 *
 * A generated extract is kept in bench/results/ (git-ignored) and reused.
 */

import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync
} from "node:fs";
import { basename, join, resolve } from "node:path";
import { generateDemo } from "../loaders/infra/demo.js";
import { flag, median, runChild } from "./child.js";

const FULL = process.argv.includes("--full-scale");
const ONE_REJECT = process.argv.includes("--one-reject");
const VALIDATE = process.argv.includes("--validate");
const DAYS = FULL ? 1096 : Number(process.env.INFRA_BENCH_DAYS ?? "120");
const RUNS = Number(process.env.RUNS ?? (FULL ? "1" : "2"));
const root = resolve("bench/results", FULL ? "infra-fuld" : `infra-${DAYS}d`);
const given = flag("--csv");
const source = given ? resolve(given) : join(root, "gen", "stoettesystemer_seed1_fuld.csv");
if (!existsSync(source)) {
  if (given) throw new Error(`Filen findes ikke: ${given}`);
  const t = performance.now();
  await generateDemo({
    seed: 1,
    out: join(root, "gen"),
    fullScale: true,
    supportDays: FULL ? undefined : DAYS,
    only: ["stoettesystemer"]
  });
  process.stdout.write(`genereret ${source} på ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}

/** A copy of `src` whose first data line after the middle byte has kommunekode 999 (third field): one reject. */
async function withOneReject(src: string, target: string): Promise<void> {
  const size = statSync(src).size;
  const fd = openSync(src, "r");
  const buf = Buffer.alloc(1 << 16);
  readSync(fd, buf, 0, buf.length, Math.floor(size / 2));
  closeSync(fd);
  const start = Math.floor(size / 2) + buf.indexOf(10) + 1;
  const line = buf.subarray(buf.indexOf(10) + 1, buf.indexOf(10, buf.indexOf(10) + 1)).toString("utf8");
  const cells = line.split(";");
  cells[2] = "999";
  const out = createWriteStream(target);
  const copy = (from: number, to: number) =>
    new Promise<void>((ok, fail) => {
      const r = createReadStream(src, { start: from, end: to - 1 });
      r.on("error", fail).on("end", ok).pipe(out, { end: false });
    });
  await copy(0, start);
  out.write(cells.join(";"));
  await copy(start + Buffer.byteLength(line), size);
  await new Promise((ok) => out.end(ok));
}
const csv = ONE_REJECT ? join(root, "en-afvisning", basename(source)) : source;
if (ONE_REJECT) {
  mkdirSync(join(root, "en-afvisning"), { recursive: true });
  await withOneReject(source, csv);
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
const run = (mode: "plain" | "floor" | "ingest"): Run =>
  runChild<Run>("bench/infra-child.ts", [
    mode === "ingest" && VALIDATE ? "validate" : mode,
    mode === "ingest" ? dir : csv,
    join(root, `out-${mode}`)
  ]);

const load = () =>
  existsSync("/proc/loadavg") ? readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ") : "?";
const plain: Run[] = [];
const floor: Run[] = [];
const ingest: Run[] = [];
const loads: string[] = [load()];
for (let i = 0; i < RUNS; i++) {
  plain.push(run("plain"));
  loads.push(load());
  floor.push(run("floor"));
  loads.push(load());
  ingest.push(run("ingest"));
  loads.push(load());
}
const p = median(plain.map((x) => x.ms));
const fl = median(floor.map((x) => x.ms));
const g = median(ingest.map((x) => x.ms));
const ratio = (x: number, base: number) => (x / base).toFixed(2).replace(".", ",");
const size = statSync(csv).size / 1e6;
const lines = [
  `stoettesystemer, ${DAYS} dage${ONE_REJECT ? ", én afvist række midt i filen" : ""}: ${plain[0].rows.toLocaleString("da-DK")} rækker, ${size.toFixed(0)} MB CSV, ${RUNS} kørsler (median)`,
  "| run | wall time | peak RSS | ratio to plain COPY | ratio to the floor |",
  "|---|---:|---:|---:|---:|",
  `| plain DuckDB COPY read_csv → Parquet (baseline) | ${(p / 1000).toFixed(1)} s | ${Math.max(...plain.map((x) => x.maxRssMB))} MB | 1,00 | ${ratio(p, fl)} |`,
  `| floor: contract types, year=/month= layout, no checks | ${(fl / 1000).toFixed(1)} s | ${Math.max(...floor.map((x) => x.maxRssMB))} MB | ${ratio(fl, p)} | 1,00 |`,
  `| kommunetal ingest (checks, rejects, reconciliation, partitioned) | ${(g / 1000).toFixed(1)} s | ${Math.max(...ingest.map((x) => x.maxRssMB))} MB | ${ratio(g, p)} | ${ratio(g, fl)} |`,
  `rækker ud: ${ingest[0].rows.toLocaleString("da-DK")}, afvist: ${ingest[0].findings ?? 0} (gulvet ${floor[0].rows.toLocaleString("da-DK")}); alle kørsler: plain ${plain.map((x) => x.ms).join(", ")} ms; gulv ${floor.map((x) => x.ms).join(", ")} ms; ingest ${ingest.map((x) => x.ms).join(", ")} ms`,
  `belastning (/proc/loadavg 1/5/15 min) før og efter hver kørsel: ${loads.join(" → ")}`
];
if (VALIDATE)
  lines.push(
    `valideringstrinnet alene (aggregering + alle regler, efter ingest i samme proces): ${ingest.map((x) => x.validateMs).join(", ")} ms = ` +
      `${ingest.map((x) => `${((100 * (x.validateMs ?? 0)) / (x.ms - (x.validateMs ?? 0))).toFixed(1)} %`).join(", ")} af samme kørsels ingest; fund: ${ingest[0].findings}`
  );
process.stdout.write(`${lines.join("\n")}\n`);
