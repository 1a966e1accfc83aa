/**
 * The ingest's DIRECT path (issue #8, §5): a clean extract is read once and written once, straight to the
 * Hive-partitioned layout, with no record numbers. Used for the kinds whose contract has `recordNumbers: false`
 * (the hourly support-system extract, ~47 M rows at KOMBIT's scale). A file with something to report (a line
 * DuckDB sets aside, a value the checks refuse) is flagged and repaired (repair.ts: only its flagged rows are found
 * again, with their lines); a repeated key, or too many flagged rows, sends it to the slow, line-numbering pass
 * (slow.ts). Either way the rejects report names file, line, column and reason.
 *
 * The checks are split by cost, and the split is what makes the path fast:
 *  - per row, in SQL (`directRowOkSql`), only the columns whose typed value loses the raw text: counts
 *    (`heltal`, stored as BIGINT), hours (`time`, TIMESTAMP) and dates (`dato`, DATE). They use GLOB patterns and a
 *    `TRY_CAST`, which cost a fraction of a regular expression per row; a count with a thousands dot (Danish style)
 *    also gets the regular expression;
 *  - every other contract column is written as its raw text, so its DISTINCT values, read back from the written
 *    Parquet (a few hundred per column), are checked by the very function the slow pass's messages come from
 *    (`valueProblem` in common/infra/contracts.ts), plus: not empty, not padded (`directValueProblem`).
 * Together they are STRICTER than the slow pass, never more lenient, and give the same typed values
 * (test/infra/ingest-direct-checks.test.ts checks both on tricky values in native DuckDB).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  type ColumnSpec,
  type Contract,
  type FileFormat,
  VALUE_PATTERNS,
  valueProblem
} from "../../common/infra/contracts.js";
import { all, ident, listParquet, moveParquet, num, q } from "./duck.js";

/** Value types stored as typed values (the raw text is gone after the write): checked per row. */
const PER_ROW = new Set<ColumnSpec["type"]>(["heltal", "time", "dato"]);

/**
 * How a file writes its hours, from its first value: "T" or " " between date and hour, and "", ":00" or ":00:00"
 * after it. The direct path takes only this form (rows in another valid form send the file to the slow pass).
 */
export interface TimeForm {
  separator: "T" | " ";
  suffix: "" | ":00" | ":00:00";
}

/** The form of a valid hour value, or undefined (then the file takes the slow pass). */
export function timeFormOf(value: string | undefined): TimeForm | undefined {
  const m = /^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ])[0-9]{2}((?::00){0,2})$/.exec(value ?? "");
  return m ? { separator: m[1] as TimeForm["separator"], suffix: m[2] as TimeForm["suffix"] } : undefined;
}

const DIGITS = "[0-9]";
const DATE_GLOB = `${DIGITS.repeat(4)}-[01]${DIGITS}-[0-3]${DIGITS}`;

/** The typed value of one column on the direct path (raw text for the columns checked on distinct values). */
function typedOf(spec: ColumnSpec, format: FileFormat, form: TimeForm | undefined): string {
  const c = ident(spec.name);
  switch (spec.type) {
    case "heltal":
      return `TRY_CAST(${format.decimal === "dansk" ? `replace(${c}, '.', '')` : c} AS BIGINT)`;
    case "dato":
      return `TRY_CAST(${c} AS DATE)`;
    case "time":
      // with minutes the text casts as it is; an hour alone ("2024-04-01T13") gets them, as the slow pass does
      return form?.suffix
        ? `TRY_CAST(${c} AS TIMESTAMP)`
        : `TRY_CAST(left(replace(${c}, ' ', 'T'), 13) || ':00:00' AS TIMESTAMP)`;
    default:
      return c;
  }
}

/** The typed projection of the direct path (extra columns kept as text), as `typedSql` in ingest.ts. */
export function directTypedSql(
  contract: Contract,
  header: readonly string[],
  format: FileFormat,
  form: TimeForm | undefined
): string {
  const known = new Set(contract.columns.map((c) => c.name));
  const cols = contract.columns.map((spec) => `${typedOf(spec, format, form)} AS ${ident(spec.name)}`);
  const extra = header.filter((h) => !known.has(h) && h !== "").map((h) => ident(h));
  return [...cols, ...extra].join(", ");
}

/**
 * SQL boolean per row: do the typed columns (counts, hours, dates) hold a value the slow pass accepts, in the file's
 * one form? Cheap on purpose: GLOB instead of a regular expression, and the calendar from `TRY_CAST`.
 */
