/**
 * The ingest's DIRECT path (issue #8, §5): a clean extract is read once and written once, straight to the
 * Hive-partitioned layout, with no record numbers. Used for the kinds whose contract has `recordNumbers: false`
 * (the hourly support-system extract, ~47 M rows at KOMBIT's scale). A file with something to report (a line
 * DuckDB sets aside, a value the checks refuse) is flagged and repaired (repair.ts: only its flagged rows are found
 * again, with their lines); a repeated key, or too many flagged rows, sends it to the slow, line-numbering pass
 * (slow.ts). Either way the rejects report names file, line, column and reason.
 *
 * The checks are split by cost, and the split is what makes the path fast:
 *  - per row, in SQL (`directVerdictSql`), only the columns whose typed value loses the raw text: hours (`time`,
 *    TIMESTAMP), counts (`heltal`, BIGINT) and dates (`dato`, DATE). An hour is looked up in the file's HOUR TABLE
 *    (`createHourTable`: every hour of the file's years, written in the file's form, with its TIMESTAMP and
 *    partition), one hash lookup instead of a format check, a calendar check, a cast and the partition arithmetic;
 *    a count must be its own BIGINT written back as text; a date gets a GLOB and a cast;
 *  - every other contract column is written as its raw text, so its DISTINCT values, read back from the written
 *    Parquet (a few hundred per column), are checked by the very function the slow pass's messages come from
 *    (`valueProblem` in common/infra/contracts.ts), plus: not empty, not padded (`directValueProblem`).
 * Together they are STRICTER than the slow pass, never more lenient, and give the same typed values
 * (test/infra/ingest-direct-checks.test.ts checks both on tricky values in native DuckDB).
 *
 * The write is partitioned by ONE integer (`ym`, year × 100 + month; 0 for flagged rows), renamed to the
 * `year=/month=` layout afterwards: DuckDB's partitioned write costs per partition column and row. Timings and what
 * was tried: bench/README.md, "Fifth session".
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

/**
 * The hour table's columns (loaders/infra/direct.ts, `createHourTable`), joined as `_h`: the hour as the file writes
 * it, its TIMESTAMP and its partition (year × 100 + month). Names no extract column can clash with.
 */
const HOUR = { table: "_h", text: "_kommunetal_time_tekst", ts: "_kommunetal_time", ym: "_kommunetal_ym" } as const;

/**
 * The hour table of a file: every hour from 1 January of `fromYear` to 31 December of `toYear`, written in the file's
 * form (`TimeForm`), with its TIMESTAMP and partition. The direct path joins the file's hour column to it: a hash
 * lookup in a table of some 35,000 rows replaces the per-row format check, the calendar check, the cast and the
 * partition arithmetic (an hour that is not in the table, valid or not, flags its row for the repair). Text the
 * table holds is, by construction, an hour the slow pass accepts, and its TIMESTAMP is the slow pass's value
 * (test/infra/ingest-direct-checks.test.ts).
 */
