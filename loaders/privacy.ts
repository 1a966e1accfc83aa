/**
 * Statistical disclosure control ("diskretionering"), applied in the loaders so a hidden
 * value never reaches dist/: counts of persons from 1 to 4 are published as "<5"
 * (value removed, status `undertrykt`), and where the source publishes a total that
 * would let a single hidden cell be recovered by subtraction, the smallest other value
 * of that figure and year is hidden too (secondary suppression). Both kinds carry the
 * same status, so a reader cannot tell which cell was the small one.
 *
 * Which key figures count persons is decided from the title by `PERSON_COUNT`: in the
 * noegletal.dk export these are the day-care places bought and sold across municipal
 * borders (each place is a child). Rates, shares, amounts in kroner and counts of
 * schools or libraries are not counts of persons.
 */

/** The largest count that is hidden. */
export const SMALL_COUNT_MAX = 4;

/** Titles of key figures that count persons (see module comment). */
export const PERSON_COUNT = /^Antal (købte|solgte) pladser/i;

export interface Cell {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: string;
}

export interface SuppressionResult {
  primary: number;
  secondary: number;
}

/**
 * Suppress small counts in place.
 * @param cells   municipality cells (all figures); only `personCountIds` are touched
 * @param personCountIds ids of figures that count persons
 * @param withTotal ids of those figures for which the source publishes a total ("I alt")
 */
export function suppressSmallCounts(cells: Cell[], personCountIds: Set<string>, withTotal: Set<string>): SuppressionResult {
  let primary = 0;
  let secondary = 0;
  const byFigureYear = new Map<string, Cell[]>();
  for (const c of cells) {
    if (!personCountIds.has(c.id)) continue;
    const key = `${c.id}/${c.aar}`;
    const list = byFigureYear.get(key) ?? [];
    list.push(c);
    byFigureYear.set(key, list);
  }
  for (const [key, list] of byFigureYear) {
    let hidden = 0;
    for (const c of list) {
      if (c.vaerdi !== null && c.vaerdi >= 1 && c.vaerdi <= SMALL_COUNT_MAX) {
        c.vaerdi = null;
        c.status = "undertrykt";
        hidden++;
        primary++;
      }
    }
    if (hidden === 1 && withTotal.has(key.split("/")[0])) {
      // the total minus the others would reveal the one hidden cell: hide the next smallest
      const next = list
        .filter((c) => c.vaerdi !== null && c.vaerdi > 0)
        .sort((a, b) => a.vaerdi! - b.vaerdi! || a.kommunekode.localeCompare(b.kommunekode))[0];
      if (next) {
        next.vaerdi = null;
        next.status = "undertrykt";
        secondary++;
      }
    }
  }
  return { primary, secondary };
}