export function directRowOkSql(contract: Contract, format: FileFormat, form: TimeForm | undefined): string {
  const parts: string[] = [];
  for (const spec of contract.columns) {
    if (!PER_ROW.has(spec.type)) continue;
    const c = ident(spec.name);
    const conds: string[] = [];
    if (spec.type === "heltal") {
      if (format.decimal === "dansk")
        conds.push(
          `NOT (${c} GLOB '*[!0-9.]*')`,
          `(NOT contains(${c}, '.') OR regexp_full_match(${c}, ${q(VALUE_PATTERNS.heltal)}))`
        );
      else conds.push(`NOT (${c} GLOB '*[!0-9]*')`);
    } else if (spec.type === "dato") conds.push(`${c} GLOB '${DATE_GLOB}'`);
    else if (form) {
      // hours 00–23 (the GLOB lets 24–29 through; DuckDB reads 24:00 as the next day's midnight)
      conds.push(`${c} GLOB '${DATE_GLOB}${form.separator}[0-2]${DIGITS}${form.suffix}'`, `substr(${c}, 12, 2) < '24'`);
    } else conds.push("false");
    conds.push(`${typedOf(spec, format, form)} IS NOT NULL`);
    const all = `coalesce(${conds.join(" AND ")}, false)`;
    parts.push(spec.optional ? `(${c} IS NULL OR ${all})` : all);
  }
  return parts.length ? parts.join("\n  AND ") : "true";
}

/**
 * Why a distinct raw value of a column stored as text stops the direct path, or undefined if it may pass: the slow
 * pass's own check (`valueProblem`), and on top of it no empty text and no whitespace at either end (the slow pass
 * trims; the direct path stores the text as it is, so only an unpadded value is the same in both).
 */
export function directValueProblem(
  value: string | null,
  spec: ColumnSpec,
  kommunekoder: ReadonlySet<string>,
  decimal: FileFormat["decimal"]
): string | undefined {
  if (value === null) return spec.optional ? undefined : `"${spec.name}" er tom`;
  if (value === "") return `"${spec.name}" er en tom tekst i anførselstegn`;
  if (value !== value.trim()) return `"${spec.name}" har mellemrum i en ende`;
  return valueProblem(value, spec, kommunekoder, decimal);
}

/**
 * Year and month partition columns of a kind, from its TYPED time column ('YYYY-MM' text, a DATE or a TIMESTAMP), as a
 * select-list tail (", … AS year, … AS month"; empty for an unpartitioned kind). The direct path and the repair use it.
 */
export function partitionOf(contract: Contract): string {
  const col = contract.columns.find((c) => c.name === contract.timeColumn);
  if (!col) return "";
  const c = ident(col.name);
  return col.type === "maaned"
    ? `, TRY_CAST(left(${c}, 4) AS INTEGER) AS year, TRY_CAST(substr(${c}, 6, 2) AS INTEGER) AS month`
    : `, year(${c})::INTEGER AS year, month(${c})::INTEGER AS month`;
}

/** What the direct path did with one file. */
export type DirectResult =
  /** written: the file is done */
  | { status: "ok"; rows: number; count: number }
  /**
   * flagged: the file was read and written to `staging` (`_ok=true/…`, `_ok=false/…`), but some rows need the slow
   * pass's judgement: every row in `_ok=false` and every row of `_ok=true` with one of the `bad` values. The caller
   * repairs the file from there (ingest.ts, `repairPass`) or drops the staging folder and takes the slow pass.
   */
  | {
      status: "flagged";
      staging: string;
      rowsRead: number;
      /** values of the columns stored as text that the direct checks refused, per column (null: an empty field) */
      bad: { column: string; values: (string | null)[] }[];
      why: string;
    }
  /** stopped, nothing written: the file takes the slow pass */
  | { status: "stop"; why: string };

/** The most refused distinct values per column the direct path hands on for repair (more: the slow pass). */
const MAX_BAD_VALUES = 1000;

/**
 * SQL boolean: does a row hold one of the refused values? Over the raw columns of the CSV reader or the stored
 * columns of the direct path's Parquet (the same text). Never NULL.
 */
export function badValueSql(bad: { column: string; values: (string | null)[] }[]): string {
  const parts = bad.flatMap(({ column, values }) => {
    const c = ident(column);
    const texts = values.filter((v): v is string => v !== null);
    return [
      ...(texts.length ? [`(${c} IS NOT NULL AND ${c} IN (${texts.map(q).join(", ")}))`] : []),
      ...(values.includes(null) ? [`${c} IS NULL`] : [])
    ];
  });
  return parts.length ? `(${parts.join(" OR ")})` : "false";
}

/**
 * One file on the direct path: ONE scan of the CSV, written once, to a staging folder partitioned by the per-row
 * verdict and `year=`/`month=`. A clean file then moves to `<outDir>/<kind>/year=/month=/f<fi>_*.parquet`.
 */
