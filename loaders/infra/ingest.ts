/**
 * Ingest of the infrastructure extracts with native DuckDB (@duckdb/node-api).
 *
 * For each file in the extracts folder whose name matches a contract
 * (common/infra/contracts.ts):
 *  1. detect encoding/BOM, delimiter and number style from the first bytes, and check the
 *     header (TypeScript, pure checks);
 *  2. kinds without record numbers (`recordNumbers: false`: the hourly support-system extract) first try the
 *     DIRECT PATH (direct.ts): one scan of the CSV, written once to the partitioned layout, the cheap per-row checks
 *     as a partition of their own and the other columns checked on their distinct values afterwards. A file with
 *     something to report (a line set aside, a refused row or value) is REPAIRED (`repairPass`): one numbering scan
 *     finds only its flagged rows, which get the slow pass's verdict and typed values; with more than
 *     `MAX_REPAIR_ROWS` flagged rows, or an error while reading, the file takes the slow pass;
 *  2'. the SLOW PASS (every other kind, and any file the direct path stops on), ONE DuckDB scan: each record gets its record number and an ok flag from SQL built from
 *     the same patterns the TS checks use (`VALUE_PATTERNS`); accepted and rejected records
 *     are written, typed, to separate partitions of a staging folder
 *     (`PARTITION_BY (_afvist, year, month)`); structural errors (wrong number of fields)
 *     come from DuckDB's reject table;
 *  3. the accepted files move into place: `<out>/<kind>/year=YYYY/month=MM/*.parquet`
 *     (Hive-partitioned; klarmelding and systemanvendelse unpartitioned), with `kildefil`
 *     and, for kinds with record numbers, `kilderaekke` (record number in the file) for lineage;
 *  4. the reasons for rejected records come from the pure TS checks run on their raw lines
 *     (read back from the file, only when there are rejects);
 *  5. repeated keys are found per kind (hash, then exact key) and all but the first are
 *     moved to the rejects; for a kind read directly, a hash check per partition first, and only if a key may
 *     repeat are its files read again with record numbers to name the lines;
 *  6. reconcile: rows and counts in = out + rejected, per file, printed to stderr; refuse to
 *     continue if they do not add up.
 *
 * Line numbers: DuckDB reads the file in order (insertion order is preserved), so the
 * n-th accepted-or-value-rejected record is line n + 1, shifted by the structurally
 * rejected lines before it. A quoted value spanning lines would shift this; the
 * contracts allow no line breaks inside values.
 */
import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync
} from "node:fs";
import { basename, join } from "node:path";
import { createInterface } from "node:readline";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, gunzipSync, constants as zc } from "node:zlib";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  CONTRACTS,
  type Contract,
  checkHeader,
  checkRow,
  contractOfFile,
  decodeSample,
  detectFormat,
  type ExtractKind,
  type FileFormat,
  type Finding,
  KLARMELDING_STATUSES,
  VALUE_PATTERNS
} from "../../common/infra/contracts.js";
import { splitRows } from "../lib/text.js";
import { badValueSql, type DirectResult, directPass, directRowOkSql, keyMayRepeat, timeFormOf } from "./direct.js";
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

export interface IngestResult {
  reports: FileReport[];
  /** folder with one Hive-partitioned Parquet dataset per kind that had files */
  parquetDir: string;
  kinds: ExtractKind[];
}

/** Read the first bytes of a file (gunzipped if `.gz`) for format detection. */
export function sampleOf(path: string, bytes = 1 << 20): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(path.endsWith(".gz") ? bytes / 4 : bytes);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const raw = buf.subarray(0, n);
    if (!path.endsWith(".gz")) return raw;
    const out = gunzipSync(raw, { finishFlush: zc.Z_SYNC_FLUSH });
    return out.subarray(0, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * Mixed line endings (some CRLF, some bare LF) make DuckDB's strict CSV reader stop with "The CSV Parser state
 * machine reached an invalid state". Where a file mixes them, kommunetal reads a copy with every CRLF made LF:
 * the bytes of the cells are unchanged (any encoding), and so are the line numbers the rejects report.
 */
export function mixedLineEndings(
  sample: Uint8Array
): { crlf: number; lf: number; firstLf: number; firstCrlf: number } | null {
  let crlf = 0;
  let lf = 0;
  let firstLf = 0;
  let firstCrlf = 0;
  let line = 1;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 10) continue;
    if (i > 0 && sample[i - 1] === 13) {
      crlf++;
      firstCrlf ||= line;
    } else {
      lf++;
      firstLf ||= line;
    }
    line++;
  }
  return crlf > 0 && lf > 0 ? { crlf, lf, firstLf, firstCrlf } : null;
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

