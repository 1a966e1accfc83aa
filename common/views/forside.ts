/**
 * What the front page (/) computes: the municipality search's result, the figures that can be mapped, the map's
 * values and rows for one figure and year in the chosen prices, and the map export's columns. Pure and typed;
 * tested in test/views/forside.test.ts.
 */
import type { Column } from "../export.js";
import { findMunicipalities } from "../kommune/names.js";
import {
  isNumericStatus,
  isYesNoFigure,
  type KatalogRow,
  type KeyFigureRow,
  KOMMUNE_HEADERS,
  type Kommune,
  statusText,
  type YearKind,
  yearKindNote,
  yearKindOf,
  yearLabel
} from "../vocabulary.js";
import { inPrices, type PriceMode, type PriceSetting, priceNote, unitWithPrices } from "./priser.js";

/** The figure the map opens on. */
export const START_FIGURE = "nettodriftsudgifter-pr-indb";

/** At most this many search hits are listed; more asks the user to narrow the search. */
export const MAX_LISTED = 12;

/** The search box's filter: the municipalities `findMunicipalities` finds for the query (names, codes, aliases). */
export function searchFilter<T extends Pick<Kommune, "kommunekode" | "navn">>(
  kommuner: readonly T[],
  query: string
): (k: T) => boolean {
  const found = new Set(findMunicipalities(kommuner, query).map((k) => k.kommunekode));
  return (k) => found.has(k.kommunekode);
}

/** What the search shows: the hits as a list (1–12), "no hit", or "narrow the search". */
export type SearchResult<T> = { kind: "liste"; kommuner: readonly T[] } | { kind: "ingen" } | { kind: "mange" };

export function searchResult<T>(valgt: readonly T[]): SearchResult<T> {
  if (valgt.length === 0) return { kind: "ingen" };
  return valgt.length <= MAX_LISTED ? { kind: "liste", kommuner: valgt } : { kind: "mange" };
}

/** "1 kommune", "12 kommuner". */
export function countText(n: number): string {
  return `${n} ${n === 1 ? "kommune" : "kommuner"}`;
}

/** The figures the map can show: with values, not yes/no. */
export function mappableFigures<K extends Pick<KatalogRow, "antal_vaerdier" | "enhed">>(katalog: readonly K[]): K[] {
  return katalog.filter((k) => k.antal_vaerdier > 0 && !isYesNoFigure(k));
}

/** One municipality's row of the map export. */
export interface MapRow {
  kommunekode: string;
  navn: string;
  regionsnavn: string;
  vaerdi: number | null;
  /** the status in words ("værdi" for a value) */
  status: string;
}

export interface MapView {
  aarstype: YearKind;
  /** "2018 (regnskab)" */
  aarTekst: string;
  /** "2018 er regnskabstal" */
  aarNote: string;
  enhed: string;
  /** kommunekode → value in the chosen prices (null where there is no number) */
  vaerdier: Map<string, number | null>;
  medVaerdi: number;
  /** the 98 in the given order, for the export */
  raekker: MapRow[];
  prisNote: string;
  /** the source line under the map */
  kildeTekst: string;
}

/** The map of one figure in one year: values of every municipality in the chosen prices, and what the page says. */
export function mapView(
  figur: KatalogRow,
  aar: number,
  rows: readonly KeyFigureRow[],
  kommuner: readonly Pick<Kommune, "kommunekode" | "navn" | "regionsnavn">[],
  priser: PriceMode,
  prisvalg: PriceSetting
): MapView {
  const cells = new Map(rows.filter((r) => r.id === figur.id && r.aar === aar).map((r) => [r.kommunekode, r]));
  const vaerdier = new Map<string, number | null>();
  for (const [kode, r] of cells)
    vaerdier.set(
      kode,
      r.vaerdi !== null && isNumericStatus(r.status) ? inPrices(r.vaerdi, aar, figur, priser, prisvalg) : null
    );
  const aarstype = yearKindOf(figur, aar);
  const aarNote = yearKindNote([{ aar, kind: aarstype }]);
  return {
    aarstype,
    aarTekst: yearLabel(aar, aarstype, true),
    aarNote,
    enhed: unitWithPrices(figur, priser, prisvalg),
    vaerdier,
    medVaerdi: [...vaerdier.values()].filter((v) => v !== null).length,
    raekker: kommuner.map((k) => ({
      kommunekode: k.kommunekode,
      navn: k.navn,
      regionsnavn: k.regionsnavn,
      vaerdi: vaerdier.get(k.kommunekode) ?? null,
      status: statusText(cells.get(k.kommunekode)?.status ?? "ikke_indberettet", "værdi")
    })),
    prisNote: priceNote(figur, priser, prisvalg),
    kildeTekst:
      `Kilde: ${figur.kilde}. ${aarNote}${aarstype === "budget" ? " (se Om: de seneste regnskabstal er fra året før)" : ""}. ` +
      "Kommunegrænser: SDFI/DAGI. Grå kommuner har ingen værdi for året (se status på nøgletalssiden)."
  };
}

/** Columns of the map export. */
export function mapColumns(figur: Pick<KatalogRow, "titel" | "decimaler">, enhed: string): Column<MapRow>[] {
  return [
    { key: "kommunekode", label: KOMMUNE_HEADERS.kommunekode },
    { key: "navn", label: KOMMUNE_HEADERS.navn },
    { key: "regionsnavn", label: KOMMUNE_HEADERS.regionsnavn },
    { key: "vaerdi", label: `${figur.titel} (${enhed})`, decimals: figur.decimaler },
    { key: "status", label: "Status" }
  ];
}

/** "2013–2019": the data's years for the cards. */
export function yearSpan(years: readonly number[]): string {
  return years.length ? `${years[0]}–${years[years.length - 1]}` : "";
}
