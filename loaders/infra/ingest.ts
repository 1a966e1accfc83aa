/**
 * Ingest of the infrastructure extracts with native DuckDB (@duckdb/node-api).
 *
 * For each file in the extracts folder whose name matches a contract
 * (common/infra/contracts.ts):
 *  1. detect encoding/BOM, delimiter and number style from the first bytes, and check the
 *     header (TypeScript, pure checks);
 *  2. scan the file once in DuckDB to find rejected rows: structural errors (wrong number
 *     of fields) come from DuckDB's reject table, value errors from SQL built from the
 *     same patterns the TS checks use (`VALUE_PATTERNS`), duplicates of the contract key;
 *  3. write the accepted rows, typed, as Hive-partitioned Parquet
 *     (`<cache>/<kind>/year=YYYY/month=MM/*.parquet`);
 *  4. reconcile: rows and counts in = out + rejected, per file, printed to stderr, and
 *     refuse to continue if they do not add up.
 *
 * Line numbers: DuckDB reads the file in order (insertion order is preserved), so the
 * n-th accepted-or-value-rejected record is line n + 1, shifted by the structurally
 * rejected lines before it. A quoted value spanning lines would shift this; the
 * contracts allow no line breaks inside values.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readSync, rmSync, statSync } from "node:fs";
import { join, basename } from "node:path";
import { gunzipSync, constants as zc } from "node:zlib";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import {
  CONTRACTS,
  VALUE_PATTERNS,
  VALUE_DESCRIPTIONS,
  KLARMELDING_STATUSES,
  ALMINDELIGE_TAL,
  checkHeader,
  contractOfFile,
  detectFormat,
  decodeSample,
  type Contract,
  type ExtractKind,
  type FileFormat,
  type Finding
} from "../../common/infra/contracts.js";

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

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

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

/** The extract files in a folder, sorted by name, with their contract. */
export function extractFiles(dir: string): { path: string; contract: Contract }[] {
  if (!existsSync(dir)) throw new Error(`Mappen med udtræk findes ikke: ${dir}`);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: join(dir, name), contract: contractOfFile(name) }))
    .filter((f): f is { path: string; contract: Contract } => f.contract !== undefined && statSync(f.path).isFile());
}

/** SQL expression giving the Danish reason a row's value in `col` is bad, or NULL. */
function valueCheckSql(contract: Contract, format: FileFormat): string {
  const parts: string[] = [];
  for (const spec of contract.columns) {
    const c = `trim(${ident(spec.name)})`;
    const empty = `(${ident(spec.name)} IS NULL OR ${c} = '')`;
    const say = (what: string) => `'"${spec.name}" er "' || coalesce(${c}, '') || '"; ${what}'`;
    const sayComma = (what: string) => `'"${spec.name}" er "' || coalesce(${c}, '') || '", ${what}'`;
    if (!spec.optional) parts.push(`WHEN ${empty} THEN '"${spec.name}" er tom; den skal være ${VALUE_DESCRIPTIONS[spec.type]}'`);
    const guard = spec.optional ? `NOT ${empty} AND ` : "";
    parts.push(`WHEN ${guard}NOT regexp_full_match(${c}, ${q(VALUE_PATTERNS[spec.type])}) THEN ${say(`den skal være ${VALUE_DESCRIPTIONS[spec.type]}`)}`);
    if (spec.type === "heltal" && format.decimal === "almindelig")
      parts.push(`WHEN ${c} LIKE '%.%' THEN ${say(ALMINDELIGE_TAL)}`);
    if (spec.type === "kommunekode")
      parts.push(`WHEN ${guard}${c} NOT IN (SELECT kommunekode FROM infra_kommunekoder) THEN ${sayComma("som ikke er en af de 98 kommunekoder")}`);
    if (spec.name === "status")
      parts.push(
        `WHEN NOT (regexp_full_match(${c}, 'Forløb [0-9]+') OR ${c} IN (${KLARMELDING_STATUSES.map(q).join(", ")})) THEN ${say(`tilladt: ${KLARMELDING_STATUSES.join(", ")}`)}`
      );
    else if (spec.values) parts.push(`WHEN ${c} NOT IN (${spec.values.map(q).join(", ")}) THEN ${say(`tilladt: ${spec.values.join(", ")}`)}`);
    if (spec.type === "dato" || spec.type === "time")
      parts.push(`WHEN ${guard}try_cast(left(${c}, 10) AS DATE) IS NULL THEN ${sayComma("som ikke er en dato i kalenderen")}`);
  }
  return `CASE ${parts.join("\n  ")} ELSE NULL END`;
}

/** SQL giving the 1-based field number of the first bad column (same order as valueCheckSql). */
function badColumnSql(contract: Contract, header: string[], format: FileFormat): string {
  const parts = contract.columns.map((spec) => {
    const one: Contract = { ...contract, columns: [spec] };
    return `WHEN (${valueCheckSql(one, format)}) IS NOT NULL THEN ${header.indexOf(spec.name) + 1}`;
  });
  return `CASE ${parts.join(" ")} ELSE 0 END`;
}

