/**
 * The source-independent core of the validation rules: series of subject × municipality ×
 * period, checked for continuity (own history), outliers (group, country), unit slips,
 * negative and small counts. `validateKeyFigures` and `validateInfraMonthly` (./index.ts)
 * turn their input into a `SeriesSet` and call `seriesRules`.
 */
import { median, medianAbsoluteDeviation } from "simple-statistics";
import { finding, type RuleId } from "../rules/index.js";
import { THRESHOLDS as T } from "./thresholds.js";
import type { SeriesPoint, ValidationFinding } from "./types.js";

export interface SubjectInfo {
  label: string;
  /** counts of persons, cases or calls: negative is an error */
  isCount: boolean;
  /** published counts of persons/cases: 1-4 must not be published */
  personCount: boolean;
  /** compare across municipalities (afvig.gruppe/afvig.land) */
  comparable: boolean;
  /** continuity rules only when the trailing median is at least this (0: always) */
  minLevel: number;
  /** comparison groups for this subject: kommunekode → codes of its group */
  groups?: Readonly<Record<string, readonly string[]>>;
}

/** value per period index; undefined = no row; null = a row without a number */
export type Series = (number | null | undefined)[];

export interface SeriesSet {
  kilde: "noegletal" | "infrastruktur";
  file: string;
  periods: readonly string[];
  subjects: Map<string, SubjectInfo>;
  /** subject → kommunekode → series over `periods` */
  values: Map<string, Map<string, Series>>;
  /** subject → kommunekode → values to compare across municipalities (e.g. per inhabitant); default `values` */
  comparable?: Map<string, Map<string, Series>>;
  /** where a cell came from: `${subject}\t${kode}\t${periodIndex}` → line/column */
  where?: Map<string, { line?: number; column?: number }>;
}

export type Emit = (f: ValidationFinding) => void;

const num = (v: number | null | undefined): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Robust z of x against a reference set: (x − median) / (1.4826 · MAD); null when MAD is 0 or
 * there are too few values. `log`: on the natural logarithm of the values (all must be > 0),
 * so that ×2 and ×½ are equally far; the returned median is then exp(median of the logs).
 */
export function robustZ(x: number, reference: readonly number[], log = false): { z: number; median: number } | null {
  const st = robustStats(reference, log);
  return st && zOf(x, st);
}

export interface RobustStats {
  median: number;
  mad: number;
  log: boolean;
}

/** Median and MAD of a reference set (of its logarithms when `log`); null with too few values or MAD 0. */
export function robustStats(reference: readonly number[], log: boolean): RobustStats | null {
  if (reference.length < T.minReference) return null;
  const ref = log ? reference.map(Math.log) : (reference as number[]);
  const m = median(ref);
  const mad = medianAbsoluteDeviation(ref);
  return mad === 0 ? null : { median: m, mad, log };
}

export function zOf(x: number, st: RobustStats): { z: number; median: number } {
  const v = st.log ? Math.log(x) : x;
  return { z: (v - st.median) / (T.madToSd * st.mad), median: st.log ? Math.exp(st.median) : st.median };
}

/** Compare on the log scale when the value and every reference value are positive (amounts, rates, shares). */
export const useLog = (x: number, reference: readonly number[]): boolean => x > 0 && reference.every((r) => r > 0);

/** True when x is about 1,000× or 1/1,000 of ref (within the tolerance factor). */
export function isUnitSlip(x: number, ref: number): boolean {
  if (x === 0 || ref === 0 || Math.sign(x) !== Math.sign(ref)) return false;
  const r = Math.abs(Math.log10(Math.abs(x / ref)));
  return Math.abs(r - Math.log10(T.unitFactor)) <= Math.log10(T.unitTolerance);
}