/** The extract files in a folder, sorted by name, with their contract. */
export function extractFiles(dir: string): { path: string; contract: Contract }[] {
  if (!existsSync(dir)) throw new Error(`Mappen med udtræk findes ikke: ${dir}`);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: join(dir, name), contract: contractOfFile(name) }))
    .filter((f): f is { path: string; contract: Contract } => f.contract !== undefined && statSync(f.path).isFile());
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
 * Ingest every extract in `dir` into `outDir` (emptied first). `kommunekoder`: the 98
 * codes. `con`: an open DuckDB connection (the caller owns it).
 */
export async function ingestExtracts(
  dir: string,
  outDir: string,
  kommunekoder: readonly string[],
  con: DuckDBConnection,
  log: (s: string) => void = (s) => process.stderr.write(s + "\n")
): Promise<IngestResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = extractFiles(dir);
  const reports: FileReport[] = [];
  const kinds = new Set<ExtractKind>();
  const codeSet = new Set(kommunekoder);
  const timing = (s: string) => {
    if (process.env.KOMMUNETAL_INFRA_TIMING) log(`[infrastruktur] tid: ${s}`);
  };
  const lineOfByFile = new Map<string, (rn: number) => number>();
  /** files read on the direct path (no record numbers), per kind, to read again if a key may repeat */
  const direct = new Map<ExtractKind, PlannedFile[]>();
  const slow = (plan: PlannedFile) =>
    slowPass(con, plan, { outDir, kommunekoder, codeSet, log, timing }).then(({ report, lineOf }) => {
      lineOfByFile.set(plan.file, lineOf);
      return report;
    });
  for (const [fi, { path, contract }] of files.entries()) {
    const file = basename(path);
    const sample = sampleOf(path);
    const format = detectFormat(sample, contract);
    const text = decodeSample(format.bom ? sample.subarray(3) : sample, format.encoding);
    const lines = text.split(/\r?\n/, 2);
    const header = (lines[0] ?? "").split(format.delimiter).map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
    const fileFindings = checkHeader(header, contract, file);
    if (fileFindings.length) {
      const n = num(
        (
          await all(
            con,
            `SELECT count(*) AS n FROM read_csv(${q(path)}, delim=${q(format.delimiter)}, header=true, all_varchar=true, ignore_errors=true)`
          )
        )[0].n
      );
      reports.push({
        file,
        kind: contract.kind,
        format,
        rowsIn: n,
        rowsOut: 0,
        rowsRejected: n,
        countIn: 0,
        countOut: 0,
        countRejected: 0,
        findings: [],
        fileFindings
      });
      log(
        `[infrastruktur] ${file}: ${format.description}; filen er ikke læst: ${fileFindings.map((f) => f.message).join("; ")}`
      );
      continue;
    }
    // mixed line endings: read an LF copy (same cells, same line numbers) and say so
    let readPath = path;
    const mixed = mixedLineEndings(format.bom ? sample.subarray(3) : sample);
    if (mixed) {
      readPath = join(outDir, ".staging", `lf-${fi}.csv`);
      mkdirSync(join(outDir, ".staging"), { recursive: true });
      await lfCopy(path, readPath);
      log(
        `[infrastruktur] ${file}: [form.linjeskift] blandede linjeskift (${mixed.crlf} CRLF og ${mixed.lf} LF i filens start; ` +
          `første ${mixed.lf <= mixed.crlf ? `LF i linje ${mixed.firstLf}` : `CRLF i linje ${mixed.firstCrlf}`}); læst fra en kopi med LF, cellerne er uændrede`
      );
    }
    const plan: PlannedFile = { fi, path, readPath, file, contract, format, header };
    kinds.add(contract.kind);
    if (contract.recordNumbers === false) {
      // the direct path: one scan, one write; a file with anything to report takes the slow pass below
      const t0 = performance.now();
      const rejectsTable = `infra_rej_${fi}_direkte`;
      const timeCol = contract.timeColumn ? header.indexOf(contract.timeColumn) : -1;
      const firstTime = timeCol >= 0 ? lines[1]?.split(format.delimiter)[timeCol] : undefined;
      const res = await directPass(con, {
        fi,
        file,
        contract,
        format,
        header,
        reader: readerOf(plan, rejectsTable),
        rejectsTable,
        firstTime,
        outDir,
        kommunekoder: codeSet
      });
      const secs = () => ((performance.now() - t0) / 1000).toFixed(1);
      let report: FileReport | null = null;
      if (res.status === "ok") {
        timing(`${file}: direkte indlæsning og kontrol ${secs()} s`);
        report = {
          file,
          kind: contract.kind,
          format,
          rowsIn: res.rows,
          rowsOut: res.rows,
          rowsRejected: 0,
          countIn: res.count,
          countOut: res.count,
          countRejected: 0,
          findings: [],
          fileFindings: []
        };
      } else if (res.status === "flagged") {
        timing(
          `${file}: den direkte vej fandt rækker, som den langsomme kontrol skal vurdere (${res.why}); ${secs()} s`
        );
        report = await repairPass(con, plan, res, { outDir, kommunekoder, codeSet, rejectsTable, form: firstTime });
        timing(
          report
            ? `${file}: repareret: de markerede rækker fundet med linjenumre og vurderet; i alt ${secs()} s`
            : `${file}: for mange markerede rækker til reparation; læser igen med linjenumre`
        );
      } else timing(`${file}: den direkte vej stoppede efter ${secs()} s (${res.why}); læser igen med linjenumre`);
      if (report) {
        const list = direct.get(contract.kind) ?? [];
        list.push(plan);
        direct.set(contract.kind, list);
        reports.push(report);
        continue;
      }
    }
    reports.push(await slow(plan));
  }
  // repeated keys (within and across files of a kind): all but the first occurrence are rejected
  for (const kind of kinds) {
    const t0 = performance.now();
    const contract = CONTRACTS[kind];
    const kindDir = join(outDir, kind);
    const read = direct.get(kind) ?? [];
    if (read.length && (await keyMayRepeat(con, contract, kindDir))) {
      // a key may repeat: the files read directly are read again with record numbers, to name the lines
      log(
        `[infrastruktur] ${kind}: en nøgle kan gå igen; ${read.length} fil(er) læses igen med linjenumre for at finde gentagelserne`
      );
      for (const plan of read) {
        for (const f of listParquet(kindDir)) if (basename(f).startsWith(`f${plan.fi}_`)) rmSync(f);
        reports[reports.findIndex((r) => r.file === plan.file)] = await slow(plan);
      }
      read.length = 0;
    }
    // with no file read directly every file has record numbers; else no key repeats (keyMayRepeat said so)
    if (!read.length) await rejectDuplicates(con, contract, kindDir, reports, lineOfByFile);
    if (contract.recordNumbers === false) await dropRecordNumbers(con, kindDir);
    timing(`${kind}: dubletkontrol ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  rmSync(join(outDir, ".staging"), { recursive: true, force: true });
  for (const r of reports) {
    if (r.fileFindings.length) continue;
    log(reconcileLine(r));
    if (r.rowsIn !== r.rowsOut + r.rowsRejected || r.countIn !== r.countOut + r.countRejected)
      throw new Error(`[infrastruktur] afstemning fejler for ${r.file}: ${reconcileLine(r)}`);
  }
  return { reports, parquetDir: outDir, kinds: [...kinds] };
}

/** One extract file, as the ingest plans to read it. */
interface PlannedFile {
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
function readerOf(plan: PlannedFile, rejectsTable: string, readPath = plan.readPath): string {
  const { format, header } = plan;
  return `read_csv(${q(readPath)}, delim=${q(format.delimiter)}, header=true, all_varchar=true, quote='"', escape='"',
      encoding=${q(format.encoding)}, store_rejects=true, rejects_table=${q(rejectsTable)}, rejects_scan=${q(rejectsTable + "_scan")}, ignore_errors=true,
      auto_detect=false, columns={${header.map((h, i) => `${q(h || `kolonne${i + 1}`)}: 'VARCHAR'`).join(", ")}})`;
}

/**
 * The slow pass over one file, ONE DuckDB scan: each record gets its record number and an ok flag (the contract
 * checks in SQL); accepted and rejected records go to separate partitions of a staging folder, the accepted files
 * move into place, and the rejected ones get their line and Danish reason from the pure TS checks on their raw lines.
 */
async function slowPass(
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
async function setAside(
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
function rejectFinding(
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
async function repairPass(
  con: DuckDBConnection,
  plan: PlannedFile,
  res: Extract<DirectResult, { status: "flagged" }>,
  o: {
    outDir: string;
    kommunekoder: readonly string[];
    codeSet: ReadonlySet<string>;
    rejectsTable: string;
    form: string | undefined;
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
    const form = timeFormOf(o.form);
    const rawCols = header.map((h, i) => `${ident(h || `kolonne${i + 1}`)} AS ${ident(`_r${i}`)}`).join(", ");
    await con.run(`CREATE OR REPLACE TEMP TABLE _reparation AS
      SELECT _rn, ${rawCols}, coalesce(${okSql(contract, format, o.kommunekoder)}, false) AS _slowok, ${typedSql(contract, header, format)}
      FROM (SELECT * FROM (SELECT row_number() OVER () AS _rn, * FROM ${readerOf(plan, scanRejects)})
        WHERE NOT coalesce(${directRowOkSql(contract, format, form)}, false) OR ${valueSql})`);
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
    // year and month from the typed time column ('YYYY-MM' text, a DATE or a TIMESTAMP all start 'YYYY-MM')
    const tc = contract.timeColumn ? ident(contract.timeColumn) : "";
    const accepted = rows.length - rejected.length;
    if (accepted) {
      const typedCols = [
        ...contract.columns.map((c) => c.name),
        ...header.filter((h) => h !== "" && !contract.columns.some((c) => c.name === h))
      ];
      await con.run(
        `COPY (SELECT ${typedCols.map(ident).join(", ")}, ${q(file)} AS kildefil${tc ? `, TRY_CAST(left(CAST(${tc} AS VARCHAR), 4) AS INTEGER) AS year, TRY_CAST(substr(CAST(${tc} AS VARCHAR), 6, 2) AS INTEGER) AS month` : ""}
           FROM _reparation WHERE _slowok)
         TO ${q(join(res.staging, "reparation"))} (FORMAT parquet${tc ? ", PARTITION_BY (year, month)" : ""}, FILENAME_PATTERN 'f${fi}_r{i}')`
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
  }
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

/**
 * Find rows whose contract key repeats (hash first, then the exact key), keep the first occurrence
 * (file name order, then line) and move the others from the Parquet to the rejects, fixing the reports.
 */
async function rejectDuplicates(
  con: DuckDBConnection,
  contract: Contract,
  kindDir: string,
  reports: FileReport[],
  lineOfByFile: Map<string, (rn: number) => number>
): Promise<void> {
  if (!listParquet(kindDir).length) return; // every row rejected: nothing to compare
  const glob = q(join(kindDir, "**", "*.parquet"));
  const keys = contract.key.map(ident).join(", ");
  const measure = contract.measure ? ident(contract.measure) : "0";
  const dups = await all(
    con,
    `WITH t AS (SELECT *, hash(${keys}) AS _h FROM read_parquet(${glob}, hive_partitioning=false, filename=true)),
     d AS (SELECT _h FROM t GROUP BY _h HAVING count(*) > 1)
     SELECT filename AS _fil, kildefil, kilderaekke, ${measure} AS _antal, to_json(struct_pack(${contract.key.map((k) => `${ident(k)} := ${ident(k)}`).join(", ")}))::VARCHAR AS _noegle
     FROM t WHERE _h IN (SELECT _h FROM d) ORDER BY _noegle, kildefil, kilderaekke`
  );
  const first = new Map<string, { file: string; line: number }>();
  const drop = new Map<string, number[]>();
  for (const d of dups) {
    const key = String(d._noegle);
    const file = String(d.kildefil);
    const line = lineOfByFile.get(file)!(num(d.kilderaekke));
    const f = first.get(key);
    if (!f) {
      first.set(key, { file, line });
      continue;
    }
    const list = drop.get(String(d._fil)) ?? [];
    list.push(num(d.kilderaekke));
    drop.set(String(d._fil), list);
    const r = reports.find((x) => x.file === file)!;
    r.rowsOut--;
    r.rowsRejected++;
    r.countOut -= num(d._antal);
    r.countRejected += num(d._antal);
    const from = f.file === file ? `linje ${f.line}` : `${f.file} linje ${f.line}`;
    if (r.findings.length < MAX_FINDINGS)
      r.findings.push({
        rule: "infra.noegle",
        severity: "fejl",
        message: `${file}:${line}:1: rækken gentager nøglen (${contract.key.join(", ")}) fra ${from}`,
        file,
        line,
        column: 1
      });
  }
  for (const [fil, rns] of drop) {
    const tmp = `${fil}.tmp`;
    await con.run(
      `COPY (SELECT * FROM read_parquet(${q(fil)}, hive_partitioning=false) WHERE kilderaekke NOT IN (${rns.join(", ")})) TO ${q(tmp)} (FORMAT parquet)`
    );
    renameSync(tmp, fil);
  }
  for (const r of reports) r.findings.sort((a, b) => (a.file === b.file ? a.line - b.line : 0));
}

/**
 * Rewrite the Parquet files under `kindDir` that have a `kilderaekke` column without it: a kind whose contract has
 * `recordNumbers: false` gets the same columns from the slow pass as from the direct path.
 */
async function dropRecordNumbers(con: DuckDBConnection, kindDir: string): Promise<void> {
  for (const f of listParquet(kindDir)) {
    const cols = await all(con, `SELECT name FROM parquet_schema(${q(f)})`);
    if (!cols.some((c) => c.name === "kilderaekke")) continue;
    const tmp = `${f}.tmp`;
    await con.run(
      `COPY (SELECT * EXCLUDE (kilderaekke) FROM read_parquet(${q(f)}, hive_partitioning=false)) TO ${q(tmp)} (FORMAT parquet)`
    );
    renameSync(tmp, f);
  }
}

/** One reconciliation line (Danish), e.g. for the log and the CLI. */
export function reconcileLine(r: FileReport): string {
  const unit = r.kind === "indekssager" ? "sager" : "kald";
  const counts = CONTRACTS[r.kind].measure
    ? `; ${unit} ind ${r.countIn} = ud ${r.countOut} + afvist ${r.countRejected}`
    : "";
  return `[infrastruktur] ${r.file} (${r.format.description}): rækker ind ${r.rowsIn} = ud ${r.rowsOut} + afvist ${r.rowsRejected}${counts}`;
}

/**
 * DuckDB's memory limit for the ingest. Its default (80 % of RAM) let a full-scale ingest (42 million rows) reach a peak
 * RSS of 8.3 GB on a 23 GB machine; with a limit DuckDB spills to `temp_directory` instead (issue #8: < 4 GB).
 */
export const INGEST_MEMORY_LIMIT = "3GB";

/** Open an in-memory DuckDB connection (memory limited to `INGEST_MEMORY_LIMIT`, spilling to `tempDir` if given). */
export async function openDuckDB(tempDir?: string): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:", {
    memory_limit: INGEST_MEMORY_LIMIT,
    ...(tempDir ? { temp_directory: tempDir } : {})
  });
  const con = await instance.connect();
  return { instance, con };
}
