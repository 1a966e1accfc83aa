/**
 * Ranks and means of key figures, shared by the build (loaders/kommune.ts) and the pages
 * (catalogue, comparison), so a rank shown anywhere is computed by the same code.
 * Checked against native DuckDB in test/kommune/duckdb.test.ts (the municipality-page build).
 */

import { type KeyFigureRow, NUMERIC_STATUS } from "./vocabulary.js";

export { NUMERIC_STATUS };

/**
 * Competition ranks, 1 = the highest value: rank = 1 + the number of strictly higher
 * values, so ties share the best rank ("1224"), as SQL's `rank() over (order by v desc)`.
 * @example rankDescending(new Map([["a", 3], ["b", 5], ["c", 3]])) // a → 2, b → 1, c → 2
 */
export function rankDescending(values: Map<string, number>): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => b - a);
  const out = new Map<string, number>();
  for (const [kode, v] of values) {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > v) lo = mid + 1;
      else hi = mid;
    }
    out.set(kode, lo + 1);
  }
  return out;
}

/** Unweighted mean of the values of `codes` that have one; `gns` null when none has. */
export function meanOf(values: Map<string, number>, codes: Iterable<string>): { gns: number | null; n: number } {
  let s = 0;
  let n = 0;
  for (const c of codes) {
    const v = values.get(c);
    if (v !== undefined) {
      s += v;
      n++;
    }
  }
  return { gns: n ? s / n : null, n };
}

/** Numeric values of one figure in one year as kommunekode → value (statuses ok and nul only). */
export function numericValues(rows: readonly KeyFigureRow[], id: string, aar: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows)
    if (r.id === id && r.aar === aar && r.vaerdi !== null && NUMERIC_STATUS.has(r.status))
      out.set(r.kommunekode, r.vaerdi);
  return out;
}
