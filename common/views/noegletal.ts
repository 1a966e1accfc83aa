/**
 * What the key-figure catalogue page (/noegletal) computes for one figure: the ranking
 * of the 98 in a year, the national figure, the lead sentence's national part, the
 * ranking export's columns and the development over the data's years. Pure and typed;
 * tested in test/views/noegletal.test.ts.
 */
import type { Column } from "../export.js";
import { formatValue } from "../format.js";
import { type KommuneRef, nationalFor, type RankingRow, rankingRows } from "../kommune/catalogue.js";
import { catalogueNationalNote, RANK_RULE } from "../kommune/texts.js";
import {
  isNumericStatus,
  isYesNoFigure,
  KATALOG_HEADERS,
  type KatalogRow,
  type KeyFigureRow,
  KOMMUNE_HEADERS,
  type NationalFigureValue,
  type NationalRow,
  UNWEIGHTED_MEAN,
  YEAR_KIND_RULE,
  type YearKind,
  yearKindNote,
  yearKindOf,
  yearLabel,
  yearsWithData
} from "../vocabulary.js";
import { isMoneyFigure, type PriceMode, type PriceSetting, priceNote, rowsInPrices, unitWithPrices } from "./priser.js";

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
    { key: "rank", label: "Placering (1 = højeste)" },
    { key: "kommunekode", label: KOMMUNE_HEADERS.kommunekode },
    { key: "navn", label: KOMMUNE_HEADERS.navn },
    { key: "regionsnavn", label: KOMMUNE_HEADERS.regionsnavn },
    { key: "kommunegruppe", label: KOMMUNE_HEADERS.kommunegruppe },
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

// ---------------------------------------------------------------------------------------------------------------
// What the page /noegletal shows around one figure: the catalogue list and export, the documentation block, the
// lead sentence, the ranking table's columns, the development export and the page's address.

/** The page's address for a figure and a municipality: "?id=…&kommune=…" (shareable; the catalogue links use it). */
export function figureAddress(id: string, kommune: string | null): string {
  return `?id=${encodeURIComponent(id)}${kommune ? `&kommune=${encodeURIComponent(kommune)}` : ""}`;
}

export interface CatalogueEntry {
  id: string;
  titel: string;
  href: string;
  /** " · kr. pr. elev · 2013–2019 (2019 budget)" */
  meta: string;
}

export interface CatalogueArea {
  omraade: string;
  navn: string;
  /** open while searching */
  open: boolean;
  figurer: CatalogueEntry[];
}

/**
 * The catalogue list: areas in catalogue order, each with the figures the search found (areas with none are left
 * out), every figure linking to the page's own address. All areas open while a search narrows the list.
 */
export function catalogueAreas(
  katalog: readonly KatalogRow[],
  fundne: readonly KatalogRow[],
  dataYears: readonly number[],
  kommune: string | null
): CatalogueArea[] {
  const open = fundne.length < katalog.length;
  const areas: CatalogueArea[] = [];
  for (const navn of new Set(katalog.map((k) => k.omraade_navn))) {
    const figs = fundne.filter((k) => k.omraade_navn === navn);
    if (!figs.length) continue;
    areas.push({
      omraade: figs[0].omraade,
      navn,
      open,
      figurer: figs.map((k) => ({
        id: k.id,
        titel: k.titel,
        href: figureAddress(k.id, kommune),
        meta: ` · ${k.enhed} · ${yearsText(k, dataYears)}`
      }))
    });
  }
  return areas;
}

/** The columns of the catalogue export (/noegletal and /data): headers from common/vocabulary.ts KATALOG_HEADERS. */
export function catalogueColumns(): Column<KatalogRow>[] {
  const col = (key: keyof KatalogRow): Column<KatalogRow> => ({ key, label: KATALOG_HEADERS[key] });
  return [
    col("nr"),
    col("id"),
    col("titel"),
    col("enhed"),
    col("omraade_navn"),
    col("aar_med_data"),
    col("seneste_regnskabsaar"),
    col("budgetaar"),
    col("antal_vaerdier"),
    col("landstal"),
    col("landstal_metode"),
    { key: (k) => catalogueNationalNote(k), label: "Det viser kommunetal" },
    col("taeller_personer"),
    col("undertrykkelse"),
    col("noter"),
    col("linje_i_kilde")
  ];
}

/** One line of the documentation block: a term, its text, optionally as code and with a data-doc attribute. */
export interface DocEntry {
  term: string;
  text: string;
  code?: boolean;
  /** `data-doc` (the browser tests read "aar" and "landstal") */
  doc?: string;
}

/** The documentation of one figure, in the order the page shows it. */
export function figureDocumentation(figur: KatalogRow): DocEntry[] {
  const years = yearsWithData(figur);
  const kinds = figur.budgetaar
    ? ` (${yearKindNote(years.map((aar) => ({ aar, kind: yearKindOf(figur, aar) })))})`
    : " (alle regnskabstal)";
  const out: DocEntry[] = [
    { term: "Fuld titel", text: figur.titel },
    { term: "Id", text: figur.id, code: true },
    { term: "Enhed", text: figur.enhed },
    { term: "Område", text: figur.omraade_navn },
    { term: "År med data", text: `${figur.aar_med_data.replaceAll(",", ", ")}${kinds}`, doc: "aar" },
    { term: "Regnskab og budget", text: YEAR_KIND_RULE },
    { term: "Kilde", text: `${figur.kilde} (linje ${figur.linje_i_kilde} i kildefilen)` },
    { term: "Landstal", text: `${figur.landstal_metode} ${catalogueNationalNote(figur)}`, doc: "landstal" },
    { term: "Placering", text: RANK_RULE }
  ];
  if (figur.noter) out.push({ term: "Noter", text: figur.noter });
  return out;
}

