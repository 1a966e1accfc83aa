/**
 * What the key-figure catalogue page (/noegletal) computes for one figure: the ranking
 * of the 98 in a year, the national figure, the lead sentence's national part, the
 * ranking export's columns and the development over the data's years. Pure and typed;
 * tested in test/views/noegletal.test.ts.
 */
import type { Column } from "../export.js";
import { formatValue } from "../format.js";
import { type KommuneRef, nationalFor, type RankingRow, rankingRows } from "../kommune/catalogue.js";
import {
  isNumericStatus,
  isYesNoFigure,
  type KatalogRow,
  type KeyFigureRow,
  type NationalFigureValue,
  type NationalRow,
  UNWEIGHTED_MEAN,
  yearKindNote,
  yearKindOf,
  yearsWithData
} from "../vocabulary.js";

/**
 * A figure's years in the catalogue list: "2013–2019 (2019 budget)", "2013–2017", "2019 (budget)";
 * "ingen data 2013–2019" with the data's years when it has none.
 */
export function yearsText(
  k: Pick<KatalogRow, "aar_fra" | "aar_til" | "budgetaar" | "aar_med_data">,
  dataYears: readonly number[]
): string {
  if (k.aar_fra === null || k.aar_til === null) return `ingen data ${dataYears[0]}–${dataYears[dataYears.length - 1]}`;
  const span = k.aar_fra === k.aar_til ? String(k.aar_fra) : `${k.aar_fra}–${k.aar_til}`;
  const budget = yearsWithData(k).filter((y) => yearKindOf(k, y) === "budget");
  if (!budget.length) return span;
  return k.aar_fra === k.aar_til ? `${span} (budget)` : `${span} (${budget.join(", ")} budget)`;
}

/** The years of the whole catalogue in words, for its export: a year is budget when any figure has it as budget. */
export function catalogueYearNote(katalog: readonly Pick<KatalogRow, "budgetaar">[], years: readonly number[]): string {
  const budget = new Set(katalog.flatMap((k) => (k.budgetaar ? k.budgetaar.split(",").map(Number) : [])));
  return yearKindNote(years.map((aar) => ({ aar, kind: budget.has(aar) ? "budget" : "regnskab" })));
}

/** What the development chart's years are: a short note for the export, and a sentence under the chart. */
export function developmentYearNote(
  figur: Pick<KatalogRow, "budgetaar">,
  years: readonly number[]
): { kort: string; tekst: string } {
  const kort = yearKindNote(years.map((aar) => ({ aar, kind: yearKindOf(figur, aar) })));
  const budget = years.some((y) => yearKindOf(figur, y) === "budget");
  return {
    kort,
    tekst: budget
      ? `${kort}: budgettal er planlagte tal, ikke forbrug, og kan ikke sammenlignes direkte med regnskabsårene.`
      : `${kort}.`
  };
}

/** How many figures the catalogue has and how many of them have data: "180 nøgletal, heraf 159 med data". */
export function figureCount(katalog: readonly Pick<KatalogRow, "antal_vaerdier">[]): {
  alle: number;
  medData: number;
  tekst: string;
} {
  const medData = katalog.filter((k) => k.antal_vaerdier > 0).length;
  const alle = katalog.length;
  const tekst = medData === alle ? `${alle} nøgletal, alle med data` : `${alle} nøgletal, heraf ${medData} med data`;
  return { alle, medData, tekst };
}

export interface FigureYearView {
  janej: boolean;
  rangliste: RankingRow[];
  /** null for yes/no figures */
  land: NationalFigureValue | null;
  /** municipalities with a numeric value */
  medVaerdi: number;
}

/** One figure in one year: ranking (rank order, missing last), national figure, count with a value. */
export function figureYear(
  figur: Pick<KatalogRow, "enhed">,
  vaerdier: readonly KeyFigureRow[],
  landstal: readonly NationalRow[],
  kommuner: readonly KommuneRef[],
  aar: number
): FigureYearView {
  const janej = isYesNoFigure(figur);
  const rangliste = rankingRows(vaerdier, kommuner, aar, janej);
  return {
    janej,
    rangliste,
    land: janej ? null : nationalFor(vaerdier, landstal, aar),
    medVaerdi: rangliste.filter((r) => r.vaerdi !== null).length
  };
}

