/**
 * The ingest's SLOW, line-numbering pass (loaders/infra/ingest.ts), and what the other paths share with it: how a
 * planned file is read (`readerOf`), the contract checks and typed values in SQL (`okSql`, `typedSql`), the lines
 * DuckDB sets aside (`setAside`) and the finding for a rejected row (`rejectFinding`).
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type Contract,
  checkRow,
  type ExtractKind,
  type FileFormat,
  type Finding,
  KLARMELDING_STATUSES,
  VALUE_PATTERNS
} from "../../common/infra/contracts.js";
import { splitRows } from "../lib/text.js";
import { all, ident, listParquet, moveParquet, num, q } from "./duck.js";

export interface FileReport {
  file: string;
  kind: ExtractKind;
  format: FileFormat;
  rowsIn: number;
  rowsOut: number;
  rowsRejected: number;
  /** sum of the contract's count column (antal_kald / antal_sager) */
  countIn: number;
  countOut: number;
  countRejected: number;
  /** rejected rows, first `MAX_FINDINGS` (all of them are counted in rowsRejected) */
  findings: Finding[];
  /** findings about the whole file (e.g. a missing column): the file is not read */
  fileFindings: Finding[];
}

export const MAX_FINDINGS = 2000;

/** One extract file, as the ingest plans to read it. */
export interface PlannedFile {
  /** its index in the folder (name order): names its reject tables and Parquet files (`f<fi>_*.parquet`) */
  fi: number;
  path: string;
  /** the file DuckDB reads: `path`, or an LF copy of it when its line endings are mixed */
  readPath: string;
  file: string;
  contract: Contract;
  format: FileFormat;
  header: string[];
}

/** DuckDB's reader of a planned file: every column as text, lines it cannot read set aside in `rejectsTable`. */
export function readerOf(plan: PlannedFile, rejectsTable: string, readPath = plan.readPath): string {
  const { format, header } = plan;
  return `read_csv(${q(readPath)}, delim=${q(format.delimiter)}, header=true, all_varchar=true, quote='"', escape='"',
      encoding=${q(format.encoding)}, store_rejects=true, rejects_table=${q(rejectsTable)}, rejects_scan=${q(rejectsTable + "_scan")}, ignore_errors=true,
      auto_detect=false, columns={${header.map((h, i) => `${q(h || `kolonne${i + 1}`)}: 'VARCHAR'`).join(", ")}})`;
}

/** Write `path` (gunzipped if `.gz`) to `target` with every CR that ends a line removed. */
export async function lfCopy(path: string, target: string): Promise<void> {
  let pendingCr = false;
  const strip = new Transform({
    transform(chunk: Buffer, _enc, done) {
      let from = 0;
      const parts: Buffer[] = [];
      if (pendingCr) {
        if (chunk[0] !== 10) parts.push(Buffer.from([13]));
        pendingCr = false;
      }
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== 13) continue;
        if (i === chunk.length - 1) {
          parts.push(chunk.subarray(from, i));
          from = chunk.length;
          pendingCr = true;
        } else if (chunk[i + 1] === 10) {
          parts.push(chunk.subarray(from, i));
          from = i + 1;
        }
      }
      if (from < chunk.length) parts.push(chunk.subarray(from));
      done(null, Buffer.concat(parts));
    },
    flush(done) {
      done(null, pendingCr ? Buffer.from([13]) : Buffer.alloc(0));
    }
  });
  const source = createReadStream(path);
  if (path.endsWith(".gz")) await pipeline(source, createGunzip(), strip, createWriteStream(target));
  else await pipeline(source, strip, createWriteStream(target));
}

/**
 * SQL boolean: does the record satisfy the contract's value rules? The same rules as the pure
 * TS `valueProblem` (patterns from VALUE_PATTERNS, code lists, calendar dates); the Danish
 * reason for a rejected record is then produced by the TS check on its raw line.
 */