export async function directPass(
  con: DuckDBConnection,
  o: {
    fi: number;
    file: string;
    contract: Contract;
    format: FileFormat;
    header: readonly string[];
    /** the `read_csv(…)` of the file, all VARCHAR, with a reject table */
    reader: string;
    rejectsTable: string;
    firstTime: string | undefined;
    outDir: string;
    kommunekoder: ReadonlySet<string>;
  }
): Promise<DirectResult> {
  const { fi, contract, format } = o;
  const staging = join(o.outDir, ".staging", `f${fi}-direkte`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(o.outDir, ".staging"), { recursive: true });
  const form = contract.columns.some((c) => c.type === "time") ? timeFormOf(o.firstTime) : undefined;
  const part = partitionOf(contract);
  const measure = contract.measure;
  let keep = false;
  try {
    // DuckDB appends to an existing reject table: an earlier ingest on this connection may have left one
    await con.run(
      `DROP TABLE IF EXISTS ${ident(o.rejectsTable)}; DROP TABLE IF EXISTS ${ident(`${o.rejectsTable}_scan`)}`
    );
    // rows in any order: the partitioned write then runs without holding batches back
    await con.run("SET preserve_insertion_order = false");
    const copied = await con.runAndReadAll(
      `COPY (SELECT *${part} FROM (SELECT ${directTypedSql(contract, o.header, format, form)}, ${q(o.file)} AS kildefil,
           ${directRowOkSql(contract, format, form)} AS _ok FROM ${o.reader}))
       TO ${q(staging)} (FORMAT parquet, PARTITION_BY (_ok${part ? ", year, month" : ""}), FILENAME_PATTERN 'f${fi}_{i}')`
    );
    const rowsRead = num(copied.getRows()[0]?.[0]);
    const reasons: string[] = [];
    const setAside = num((await all(con, `SELECT count(DISTINCT line) AS n FROM ${ident(o.rejectsTable)}`))[0].n);
    if (setAside > 0) reasons.push(`${setAside} linje(r) kunne ikke læses som CSV`);
    if (listParquet(join(staging, "_ok=false")).length)
      reasons.push("rækker med et tal, en time eller en dato, der ikke kan bruges");
    const ok = join(staging, "_ok=true");
    const bad: { column: string; values: (string | null)[] }[] = [];
    let agg: Record<string, unknown> = { n: 0, s: 0 };
    if (listParquet(ok).length) {
      const raw = contract.columns.filter((c) => !PER_ROW.has(c.type));
      [agg] = await all(
        con,
        `SELECT count(*) AS n, ${measure ? `sum(${ident(measure)})` : "0"} AS s
           ${raw.map((c, i) => `, list(DISTINCT ${ident(c.name)}) AS d${i}, count(*) FILTER (WHERE ${ident(c.name)} IS NULL) AS n${i}`).join("")}
         FROM read_parquet(${q(join(ok, "**", "*.parquet"))}, hive_partitioning=false)`
      );
      for (const [i, spec] of raw.entries()) {
        const values = [...((agg[`d${i}`] as (string | null)[] | null) ?? []), ...(num(agg[`n${i}`]) ? [null] : [])];
        const refused = values.filter((v) => directValueProblem(v, spec, o.kommunekoder, format.decimal) !== undefined);
        if (!refused.length) continue;
        reasons.push(directValueProblem(refused[0], spec, o.kommunekoder, format.decimal) as string);
        if (refused.length > MAX_BAD_VALUES)
          return { status: "stop", why: `${refused.length} forskellige værdier i "${spec.name}" kan ikke bruges` };
        bad.push({ column: spec.name, values: refused });
      }
    }
    if (reasons.length) {
      keep = true;
      return { status: "flagged", staging, rowsRead, bad, why: reasons.join("; ") };
    }
    if (num(agg.n) !== rowsRead)
      throw new Error(
        `[infrastruktur] afstemning fejler for ${o.file}: læst ${rowsRead} poster, men skrevet ${num(agg.n)}`
      );
    moveParquet(ok, join(o.outDir, contract.kind));
    return { status: "ok", rows: num(agg.n), count: num(agg.s) };
  } catch (e) {
    if (/afstemning fejler/.test((e as Error).message)) throw e;
    return { status: "stop", why: `læsningen stoppede (${(e as Error).message.split("\n")[0]})` };
  } finally {
    if (!keep) rmSync(staging, { recursive: true, force: true });
    await con.run("SET preserve_insertion_order = true");
  }
}

/**
 * Could a key repeat in `kindDir`? Per partition folder (a key holds the hour or the month, so it never spans two),
 * the row count against the count of distinct hashes of the key: equal means no key repeats. Unequal means a
 * repeat or a hash collision; the caller then finds the exact repeats with record numbers. Partition by partition,
 * the hash tables stay small (about 1.2 M keys a month at full scale, against 42 M at once).
 */
export async function keyMayRepeat(con: DuckDBConnection, contract: Contract, kindDir: string): Promise<boolean> {
  const keys = contract.key.map(ident).join(", ");
  const folders = new Set<string>();
  for (const f of listParquet(kindDir)) folders.add(f.slice(0, f.lastIndexOf("/")));
  for (const folder of [...folders].sort()) {
    const files = readdirSync(folder).filter((f) => f.endsWith(".parquet"));
    if (!files.length) continue;
    const [r] = await all(
      con,
      `SELECT count(*) - count(DISTINCT hash(${keys})) AS d FROM read_parquet(${q(join(folder, "*.parquet"))}, hive_partitioning=false)`
    );
    if (num(r.d) > 0) return true;
  }
  return false;
}
