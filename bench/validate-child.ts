/**
 * One measured run for bench/validate.bench.ts, in its own process so peak RSS is its own:
 *   node --import tsx bench/validate-child.ts ingest <dir> <out>     kommunetal's ingest alone (the baseline)
 *   node --import tsx bench/validate-child.ts validate <dir> <out>   the same ingest + every validation rule
 * Prints one JSON line: {ms, validateMs (the validation step alone), maxRssMB, rows, findings}.
 */
import { rmSync } from "node:fs";
import { buildBefolkning, buildKommuner } from "../loaders/datasets.js";
import { ingestExtracts, openDuckDB } from "../loaders/infra/ingest.js";
import { kommunegruppeGroups } from "../loaders/validate/demo-noegletal.js";
import { validateSupport } from "../loaders/validate/support.js";
import { childResult } from "./child.js";

const [mode, input, out] = process.argv.slice(2);
rmSync(out, { recursive: true, force: true });
const codes = buildKommuner().map((k) => k.kommunekode);
const befolkning: Record<string, number> = {};
for (const r of buildBefolkning().rows) if (r.maaned === "2022M04") befolkning[r.kommunekode] = r.befolkning;
const groups = kommunegruppeGroups();
// the same DuckDB settings as the product (memory limit, spilling to a temporary folder); the plain COPY too
const { instance, con } = await openDuckDB(`${out}.tmp`);
const t0 = performance.now();
const res = await ingestExtracts(input, out, codes, con, () => {});
const rows = res.reports.reduce((s, r) => s + r.rowsOut, 0);
let findings = res.reports.reduce((s, r) => s + r.rowsRejected + r.fileFindings.length, 0);
// the validation step's own time (aggregation + rules), apart from the ingest before it
let validateMs = 0;
if (mode === "validate") {
  const t1 = performance.now();
  const f = await validateSupport(con, res.parquetDir, {
    file: "stoettesystemer",
    kommunekoder: codes,
    groups,
    befolkning
  });
  validateMs = Math.round(performance.now() - t1);
  findings += f.length;
}
const ms = performance.now() - t0;
con.closeSync();
instance.closeSync();
rmSync(`${out}.tmp`, { recursive: true, force: true });
childResult({ ms: Math.round(ms), validateMs, rows, findings });