/** Everything the page shows for one figure in one year, in the chosen prices. */
export interface FigurePageView extends FigureYearView {
  aarstype: YearKind;
  /** "2018 (regnskab)" */
  aarTekst: string;
  /** "2018 er regnskabstal", for exports' source lines */
  aarNote: string;
  /** the unit with the price basis of money figures */
  enhed: string;
  /** the figure's rows (all years) and national rows in the chosen prices */
  vaerdier: KeyFigureRow[];
  landstal: NationalRow[];
  /** the highlighted municipality's row of the ranking */
  valgt: RankingRow | null;
  /** the price sentence under the lead */
  prisNote: string;
  /** the price sentence under the development chart: only for money figures */
  udviklingPrisNote: string;
}

export function figurePage(
  figur: KatalogRow,
  aar: number,
  vaerdierPr: Map<string, KeyFigureRow[]>,
  landstalPr: Map<string, NationalRow[]>,
  kommuner: readonly KommuneRef[],
  kommunekode: string,
  priser: PriceMode,
  prisvalg: PriceSetting
): FigurePageView {
  const aarstype = yearKindOf(figur, aar);
  const vaerdier = rowsInPrices(vaerdierPr.get(figur.id) ?? [], figur, priser, prisvalg);
  const landstal = rowsInPrices(landstalPr.get(figur.id) ?? [], figur, priser, prisvalg);
  const year = figureYear(figur, vaerdier, landstal, kommuner, aar);
  return {
    ...year,
    aarstype,
    aarTekst: yearLabel(aar, aarstype, true),
    aarNote: yearKindNote([{ aar, kind: aarstype }]),
    enhed: unitWithPrices(figur, priser, prisvalg),
    vaerdier,
    landstal,
    valgt: year.rangliste.find((r) => r.kommunekode === kommunekode) ?? null,
    prisNote: priceNote(figur, priser, prisvalg),
    udviklingPrisNote: isMoneyFigure(figur) ? priceNote(figur, priser, prisvalg) : ""
  };
}

/** The lead sentence about the highlighted municipality: "København 2018 (regnskab): " in bold, then the rest. */
export function figureLead(
  navn: string,
  v: Pick<FigurePageView, "aarTekst" | "janej" | "valgt" | "enhed" | "medVaerdi" | "land">,
  decimals: number
): { fed: string; tekst: string } {
  const { valgt, janej } = v;
  const value = janej
    ? formatValue(null, valgt?.status)
    : `${formatValue(valgt?.vaerdi ?? null, valgt?.status, decimals)} ${v.enhed}`;
  const rank = valgt?.rank ? ` · nr. ${valgt.rank} af ${v.medVaerdi} (1 = højeste)` : "";
  return { fed: `${navn} ${v.aarTekst}: `, tekst: `${value}${rank}${nationalLead(v.land, decimals)}` };
}

/** The reference line of the distribution chart: the national figure, except a sum ("I alt"); named honestly. */
export function distributionReference(land: NationalFigureValue | null): {
  reference: number | null;
  referenceLabel: string;
} {
  return {
    reference: land && land.kilde !== "I alt" ? land.vaerdi : null,
    referenceLabel: land?.kilde === UNWEIGHTED_MEAN ? "gns. af kommunerne (uvægtet)" : "landstal"
  };
}

/** The ranking table on the page: the export's columns (rankingColumns) in short headers. */
export function rankingTable(
  figur: Pick<KatalogRow, "titel" | "enhed">,
  enhed: string,
  aarTekst: string
): { columns: (keyof RankingRow)[]; header: Partial<Record<keyof RankingRow, string>> } {
  const labels = new Map(rankingColumns(figur).map((c) => [c.key, c.label]));
  return {
    columns: ["rank", "navn", "regionsnavn", "kommunegruppe", "vaerdi", "statustekst"],
    header: {
      rank: "Plac.",
      navn: labels.get("navn"),
      regionsnavn: labels.get("regionsnavn"),
      kommunegruppe: "Kommunegruppe",
      vaerdi: `${enhed}, ${aarTekst}`,
      statustekst: labels.get("statustekst")
    }
  };
}

/** Columns of the development export. */
export function developmentColumns(
  figur: Pick<KatalogRow, "titel" | "budgetaar">,
  enhed: string
): Column<SeriesPoint>[] {
  return [
    { key: "serie", label: "Serie" },
    { key: "aar", label: "År" },
    { key: (r) => yearKindOf(figur, r.aar), label: "Regnskab/budget" },
    { key: "vaerdi", label: `${figur.titel} (${enhed})` }
  ];
}

/** The figures the picker offers: those with data in at least one year (`aar_til` set). */
export function figuresWithData<K extends Pick<KatalogRow, "aar_til">>(katalog: readonly K[]): K[] {
  return katalog.filter((k) => k.aar_til !== null);
}

/** The start figure: the address's `id` when it has data, else Udg. til folkeskolen pr. elev, else the first. */
export function startFigure<K extends Pick<KatalogRow, "id">>(medData: readonly K[], id: string | null): K | undefined {
  return medData.find((k) => k.id === id) ?? medData.find((k) => k.id === "udg-til-folkeskolen-pr-elev") ?? medData[0];
}
