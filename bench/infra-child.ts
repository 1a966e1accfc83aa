/**
 * One measured run for bench/infra.bench.ts, in its own process so peak RSS is its own:
 *   node --import tsx bench/infra-child.ts plain <csv> <out>      plain DuckDB COPY read_csv → Parquet
 *   node --import tsx bench/infra-child.ts ingest <dir> <out>     kommunetal's ingest (validate, reject, reconcile, partition)
 *   node --import tsx bench/infra-child.ts validate <dir> <out>   the same ingest, then every validation rule
 *                                                                 (loaders/validate/support.ts), timed apart
 * Prints one JSON line: {ms (the COPY or the ingest alone), validateMs, rows, findings, maxRssMB}.
 */
import { rmSync } from "node:fs";
import { buildBefolkning, buildKommuner } from "../loaders/datasets.js";
import { ingestExtracts, openDuckDB } from "../loaders/infra/ingest.js";
import { kommunegruppeGroups } from "../loaders/validate/demo-noegletal.js";
import { validateSupport } from "../loaders/validate/support.js";
import { childResult } from "./child.js";

const [mode, input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const codes = mode === "plain" ? [] : buildKommuner().map((k) => k.kommunekode);
// the same DuckDB settings as the product (memory limit, spilling to a temporary folder); the plain COPY too
const { instance, con } = await openDuckDB(`${out}.tmp`);
const t0 = performance.now();
let rows = 0;
let findings = 0;
let validateMs = 0;
if (mode === "plain") {
  const r = await con.runAndReadAll(`COPY (SELECT * FROM read_csv('${input}')) TO '${out}' (FORMAT parquet)`);
  rows = Number(r.getRows()[0][0]);
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
