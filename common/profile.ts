/**
 * "Hvad skiller sig ud": the short profile at the top of a municipality page. For every
 * key figure it measures how far the municipality lies from its comparison group and from
 * the country, picks the figures that stand out most in each area, and writes one plain
 * Danish sentence per highlight, with only facts the data supports.
 *
 * Method (stated on the page): the robust z-score of the municipality's value,
 *   z = (x − median) / (1,4826 · MAD),
 * among the comparison group (the municipality and its members) and among all
 * municipalities with a value that year. 1,4826 · MAD estimates the standard deviation
 * for normally distributed data and is not pulled by the outliers it is meant to find.
 * A figure stands out when |z| ≥ `threshold` (default 2) against the group or the
 * country; per area the `perArea` (default 2) largest |z| are shown. Yes/no figures,
 * figures without a value, and groups or years with fewer than 5 values or no spread
 * (MAD = 0) are not scored.
 *
 * Pure: no DOM, no I/O; used by the page loader at build time and testable by hand.
 */
import { formatNumber } from "./format.js";

/** 1 / Φ⁻¹(3/4): makes the MAD a consistent estimator of σ for normal data. */
export const MAD_SCALE = 1.4826;
export const DEFAULT_THRESHOLD = 2;
export const DEFAULT_PER_AREA = 2;
/** fewer values than this and a median/MAD says too little */
export const MIN_VALUES = 5;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median af ingen værdier");
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median absolute deviation (unscaled). */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** Robust z-score of x among values; null when there are too few values or no spread. */
export function robustZ(x: number, values: readonly number[]): number | null {
  if (values.length < MIN_VALUES) return null;
  const d = mad(values);
  if (d === 0) return null;
  return (x - median(values)) / (MAD_SCALE * d);
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
  /** every municipality's value in `aar`, the municipality included */
  alle: (number | null)[];
  /** the municipality's own series, oldest first */
  serie: { aar: number; vaerdi: number | null }[];
}

export interface Highlight {
  id: string;
  titel: string;
  omraade: string;
  omraadenavn: string;
  enhed: string;
  decimaler: number;
  aar: number;
  vaerdi: number;
  zGruppe: number | null;
  zLand: number | null;
  /** mean of the group (members and the municipality), its difference in per cent */
  gruppeGns: number | null;
  pctGruppe: number | null;
  /** median of all municipalities, the difference in per cent */
  landMedian: number;
  pctLand: number;
  /** 1 = highest in the group (the municipality included) */
  rangIGruppe: number | null;
  gruppeStoerrelse: number;
  /** change since the first year with a value, in per cent */
  udvikling: { fra: number; pct: number } | null;
  /** the larger |z| of the two: what the highlight was chosen by */
  score: number;
  saetning: string;
}

const nums = (xs: readonly (number | null)[]) => xs.filter((x): x is number => x !== null && Number.isFinite(x));

function pct(x: number, ref: number): number | null {
  return ref === 0 ? null : (100 * (x - ref)) / Math.abs(ref);
}

/** "3. højeste" / "højeste" / "laveste": the rank in Danish, from the top or the bottom, whichever is nearer. */
export function rankWords(rank: number, of: number): string {
  if (rank === 1) return "højeste";
  if (rank === of) return "laveste";
  const fromBottom = of - rank + 1;
  return rank <= fromBottom ? `${rank}. højeste` : `${fromBottom}. laveste`;
}

function direction(p: number): string {
  const r = Math.round(Math.abs(p));
  if (r === 0) return "på niveau med";
  return `${r} % ${p > 0 ? "over" : "under"}`;
}

export function scoreFigure(f: FigureInput): Highlight | null {
  if (f.janej || f.vaerdi === null || !Number.isFinite(f.vaerdi)) return null;
  const x = f.vaerdi;
  const group = [x, ...nums(f.gruppe)];
  const all = nums(f.alle);
  const zGruppe = robustZ(x, group);
  const zLand = robustZ(x, all);
  if (zGruppe === null && zLand === null) return null;
  const gruppeGns = group.length > 1 ? group.reduce((a, b) => a + b, 0) / group.length : null;
  const landMedian = median(all.length ? all : [x]);
  const sorted = [...group].sort((a, b) => b - a);
  const rangIGruppe = group.length > 1 ? sorted.indexOf(x) + 1 : null;
  const history = f.serie.filter((p) => p.vaerdi !== null && p.aar < f.aar);
  const first = history[0];
  const udvikling =
    first && first.vaerdi !== 0 ? { fra: first.aar, pct: pct(x, first.vaerdi as number) as number } : null;
  const pctGruppe = gruppeGns === null ? null : pct(x, gruppeGns);
  const pctLand = pct(x, landMedian) ?? 0;
  const parts = [`${f.titel}: ${formatNumber(x, f.decimaler)} ${f.enhed}`.trim()];
  if (pctGruppe !== null) parts.push(`${direction(pctGruppe)} sammenligningsgruppen`);
  parts.push(`${direction(pctLand)} landets median`);
  if (rangIGruppe !== null) parts.push(`${rankWords(rangIGruppe, group.length)} i gruppen (af ${group.length})`);
  if (udvikling) {
    const r = Math.round(Math.abs(udvikling.pct));
    parts.push(
      r === 0
        ? `uændret siden ${udvikling.fra}`
        : `${udvikling.pct > 0 ? "steget" : "faldet"} ${r} % siden ${udvikling.fra}`
    );
  }
  return {
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
    pctGruppe,
    landMedian,
    pctLand,
    rangIGruppe,
    gruppeStoerrelse: group.length,
    udvikling,
    score: Math.max(Math.abs(zGruppe ?? 0), Math.abs(zLand ?? 0)),
    saetning: `${parts.join(", ")} (${f.aar}).`
  };
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

/** The method, as the page states it. */
export const PROFILE_METHOD =
  "Et nøgletal skiller sig ud, når kommunens værdi ligger mindst 2 robuste standardafvigelser fra medianen i sammenligningsgruppen eller blandt alle kommuner: z = (værdi − median) / (1,4826 · MAD), hvor MAD er medianen af de absolutte afvigelser fra medianen. Der vises højst to nøgletal pr. område. Ja/nej-nøgletal og grupper med under fem værdier indgår ikke.";
