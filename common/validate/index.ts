/**
 * The data-validation rules engine (issue #11): completeness, continuity, outliers,
 * consistency and suppression checks on key figures and on the monthly infrastructure
 * extracts. Pure TypeScript (no DOM, no Node APIs): the command line (`npm run validate`),
 * the build step and the browser page (`/datakvalitet`, in a Web Worker) all call it.
 *
 * Every finding carries a rule id from the registry (common/rules/index.ts) with its
 * Danish explanation, severity and likely cause. Thresholds and why: ./thresholds.ts.
 * Methods (README, "Regler, genfinding og præcision"):
 * - own history: trailing median and MAD of up to 12 earlier values (simple-statistics);
 * - outliers: robust z against all municipalities / the comparison group in the same period;
 * - unit slip: ≈1,000× or 1/1,000 of the median of the series' other values.
 */
import { finding, type RuleId } from "../rules/index.js";
import { type CellStatus, isNumericStatus, YES_NO_UNIT } from "../vocabulary.js";
import { Context, continuityRules, da, outlierRules, type Series, type SeriesSet, type SubjectInfo } from "./core.js";
import { THRESHOLDS } from "./thresholds.js";
import type { ValidationFinding } from "./types.js";

export { isUnitSlip, robustZ } from "./core.js";
export { THRESHOLDS } from "./thresholds.js";
export type { SeriesPoint, ValidationFinding } from "./types.js";

/** One key-figure cell as the engine reads it (the vocabulary's KeyFigureRow, plus where it came from). */
export interface KeyFigureCell {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus | string;
  /** line/column in the source file, when known */
  line?: number;
  column?: number;
}

/** What the engine needs to know about a key figure (a subset of the catalogue's KatalogRow). */
export interface KeyFigureMeta {
  id: string;
  titel: string;
  enhed: string;
  /** the figure counts persons (small counts 1-4 must not be published) */
  taeller_personer?: boolean;
  /** comparison area (a key of `KeyFigureInput.groups`), to pick the comparison group */
  omraade?: string;
  /** decimals the source publishes (rounding tolerance of konsistens.sum); default 1 */
  decimaler?: number;
}

/** A total figure whose value must equal the sum of its parts (same municipality, same year). */
export interface SumRelation {
  total: string;
  parts: string[];
}

/** A per-inhabitant (or per-unit) figure that must equal numerator / denominator × scale. */
export interface PerInhabitantRelation {
  /** the ratio figure */
  id: string;
  /** the numerator figure (same municipality, year) */
  numerator: string;
  /** the denominator figure; omitted: the population of `KeyFigureInput.befolkning` */
  denominator?: string;
  /** 1 for "pr. indbygger", 1000 for "pr. 1.000 indb." */
  scale: number;
}

export interface KeyFigureInput {
  /** file name for the findings (e.g. data/raw/noegletal/…csv) */
  file: string;
  rows: readonly KeyFigureCell[];
  /** catalogue entries by id (titles, units, person counts); figures without an entry use the id as title */
  katalog?: readonly KeyFigureMeta[];
  /** the municipalities that should be present (default: those in the rows) */
  kommunekoder?: readonly string[];
  /**
   * comparison groups: comparison area → (kommunekode → the codes of its group); a figure
   * uses the groups of its `omraade`, else those under "" (no group: afvig.gruppe is skipped)
   */
  groups?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** population by municipality and year, for relations without a denominator figure */
  befolkning?: readonly { kommunekode: string; aar: number; befolkning: number }[];
  sums?: readonly SumRelation[];
  perInhabitant?: readonly PerInhabitantRelation[];
}

/** What a monthly infrastructure row is about. */
export type InfraSubjectKind = "service" | "itsystem" | "dataomraade" | "total";

/**
 * Calls of one municipality in one month to one subject: one extract row (the engine sums
 * rows of the same municipality × month × subject). Rows of non-municipal authorities have
 * kommunekode "" and only take part in the duplicate check.
 */
export interface InfraMonthlyRow {
  kommunekode: string;
  /** YYYY-MM */
  maaned: string;
  subjectKind: InfraSubjectKind;
  /** "SF1470", an IT-system name, a data area, or "I alt" */
  subject: string;
  subjectLabel?: string;
  kald: number;
  /** the row's key in the extract (e.g. maaned|cvr|it_system_id|service_nr), for form.dublet */
  key?: string;
  line?: number;
}

