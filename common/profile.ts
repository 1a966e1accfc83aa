/**
 * "Hvad skiller sig ud": the short profile at the top of a municipality page. For every
 * key figure it measures how far the municipality lies from its comparison group and from
 * the country, picks the figures that stand out most in each area, and writes one plain
 * Danish sentence per highlight, with only facts the data supports.
 *
 * Method (stated on the page, `PROFILE_METHOD`): the robust z-score of the municipality's value,
 *   z = (x − median) / (1,4826 · MAD),
 * among the comparison group (the municipality and its members) and among all
 * municipalities with a value that year. 1,4826 · MAD estimates the standard deviation
 * for normally distributed data and is not pulled by the outliers it is meant to find.
 * Median and MAD come from simple-statistics. A figure stands out when |z| ≥ `threshold`
 * (default 2) against the group or the country; per area the `perArea` (default 2) largest
 * |z| are shown. Yes/no figures, figures of absolute size (counts, inhabitants, area: they
 * only say how large the municipality is), figures without a value, and groups or years with
 * fewer than 5 values or no spread (MAD = 0) are not scored.
 *
 * The sizes in the sentence are the ones the page's table shows: the difference from the
 * group mean (the unweighted mean of the *other* members, as in the table's "Gruppegns.")
 * in the figure's unit and in per cent, and the difference in per cent from the national
 * figure in the table's "Hele landet" column (where that is a sum, "I alt", the median of
 * the municipalities instead, and the sentence says so).
 *
 * Pure: no DOM, no I/O; used by the page loader at build time and testable by hand.
 */
import { medianAbsoluteDeviation, median as ssMedian } from "simple-statistics";
import { type Highlight, highlightSentence } from "./profile-text.js";

export { differenceUnit, highlightSentence, rankWords, type SentenceFacts, shortUnit } from "./profile-text.js";

/** 1 / Φ⁻¹(3/4): makes the MAD a consistent estimator of σ for normal data (R's mad() default). */
export const MAD_SCALE = 1.4826;
export const DEFAULT_THRESHOLD = 2;
export const DEFAULT_PER_AREA = 2;
/** fewer values than this and a median/MAD says too little */
export const MIN_VALUES = 5;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median af ingen værdier");
  return ssMedian([...values]);
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number {
  if (values.length === 0) throw new Error("MAD af ingen værdier");
  return medianAbsoluteDeviation([...values]);
}

/** Robust z-score of x among values; null when there are too few values or no spread. */
export function robustZ(x: number, values: readonly number[]): number | null {
  if (values.length < MIN_VALUES) return null;
  const d = mad(values);
  if (d === 0) return null;
  return (x - median(values)) / (MAD_SCALE * d);
}

/** The reference the page's table shows for the country. */
export interface NationalReference {
  vaerdi: number | null;
  /** how the sentence names it, e.g. "landstallet" or "gennemsnittet af kommunerne (uvægtet)" */
  navn: string;
}

export interface FigureInput {
  id: string;
  titel: string;
  /** area id and name the figure is shown under */
  omraade: string;
  omraadenavn: string;
  enhed: string;
  decimaler: number;
  janej: boolean;
  /** the year compared */
  aar: number;
  /** the municipality's value in `aar` (null when missing) */
  vaerdi: number | null;
  /** the other group members' values in `aar` (nulls for missing) */
  gruppe: (number | null)[];
  /** the group mean is not shown (a member's value is suppressed): no per cent against the group */
  gruppeSkjult?: boolean;
  /** every municipality's value in `aar`, the municipality included */
  alle: (number | null)[];
  /** the national figure as the table shows it; null (or a sum) → the median of the municipalities */
  land?: NationalReference | null;
  /** the municipality's own series, oldest first */
  serie: { aar: number; vaerdi: number | null }[];
}

// the Highlight type lives with the sentence writer (common/profile-text.ts), which browser code imports alone
export type { Highlight } from "./profile-text.js";

const nums = (xs: readonly (number | null)[]) => xs.filter((x): x is number => x !== null && Number.isFinite(x));

function pct(x: number, ref: number): number | null {
  return ref === 0 ? null : (100 * (x - ref)) / Math.abs(ref);
}

/**
 * Units of absolute size (a count of inhabitants, schools, places; an area): comparing them
 * across municipalities of different sizes says only that the municipality is large or small,
 * so the profile leaves them out.
 */
export function isAbsoluteSize(enhed: string): boolean {
  return enhed === "antal" || enhed === "personer" || enhed === "km²";
}

export function scoreFigure(f: FigureInput): Highlight | null {
  if (f.janej || isAbsoluteSize(f.enhed) || f.vaerdi === null || !Number.isFinite(f.vaerdi)) return null;
  const x = f.vaerdi;
  const others = nums(f.gruppe);
  const group = [x, ...others];
  const all = nums(f.alle);
  const zGruppe = robustZ(x, group);
  const zLand = robustZ(x, all);
  if (zGruppe === null && zLand === null) return null;
  const gruppeGns = others.length && !f.gruppeSkjult ? others.reduce((a, b) => a + b, 0) / others.length : null;
  const forskelGruppe = gruppeGns === null ? null : x - gruppeGns;
  const pctGruppe = gruppeGns === null ? null : pct(x, gruppeGns);
  const landMedian = median(all.length ? all : [x]);
  const useTable = f.land && f.land.vaerdi !== null && Number.isFinite(f.land.vaerdi);
  const landRef = useTable ? (f.land!.vaerdi as number) : landMedian;
  const landNavn = useTable ? f.land!.navn : "medianen af kommunerne";
  const pctLand = pct(x, landRef);
  // competition rank: 1 + the number of group members with a strictly higher value (as the table ranks)
  const rankInGroup = others.length ? 1 + others.filter((v) => v > x).length : null;
  const history = f.serie.filter((p) => p.vaerdi !== null && p.aar < f.aar);
  const first = history[0];
  const udvikling =
    first && first.vaerdi !== 0 ? { fra: first.aar, pct: pct(x, first.vaerdi as number) as number } : null;

  const h: Highlight = {
    id: f.id,
    titel: f.titel,
    omraade: f.omraade,
    omraadenavn: f.omraadenavn,
    enhed: f.enhed,
    decimaler: f.decimaler,
    aar: f.aar,
    vaerdi: x,
    zGruppe,
    zLand,
    gruppeGns,
    forskelGruppe,
    pctGruppe,
    gruppeVaerdier: [...others].sort((a, b) => a - b),
    landMedian,
    landRef,
    landNavn,
    pctLand,
    rankInGroup,
    gruppeStoerrelse: group.length,
    udvikling,
    score: Math.max(Math.abs(zGruppe ?? 0), Math.abs(zLand ?? 0)),
    saetning: ""
  };
  h.saetning = highlightSentence(h);
  return h;
}

/** The highlights of a municipality: per area the `perArea` figures with the largest |z| ≥ threshold, in area order. */
export function highlights(
  figures: readonly FigureInput[],
  { threshold = DEFAULT_THRESHOLD, perArea = DEFAULT_PER_AREA } = {}
): Highlight[] {
  const byArea = new Map<string, Highlight[]>();
  for (const f of figures) {
    const h = scoreFigure(f);
    if (!h || h.score < threshold) continue;
    const list = byArea.get(h.omraade) ?? [];
    list.push(h);
    byArea.set(h.omraade, list);
  }
  return [...byArea.values()].flatMap((list) =>
    list.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id)).slice(0, perArea)
  );
}

// The method as the page states it is PROFILE_METHOD in common/kommune/texts.ts (the page must not load simple-statistics).
