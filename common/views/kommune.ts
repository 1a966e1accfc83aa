/**
 * The municipality page (/kommune/<kode>): what it shows, computed from the page data the
 * loader prepared (common/kommune/types.ts). Pure and typed; the components in
 * components/kommune/ only turn these into DOM. Tested in test/kommune/view.test.ts.
 *
 * - the profile "Hvad skiller sig ud" (highlights from common/profile.ts, computed at build
 *   time) grouped by area, each with its anchor in the full table, its figure page and the
 *   data of its small chart with a text alternative;
 * - the full table's row texts: full title, the national figure named per row by the
 *   vocabulary's rule (never "landstal" for an unweighted mean of the municipalities);
 * - the search/filter over the figures;
 * - the header's facts, each with its date;
 * - the export rows and columns;
 * - the page in current or fixed prices (pageInPrices), from the price switch of common/views/priser.ts.
 */
import type { Column } from "../export.js";
import { formatMonthCode, formatNumber } from "../format.js";
import { nationalSourceText } from "../kommune/texts.js";
import type { Highlight, NationalFigure, PageArea, PageData, PageFigure } from "../kommune/types.js";
import { highlightSentence } from "../profile-text.js";
import { statusText, UNWEIGHTED_MEAN } from "../vocabulary.js";
import { isMoneyFigure, type PriceMode, type PriceSetting, priceFactor, priceText, unitWithPrices } from "./priser.js";

/** Where a figure's row is in the full table (the profile links there). */
export function rowAnchor(id: string): string {
  return `figur-${id}`;
}

/** The figure's own page, with the municipality selected. */
export function figureHref(id: string, kode: string): string {
  return `../noegletal?id=${encodeURIComponent(id)}&kommune=${kode}`;
}

// ---------------------------------------------------------------------------
// The profile

export interface ProfileChart {
  /** the other group members' values, ascending */
  gruppe: number[];
  /** the municipality's value */
  kommune: number;
  /** the country reference (national figure or median) and its name */
  land: number;
  landNavn: string;
  /** the scale's ends */
  lo: number;
  hi: number;
  /** the chart as text, for screen readers and as the visible alternative */
  alt: string;
}

export interface ProfileItem {
  id: string;
  anker: string;
  tabelHref: string;
  figurHref: string;
  titel: string;
  saetning: string;
  chart: ProfileChart;
}

export interface ProfileArea {
  id: string;
  navn: string;
  punkter: ProfileItem[];
}

export interface ProfileView {
  omraader: ProfileArea[];
  /** shown when nothing stands out */
  tom: string | null;
  antal: number;
}

export function profileChart(h: Highlight, kommunenavn: string): ProfileChart {
  const all = [...h.gruppeVaerdier, h.vaerdi, h.landRef];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const fmt = (x: number) => formatNumber(x, h.decimaler);
  const range = h.gruppeVaerdier.length
    ? `de ${h.gruppeVaerdier.length} andre kommuner i sammenligningsgruppen ligger fra ${fmt(h.gruppeVaerdier[0])} til ${fmt(h.gruppeVaerdier[h.gruppeVaerdier.length - 1])}`
    : "ingen andre kommuner i gruppen har en værdi";
  return {
    gruppe: h.gruppeVaerdier,
    kommune: h.vaerdi,
    land: h.landRef,
    landNavn: h.landNavn,
    lo,
    hi,
    alt: `${h.titel} (${h.enhed}, ${h.aar}): ${kommunenavn} ${fmt(h.vaerdi)}; ${range}; ${h.landNavn} ${fmt(h.landRef)}.`
  };
}

export function profileView(page: Pick<PageData, "kode" | "navn" | "profil" | "omraader">): ProfileView {
  const areas = new Map<string, ProfileArea>();
  const names = new Map(page.omraader.map((a) => [a.id, a.navn]));
  for (const h of page.profil) {
    let a = areas.get(h.omraade);
    if (!a) areas.set(h.omraade, (a = { id: h.omraade, navn: names.get(h.omraade) ?? h.omraadenavn, punkter: [] }));
    a.punkter.push({
      id: h.id,
      anker: rowAnchor(h.id),
      tabelHref: `#${rowAnchor(h.id)}`,
      figurHref: figureHref(h.id, page.kode),
      titel: h.titel,
      saetning: h.saetning,
      chart: profileChart(h, page.navn)
    });
  }
  const omraader = [...areas.values()];
  return {
    omraader,
    antal: page.profil.length,
    tom: page.profil.length
      ? null
      : `Intet nøgletal ligger så langt fra sammenligningsgruppen eller landet, at det skiller sig ud efter metoden nedenfor.`
  };
}