/** Danish number for messages (no locale dependency: Node and browsers may differ). */
export function da(x: number): string {
  const digits = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 1 ? 2 : 4;
  const [i, d] = Math.abs(x).toFixed(digits).split(".");
  const int = i.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${x < 0 ? "-" : ""}${int}${d ? `,${d.replace(/0+$/, "")}` : ""}`.replace(/,$/, "");
}

export class Context {
  constructor(
    readonly set: SeriesSet,
    readonly enabled: (rule: RuleId) => boolean,
    readonly emit: Emit
  ) {}

  /** the series around period index p (up to 6 periods either side; all of it for short series) */
  serie(subject: string, kode: string, p: number): SeriesPoint[] {
    const s = this.set.values.get(subject)?.get(kode) ?? [];
    const { periods } = this.set;
    const from = Math.max(0, p - 12);
    const to = Math.min(periods.length - 1, p + 6);
    const out: SeriesPoint[] = [];
    for (let i = from; i <= to; i++) out.push({ periode: periods[i], vaerdi: num(s[i]) ? (s[i] as number) : null });
    return out;
  }

  add(
    rule: RuleId,
    subject: string,
    kode: string,
    p: number,
    message: string,
    extra: {
      vaerdi?: number;
      forventet?: number;
      periodeTil?: string;
      serie?: boolean;
      line?: number;
      column?: number;
    } = {}
  ): void {
    if (!this.enabled(rule)) return;
    const info = this.set.subjects.get(subject);
    const w = this.set.where?.get(`${subject}\t${kode}\t${p}`);
    const periode = p >= 0 ? this.set.periods[p] : undefined;
    const f = finding(rule, this.set.file, message, {
      line: extra.line ?? w?.line,
      column: extra.column ?? w?.column,
      kommunekode: kode || undefined,
      periode
    }) as ValidationFinding;
    f.kilde = this.set.kilde;
    f.subject = subject;
    f.subjectLabel = info?.label ?? (subject === "*" ? "alle nøgletal" : subject);
    if (extra.vaerdi !== undefined) f.vaerdi = extra.vaerdi;
    if (extra.forventet !== undefined) f.forventet = extra.forventet;
    if (extra.periodeTil !== undefined) f.periodeTil = extra.periodeTil;
    if (extra.serie !== false && p >= 0) f.serie = this.serie(subject, kode, p);
    this.emit(f);
  }
}

/** The share of the municipalities that have the subject at all with a number in each period. */
function presentShare(bySeries: Map<string, Series>, periods: number): number[] {
  const share = new Array<number>(periods).fill(0);
  for (const s of bySeries.values()) for (let i = 0; i < periods; i++) if (num(s[i])) share[i]++;
  return share.map((c) => c / Math.max(1, bySeries.size));
}

/**
 * Continuity against the municipality's own history, unit slips, negative and small counts,
 * series that stop. Returns, per subject × municipality, the period index from which the
 * series has stopped (so completeness rules do not report the same thing again).
 */
export function continuityRules(ctx: Context): Map<string, number> {
  const { set } = ctx;
  const P = set.periods.length;
  const stopped = new Map<string, number>();
  for (const [subject, bySeries] of set.values) {
    const info = set.subjects.get(subject);
    if (!info) continue;
    const share = presentShare(bySeries, P);
    let lastExpected = -1;
    for (let i = 0; i < P; i++) if (share[i] >= T.expectedShare) lastExpected = i;
    for (const [kode, s] of bySeries) {
      const numeric: number[] = [];
      for (let i = 0; i < P; i++) if (num(s[i])) numeric.push(i);
      // --- per value: negative counts, small counts, unit slips
      const slip = new Set<number>();
      for (const i of numeric) {
        const x = s[i] as number;
        if (info.isCount && x < 0)
          ctx.add("konsistens.negativ", subject, kode, i, `${info.label}: et antal er negativt (${da(x)})`, {
            vaerdi: x
          });
        if (info.personCount && x >= 1 && x <= T.smallCountMax && Number.isInteger(x))
          ctx.add(
            "diskretion.smaatal",
            subject,
            kode,
            i,
            `${info.label}: et offentliggjort antal på ${x} (1-${T.smallCountMax} skal diskretioneres)`,
            { vaerdi: x }
          );
        if (numeric.length >= T.minHistory + 1) {
          const others = numeric.filter((j) => j !== i).map((j) => s[j] as number);
          const ref = median(others);
          // only a series of one sign has a "usual level": the median of a series crossing zero is near 0
          if (others.every((v) => Math.sign(v) === Math.sign(x)) && isUnitSlip(x, ref)) {
            slip.add(i);
            const f = Math.abs(x / ref) > 1 ? "ca. 1.000 gange" : "ca. 1/1.000 af";
            ctx.add(
              "afvig.enhed",
              subject,
              kode,
              i,
              `${info.label}: ${da(x)} er ${f} seriens sædvanlige niveau (median ${da(ref)})`,
              { vaerdi: x, forventet: ref }
            );
          }
        }
      }
      // --- trailing median/MAD: drop to zero, level shift
      let prevZero = false;
      let prevShift = 0;
      for (let k = 0; k < numeric.length; k++) {
        const i = numeric[k];
        const x = s[i] as number;
        const hist: number[] = [];
        for (let j = k - 1; j >= 0 && hist.length < T.historyWindow; j--)
          if (!slip.has(numeric[j])) hist.push(s[numeric[j]] as number);
        if (hist.length < T.minHistory || slip.has(i)) {
          prevZero = false;
          prevShift = 0;
          continue;
        }
        const m = median(hist);
        if (Math.abs(m) < info.minLevel || (info.minLevel > 0 && m <= 0)) {
          prevZero = false;
          prevShift = 0;
          continue;
        }
        const isZero = m > 0 && Math.abs(x) <= T.nearZero * m;
        if (isZero) {
          if (!prevZero)
            ctx.add(
              "serie.nul",
              subject,
              kode,
              i,
              `${info.label}: falder til ${da(x)} mod en median på ${da(m)} i de foregående ${hist.length} perioder`,
              { vaerdi: x, forventet: m }
            );
          prevZero = true;
          prevShift = 0;
          continue;
        }
        prevZero = false;
        const sigma = Math.max(T.madToSd * medianAbsoluteDeviation(hist), T.shiftRelFloor * Math.abs(m));
        const z = sigma > 0 ? (x - m) / sigma : 0;
        const dir = Math.abs(z) > T.shiftZ ? Math.sign(z) : 0;
        if (dir !== 0 && dir !== prevShift)
          ctx.add(
            "serie.niveauskift",
            subject,
            kode,
            i,
            `${info.label}: niveauskift til ${da(x)} fra en median på ${da(m)} (robust z ${da(z)})`,
            { vaerdi: x, forventet: m }
          );
        prevShift = dir;
      }
      // --- a series that stops
      const last = numeric.length ? numeric[numeric.length - 1] : -1;
      const positive = numeric.filter((i) => (s[i] as number) !== 0).length;
      if (positive >= T.minHistory && last < lastExpected) {
        stopped.set(`${subject}\t${kode}`, last + 1);
        ctx.add(
          "serie.stopper",
          subject,
          kode,
          last + 1,
          `${info.label}: serien stopper efter ${set.periods[last]}, mens andre kommuner har tal til ${set.periods[lastExpected]}`,
          { vaerdi: undefined, forventet: undefined }
        );
      }
    }
  }
  return stopped;
}

/** Outliers against the comparison group and the country, per period; consecutive periods in one direction are one finding. */
export function outlierRules(ctx: Context): void {
  const { set } = ctx;
  const P = set.periods.length;
  const source = set.comparable ?? set.values;
  for (const [subject, bySeries] of source) {
    const info = set.subjects.get(subject);
    if (!info?.comparable) continue;
    const codes = [...bySeries.keys()];
    for (const rule of ["afvig.land", "afvig.gruppe"] as const) {
      if (!ctx.enabled(rule)) continue;
      if (rule === "afvig.gruppe" && !info.groups) continue;
      // runs per municipality: [start, dir, z, x, median]
      const run = new Map<string, { start: number; end: number; dir: number; x: number; m: number; z: number }>();
      const flush = (kode: string) => {
        const r = run.get(kode);
        if (!r) return;
        run.delete(kode);
        const hvad = rule === "afvig.land" ? "alle kommuner" : "sammenligningsgruppen";
        const span = r.end > r.start ? ` (${set.periods[r.start]}-${set.periods[r.end]})` : "";
        ctx.add(
          rule,
          subject,
          kode,
          r.start,
          `${info.label}: ${da(r.x)} ligger ${r.dir > 0 ? "langt over" : "langt under"} ${hvad} (median ${da(r.m)}, robust z ${da(r.z)})${span}`,
          { vaerdi: r.x, forventet: r.m, periodeTil: r.end > r.start ? set.periods[r.end] : undefined }
        );
      };
      for (let i = 0; i < P; i++) {
        // the country: one reference set per period (it contains every x, so the log decision is the set's)
        let land: RobustStats | null = null;
        if (rule === "afvig.land") {
          const all: number[] = [];
          for (const c of codes) if (num(bySeries.get(c)?.[i])) all.push(bySeries.get(c)?.[i] as number);
          land = robustStats(all, all.length > 0 && useLog(all[0], all));
        }
        for (const kode of codes) {
          const x = bySeries.get(kode)?.[i];
          let dir = 0;
          let res: { z: number; median: number } | null = null;
          if (num(x)) {
            if (rule === "afvig.land") res = land && zOf(x, land);
            else {
              const ref: number[] = [];
              for (const g of info.groups?.[kode] ?? []) {
                const v = bySeries.get(g)?.[i];
                if (g !== kode && num(v)) ref.push(v);
              }
              res = robustZ(x, ref, useLog(x, ref));
            }
            if (res && Math.abs(res.z) > T.outlierZ) dir = Math.sign(res.z);
          }
          const r = run.get(kode);
          if (r && (dir !== r.dir || r.end !== i - 1)) flush(kode);
          if (dir !== 0 && res && num(x)) {
            const cur = run.get(kode);
            if (cur) cur.end = i;
            else run.set(kode, { start: i, end: i, dir, x, m: res.median, z: res.z });
          }
        }
      }
      for (const kode of [...run.keys()]) flush(kode);
    }
  }
}
