/**
 * Ingest of the infrastructure extracts with native DuckDB (@duckdb/node-api). This module plans each file and runs
 * the paths: direct.ts (the direct path), repair.ts (repair of a flagged file), slow.ts (the slow, line-numbering
 * pass, and the checks and readers the paths share); then the duplicate keys and the reconciliation.
 *
 * For each file in the extracts folder whose name matches a contract
 * (common/infra/contracts.ts):
 *  1. detect encoding/BOM, delimiter and number style from the first bytes, and check the
 *     header (TypeScript, pure checks);
 *  2. kinds without record numbers (`recordNumbers: false`: the hourly support-system extract) first try the
 *     DIRECT PATH (direct.ts): one scan of the CSV, written once to the partitioned layout, the cheap per-row checks
 *     as a partition of their own and the other columns checked on their distinct values afterwards. A file with
 *     something to report (a line set aside, a refused row or value) is REPAIRED (`repairPass`, repair.ts): one numbering scan
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
 *     moved to the rejects; for a kind read directly, a check first (`keyMayRepeat`: a bitstring of hours per
 *     combination of the rest of the key), and only if a key repeats are its files read again with record numbers
 *     to name the lines;
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
import { gunzipSync, constants as zc } from "node:zlib";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import {
  CONTRACTS,
  type Contract,
  checkHeader,
  contractOfFile,
  decodeSample,
  detectFormat,
  type ExtractKind
} from "../../common/infra/contracts.js";
import { directPass, keyMayRepeat } from "./direct.js";
import { all, ident, listParquet, num, q } from "./duck.js";
import { repairPass } from "./repair.js";
import { type FileReport, lfCopy, MAX_FINDINGS, type PlannedFile, readerOf, slowPass } from "./slow.js";

export { type FileReport, lfCopy, MAX_FINDINGS, okSql, typedSql } from "./slow.js";

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
 * The last line of a file with text (its last 64 KB read; undefined for a gzipped file or a file of one line), for
 * the direct path's hour table: with the first data row it gives the years the file spans.
 */
export function lastLineOf(path: string): string | undefined {
  if (path.endsWith(".gz")) return undefined;
  const size = statSync(path).size;
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, 1 << 16));
    const n = readSync(fd, buf, 0, buf.length, size - buf.length);
    const lines = buf.subarray(0, n).toString("latin1").split(/\r?\n/);
    while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
    return lines.length > 1 || buf.length < size ? lines[lines.length - 1] : undefined;
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

/** The extract files in a folder, sorted by name, with their contract. */
export function extractFiles(dir: string): { path: string; contract: Contract }[] {
  if (!existsSync(dir)) throw new Error(`Mappen med udtræk findes ikke: ${dir}`);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: join(dir, name), contract: contractOfFile(name) }))
    .filter((f): f is { path: string; contract: Contract } => f.contract !== undefined && statSync(f.path).isFile());
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
      const cell = (line: string | undefined) => line?.split(format.delimiter)[timeCol]?.replace(/^"|"$/g, "");
      const firstTime = timeCol >= 0 ? cell(lines[1]) : undefined;
      const lastTime = timeCol >= 0 ? cell(lastLineOf(readPath)) : undefined;
      const res = await directPass(con, {
        fi,
        file,
        contract,
        format,
        header,
        reader: readerOf(plan, rejectsTable),
        rejectsTable,
        firstTime,
        lastTime,
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
        report = await repairPass(con, plan, res, { outDir, kommunekoder, codeSet, rejectsTable, firstTime });
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