// ---------------------------------------------------------------------------
// The full table

/** The column that holds the national figure: its rows say per row what the figure is. */
export const NATIONAL_COLUMN = "Hele landet";

/**
 * What a row's national figure is, in a few words (the vocabulary's rule, per row): the
 * source's national row ("landstal"), or kommunetal's unweighted mean of the municipalities
 * (never called "landstal"), or the count of yes answers.
 */
export function nationalLabel(land: Pick<NationalFigure, "kilde">): string {
  switch (land.kilde) {
    case "I alt":
      return "landstal (sum)";
    case "Gennemsnit":
      return "landstal";
    case UNWEIGHTED_MEAN:
      return UNWEIGHTED_MEAN;
    case "antal ja":
      return "kommuner med ja";
  }
}

/** The legend of the development chart's national line for one row (the years it leaves out, if any). */
export function nationalLineNote(f: Pick<PageFigure, "land" | "landAndetAar" | "janej">): string {
  if (f.janej || f.land.kilde === "I alt") return "";
  const what = f.land.kilde === UNWEIGHTED_MEAN ? "gennemsnit af kommunerne" : "landstal";
  return f.landAndetAar.length ? `${what} ikke vist for ${f.landAndetAar.join(", ")} (kilden har et andet tal)` : "";
}

/** Lower case without accents on e (é) and with å/aa treated alike, for searching. */
export function normalise(text: string): string {
  return text
    .toLocaleLowerCase("da")
    .normalize("NFKD")
    .replace(/[\u0300-\u0302\u0304-\u0309]/g, "")
    .normalize("NFC")
    .replace(/aa/g, "å")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text a figure is found by: full title, the source's title, unit and area. */
export function searchText(f: Pick<PageFigure, "titel" | "fuldTitel" | "enhed">, area: Pick<PageArea, "navn">): string {
  return normalise(`${f.fuldTitel} ${f.titel} ${f.enhed} ${area.navn}`);
}

/** True when every word of the query occurs in the figure's search text. */
export function matches(text: string, query: string): boolean {
  const words = normalise(query).split(" ").filter(Boolean);
  return words.every((w) => text.includes(w));
}

/** Per area the ids of the figures that match the query (all when the query is empty). */
export function filterFigures(page: Pick<PageData, "omraader">, query: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const a of page.omraader)
    out.set(
      a.id,
      a.figurer.filter((f) => matches(searchText(f, a), query)).map((f) => f.id)
    );
  return out;
}

/** "3 af 160 nøgletal passer" / "" for an empty query. */
export function filterSummary(found: Map<string, string[]>, total: number, query: string): string {
  if (!normalise(query)) return "";
  const n = [...found.values()].reduce((s, ids) => s + ids.length, 0);
  return n === 0 ? `Intet nøgletal passer på "${query.trim()}".` : `${n} af ${total} nøgletal passer.`;
}

// ---------------------------------------------------------------------------
// The header

export interface HeaderFact {
  key: string;
  label: string;
  value: string;
}

/** The population figure in the key figures (the table's year) next to the latest monthly population, each with its date. */
export function headerFacts(page: PageData): HeaderFact[] {
  const pop = page.befolkning;
  const facts: HeaderFact[] = [
    { key: "kode", label: "Kommunenummer", value: page.kode },
    { key: "region", label: "Region", value: page.regionsnavn },
    { key: "kommunegruppe", label: "DST-kommunegruppe", value: page.kommunegruppe }
  ];
  const inTable = page.omraader.flatMap((a) => a.figurer).find((f) => f.id === "indbyggertal-1-januar");
  if (inTable && inTable.vaerdi !== null)
    facts.push({
      key: "indbyggertal",
      label: `Indbyggere 1. januar ${inTable.aar} (som i tabellen)`,
      value: formatNumber(inTable.vaerdi, 0)
    });
  facts.push({
    key: "befolkning",
    label: pop ? `Befolkning 1. ${formatMonthCode(pop.maaned)} (seneste)` : "Befolkning",
    value: pop ? formatNumber(pop.vaerdi, 0) : "ikke oplyst"
  });
  facts.push({
    key: "areal",
    label: "Areal",
    value: page.areal_km2 === null ? "ikke oplyst" : `${formatNumber(page.areal_km2, 1)} km²`
  });
  return facts;
}

