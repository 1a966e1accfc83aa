/**
 * Repair of a file the ingest's direct path flagged (loaders/infra/direct.ts): only the flagged rows are found again,
 * with their record numbers, and judged as the slow pass judges every row (loaders/infra/slow.ts).
 */

import { renameSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  badValueSql,
  type DirectResult,
  directFromSql,
  directVerdictSql,
  partitionOf,
  timeFormOf,
  withHourJoin
} from "./direct.js";
import { all, ident, listParquet, moveParquet, num, q } from "./duck.js";
import {
  type FileReport,
  MAX_FINDINGS,
  okSql,
  type PlannedFile,
  readerOf,
  rejectFinding,
  setAside,
  typedSql
} from "./slow.js";

/** The most rows the repair of a directly read file judges one by one; a file with more takes the slow pass. */
export const MAX_REPAIR_ROWS = 100_000;

/**
 * Repair a file the direct path flagged (direct.ts): its clean rows are written already, so only the flagged rows
 * (those the per-row checks refused, and those holding a refused value) are found again, with their record numbers,
 * by ONE numbering scan filtered by the same cheap checks, and judged exactly as the slow pass judges every row
 * (`okSql`, the reason from the TS checks). Rows the slow pass accepts (a padded value, another form of the hour)
 * are written with its typed values; the others are rejected with their line. The result equals the slow pass's
 * (test/infra/ingest-direct.test.ts). Returns null (staging dropped) when there are too many flagged rows.
 */