export function okSql(contract: Contract, format: FileFormat, kommunekoder: readonly string[]): string {
  const parts: string[] = [];
  for (const spec of contract.columns) {
    const c = `trim(${ident(spec.name)})`;
    const conds: string[] = [];
    if (spec.type === "tekst" || spec.type === "kode") conds.push(`${c} <> ''`);
    else conds.push(`regexp_full_match(${c}, ${q(VALUE_PATTERNS[spec.type])})`);
    if (spec.type === "heltal" && format.decimal === "almindelig") conds.push(`NOT contains(${c}, '.')`);
    // a count must fit the BIGINT it is stored as (TRY_CAST would silently give NULL)
    if (spec.type === "heltal") conds.push(`TRY_CAST(replace(${c}, '.', '') AS BIGINT) IS NOT NULL`);
    if (spec.type === "kommunekode") conds.push(`${c} IN (${kommunekoder.map(q).join(", ")})`);
    if (spec.name === "status")
      conds.push(`(regexp_full_match(${c}, 'Forløb [0-9]+') OR ${c} IN (${KLARMELDING_STATUSES.map(q).join(", ")}))`);
    else if (spec.values) conds.push(`${c} IN (${spec.values.map(q).join(", ")})`);
    if (spec.type === "dato" || spec.type === "time") conds.push(`try_cast(left(${c}, 10) AS DATE) IS NOT NULL`);
    const all = conds.join(" AND ");
    parts.push(spec.optional ? `(coalesce(${c}, '') = '' OR coalesce(${all}, false))` : `coalesce(${all}, false)`);
  }
  return parts.join("\n  AND ");
}

/**
 * The typed projection written to Parquet (extra columns kept as text). `trimmed = false` (the fast pass) reads
 * the values as they are: only used where `fastOkSql` has made sure no value has a space at either end.
 */
export function typedSql(contract: Contract, header: string[], format: FileFormat, trimmed = true): string {
  const known = new Set(contract.columns.map((c) => c.name));
  const cols = contract.columns.map((spec) => {
    const c = trimmed ? `trim(${ident(spec.name)})` : ident(spec.name);
    switch (spec.type) {
      case "heltal":
        return `TRY_CAST(${format.decimal === "dansk" ? `replace(${c}, '.', '')` : c} AS BIGINT) AS ${ident(spec.name)}`;
      case "dato":
        return `TRY_CAST(${c} AS DATE) AS ${ident(spec.name)}`;
      case "time":
        return `TRY_CAST(left(replace(${c}, ' ', 'T'), 13) || ':00:00' AS TIMESTAMP) AS ${ident(spec.name)}`;
      default:
        return spec.optional ? `nullif(${c}, '') AS ${ident(spec.name)}` : `${c} AS ${ident(spec.name)}`;
    }
  });
  const extra = header.filter((h) => !known.has(h) && h !== "").map((h) => ident(h));
  return [...cols, ...extra].join(", ");
}

/** Partition columns (year, month) of a kind, from its time column (TRY_CAST: only accepted rows use them). */
function partitionSql(contract: Contract): { year: string; month: string } | undefined {
  const col = contract.timeColumn;
  if (!col) return undefined;
  return {
    year: `TRY_CAST(left(trim(${ident(col)}), 4) AS INTEGER)`,
    month: `TRY_CAST(substr(trim(${ident(col)}), 6, 2) AS INTEGER)`
  };
}

/**
 * The slow pass over one file, ONE DuckDB scan: each record gets its record number and an ok flag (the contract
 * checks in SQL); accepted and rejected records go to separate partitions of a staging folder, the accepted files
 * move into place, and the rejected ones get their line and Danish reason from the pure TS checks on their raw lines.
 */
