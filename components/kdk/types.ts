/**
 * Shapes of the page data written by loaders/kdk.ts (kept in step by test/kdk: the
 * loader's output is type-checked against these in test/kdk/pages.test.ts).
 */
export interface NationalFigure {
  vaerdi: number | null;
  status: string;
  kilde: "I alt" | "Gennemsnit" | "beregnet" | "antal ja";
  n?: number;
}

export interface ComparisonGroup {
  kilde: "dst" | "flis";
  navn: string;
  beskrivelse: string;
  medlemmer: string[];
}

export interface PageFigure {
  id: string;
  titel: string;
  enhed: string;
  decimaler: number;
  janej: boolean;
  aar: number;
  vaerdi: number | null;
  status: string;
  rang: number | null;
  antal: number;
  land: NationalFigure;
  gruppe: { gns: number | null; n: number; af: number };
  serie: { v: (number | null)[]; s: string[]; land: (number | null)[]; gruppe: (number | null)[] };
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
  regionsnavn: string;
  kommunegruppe: string;
  areal_km2: number | null;
  befolkning: { maaned: string; vaerdi: number } | null;
  aar: number[];
  kilde: string;
  navne: Record<string, string>;
  omraader: PageArea[];
}
