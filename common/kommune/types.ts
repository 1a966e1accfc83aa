/**
 * Shapes of the municipality-page data: one definition, used by the loader that writes
 * it (loaders/kommune.ts) and by the page components that read it.
 */
import type { Highlight } from "../profile.js";
import type { CellStatus, NationalFigureValue, YearKind } from "../vocabulary.js";

export type { Highlight };

export interface ComparisonGroup {
  /** "dst": DST municipality group; "flis": the engine's per-area default group */
  kilde: "dst" | "flis";
  /** short name shown on the page */
  navn: string;
  /** one sentence on what the group is */
  beskrivelse: string;
  /** kommunekoder of the other members (the municipality itself excluded) */
  medlemmer: string[];
}

/** The national figure of a figure and year (the rule is `nationalFigure` in common/vocabulary.ts). */
export type NationalFigure = NationalFigureValue;

export interface PageFigure {
  id: string;
  /** the source's title (abbreviated, as in the data and exports) */
  titel: string;
  /** the title with the source's abbreviations written out (common/kommune/titles.ts) */
  fuldTitel: string;
  enhed: string;
  decimaler: number;
  /** yes/no figure (not ranked) */
  janej: boolean;
  /** the figure's latest accounts year with data (common/vocabulary.ts defaultYear) */
  aar: number;
  /** what `aar`'s figures are: regnskab or budget */
  aarstype: YearKind;
  vaerdi: number | null;
  status: CellStatus;
  /** rank in `aar` (1 = highest), null when the municipality has no numeric value */
  rank: number | null;
  /** municipalities with a numeric value in `aar` (what the rank is out of) */
  antal: number;
  land: NationalFigure;
  gruppe: { gns: number | null; n: number; af: number };
  /** per year in `PageData.aar`: value, status, national figure, group mean */
  serie: { v: (number | null)[]; s: CellStatus[]; land: (number | null)[]; gruppe: (number | null)[] };
  /** years whose national figure is of another kind than `land` (left out of `serie.land`, e.g. no source Gennemsnit) */
  landAndetAar: number[];
}

export interface PageArea {
  id: string;
  navn: string;
  gruppe: ComparisonGroup;
  figurer: PageFigure[];
}

export interface PageData {
  kode: string;
  navn: string;
  /** e.g. "Københavns Kommune": headings and titles */
  officielt_navn: string;
  regionsnavn: string;
  kommunegruppe: string;
  areal_km2: number | null;
  befolkning: { maaned: string; vaerdi: number } | null;
  aar: number[];
  kilde: string;
  /** names of every municipality named on the page (group members) */
  navne: Record<string, string>;
  omraader: PageArea[];
  /** "Hvad skiller sig ud" (common/profile.ts), computed at build time; area order */
  profil: Highlight[];
}