/** The typed projection written to Parquet (extra columns kept as text). */
function typedSql(contract: Contract, header: string[], format: FileFormat): string {
  const known = new Set(contract.columns.map((c) => c.name));
  const cols = contract.columns.map((spec) => {
    const c = `trim(${ident(spec.name)})`;
    switch (spec.type) {
      case "heltal":
        return `CAST(${format.decimal === "dansk" ? `replace(${c}, '.', '')` : c} AS BIGINT) AS ${ident(spec.name)}`;
      case "dato":
        return `CAST(${c} AS DATE) AS ${ident(spec.name)}`;
      case "time":
        return `CAST(left(replace(${c}, ' ', 'T'), 13) || ':00:00' AS TIMESTAMP) AS ${ident(spec.name)}`;
      default:
        return spec.optional ? `nullif(${c}, '') AS ${ident(spec.name)}` : `${c} AS ${ident(spec.name)}`;
    }
  });
  const extra = header.filter((h) => !known.has(h) && h !== "").map((h) => ident(h));
  return [...cols, ...extra].join(", ");
}

/** Partition columns (year, month) of a kind, from its time column. */
function partitionSql(contract: Contract): string | undefined {
  switch (contract.kind) {
    case "serviceplatformen":
      return `CAST(left(trim(maaned), 4) AS INTEGER) AS year, CAST(substr(trim(maaned), 6, 2) AS INTEGER) AS month`;
    case "stoettesystemer":
      return `CAST(left(trim("time"), 4) AS INTEGER) AS year, CAST(substr(trim("time"), 6, 2) AS INTEGER) AS month`;
    case "indekssager":
      return `CAST(left(trim(opgjort_dato), 4) AS INTEGER) AS year, CAST(substr(trim(opgjort_dato), 6, 2) AS INTEGER) AS month`;
    default:
      return undefined;
  }
}

async function all(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const r = await con.runAndReadAll(sql);
  return r.getRowObjectsJS() as Record<string, unknown>[];
}