export async function repairPass(
  con: DuckDBConnection,
  plan: PlannedFile,
  res: Extract<DirectResult, { status: "flagged" }>,
  o: {
    outDir: string;
    kommunekoder: readonly string[];
    codeSet: ReadonlySet<string>;
    rejectsTable: string;
    /** the time column's value in the first data row: the form of the hour the direct path took (direct.ts) */
    firstTime: string | undefined;
  }
): Promise<FileReport | null> {
  const { fi, file, contract, format, header } = plan;
  const measure = contract.measure;
  const okDir = join(res.staging, "_ok=true");
  const valueSql = badValueSql(res.bad);
  try {
    // how many rows are flagged: all of _ok=false, and the rows of _ok=true with a refused value (columnar counts)
    const count = async (dir: string, where: string) =>
      listParquet(dir).length
        ? num(
            (
              await all(
                con,
                `SELECT count(*) AS n FROM read_parquet(${q(join(dir, "**", "*.parquet"))}, hive_partitioning=false) WHERE ${where}`
              )
            )[0].n
          )
        : 0;
    const flagged = (await count(join(res.staging, "_ok=false"), "true")) + (await count(okDir, valueSql));
    if (flagged > MAX_REPAIR_ROWS) return null;
    // one numbering scan, in file order, of the flagged rows only: raw cells, the slow pass's verdict and typed values
    const scanRejects = `infra_rej_${fi}_reparation`;
    await con.run(`DROP TABLE IF EXISTS ${ident(scanRejects)}; DROP TABLE IF EXISTS ${ident(`${scanRejects}_scan`)}`);
    await con.run("SET preserve_insertion_order = true");
    const form = timeFormOf(o.firstTime);
    const rawCols = header.map((h, i) => `${ident(h || `kolonne${i + 1}`)} AS ${ident(`_r${i}`)}`).join(", ");
    // the direct path's own verdict (with its hour table) picks the rows it flagged
    const numbered = `(SELECT row_number() OVER () AS _rn, * FROM ${readerOf(plan, scanRejects)})`;
    await withHourJoin(con, () =>
      con.run(`CREATE OR REPLACE TEMP TABLE _reparation AS
        SELECT _rn, ${rawCols}, coalesce(${okSql(contract, format, o.kommunekoder)}, false) AS _slowok, ${typedSql(contract, header, format)}
        FROM (SELECT _src.* FROM ${directFromSql(contract, numbered, res.hours)}
          WHERE NOT ${directVerdictSql(contract, format, form, res.hours)} OR ${valueSql})`)
    );
    const rows = await all(
      con,
      `SELECT _rn, _slowok, ${header.map((_, i) => `_r${i}`).join(", ")}, ${measure ? ident(measure) : "0"} AS _antal FROM _reparation ORDER BY _rn`
    );
    if (rows.length !== flagged)
      throw new Error(
        `[infrastruktur] afstemning fejler for ${file}: ${flagged} rækker markeret af den direkte vej, men ${rows.length} fundet igen med linjenumre`
      );
    const { findings, lineOf, lines: setAsideLines } = await setAside(con, o.rejectsTable, file, header);
    const rejected: number[] = [];
    let countRejected = 0;
    for (const r of rows) {
      if (r._slowok === true) continue;
      rejected.push(num(r._rn));
      countRejected += num(r._antal);
      if (findings.length >= MAX_FINDINGS) continue;
      const line = lineOf(num(r._rn));
      const cells = header.map((_, i) => (r[`_r${i}`] === null ? "" : String(r[`_r${i}`])));
      findings.push(rejectFinding(cells, plan, line, o.codeSet));
    }
    findings.sort((a, b) => a.line - b.line);
    // the clean rows: the written files without the rows holding a refused value (rewritten only where they are)
    const kindDir = join(o.outDir, contract.kind);
    if (res.bad.length)
      for (const f of listParquet(okDir)) {
        const n = num(
          (
            await all(con, `SELECT count(*) AS n FROM read_parquet(${q(f)}, hive_partitioning=false) WHERE ${valueSql}`)
          )[0].n
        );
        if (!n) continue;
        await con.run(
          `COPY (SELECT * FROM read_parquet(${q(f)}, hive_partitioning=false) WHERE NOT ${valueSql}) TO ${q(`${f}.tmp`)} (FORMAT parquet)`
        );
        renameSync(`${f}.tmp`, f);
      }
    moveParquet(okDir, kindDir);
    // the flagged rows the slow pass accepts, with its typed values
    const part = partitionOf(contract);
    const accepted = rows.length - rejected.length;
    if (accepted) {
      const typedCols = [
        ...contract.columns.map((c) => c.name),
        ...header.filter((h) => h !== "" && !contract.columns.some((c) => c.name === h))
      ];
      await con.run(
        `COPY (SELECT ${typedCols.map(ident).join(", ")}, ${q(file)} AS kildefil${part}
           FROM _reparation WHERE _slowok)
         TO ${q(join(res.staging, "reparation"))} (FORMAT parquet${part ? ", PARTITION_BY (year, month)" : ""}, FILENAME_PATTERN 'f${fi}_r{i}')`
      );
      moveParquet(join(res.staging, "reparation"), kindDir);
    }
    await con.run("DROP TABLE IF EXISTS _reparation");
    const mine = join(kindDir, "**", `f${fi}_*.parquet`);
    const [out] = listParquet(kindDir).some((f) => basename(f).startsWith(`f${fi}_`))
      ? await all(
          con,
          `SELECT count(*) AS n, ${measure ? `sum(${ident(measure)})` : "0"} AS s FROM read_parquet(${q(mine)}, hive_partitioning=false)`
        )
      : [{ n: 0, s: 0 }];
    const report: FileReport = {
      file,
      kind: contract.kind,
      format,
      rowsIn: res.rowsRead + setAsideLines,
      rowsOut: num(out.n),
      rowsRejected: rejected.length + setAsideLines,
      countIn: num(out.s) + countRejected,
      countOut: num(out.s),
      countRejected,
      findings,
      fileFindings: []
    };
    if (res.rowsRead !== report.rowsOut + rejected.length)
      throw new Error(
        `[infrastruktur] afstemning fejler for ${file}: læst ${res.rowsRead} poster, men skrevet ${report.rowsOut} + afvist ${rejected.length}`
      );
    return report;
  } finally {
    rmSync(res.staging, { recursive: true, force: true });
    if (res.hours) await con.run(`DROP TABLE IF EXISTS ${ident(res.hours)}`);
  }
}