export interface InfraMonthlyInput {
  file: string;
  rows: readonly InfraMonthlyRow[];
  /** all months of the extract, ascending (default: the months in the rows) */
  months?: readonly string[];
  /** the municipalities that should be present (default: those in the rows) */
  kommunekoder?: readonly string[];
  /** comparison groups: kommunekode → codes of its group */
  groups?: Readonly<Record<string, readonly string[]>>;
  /** population per municipality: outliers compare calls per inhabitant (without it, no afvig.* rules) */
  befolkning?: Readonly<Record<string, number>>;
  /** the counts are published counts of persons/cases (diskretion.smaatal applies); calls are not */
  publishedCounts?: boolean;
}

export interface ValidateOptions {
  /** only these rule ids (default: all) */
  rules?: readonly string[];
}

/** The rules this engine implements (the others in the registry are the parsers' contract rules). */
export const ENGINE_RULES: readonly RuleId[] = [
  "fuldstaendig.kommuner",
  "fuldstaendig.maaned",
  "fuldstaendig.aar",
  "serie.niveauskift",
  "serie.nul",
  "serie.stopper",
  "afvig.gruppe",
  "afvig.land",
  "afvig.enhed",
  "form.dublet",
  "konsistens.negativ",
  "konsistens.sum",
  "konsistens.pr_indbygger",
  "diskretion.smaatal"
];

const enabledOf = (opts: ValidateOptions) => {
  const set = opts.rules ? new Set(opts.rules) : undefined;
  return (r: RuleId) => !set || set.has(r);
};

const sortFindings = (out: ValidationFinding[]) =>
  out.sort(
    (a, b) =>
      (a.kommunekode ?? "").localeCompare(b.kommunekode ?? "") ||
      a.subject.localeCompare(b.subject) ||
      (a.periode ?? "").localeCompare(b.periode ?? "") ||
      a.rule.localeCompare(b.rule)
  );

const COUNT_UNITS = new Set(["personer", "antal"]);

/**
 * Units of absolute sizes: not compared across municipalities by the outlier rules (a large
 * municipality has more inhabitants, schools and square kilometres; that is no error). Their
 * own series are still checked (continuity, unit slips).
 */
export const ABSOLUTE_UNITS: ReadonlySet<string> = new Set(["personer", "antal", "km²", "1.000 kr."]);

