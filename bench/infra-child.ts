/**
 * One measured run for bench/infra.bench.ts, in its own process so peak RSS is its own:
 *   node --import tsx bench/infra-child.ts plain <csv> <out>    plain DuckDB COPY read_csv → Parquet
 *   node --import tsx bench/infra-child.ts ingest <dir> <out>   kommunetal's ingest (validate, reject, reconcile, partition)
 * Prints one JSON line: {ms, maxRssMB, rows}.
 */
import { rmSync } from "node:fs";
import { DuckDBInstance } from "@duckdb/node-api";
import { buildKommuner } from "../loaders/datasets.js";
import { ingestExtracts } from "../loaders/infra/ingest.js";

const [mode, input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const codes = mode === "ingest" ? buildKommuner().map((k) => k.kommunekode) : [];
const instance = await DuckDBInstance.create(":memory:", { temp_directory: `${out}.tmp` });
const con = await instance.connect();
const t0 = performance.now();
let rows = 0;
if (mode === "plain") {
  const r = await con.runAndReadAll(`COPY (SELECT * FROM read_csv('${input}')) TO '${out}' (FORMAT parquet)`);
  rows = Number(r.getRows()[0][0]);
} else {
  const res = await ingestExtracts(input, out, codes, con, () => {});
  rows = res.reports.reduce((s, r) => s + r.rowsOut, 0);
}
const ms = performance.now() - t0;
con.closeSync();
instance.closeSync();
rmSync(`${out}.tmp`, { recursive: true, force: true });
process.stdout.write(
  JSON.stringify({ ms: Math.round(ms), maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024), rows }) + "\n"
);
