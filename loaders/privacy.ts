/**
 * Statistical disclosure control ("diskretionering"), applied in the loaders so a hidden
 * value never reaches dist/: counts of persons from 1 to 4 are published as "<5"
 * (value removed, status `undertrykt`), and where the source publishes a total that
 * would let a single hidden cell be recovered by subtraction, the smallest other value
 * of that figure and year is hidden too (secondary suppression). Both kinds carry the
 * same status, so a reader cannot tell which cell was the small one.
 *
 * **Which figures:** the rule protects persons, so it applies to counts of persons (and of
 * cases about persons), decided PER FIGURE by its id (never by title text) in
 * `PERSON_COUNTS` below, with a Danish reason that the catalogue publishes in its column
 * `undertrykkelse`. Every other count (unit "antal" or "personer") must be listed in
 * `NOT_PERSON_COUNTS` with the reason it is not about persons; a new count figure that is
 * in neither list stops the build (`privacyOf` throws), so the decision is always made by a
 * person. Rates, shares, amounts and indices are not counts and are never suppressed.
 * In the 2013–2019 export only "Indbyggertal 1. januar" counts persons, and no municipality
 * has 1–4 inhabitants, so nothing is suppressed; the day-care places bought and sold across
 * municipal borders count places, which the ministry publishes openly, and are shown as is.
 *
 * **Aggregates:** a mean over the values left after suppression is biased (the hidden values
 * are the smallest), and one computed before suppression could give a hidden value away by
 * subtraction. kommunetal therefore publishes NO computed aggregate that a suppressed cell
 * would have entered: the unweighted mean of the municipalities and a comparison group's mean
 * are left empty (status `undertrykt`) for a figure and year where a cell in it is suppressed
 * (`meanWithoutSuppressed`). The source's own totals ("I alt") are published unchanged: they
 * are the ministry's, and secondary suppression keeps them from revealing a single cell.
 */

/** The largest count that is hidden. */
export const SMALL_COUNT_MAX = 4;

/** Key figures that count persons (or cases about persons), by id, with the reason (Danish, shown in the catalogue). */
export const PERSON_COUNTS: Record<string, string> = {
  "indbyggertal-1-januar": `Tæller personer (indbyggere): antal fra 1 til ${SMALL_COUNT_MAX} ville blive vist som <5 (diskretionering); ingen kommune har så få.`
};

/** Counts that are not counts of persons, by id, with the reason (Danish, shown in the catalogue). */
export const NOT_PERSON_COUNTS: Record<string, string> = {
  "antal-koebte-pladser-i-dagtilbud-over-kom-graenser":
    "Tæller pladser i dagtilbud, ikke personer; ministeriet offentliggør tallet åbent. Vises uden diskretionering.",
  "antal-solgte-pladser-i-dagtilbud-over-kom-graenser":
    "Tæller pladser i dagtilbud, ikke personer; ministeriet offentliggør tallet åbent. Vises uden diskretionering.",
  "antal-folkeskoler": "Tæller skoler, ikke personer. Vises uden diskretionering.",
  "antal-normalklasser": "Tæller klasser, ikke personer. Vises uden diskretionering.",
  "antal-biblioteker": "Tæller biblioteker, ikke personer. Vises uden diskretionering."
};

export interface PrivacyDecision {
  /** the figure counts persons (or cases about persons): small counts are suppressed */
  personer: boolean;
  /** the reason, in Danish, for the catalogue column `undertrykkelse` */
  undertrykkelse: string;
}

/**
 * The privacy decision for one key figure.
 * @throws Error (Danish) for a count figure that is in neither list: someone must decide.
 */
export function privacyOf(id: string, enhed: string): PrivacyDecision {
  if (id in PERSON_COUNTS) return { personer: true, undertrykkelse: PERSON_COUNTS[id] };
  if (id in NOT_PERSON_COUNTS) return { personer: false, undertrykkelse: NOT_PERSON_COUNTS[id] };
  if (enhed === "antal" || enhed === "personer")
    throw new Error(
      `loaders/privacy.ts: nøgletallet ${id} er et antal (enhed "${enhed}"), men det er ikke afgjort, om det tæller personer. ` +
        "Tilføj det til PERSON_COUNTS eller NOT_PERSON_COUNTS med en begrundelse."
    );
  return { personer: false, undertrykkelse: `Ikke et antal personer (enhed: ${enhed}). Vises uden diskretionering.` };
}

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
export function suppressSmallCounts(
  cells: Cell[],
  personCountIds: Set<string>,
  withTotal: Set<string>
): SuppressionResult {
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

/**
 * The unweighted mean of `numeric` over `members`, or none when a member's cell is suppressed (see module comment:
 * such a mean would be biased, and one computed before suppression could reveal the hidden value).
 *
 * @param numeric kommunekode → value, for the cells with a number
 * @param status  kommunekode → status of each cell (to see `undertrykt`)
 * @returns gns null and suppressed true when a member is suppressed; n = members with a value
 * @example meanWithoutSuppressed(new Map([["101", 2], ["147", 4]]), new Map(), ["101", "147"]) // {gns: 3, n: 2, suppressed: false}
 */
export function meanWithoutSuppressed(
  numeric: ReadonlyMap<string, number>,
  status: ReadonlyMap<string, { status: string }>,
  members: readonly string[]
): { gns: number | null; n: number; suppressed: boolean } {
  let s = 0;
  let n = 0;
  let suppressed = false;
  for (const m of members) {
    if (status.get(m)?.status === "undertrykt") suppressed = true;
    const v = numeric.get(m);
    if (v !== undefined) {
      s += v;
      n++;
    }
  }
  return { gns: suppressed || n === 0 ? null : s / n, n, suppressed };
}