/** Validate key figures (a long table of municipality × figure × year). */
export function validateKeyFigures(input: KeyFigureInput, opts: ValidateOptions = {}): ValidationFinding[] {
  const out: ValidationFinding[] = [];
  const enabled = enabledOf(opts);
  const meta = new Map((input.katalog ?? []).map((k) => [k.id, k]));
  const years = [...new Set(input.rows.map((r) => r.aar))].sort((a, b) => a - b);
  const periods = years.map(String);
  const yi = new Map(years.map((y, i) => [y, i]));
  const kommunekoder = input.kommunekoder ?? [...new Set(input.rows.map((r) => r.kommunekode))].sort();
  const set: SeriesSet = {
    kilde: "noegletal",
    file: input.file,
    periods,
    subjects: new Map(),
    values: new Map(),
    where: new Map()
  };
  const ctx = new Context(set, enabled, (f) => out.push(f));
  const label = (id: string) => meta.get(id)?.titel ?? id;

  // --- duplicates (the last value must not win silently), then the series
  const seen = new Map<string, KeyFigureCell>();
  const status = new Map<string, string>(); // id\tkode\tyear index → status
  for (const r of input.rows) {
    const key = `${r.id}\t${r.kommunekode}\t${r.aar}`;
    const first = seen.get(key);
    if (first) {
      if (enabled("form.dublet")) {
        const f = finding(
          "form.dublet",
          input.file,
          `${label(r.id)}: ${r.kommunekode} ${r.aar} forekommer igen${first.line ? ` (første gang linje ${first.line})` : ""}`,
          { line: r.line, column: r.column, kommunekode: r.kommunekode, periode: String(r.aar) }
        ) as ValidationFinding;
        Object.assign(f, { kilde: "noegletal", subject: r.id, subjectLabel: label(r.id) });
        out.push(f);
      }
      continue;
    }
    seen.set(key, r);
    const m = meta.get(r.id);
    if (!set.subjects.has(r.id)) {
      const enhed = m?.enhed ?? "";
      const groups = input.groups?.[m?.omraade ?? ""] ?? input.groups?.[""];
      set.subjects.set(r.id, {
        label: label(r.id),
        isCount: COUNT_UNITS.has(enhed),
        personCount: m?.taeller_personer ?? false,
        comparable: enhed !== YES_NO_UNIT && !ABSOLUTE_UNITS.has(enhed),
        minLevel: 0,
        groups
      });
      set.values.set(r.id, new Map());
    }
    const p = yi.get(r.aar) as number;
    const byKode = set.values.get(r.id) as Map<string, Series>;
    let s = byKode.get(r.kommunekode);
    if (!s) byKode.set(r.kommunekode, (s = new Array(periods.length).fill(undefined)));
    const yesNo = m?.enhed === YES_NO_UNIT;
    s[p] = !yesNo && r.vaerdi !== null && isNumericStatus(r.status) ? r.vaerdi : null;
    status.set(`${r.id}\t${r.kommunekode}\t${p}`, r.status);
    if (r.line !== undefined) set.where?.set(`${r.id}\t${r.kommunekode}\t${p}`, { line: r.line, column: r.column });
  }
  // yes/no figures: only completeness and duplicates
  const yesNoIds = [...set.subjects.keys()].filter((id) => meta.get(id)?.enhed === YES_NO_UNIT);

  // --- completeness: municipalities
  const present = new Set(input.rows.map((r) => r.kommunekode));
  for (const kode of kommunekoder) {
    if (!present.has(kode)) {
      ctx.add("fuldstaendig.kommuner", "*", kode, -1, `kommunen ${kode} mangler helt i filen`);
      continue;
    }
    for (const [id, byKode] of set.values)
      if (!byKode.has(kode))
        ctx.add("fuldstaendig.kommuner", id, kode, -1, `${label(id)}: kommunen ${kode} har ingen rækker`);
  }

  // --- continuity, unit slips, counts (not on yes/no figures)
  const forSeries: SeriesSet = { ...set, values: new Map([...set.values].filter(([id]) => !yesNoIds.includes(id))) };
  const ctxSeries = new Context(forSeries, enabled, (f) => out.push(f));
  const stopped = continuityRules(ctxSeries);
  outlierRules(ctxSeries);

  // --- completeness: years where at least half of the other municipalities have a value
  if (enabled("fuldstaendig.aar")) {
    for (const [id, byKode] of set.values) {
      const isYesNo = yesNoIds.includes(id);
      const has = (kode: string, p: number) => {
        const st = status.get(`${id}\t${kode}\t${p}`);
        return isYesNo ? st === "ja" || st === "nej" : typeof byKode.get(kode)?.[p] === "number";
      };
      for (let p = 0; p < periods.length; p++) {
        let n = 0;
        for (const kode of kommunekoder) if (has(kode, p)) n++;
        for (const kode of kommunekoder) {
          if (!byKode.has(kode) || has(kode, p)) continue;
          const st = status.get(`${id}\t${kode}\t${p}`);
          if (st === "undertrykt" || st === "udefineret") continue; // hidden on purpose / undefined by the source
          const others = kommunekoder.length - 1;
          if (others <= 0 || n / others < THRESHOLDS.expectedShare) continue;
          const stop = stopped.get(`${id}\t${kode}`);
          if (stop !== undefined && p >= stop) continue;
          ctx.add(
            "fuldstaendig.aar",
            id,
            kode,
            p,
            `${label(id)}: ingen værdi for ${periods[p]} (${st ? `status ${st}` : "ingen række"}), mens ${n} af ${others} andre kommuner har en`
          );
        }
      }
    }
  }

  // --- consistency: totals and ratios
  const val = (id: string, kode: string, p: number) => {
    const v = set.values.get(id)?.get(kode)?.[p];
    return typeof v === "number" ? v : undefined;
  };
  const rounding = (id: string) => 0.5 * 10 ** -(meta.get(id)?.decimaler ?? 1);
  if (enabled("konsistens.sum"))
    for (const rel of input.sums ?? [])
      for (const kode of kommunekoder)
        for (let p = 0; p < periods.length; p++) {
          const total = val(rel.total, kode, p);
          const parts = rel.parts.map((id) => val(id, kode, p));
          if (total === undefined || parts.some((x) => x === undefined)) continue;
          const sum = (parts as number[]).reduce((a, b) => a + b, 0);
          const tol =
            [rel.total, ...rel.parts].reduce((a, id) => a + rounding(id), 0) +
            THRESHOLDS.sumRelTolerance * Math.abs(total);
          if (Math.abs(total - sum) > tol)
            ctx.add(
              "konsistens.sum",
              rel.total,
              kode,
              p,
              `${label(rel.total)} er ${da(total)}, men summen af ${rel.parts.map(label).join(" + ")} er ${da(sum)}`,
              { vaerdi: total, forventet: sum }
            );
        }
  if (enabled("konsistens.pr_indbygger")) {
    const pop = new Map((input.befolkning ?? []).map((b) => [`${b.kommunekode}\t${b.aar}`, b.befolkning]));
    for (const rel of input.perInhabitant ?? [])
      for (const kode of kommunekoder)
        for (let p = 0; p < periods.length; p++) {
          const x = val(rel.id, kode, p);
          const n = val(rel.numerator, kode, p);
          const d = rel.denominator ? val(rel.denominator, kode, p) : pop.get(`${kode}\t${periods[p]}`);
          if (x === undefined || n === undefined || d === undefined || d === 0) continue;
          const expected = (n / d) * rel.scale;
          const tol = THRESHOLDS.perInhabitantTolerance * Math.abs(expected) + rounding(rel.id);
          if (Math.abs(x - expected) > tol)
            ctx.add(
              "konsistens.pr_indbygger",
              rel.id,
              kode,
              p,
              `${label(rel.id)} er ${da(x)}, men ${label(rel.numerator)} / ${rel.denominator ? label(rel.denominator) : "befolkningen"}${rel.scale !== 1 ? ` × ${da(rel.scale)}` : ""} giver ${da(expected)}`,
              { vaerdi: x, forventet: expected }
            );
        }
  }
  return sortFindings(out);
}