export async function createHourTable(
  con: DuckDBConnection,
  name: string,
  form: TimeForm,
  fromYear: number,
  toYear: number
): Promise<void> {
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ${ident(name)} AS
       SELECT strftime(t, '%Y-%m-%d') || ${q(form.separator)} || strftime(t, '%H') || ${q(form.suffix)} AS ${HOUR.text},
         t AS ${HOUR.ts}, (year(t) * 100 + month(t))::INTEGER AS ${HOUR.ym}
       FROM range(TIMESTAMP '${String(fromYear).padStart(4, "0")}-01-01', TIMESTAMP '${String(toYear + 1).padStart(4, "0")}-01-01', INTERVAL 1 HOUR) AS r(t)`
  );
}

/**
 * The years of a file's hour table: from its first data row's year to its last's (the file's first and last lines;
 * either order). When the last line cannot be read (a gzipped file) or is more than ten years from the first, five
 * years either side of the first (an eleven-year table, 96,000 hours, joins as fast as a four-year one). Rows outside
 * are flagged and repaired, or send the file to the slow pass: never accepted unchecked.
 */
export function hourTableYears(firstTime: string, lastTime: string | undefined): [number, number] {
  const first = Number(firstTime.slice(0, 4));
  const last = lastTime && /^[0-9]{4}-/.test(lastTime) ? Number(lastTime.slice(0, 4)) : undefined;
  return last === undefined || Math.abs(last - first) > 10
    ? [first - 5, first + 5]
    : [Math.min(first, last), Math.max(first, last)];
}

/** The typed value of one column on the direct path (raw text for the columns checked on distinct values). */
function typedOf(spec: ColumnSpec, format: FileFormat, form: TimeForm | undefined, hours?: string): string {
  const c = ident(spec.name);
  if (hours && spec.type === "time") return `${HOUR.table}.${HOUR.ts}`;
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

/**
 * The typed projection of the direct path (extra columns kept as text), as `typedSql` in slow.ts. With `hours` (the
 * name of the file's hour table, joined by `directFromSql`) the hour's TIMESTAMP comes from the table.
 */
export function directTypedSql(
  contract: Contract,
  header: readonly string[],
  format: FileFormat,
  form: TimeForm | undefined,
  hours?: string
): string {
  const known = new Set(contract.columns.map((c) => c.name));
  const cols = contract.columns.map((spec) => `${typedOf(spec, format, form, hours)} AS ${ident(spec.name)}`);
  const extra = header.filter((h) => !known.has(h) && h !== "").map((h) => ident(h));
  return [...cols, ...extra].join(", ");
}

/**
 * SQL boolean per row: do the typed columns (counts, hours, dates) hold a value the slow pass accepts, in the file's
 * one form? Cheap on purpose:
 *  - an hour is valid when the hour table has it (`hours`, joined by `directFromSql`); without the table, GLOB in the
 *    file's form, hour < 24 and a cast;
 *  - a count in plain digits is valid when its BIGINT written back as text is the text itself, and not negative
 *    (refuses a sign, a space, a leading zero, `1e3`, `0x10`, `1_000`: the slow pass takes what it accepts of them);
 *    a count with a thousands dot (Danish style) gets GLOB and the regular expression;
 *  - a date: GLOB and a cast.
 */
export function directRowOkSql(
  contract: Contract,
  format: FileFormat,
  form: TimeForm | undefined,
  hours?: string
): string {
  const parts: string[] = [];
  for (const spec of contract.columns) {
    if (!PER_ROW.has(spec.type)) continue;
    const c = ident(spec.name);
    const typed = typedOf(spec, format, form, hours);
    const conds: string[] = [];
    if (spec.type === "heltal") {
      if (format.decimal === "dansk")
        conds.push(
          `NOT (${c} GLOB '*[!0-9.]*')`,
          `(NOT contains(${c}, '.') OR regexp_full_match(${c}, ${q(VALUE_PATTERNS.heltal)}))`,
          `${typed} IS NOT NULL`
        );
      else conds.push(`${typed} >= 0`, `${typed}::VARCHAR = ${c}`);
    } else if (spec.type === "dato") conds.push(`${c} GLOB '${DATE_GLOB}'`, `${typed} IS NOT NULL`);
    else if (hours) conds.push(`${typed} IS NOT NULL`);
    else if (form)
      // hours 00–23 (the GLOB lets 24–29 through; DuckDB reads 24:00 as the next day's midnight)
      conds.push(
        `${c} GLOB '${DATE_GLOB}${form.separator}[0-2]${DIGITS}${form.suffix}'`,
        `substr(${c}, 12, 2) < '24'`,
        `${typed} IS NOT NULL`
      );
    else conds.push("false");
    const all = `coalesce(${conds.join(" AND ")}, false)`;
    parts.push(spec.optional ? `(${c} IS NULL OR ${all})` : all);
  }
  return parts.length ? parts.join("\n  AND ") : "true";
}

/**
 * The FROM clause of the direct path: `source` (a `read_csv(…)`, or any relation with the file's columns) as `_src`,
 * joined to the hour table when there is one. Run with `SET disabled_optimizers = 'build_side_probe_side'`
 * (`withHourJoin`): else DuckDB may build its hash table from the 47 M rows of the file instead of the table's 35,000.
 */
export function directFromSql(contract: Contract, source: string, hours?: string): string {
  const timeCol = contract.columns.find((c) => c.type === "time");
  return hours && timeCol
    ? `${source} AS _src LEFT JOIN ${ident(hours)} AS ${HOUR.table} ON _src.${ident(timeCol.name)} = ${HOUR.table}.${HOUR.text}`
    : `${source} AS _src`;
}

/** Run `fn` with DuckDB's build/probe side swap off (see `directFromSql`), and put it back after. */
export async function withHourJoin<T>(con: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
  await con.run("SET disabled_optimizers = 'build_side_probe_side'");
  try {
    return await fn();
  } finally {
    await con.run("RESET disabled_optimizers");
  }
}

/**
 * The partition of a row as one integer, year × 100 + month, from the typed time column (the hour table's, a DATE,
 * a TIMESTAMP or 'YYYY-MM' text); `1` for a kind without a time column. NULL where the time is not usable.
 */
export function directYmSql(
  contract: Contract,
  format: FileFormat,
  form: TimeForm | undefined,
  hours?: string
): string {
  const col = contract.columns.find((c) => c.name === contract.timeColumn);
  if (!col) return "1";
  if (hours && col.type === "time") return `${HOUR.table}.${HOUR.ym}`;
  const c = ident(col.name);
  if (col.type === "maaned")
    return `(TRY_CAST(left(${c}, 4) AS INTEGER) * 100 + TRY_CAST(substr(${c}, 6, 2) AS INTEGER))`;
  const typed = typedOf(col, format, form);
  return `(year(${typed}) * 100 + month(${typed}))::INTEGER`;
}

/**
 * The direct path's verdict on a row, never NULL: the per-row checks (`directRowOkSql`) and a usable partition. The
 * repair finds the flagged rows again with this very expression.
 */
export function directVerdictSql(
  contract: Contract,
  format: FileFormat,
  form: TimeForm | undefined,
  hours?: string
): string {
  return `coalesce(${directRowOkSql(contract, format, form, hours)} AND ${directYmSql(contract, format, form, hours)} IS NOT NULL, false)`;
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
 * select-list tail (", … AS year, … AS month"; empty for an unpartitioned kind). The repair writes the flagged rows it
 * accepts with it (the direct path itself writes one column, `directYmSql`).
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
   * flagged: the file was read and written to `staging` (`_ok=true/year=/month=/…`, `_ok=false/…`), but some rows need the slow
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
      /** the file's hour table (the repair joins it, then drops it) */
      hours: string | undefined;
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
 * The staging folder's `ym=` partitions as the layout the repair and the move expect: `ym=0` (rows the per-row
 * checks flagged) becomes `_ok=false/`, `ym=YYYYMM` becomes `_ok=true/year=YYYY/month=M/` (`_ok=true/` itself for a
 * kind without a time column, whose rows all have `ym=1`). One partition column instead of three (`_ok`, `year`,
 * `month`) makes DuckDB's partitioned write about a fifth cheaper (bench/README.md, fifth session).
 */
function ymToLayout(staging: string, partitioned: boolean): void {
  for (const dir of readdirSync(staging)) {
    // the COPY writes `ym` as CASE WHEN <verdict> THEN <ym> ELSE 0: never NULL, never negative
    const m = /^ym=([0-9]+)$/.exec(dir);
    if (!m) continue;
    const ym = Number(m[1]);
    const target =
      ym === 0
        ? join(staging, "_ok=false")
        : partitioned
          ? join(staging, "_ok=true", `year=${Math.trunc(ym / 100)}`, `month=${ym % 100}`)
          : join(staging, "_ok=true");
    moveParquet(join(staging, dir), target);
    rmSync(join(staging, dir), { recursive: true, force: true });
  }
}

/**
 * One file on the direct path: ONE scan of the CSV, joined to the file's hour table, written once to a staging folder
 * partitioned by `ym` (0 for the rows the per-row checks flag). A clean file then moves to
 * `<outDir>/<kind>/year=/month=/f<fi>_*.parquet`.
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
    /** the time column's value in the file's last line (undefined: not read, e.g. a gzipped file) */
    lastTime: string | undefined;
    outDir: string;
    kommunekoder: ReadonlySet<string>;
  }
): Promise<DirectResult> {
  const { fi, contract, format } = o;
  const staging = join(o.outDir, ".staging", `f${fi}-direkte`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(o.outDir, ".staging"), { recursive: true });
  const timeCol = contract.columns.find((c) => c.type === "time");
  const form = timeCol ? timeFormOf(o.firstTime) : undefined;
  const hours = form && o.firstTime ? `_timer_f${fi}` : undefined;
  const measure = contract.measure;
  let keep = false;
  try {
    // DuckDB appends to an existing reject table: an earlier ingest on this connection may have left one
    await con.run(
      `DROP TABLE IF EXISTS ${ident(o.rejectsTable)}; DROP TABLE IF EXISTS ${ident(`${o.rejectsTable}_scan`)}`
    );
    if (hours && form && o.firstTime)
      await createHourTable(con, hours, form, ...hourTableYears(o.firstTime, o.lastTime));
    // rows in any order: the partitioned write then runs without holding batches back
    await con.run("SET preserve_insertion_order = false");
    // the source file's name is one constant: as an ENUM of one value it costs a byte per row, not a string (the
    // Parquet column is the same UTF8 text)
    const kildefil = `CAST(${q(o.file)} AS ENUM(${q(o.file)})) AS kildefil`;
    const verdict = directVerdictSql(contract, format, form, hours);
    const ym = directYmSql(contract, format, form, hours);
    const copied = await withHourJoin(con, () =>
      con.runAndReadAll(
        `COPY (SELECT ${directTypedSql(contract, o.header, format, form, hours)}, ${kildefil},
             CASE WHEN ${verdict} THEN ${ym} ELSE 0 END AS ym
           FROM ${directFromSql(contract, o.reader, hours)})
         TO ${q(staging)} (FORMAT parquet, PARTITION_BY (ym), FILENAME_PATTERN 'f${fi}_{i}')`
      )
    );
    ymToLayout(staging, contract.timeColumn !== undefined);
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
      return { status: "flagged", staging, rowsRead, bad, why: reasons.join("; "), hours };
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
    if (!keep) {
      rmSync(staging, { recursive: true, force: true });
      if (hours) await con.run(`DROP TABLE IF EXISTS ${ident(hours)}`);
    }
    await con.run("SET preserve_insertion_order = true");
  }
}

/** The widest span of hours the bitstring key check takes at once (five years: 5.5 KB per combination of the rest of the key). */
const MAX_KEY_HOURS = 5 * 366 * 24;

/**
 * Could a key repeat in `kindDir`? Two ways, both never miss a repeat:
 *  - a key with an hour (the hourly extract): per combination of the REST of the key (some 2,000 at full scale), a
 *    bitstring with one bit per hour of the dataset's span (`bitstring_agg`); a key repeats exactly where a
 *    combination has fewer bits set than rows. A small aggregate instead of a hash set of 47 M keys: 1.5 s
 *    against 2.9 s at full scale (bench/README.md, fifth session). Exact, so "may" is "does" here;
 *  - otherwise, or over more than `MAX_KEY_HOURS`: per partition folder (a key holds the hour or the month, so it never
 *    spans two), the row count against the count of distinct hashes of the key. Unequal means a repeat or a hash
 *    collision.
 * Either way the caller then finds the exact repeats with record numbers.
 */
export async function keyMayRepeat(con: DuckDBConnection, contract: Contract, kindDir: string): Promise<boolean> {
  if (!listParquet(kindDir).length) return false;
  const hourKey = contract.columns.find((c) => c.type === "time" && contract.key.includes(c.name));
  if (hourKey) {
    const src = `read_parquet(${q(join(kindDir, "**", "*.parquet"))}, hive_partitioning=false)`;
    const t = ident(hourKey.name);
    const hour = `epoch_ms(${t}) // 3600000`;
    const [r] = await all(
      con,
      `SELECT min(${hour}) AS lo, max(${hour}) AS hi, count(*) FILTER (WHERE ${t} IS NULL) AS nulls FROM ${src}`
    );
    const lo = num(r.lo);
    const span = num(r.hi) - lo;
    if (!num(r.nulls) && span <= MAX_KEY_HOURS) {
      const rest = contract.key.filter((k) => k !== hourKey.name).map(ident);
      const [x] = await all(
        con,
        `SELECT count(*) AS n FROM (SELECT ${rest.join(", ")} FROM ${src} GROUP BY ${rest.length ? rest.join(", ") : "()"}
           HAVING bit_count(bitstring_agg(${hour} - ${lo}, 0, ${span})) <> count(*))`
      );
      return num(x.n) > 0;
    }
  }
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
