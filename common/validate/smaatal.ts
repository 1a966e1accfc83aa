/**
 * diskretion.smaatal as a guard on what is published (issue #11): no table the infrastructure loaders publish may hold
 * a count of cases or persons from 1 to 4 (they are hidden as "<5" before the table is written, common/infra/suppress.ts
 * and publishConformance in common/infra/kle.ts). The guard runs the rule over every published table's count columns
 * before anything reaches dist/; a violation stops the build with a Danish message naming table, row and column.
 * Pure: rows in, findings out (loaders/validate/smaatal-guard.ts reads the written Parquet files).
 */
import { type Finding, finding } from "../rules/index.js";
import { THRESHOLDS } from "./thresholds.js";

/** Columns that hold counts of cases or persons (calls and IT systems are not). */
export const CASE_COUNT_COLUMN = /^(antal_sager|sager|sager_afvigende|antal_personer|antal_borgere|antal_brugere)$/;

export interface PublishedTable {
  /** the table's published name (e.g. infrastruktur-kle) */
  name: string;
  /** its rows in written order (row 1 = the first data row) */
  rows: readonly Record<string, unknown>[];
}

/** One diskretion.smaatal finding per published cell with a count from 1 to 4, naming table, row and column. */
export function smallCountFindings(t: PublishedTable): Finding[] {
  const max = THRESHOLDS.smallCountMax;
  const out: Finding[] = [];
  const columns = Object.keys(t.rows[0] ?? {}).filter((c) => CASE_COUNT_COLUMN.test(c));
  t.rows.forEach((row, i) => {
    for (const c of columns) {
      const v = row[c];
      const n = typeof v === "bigint" ? Number(v) : v;
      if (typeof n === "number" && n >= 1 && n <= max && Number.isInteger(n))
        out.push(
          finding(
            "diskretion.smaatal",
            t.name,
            `tabellen ${t.name}, række ${i + 1}, kolonne ${c}: et antal på ${n} ville blive offentliggjort; ` +
              `antal fra 1 til ${max} skal skjules ("<5"), før tabellen når dist/`,
            { line: i + 1 }
          )
        );
    }
  });
  return out;
}

/** Stop (throw) on the first table with a small count; the message is Danish and names table, row and column. */
export function assertNoSmallCounts(tables: readonly PublishedTable[]): void {
  const found = tables.flatMap(smallCountFindings);
  if (!found.length) return;
  const more = found.length > 1 ? ` (og ${found.length - 1} celle${found.length > 2 ? "r" : ""} mere)` : "";
  throw new Error(`${found[0].message}${more} [regel diskretion.smaatal]`);
}