const TOTAL = "I alt";

/** Validate a monthly infrastructure extract (calls per municipality × month × service). */
export function validateInfraMonthly(input: InfraMonthlyInput, opts: ValidateOptions = {}): ValidationFinding[] {
  const out: ValidationFinding[] = [];
  const enabled = enabledOf(opts);
  const months = input.months ?? [...new Set(input.rows.map((r) => r.maaned))].sort();
  const mi = new Map(months.map((m, i) => [m, i]));
  const kommunekoder =
    input.kommunekoder ?? [...new Set(input.rows.map((r) => r.kommunekode).filter((k) => k !== ""))].sort();
  const P = months.length;
  const set: SeriesSet = {
    kilde: "infrastruktur",
    file: input.file,
    periods: months,
    subjects: new Map(),
    values: new Map(),
    where: new Map()
  };
  const ctx = new Context(set, enabled, (f) => out.push(f));
  const hasTotalRows = input.rows.some((r) => r.subjectKind === "total");
  const sums = new Map<string, Map<string, Float64Array>>(); // subject → kode → per month
  const any = new Map<string, Uint8Array>(); // kode → month has rows
  const labels = new Map<string, string>([[TOTAL, "Kald i alt"]]);
  const seen = new Map<string, number | undefined>();
  const add = (subject: string, kode: string, p: number, x: number) => {
    let byKode = sums.get(subject);
    if (!byKode) sums.set(subject, (byKode = new Map()));
    let a = byKode.get(kode);
    if (!a) byKode.set(kode, (a = new Float64Array(P).fill(Number.NaN)));
    a[p] = (Number.isNaN(a[p]) ? 0 : a[p]) + x;
  };
  const emitRow = (rule: RuleId, r: InfraMonthlyRow, message: string) => {
    if (!enabled(rule)) return;
    const f = finding(rule, input.file, message, {
      line: r.line,
      kommunekode: r.kommunekode || undefined,
      periode: r.maaned
    }) as ValidationFinding;
    Object.assign(f, {
      kilde: "infrastruktur",
      subject: r.subject,
      subjectLabel: r.subjectLabel ?? r.subject,
      vaerdi: r.kald
    });
    out.push(f);
  };
  for (const r of input.rows) {
    if (r.key !== undefined) {
      if (seen.has(r.key)) {
        const first = seen.get(r.key);
        emitRow(
          "form.dublet",
          r,
          `rækken med nøglen ${r.key} forekommer igen${first ? ` (første gang linje ${first})` : ""}`
        );
        continue;
      }
      seen.set(r.key, r.line);
    }
    if (r.kald < 0)
      emitRow("konsistens.negativ", r, `${r.subjectLabel ?? r.subject}: antal kald er negativt (${da(r.kald)})`);
    if (r.kommunekode === "") continue;
    const p = mi.get(r.maaned);
    if (p === undefined) continue;
    let a = any.get(r.kommunekode);
    if (!a) any.set(r.kommunekode, (a = new Uint8Array(P)));
    a[p] = 1;
    if (r.subjectKind === "total") add(TOTAL, r.kommunekode, p, r.kald);
    else {
      add(r.subject, r.kommunekode, p, r.kald);
      if (!hasTotalRows) add(TOTAL, r.kommunekode, p, r.kald);
      if (r.subjectLabel && !labels.has(r.subject)) labels.set(r.subject, `${r.subject} ${r.subjectLabel}`);
    }
  }
  // series: a month without any row of the municipality is missing; inside a subject's own
  // first..last month, a month without rows of that subject is 0 calls; after the last, the series has stopped
  for (const [subject, byKode] of sums) {
    const info: SubjectInfo = {
      label: labels.get(subject) ?? subject,
      isCount: false, // negative rows are checked row by row above
      personCount: input.publishedCounts ?? false,
      comparable: subject === TOTAL && input.befolkning !== undefined,
      minLevel: THRESHOLDS.infraMinLevel,
      groups: input.groups
    };
    set.subjects.set(subject, info);
    const values = new Map<string, Series>();
    for (const [kode, a] of byKode) {
      const has = any.get(kode) as Uint8Array;
      let first = -1;
      let last = -1;
      for (let i = 0; i < P; i++)
        if (!Number.isNaN(a[i])) {
          if (first < 0) first = i;
          last = i;
        }
      const s: Series = new Array(P).fill(undefined);
      for (let i = first; i <= last; i++) if (has[i]) s[i] = Number.isNaN(a[i]) ? 0 : a[i];
      values.set(kode, s);
    }
    set.values.set(subject, values);
  }
  if (input.befolkning) {
    const total = set.values.get(TOTAL);
    if (total) {
      const per = new Map<string, Series>();
      for (const [kode, s] of total) {
        const b = input.befolkning[kode];
        if (b)
          per.set(
            kode,
            s.map((x) => (typeof x === "number" ? x / b : x))
          );
      }
      set.comparable = new Map([[TOTAL, per]]);
    }
  }

  // --- completeness
  const share = new Array<number>(P).fill(0);
  for (const a of any.values()) for (let i = 0; i < P; i++) share[i] += a[i];
  const stopped = continuityRules(ctx);
  outlierRules(ctx);
  for (const kode of kommunekoder) {
    const a = any.get(kode);
    if (!a) {
      ctx.add("fuldstaendig.kommuner", TOTAL, kode, -1, `kommunen ${kode} har ingen rækker i udtrækket`);
      continue;
    }
    const stop = stopped.get(`${TOTAL}\t${kode}`) ?? P;
    for (let i = 0; i < Math.min(P, stop); i++) {
      const others = Math.max(1, kommunekoder.length - 1);
      if (!a[i] && share[i] / others >= THRESHOLDS.expectedShare)
        ctx.add(
          "fuldstaendig.maaned",
          TOTAL,
          kode,
          i,
          `kommunen ${kode} har ingen rækker for ${months[i]}, mens ${share[i]} andre kommuner har`
        );
    }
  }
  return sortFindings(out);
}