// ---------------------------------------------------------------------------
// Exports

/** One export row per key figure: what the table shows, plus the series. */
export interface ExportRow {
  omraade: string;
  titel: string;
  fuld_titel: string;
  enhed: string;
  aar: number;
  vaerdi: number | null;
  status: string;
  rank: number | null;
  antal: number;
  landstal: number | null;
  landstal_kilde: string;
  sammenligningsgruppe: string;
  gruppe_gns: number | null;
  gruppe_n: number;
  gruppe_af: number;
  serie: (number | null)[];
}

export function exportRows(page: PageData, areas: PageArea[] = page.omraader): ExportRow[] {
  return areas.flatMap((a) =>
    a.figurer.map((f) => ({
      omraade: a.navn,
      titel: f.titel,
      fuld_titel: f.fuldTitel,
      enhed: f.enhed,
      aar: f.aar,
      vaerdi: f.janej ? null : f.vaerdi,
      status: statusText(f.status, "værdi"),
      rank: f.rank,
      antal: f.antal,
      landstal: f.land.vaerdi,
      landstal_kilde: nationalSourceText(f.land),
      sammenligningsgruppe: a.gruppe.navn,
      gruppe_gns: f.gruppe.gns,
      gruppe_n: f.gruppe.n,
      gruppe_af: f.gruppe.af,
      serie: f.serie.v
    }))
  );
}

export function exportColumns(page: PageData): Column<ExportRow>[] {
  return [
    { key: "omraade", label: "Område" },
    { key: "titel", label: "Nøgletal" },
    { key: "enhed", label: "Enhed" },
    { key: "aar", label: "År" },
    { key: "vaerdi", label: `${page.navn}: værdi` },
    { key: "status", label: "Status" },
    { key: "rank", label: "Placering (1 = højeste)" },
    { key: "antal", label: "Kommuner med værdi" },
    { key: "landstal", label: "Hele landet" },
    { key: "landstal_kilde", label: "Hele landet: sådan er tallet dannet" },
    { key: "sammenligningsgruppe", label: "Sammenligningsgruppe" },
    { key: "gruppe_gns", label: "Gruppegennemsnit (uvægtet)" },
    { key: "gruppe_n", label: "Gruppens kommuner med værdi" },
    { key: "gruppe_af", label: "Gruppens kommuner i alt" },
    ...page.aar.map((y, i) => ({ key: (r: ExportRow) => r.serie[i], label: `${page.navn} ${y}` })),
    { key: "fuld_titel", label: "Nøgletal (fuld titel)" }
  ];
}

// ---------------------------------------------------------------------------
// Current or fixed prices (issue #12): the switch of the front map and /noegletal, on this page

/** The page's money figures in the prices the switch names; the view of the page is computed from this. */
export interface PricedPage extends PageData {
  /** "loebende" or "faste" as applied (always "loebende" without a price index) */
  priser: PriceMode;
  /** the basis in words for the money figures: "løbende priser" or "faste 2019-priser" */
  prisgrundlag: string;
}

/**
 * Every money value of the page (units "kr. …") in the switch's prices: value, national figure, group mean,
 * the development series and the profile's highlights (re-written from the deflated numbers). A year's value
 * x in current prices becomes x × index(basisår) / index(år) (common/views/priser.ts). Ranks and per cent
 * differences within one year do not change (one factor per year); the development since an earlier year does.
 * Non-money figures are returned as they are. In current prices, or without an index, the page is unchanged.
 * A value whose year the index lacks becomes null with status "ikke_tilgaengelig", never the undeflated number.
 */