export async function slowPass(
  con: DuckDBConnection,
  plan: PlannedFile,
  o: {
    outDir: string;
    kommunekoder: readonly string[];
    codeSet: ReadonlySet<string>;
    log: (s: string) => void;
    timing: (s: string) => void;
  }
): Promise<{ report: FileReport; lineOf: (rn: number) => number }> {
  const { fi, path, file, contract, format, header } = plan;
  const { outDir } = o;
  const measure = contract.measure;
  const rejTable = `infra_rej_${fi}_0`;
  // DuckDB appends to an existing reject table: a file read again starts from an empty one
  await con.run(`DROP TABLE IF EXISTS ${ident(rejTable)}; DROP TABLE IF EXISTS ${ident(`${rejTable}_scan`)}`);
  let readPath = plan.readPath;
  const ok = okSql(contract, format, o.kommunekoder);
  const part = partitionSql(contract);
  const staging = join(outDir, ".staging", `f${fi}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(outDir, ".staging"), { recursive: true });
  const selectOf = (
    reader: string
  ) => `SELECT ${typedSql(contract, header, format)}, ${q(file)} AS kildefil, _rn AS kilderaekke, CASE WHEN _ok THEN 0 ELSE 1 END AS _afvist
        ${part ? `, CASE WHEN _ok THEN ${part.year} ELSE 0 END AS year, CASE WHEN _ok THEN ${part.month} ELSE 0 END AS month` : ""}
      FROM (SELECT *, ${ok} AS _ok FROM (SELECT row_number() OVER () AS _rn, * FROM ${reader}))`;
  const t0 = performance.now();
  const copySql = (sel: string) =>
    `COPY (${sel}) TO ${q(staging)} (FORMAT parquet, PARTITION_BY (_afvist${part ? ", year, month" : ""}), FILENAME_PATTERN 'f${fi}_{i}')`;
  let copied: Awaited<ReturnType<DuckDBConnection["runAndReadAll"]>>;
  try {
    copied = await con.runAndReadAll(copySql(selectOf(readerOf(plan, rejTable))));
  } catch (e) {
    // line endings that change after the sample: read an LF copy from the start (rejects and output discarded)
    if (readPath !== path || !/state machine|invalid state/i.test((e as Error).message)) throw e;
    readPath = join(outDir, ".staging", `lf-${fi}.csv`);
    await lfCopy(path, readPath);
    rmSync(staging, { recursive: true, force: true });
    await con.run(`DROP TABLE IF EXISTS ${ident(rejTable)}; DROP TABLE IF EXISTS ${ident(`${rejTable}_scan`)}`);
    o.log(
      `[infrastruktur] ${file}: [form.linjeskift] linjeskiftene skifter undervejs i filen; læst igen fra en kopi med LF`
    );
    copied = await con.runAndReadAll(copySql(selectOf(readerOf(plan, rejTable, readPath))));
  }
  const rowsRead = num(copied.getRows()[0]?.[0]);
  o.timing(`${file}: indlæsning og kontrol med linjenumre ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const kindDir = join(outDir, contract.kind);
  moveParquet(join(staging, "_afvist=0"), kindDir);
  const measureSql = measure ? `sum(${ident(measure)})` : "0";
  const rejectedGlob = join(staging, "_afvist=1", "**", "*.parquet");
  const hasRejected = existsSync(join(staging, "_afvist=1"));
  const okGlob = join(kindDir, "**", `f${fi}_*.parquet`);
  const hasOk = listParquet(kindDir).some((f) => basename(f).startsWith(`f${fi}_`));
  const out = hasOk
    ? (
        await all(
          con,
          `SELECT count(*) AS n, ${measureSql} AS s FROM read_parquet(${q(okGlob)}, hive_partitioning=false)`
        )
      )[0]
    : { n: 0, s: 0 };
  const bad = hasRejected
    ? await all(
        con,
        `SELECT kilderaekke, ${measure ? ident(measure) : "0"} AS antal FROM read_parquet(${q(rejectedGlob)}, hive_partitioning=false) ORDER BY kilderaekke`
      )
    : [];
  rmSync(staging, { recursive: true, force: true });
  const { findings, lineOf, lines: structuralLines } = await setAside(con, rejTable, file, header);
  // the reasons come from the pure TS checks on the raw lines (the same rules the SQL applied)
  const wanted = bad.slice(0, MAX_FINDINGS).map((b) => lineOf(num(b.kilderaekke)));
  const raw = wanted.length ? await readLines(path, format, new Set(wanted)) : new Map<number, string>();
  for (const line of wanted) {
    const text = raw.get(line) ?? "";
    const cells = splitRows(text, file, format.delimiter)[0]?.cells ?? [];
    findings.push(rejectFinding(cells, plan, line, o.codeSet));
  }
  const report: FileReport = {
    file,
    kind: contract.kind,
    format,
    rowsIn: rowsRead + structuralLines,
    rowsOut: num(out.n),
    rowsRejected: bad.length + structuralLines,
    countIn: num(out.s) + bad.reduce((a, b) => a + num(b.antal), 0),
    countOut: num(out.s),
    countRejected: bad.reduce((a, b) => a + num(b.antal), 0),
    findings,
    fileFindings: []
  };
  if (rowsRead !== report.rowsOut + bad.length)
    throw new Error(
      `[infrastruktur] afstemning fejler for ${file}: læst ${rowsRead} poster, men skrevet ${report.rowsOut} + afvist ${bad.length}`
    );
  return { report, lineOf };
}

/**
 * The lines DuckDB set aside in a scan (wrong number of fields, unreadable), as findings, and the record → line
 * mapping they imply: DuckDB numbers the records it reads in file order, so record n is line n + 1 shifted by the
 * lines set aside before it.
 */
export async function setAside(
  con: DuckDBConnection,
  rejectsTable: string,
  file: string,
  header: readonly string[]
): Promise<{ findings: Finding[]; lineOf: (rn: number) => number; lines: number }> {
  const structural = await all(
    con,
    `SELECT line, min(column_idx) AS column_idx, min(error_type) AS error_type FROM ${ident(rejectsTable)} GROUP BY line ORDER BY line`
  );
  const structLines = structural.map((x) => num(x.line));
  const lineOf = (rn: number) => {
    let line = rn + 1;
    for (const l of structLines) if (l <= line) line++;
    return line;
  };
  const findings: Finding[] = [];
  for (const x of structural) {
    if (findings.length >= MAX_FINDINGS) break;
    const line = num(x.line);
    const reason = /TOO MANY/.test(String(x.error_type))
      ? `rækken har flere felter end overskriftens ${header.length}`
      : /MISSING/.test(String(x.error_type))
        ? `rækken har færre felter end overskriftens ${header.length}`
        : `rækken kan ikke læses som CSV (${x.error_type})`;
    findings.push({
      rule: "infra.felter",
      severity: "fejl",
      message: `${file}:${line}: ${reason}`,
      file,
      line,
      column: num(x.column_idx)
    });
  }
  return { findings, lineOf, lines: structural.length };
}

/**
 * Why a row the SQL checks refused is rejected: the first finding of the pure TS checks on its raw cells (the same
 * rules), or a general one if they find nothing.
 */
export function rejectFinding(
  cells: readonly string[],
  plan: PlannedFile,
  line: number,
  codeSet: ReadonlySet<string>
): Finding {
  const { file, header, contract, format } = plan;
  return (
    checkRow(cells, header, contract, file, line, codeSet, format.decimal)[0] ?? {
      rule: "infra.vaerdi",
      severity: "fejl",
      message: `${file}:${line}: rækken opfylder ikke kontrakten`,
      file,
      line,
      column: 0
    }
  );
}

/** The raw text of the given 1-based line numbers of a file (streamed; gunzipped and decoded as detected). */
async function readLines(path: string, format: FileFormat, lines: ReadonlySet<number>): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  const max = Math.max(...lines);
  const stream = createReadStream(path);
  const input = path.endsWith(".gz") ? stream.pipe(createGunzip()) : stream;
  const decoded = input.setEncoding(format.encoding === "latin-1" ? "latin1" : "utf8");
  const rl = createInterface({ input: decoded, crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    n++;
    if (lines.has(n)) out.set(n, n === 1 ? text.replace(/^\uFEFF/, "") : text);
    if (n >= max) break;
  }
  rl.close();
  stream.destroy();
  return out;
}
