/** Types of Spørg: the catalogue it reads and the typed query it produces (pure). */

export interface SpoergFigur {
  id: string;
  titel: string;
  enhed: string;
  omraade: string;
  /** years with at least one municipality value, ascending */
  aar: number[];
  decimaler: number;
}

export interface SpoergKommune {
  kommunekode: string;
  navn: string;
  officielt_navn: string;
  regionskode: string;
  regionsnavn: string;
}

export interface SpoergKatalog {
  figurer: SpoergFigur[];
  kommuner: SpoergKommune[];
}

export type Operation =
  | "vaerdi"
  | "rangering"
  | "sammenligning"
  | "udvikling"
  | "gennemsnit"
  | "median"
  | "landstal"
  | "kort";

/** What was understood: every field is validated against the catalogue before SQL is compiled. */
export interface Forstaaet {
  noegletal: string[];
  kommuner: string[];
  /** regionskode, when the question is limited to a region */
  region: string | null;
  aar: number[];
  operation: Operation;
  /** also show the national figure, or the municipality's comparison group (mean of its group, kdk_placeringer) */
  sammenlign: "landet" | "gruppe" | null;
  retning: "hoejest" | "lavest" | null;
  antal: number | null;
  /** true when no year was asked for and the latest year with data was used */
  aarAutomatisk: boolean;
}

export interface Kandidat {
  id: string;
  titel: string;
}

export type Fortolkning =
  | { status: "ok"; forstaaet: Forstaaet; noter: string[] }
  | { status: "uklart"; begrundelse: string; kandidater: Kandidat[]; forslag: string[] }
  | { status: "afvist"; begrundelse: string; forslag: string[] };