export function pageInPrices(page: PageData, mode: PriceMode, setting: PriceSetting): PricedPage {
  const fixed = mode === "faste" && setting.available;
  const prisgrundlag = priceText({ enhed: "kr." }, fixed ? "faste" : "loebende", setting);
  if (!fixed) return { ...page, priser: "loebende", prisgrundlag };
  const factor = (aar: number) => priceFactor(setting, aar);
  const scale = (v: number | null, aar: number): number | null => {
    if (v === null) return null;
    const f = factor(aar);
    return f === null ? null : v * f;
  };
  const lost = (v: number | null, aar: number) => v !== null && factor(aar) === null;
  const enhed = (e: string) => unitWithPrices({ enhed: e }, "faste", setting);
  const omraader = page.omraader.map((a) => ({
    ...a,
    figurer: a.figurer.map((f): PageFigure => {
      if (f.janej || !isMoneyFigure(f)) return f;
      return {
        ...f,
        enhed: enhed(f.enhed),
        vaerdi: scale(f.vaerdi, f.aar),
        status: lost(f.vaerdi, f.aar) ? "ikke_tilgaengelig" : f.status,
        land: { ...f.land, vaerdi: scale(f.land.vaerdi, f.aar) },
        gruppe: { ...f.gruppe, gns: scale(f.gruppe.gns, f.aar) },
        serie: {
          v: f.serie.v.map((v, i) => scale(v, page.aar[i])),
          s: f.serie.s.map((s, i) => (lost(f.serie.v[i], page.aar[i]) ? "ikke_tilgaengelig" : s)),
          land: f.serie.land.map((v, i) => scale(v, page.aar[i])),
          gruppe: f.serie.gruppe.map((v, i) => scale(v, page.aar[i]))
        }
      };
    })
  }));
  const series = new Map(page.omraader.flatMap((a) => a.figurer.map((f) => [f.id, f.serie.v] as const)));
  const profil = page.profil.flatMap((h): Highlight[] => {
    if (!isMoneyFigure(h)) return [h];
    const f = factor(h.aar);
    // the index lacks the highlight's year: no sentence rather than one in mixed prices
    if (f === null) return [];
    const x = h.vaerdi * f;
    let udvikling: Highlight["udvikling"] = null;
    if (h.udvikling) {
      const first = series.get(h.id)?.[page.aar.indexOf(h.udvikling.fra)] ?? null;
      const from = scale(first, h.udvikling.fra);
      if (from !== null && from !== 0) udvikling = { fra: h.udvikling.fra, pct: (100 * (x - from)) / Math.abs(from) };
    }
    const priced: Highlight = {
      ...h,
      enhed: enhed(h.enhed),
      vaerdi: x,
      gruppeGns: h.gruppeGns === null ? null : h.gruppeGns * f,
      forskelGruppe: h.forskelGruppe === null ? null : h.forskelGruppe * f,
      gruppeVaerdier: h.gruppeVaerdier.map((v) => v * f),
      landMedian: h.landMedian * f,
      landRef: h.landRef * f,
      udvikling
    };
    return [{ ...priced, saetning: highlightSentence({ ...priced, enhed: h.enhed }, { prices: prisgrundlag }) }];
  });
  return { ...page, omraader, profil, priser: "faste", prisgrundlag };
}

/** The sentence beside the page's price switch: which figures it changes, and that the others stay as they are. */
export function pagePriceNote(page: PricedPage, setting: PriceSetting): string {
  const money = page.omraader.reduce((n, a) => n + a.figurer.filter((f) => !f.janej && isMoneyFigure(f)).length, 0);
  const total = page.omraader.reduce((n, a) => n + a.figurer.length, 0);
  if (!setting.available) return `Kun løbende priser: ${setting.reason}`;
  const others = `De øvrige ${total - money} nøgletal (andele, antal, satser m.m.) er ikke kronebeløb og er de samme i løbende og faste priser.`;
  if (page.priser === "loebende")
    return `Løbende priser (hvert års egne priser). Faste priser gælder de ${money} nøgletal i kr.; ${setting.kilde}. ${others}`;
  return `Faste ${setting.basisaar}-priser for de ${money} nøgletal i kr.: hvert år omregnet med ${setting.kilde}. ${others}`;
}

/** The export's title with the price basis when the page shows fixed prices. */
export function titleWithPrices(title: string, page: Pick<PricedPage, "priser" | "prisgrundlag">): string {
  return page.priser === "faste" ? `${title} (kronebeløb i ${page.prisgrundlag})` : title;
}
