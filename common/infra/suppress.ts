/**
 * Suppression of case counts (indekssager) before anything is published: counts from 1 to
 * 4 become null with status "<5" (primary). Secondary suppression: a municipality's total
 * per index and a KLE topic's total per index over the municipalities are both totals a
 * reader could form, so in every such group that has exactly one hidden cell, the
 * smallest other non-zero cell is hidden too (status "<5" as well, so a reader cannot
 * tell primary from secondary). Repeated until no group has exactly one hidden cell.
 * Zero is published (no cases is not a disclosure). Pure TypeScript.
 */
export const CASES_MAX_HIDDEN = 4;
export const SUPPRESSED = "<5";

export interface CaseCell {
  kommunekode: string;
  kle_nr: string;
  indeks: string;
  opgjort_dato: string;
  /** null once suppressed */
  antal_sager: number | null;
  /** "" or "<5" */
  status: string;
}

export function suppressCases(cells: CaseCell[]): { primary: number; secondary: number } {
  let primary = 0;
  let secondary = 0;
  for (const c of cells) {
    if (c.antal_sager !== null && c.antal_sager >= 1 && c.antal_sager <= CASES_MAX_HIDDEN) {
      c.antal_sager = null;
      c.status = SUPPRESSED;
      primary++;
    }
  }
  const groupings: ((c: CaseCell) => string)[] = [
    (c) => `${c.kommunekode}|${c.indeks}|${c.opgjort_dato}`,
    (c) => `${c.kle_nr}|${c.indeks}|${c.opgjort_dato}`
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const key of groupings) {
      const groups = new Map<string, CaseCell[]>();
      for (const c of cells) {
        const k = key(c);
        const g = groups.get(k);
        if (g) g.push(c);
        else groups.set(k, [c]);
      }
      for (const g of groups.values()) {
        if (g.filter((c) => c.status === SUPPRESSED).length !== 1) continue;
        const next = g
          .filter((c) => c.antal_sager !== null && c.antal_sager > 0)
          .sort(
            (x, y) =>
              x.antal_sager! - y.antal_sager! ||
              x.kommunekode.localeCompare(y.kommunekode) ||
              x.kle_nr.localeCompare(y.kle_nr)
          )[0];
        if (next) {
          next.antal_sager = null;
          next.status = SUPPRESSED;
          secondary++;
          changed = true;
        }
      }
    }
  }
  return { primary, secondary };
}