const num = (v: unknown) => (typeof v === "bigint" ? Number(v) : v === null || v === undefined ? 0 : Number(v));

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
  await con.run(`CREATE OR REPLACE TEMP TABLE infra_kommunekoder AS SELECT unnest([${kommunekoder.map(q).join(", ")}]) AS kommunekode`);
  const files = extractFiles(dir);
  const reports: FileReport[] = [];
  const kinds = new Set<ExtractKind>();
  for (const [fi, { path, contract }] of files.entries()) {
    const file = basename(path);
    const sample = sampleOf(path);
    const format = detectFormat(sample, contract);
    const text = decodeSample(format.bom ? sample.subarray(3) : sample, format.encoding);
    const header = (text.split(/\r?\n/)[0] ?? "").split(format.delimiter).map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
    const fileFindings = checkHeader(header, contract, file);
    const measure = contract.measure;
    const rejTable = `infra_rej_${fi}`;
    let scans = 0;
    // each scan gets its own reject table (DuckDB appends to an existing one); the first scan's is read
    const readerOf = (t: string) => `read_csv(${q(path)}, delim=${q(format.delimiter)}, header=true, all_varchar=true, quote='"', escape='"',
      encoding=${q(format.encoding)}, store_rejects=true, rejects_table=${q(t)}, rejects_scan=${q(t + "_scan")}, ignore_errors=true,
      auto_detect=false, columns={${header.map((h, i) => `${q(h || `kolonne${i + 1}`)}: 'VARCHAR'`).join(", ")}})`;
    if (fileFindings.length) {
      const n = num((await all(con, `SELECT count(*) AS n FROM read_csv(${q(path)}, delim=${q(format.delimiter)}, header=true, all_varchar=true, ignore_errors=true)`))[0].n);
      reports.push({ file, kind: contract.kind, format, rowsIn: n, rowsOut: 0, rowsRejected: n, countIn: 0, countOut: 0, countRejected: 0, findings: [], fileFindings });
      log(`[infrastruktur] ${file}: ${format.description}; filen er ikke læst: ${fileFindings.map((f) => f.message).join("; ")}`);
      continue;
    }
    // pass 1: rows, count sum, value rejects and duplicate keys
    const reader = () => readerOf(`${rejTable}_${scans++}`);
    const check = valueCheckSql(contract, format);
    const badCol = badColumnSql(contract, header, format);
    const keyCols = contract.key.map((k) => `trim(${ident(k)})`).join(", ");
    const countExpr = measure
      ? `coalesce(try_cast(${format.decimal === "dansk" ? `replace(trim(${ident(measure)}), '.', '')` : `trim(${ident(measure)})`} AS HUGEINT), 0)`
      : "0";
    await con.run(`CREATE OR REPLACE TEMP TABLE infra_bad AS
      WITH src AS (SELECT row_number() OVER () AS _rn, * FROM ${reader()}),
      checked AS (SELECT _rn, ${check} AS _fejl, ${badCol} AS _kolonne, ${countExpr} AS _antal,
                  count(*) OVER (PARTITION BY ${keyCols}) AS _dubletter, min(_rn) OVER (PARTITION BY ${keyCols}) AS _foerste FROM src)
      SELECT _rn, coalesce(_fejl, 'rækken gentager nøglen (' || ${q(contract.key.join(", "))} || ') fra datarække ' || _foerste) AS _fejl,
             CASE WHEN _fejl IS NULL THEN 1 ELSE _kolonne END AS _kolonne, _antal
      FROM checked WHERE _fejl IS NOT NULL OR (_dubletter > 1 AND _rn > _foerste)`);
    const totals = await all(con, `SELECT count(*) AS n, sum(${countExpr}) AS s FROM ${reader()}`);
    const bad = await all(con, `SELECT _rn, _fejl, _kolonne, _antal FROM infra_bad ORDER BY _rn`);
    const structural = await all(con, `SELECT line, min(column_idx) AS column_idx, min(error_type) AS error_type FROM ${rejTable}_0 GROUP BY line ORDER BY line`);
    const structLines = structural.map((s) => num(s.line));
    const lineOf = (rn: number) => {
      let line = rn + 1;
      for (const l of structLines) if (l <= line) line++;
      return line;
    };
    const findings: Finding[] = [];
    for (const s of structural) {
      if (findings.length >= MAX_FINDINGS) break;
      const line = num(s.line);
      const reason = /TOO MANY/.test(String(s.error_type))
        ? `rækken har flere felter end overskriftens ${header.length}`
        : /MISSING/.test(String(s.error_type))
          ? `rækken har færre felter end overskriftens ${header.length}`
          : `rækken kan ikke læses som CSV (${s.error_type})`;
      findings.push({ rule: "infra.felter", severity: "fejl", message: `${file}:${line}: ${reason}`, file, line, column: num(s.column_idx) });
    }
    for (const b of bad) {
      if (findings.length >= MAX_FINDINGS) break;
      const line = lineOf(num(b._rn));
      const column = num(b._kolonne);
      const rule = String(b._fejl).startsWith("rækken gentager") ? "infra.noegle" : "infra.vaerdi";
      findings.push({ rule, severity: "fejl", message: `${file}:${line}:${column}: ${b._fejl}`, file, line, column });
    }
    // pass 2: accepted rows → Parquet
    const part = partitionSql(contract);
    const kindDir = join(outDir, contract.kind);
    mkdirSync(kindDir, { recursive: true });
    const select = `SELECT ${typedSql(contract, header, format)}${part ? `, ${part}` : ""}, ${q(file)} AS kildefil
      FROM (SELECT row_number() OVER () AS _rn, * FROM ${reader()}) WHERE _rn NOT IN (SELECT _rn FROM infra_bad)`;
    const target = part ? kindDir : join(kindDir, `${fi}.parquet`);
    const options = part
      ? `(FORMAT parquet, PARTITION_BY (year, month), APPEND, FILENAME_PATTERN 'f${fi}_{uuid}', COMPRESSION zstd)`
      : `(FORMAT parquet, COMPRESSION zstd)`;
    await con.run(`COPY (${select}) TO ${q(target)} ${options}`);
    const outGlob = part ? join(kindDir, "**", `f${fi}_*.parquet`) : target;
    const out = await all(con, `SELECT count(*) AS n${measure ? `, sum(${ident(measure)}) AS s` : ""} FROM read_parquet(${q(outGlob)}, hive_partitioning=false)`);
    const rejectedStruct = structural.length;
    const rowsIn = num(totals[0].n) + rejectedStruct;
    const rowsOut = num(out[0].n);
    const countIn = num(totals[0].s);
    const countOut = measure ? num(out[0].s) : 0;
    const countRejected = bad.reduce((s, b) => s + num(b._antal), 0);
    const report: FileReport = {
      file,
      kind: contract.kind,
      format,
      rowsIn,
      rowsOut,
      rowsRejected: bad.length + rejectedStruct,
      countIn,
      countOut,
      countRejected,
      findings,
      fileFindings
    };
    reports.push(report);
    kinds.add(contract.kind);
    log(reconcileLine(report));
    if (report.rowsIn !== report.rowsOut + report.rowsRejected || report.countIn !== report.countOut + report.countRejected)
      throw new Error(`[infrastruktur] afstemning fejler for ${file}: ${reconcileLine(report)}`);
  }
  return { reports, parquetDir: outDir, kinds: [...kinds] };
}

/** One reconciliation line (Danish), e.g. for the log and the CLI. */
export function reconcileLine(r: FileReport): string {
  const unit = r.kind === "indekssager" ? "sager" : "kald";
  const counts = CONTRACTS[r.kind].measure ? `; ${unit} ind ${r.countIn} = ud ${r.countOut} + afvist ${r.countRejected}` : "";
  return `[infrastruktur] ${r.file} (${r.format.description}): rækker ind ${r.rowsIn} = ud ${r.rowsOut} + afvist ${r.rowsRejected}${counts}`;
}

/** Open an in-memory DuckDB connection (spilling to `tempDir` if given). */
export async function openDuckDB(tempDir?: string): Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(":memory:", tempDir ? { temp_directory: tempDir } : {});
  const con = await instance.connect();
  return { instance, con };
}