/** The national part of the lead sentence, e.g. " · landstal 1.234 (kildens Gennemsnit)"; "" when none. */
export function nationalLead(land: NationalFigureValue | null, decimals: number): string {
  if (!land) return "";
  // an unweighted mean of the municipalities is not a national figure: never call it "landstal"
  if (land.kilde === UNWEIGHTED_MEAN)
    return ` · ${UNWEIGHTED_MEAN} ${formatValue(land.vaerdi, land.status, decimals)} (${land.n} kommuner)`;
  if (land.kilde === "antal ja") return ` · ${formatValue(land.vaerdi, land.status, 0)} kommuner har svaret ja`;
  const how = land.kilde === "I alt" ? " (I alt, sum)" : " (kildens Gennemsnit)";
  return ` · landstal ${formatValue(land.vaerdi, land.status, decimals)}${how}`;
}

/** Columns of the ranking export; a yes/no figure exports its answer as text. */
export function rankingColumns(figur: Pick<KatalogRow, "titel" | "enhed">): Column<RankingRow>[] {
  const janej = isYesNoFigure(figur);
  return [
    { key: "rang", label: "Placering (1 = højeste)" },
    { key: "kommunekode", label: "Kommunekode" },
    { key: "navn", label: "Kommune" },
    { key: "regionsnavn", label: "Region" },
    { key: "kommunegruppe", label: "DST-kommunegruppe" },
    {
      key: janej ? (r) => (r.status === "ja" ? "ja" : r.status === "nej" ? "nej" : null) : "vaerdi",
      label: `${figur.titel} (${figur.enhed})`
    },
    { key: "statustekst", label: "Status" }
  ];
}

export interface SeriesPoint {
  serie: string;
  aar: number;
  vaerdi: number | null;
}

/** Names of the national series in the development chart (drawn dashed). */
export const NATIONAL_SERIES = ["Landstal", "Gennemsnit af kommunerne (uvægtet)"] as const;

/**
 * Development over `years` (the data's years): one series per chosen municipality (null
 * where it has no numeric value) and the national series, except for yes/no figures and
 * figures whose national figure is a sum ("I alt").
 */
export function development(
  figur: Pick<KatalogRow, "enhed" | "landstal">,
  vaerdier: readonly KeyFigureRow[],
  landstal: readonly NationalRow[],
  udvalgte: readonly { kommunekode: string; navn: string }[],
  years: readonly number[]
): SeriesPoint[] {
  const cell = new Map(vaerdier.map((v) => [`${v.kommunekode}/${v.aar}`, v]));
  const serier = udvalgte.flatMap((k) =>
    years.map((y) => {
      const r = cell.get(`${k.kommunekode}/${y}`);
      return { serie: k.navn, aar: y, vaerdi: r && r.vaerdi !== null && isNumericStatus(r.status) ? r.vaerdi : null };
    })
  );
  if (isYesNoFigure(figur) || figur.landstal === "I alt") return serier;
  const name = figur.landstal ? NATIONAL_SERIES[0] : NATIONAL_SERIES[1];
  return [...serier, ...years.map((y) => ({ serie: name, aar: y, vaerdi: nationalFor(vaerdier, landstal, y).vaerdi }))];
}

/** A point of the joined series 2008 → latest (loaders/dst/join.ts JoinedPoint, published in statbank.json). */
export interface JoinedPoint {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  aarstype: "regnskab" | "budget";
  kilde: "noegletal.dk" | "NGLK";
}

/**
 * The long series of one figure for the chosen municipalities, when a refreshed snapshot joined NGLK onto
 * it (empty otherwise), and the sentence saying which years came from which source.
 */
export function joinedDevelopment(
  serier: readonly JoinedPoint[] | null,
  id: string,
  udvalgte: readonly { kommunekode: string; navn: string }[]
): { punkter: (SeriesPoint & { kilde: string; aarstype: string })[]; tekst: string } {
  const own = (serier ?? []).filter((p) => p.id === id);
  if (!own.length) return { punkter: [], tekst: "" };
  const navn = new Map(udvalgte.map((k) => [k.kommunekode, k.navn]));
  const punkter = own
    .filter((p) => navn.has(p.kommunekode))
    .map((p) => ({
      serie: navn.get(p.kommunekode)!,
      aar: p.aar,
      vaerdi: p.vaerdi,
      kilde: p.kilde,
      aarstype: p.aarstype
    }));
  const span = (k: string) => {
    const ys = [...new Set(own.filter((p) => p.kilde === k).map((p) => p.aar))].sort((a, b) => a - b);
    return ys.length ? ys.join(", ") : "ingen";
  };
  return {
    punkter,
    tekst: `År fra noegletal.dk: ${span("noegletal.dk")}. År fra Danmarks Statistik (NGLK, regnskab): ${span("NGLK")}.`
  };
}
