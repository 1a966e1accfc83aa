/**
 * One measured run for bench/infra.bench.ts, in its own process so peak RSS is its own:
 *   node --import tsx bench/infra-child.ts plain <csv> <out>      plain DuckDB COPY read_csv → Parquet
 *   node --import tsx bench/infra-child.ts floor <csv> <out>      the FLOOR: the same file read as text, written with the
 *                                                                 contract's column types to the year=/month= layout,
 *                                                                 with no check at all (what the format alone costs)
 *   node --import tsx bench/infra-child.ts ingest <dir> <out>     kommunetal's ingest (validate, reject, reconcile, partition)
 *   node --import tsx bench/infra-child.ts validate <dir> <out>   the same ingest, then every validation rule
 *                                                                 (loaders/validate/support.ts), timed apart
 * Prints one JSON line: {ms (the COPY or the ingest alone), validateMs, rows, findings, maxRssMB}.
 */
import { rmSync } from "node:fs";
import { CONTRACTS, detectFormat } from "../common/infra/contracts.js";
import { buildBefolkning, buildKommuner } from "../loaders/datasets.js";
import { directTypedSql, timeFormOf } from "../loaders/infra/direct.js";
import { ingestExtracts, openDuckDB, sampleOf } from "../loaders/infra/ingest.js";
import { kommunegruppeGroups } from "../loaders/validate/demo-noegletal.js";
import { validateSupport } from "../loaders/validate/support.js";
import { childResult } from "./child.js";

const [mode, input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const codes = mode === "plain" || mode === "floor" ? [] : buildKommuner().map((k) => k.kommunekode);
// the floor's SQL, built before the clock starts (as the ingest's header check is not what is measured either)
const floorSql = () => {
  const contract = CONTRACTS.stoettesystemer;
  const sample = sampleOf(input);
  const format = detectFormat(sample, contract);
  const [header, first] = new TextDecoder().decode(sample.subarray(0, 4096)).split(/\r?\n/);
  const cols = header.split(format.delimiter);
  const form = timeFormOf(first.split(format.delimiter)[cols.indexOf("time")]);
  return `COPY (SELECT *, year("time")::INTEGER AS year, month("time")::INTEGER AS month FROM (SELECT ${directTypedSql(contract, cols, format, form)}
      FROM read_csv('${input}', delim='${format.delimiter}', header=true, auto_detect=false, all_varchar=true,
        columns={${cols.map((c) => `'${c}': 'VARCHAR'`).join(", ")}})))
    TO '${out}' (FORMAT parquet, PARTITION_BY (year, month))`;
};
const floor = mode === "floor" ? floorSql() : "";
// the same DuckDB settings as the product (memory limit, spilling to a temporary folder); the plain COPY too
const { instance, con } = await openDuckDB(`${out}.tmp`);
const t0 = performance.now();
let rows = 0;
let findings = 0;
let validateMs = 0;
if (mode === "plain") {
  const r = await con.runAndReadAll(`COPY (SELECT * FROM read_csv('${input}')) TO '${out}' (FORMAT parquet)`);
  rows = Number(r.getRows()[0][0]);
} else if (mode === "floor") {
  await con.run("SET preserve_insertion_order = false"); // as the ingest's direct path
  rows = Number((await con.runAndReadAll(floor)).getRows()[0][0]);
} else {
  const res = await ingestExtracts(input, out, codes, con, () => {});
  rows = res.reports.reduce((s, r) => s + r.rowsOut, 0);
  findings = res.reports.reduce((s, r) => s + r.rowsRejected + r.fileFindings.length, 0);
  if (mode === "validate") {
    const befolkning: Record<string, number> = {};
    for (const r of buildBefolkning().rows) if (r.maaned === "2022M04") befolkning[r.kommunekode] = r.befolkning;
    const t1 = performance.now();
    const f = await validateSupport(con, res.parquetDir, {
      file: "stoettesystemer",
      kommunekoder: codes,
      groups: kommunegruppeGroups(),
      befolkning
    });
    validateMs = Math.round(performance.now() - t1);
    findings += f.length;
  }
}
const ms = Math.round(performance.now() - t0) - validateMs;
con.closeSync();
instance.closeSync();
rmSync(`${out}.tmp`, { recursive: true, force: true });
childResult({ ms, validateMs, rows, findings });
