/**
 * Kend din Kommune: everything the municipality pages, the key-figure catalogue and the
 * comparison page show, computed once at build time from the parsed key figures.
 *
 * Definitions (the pages say the same in Danish):
 * - **Rank** ("placering"): among the municipalities with a numeric value for the figure
 *   and year (status `ok` or `nul`), 1 = the highest value. Ties share the best rank
 *   (competition ranking, "1224"): rank = 1 + the number of municipalities with a
 *   strictly higher value. The direction is said in words; no figure is judged good or
 *   bad, because the catalogue documents no direction. Yes/no figures are not ranked.
 * - **National figure** ("landstal"): the source's own national row ("I alt" = sum,
 *   "Gennemsnit" = the source's average). Where the source has no national row,
 *   kommunetal computes the unweighted mean of the municipalities with a value and
 *   calls it what it is (`kilde: "gennemsnit af kommunerne (uvægtet)"`, never "landstal"). For yes/no figures: the number of
 *   municipalities answering yes.
 * - **Group mean** ("gruppegennemsnit"): the unweighted mean of the values of the
 *   *other* municipalities in the comparison group (the municipality itself is left
 *   out, as in FLIS's comparison groups), counting only those with a numeric value;
 *   `n` says how many had one, `af` how many the group has besides the municipality.
 * - **Comparison group**: until the comparison-group engine publishes its groups, the
 *   municipality's DST municipality group (KOMGRP) for every area; see `comparisonGroup`.
 */

import { fullTitle } from "../common/kommune/titles.js";
import type { ComparisonGroup, NationalFigure, PageArea, PageData, PageFigure } from "../common/kommune/types.js";
import { type FigureInput, highlights } from "../common/profile.js";
import { meanOf, NUMERIC_STATUS, rankDescending } from "../common/ranking.js";
import { type CellStatus, defaultYear, isYesNoFigure, nationalFigure, yearKindOf } from "../common/vocabulary.js";
import { comparisonAreaOfPageArea } from "./areas.js";
import {
  buildBefolkning,
  buildKommuner,
  buildNoegletal,
  type KatalogRow,
  type Kommune,
  NOEGLETAL_KILDE,
  type NoegletalRow,
  UNWEIGHTED_MEAN
} from "./datasets.js";
import { AREAS } from "./noegletal-katalog.js";
import { meanWithoutSuppressed } from "./privacy.js";

export type { ComparisonGroup, NationalFigure, PageArea, PageData, PageFigure };

export { meanOf, rankDescending };

/** Statuses that carry a number that can be ranked and averaged. */
export const NUMERIC = NUMERIC_STATUS;

/** Page areas → the comparison-group engine's areas: from the area definitions (loaders/areas.ts `sideomraader`). */
export const COMPARISON_AREA: Record<string, string> = Object.fromEntries(
  AREAS.map((a) => [a.id, comparisonAreaOfPageArea(a.id)])
);

/** The comparison-group engine's area for a page area (default: serviceudgifter). */
export function comparisonAreaOf(pageArea: string): string {
  return comparisonAreaOfPageArea(pageArea);
}

/** Rows of the comparison-group engine's table (src/data/sammenligningsgrupper.parquet); `rang` and `nabo` are its published (Danish) column names. */
export interface NeighbourRow {
  omraade: string;
  aar: number;
  kommunekode: string;
  rang: number;
  nabo: string;
}

export interface GroupContext {
  kommuner: Kommune[];
  /** the engine's neighbours, when available; absent means: use the DST group */
  neighbours?: NeighbourRow[];
  /** the engine's area names by id */
  omraadeNavn?: Map<string, string>;
  /** the engine's standard year per area (the year whose groups are the default) */
  standardaar?: Map<string, number>;
}

/**
 * The comparison group of a municipality for a page area. Today the DST municipality
 * group; when `ctx.neighbours` holds the engine's groups, the area's default group (the 10
 * most comparable municipalities in the area's standard year, else its latest year).
 */
export function comparisonGroup(kode: string, pageArea: string, ctx: GroupContext): ComparisonGroup {
  if (ctx.neighbours?.length) {
    const area = comparisonAreaOf(pageArea);
    const own = ctx.neighbours.filter((r) => r.omraade === area && r.kommunekode === kode);
    if (own.length) {
      const years = new Set(own.map((r) => r.aar));
      const standard = ctx.standardaar?.get(area);
      const year = standard !== undefined && years.has(standard) ? standard : Math.max(...years);
      const medlemmer = own
        .filter((r) => r.aar === year)
        .sort((a, b) => a.rang - b.rang)
        .map((r) => r.nabo);
      const navn = ctx.omraadeNavn?.get(area) ?? area;
      return {
        kilde: "flis",
        navn: `Sammenligningsgruppe for ${navn.toLowerCase()} (${year})`,
        beskrivelse: `De ${medlemmer.length} mest sammenlignelige kommuner på området ${navn.toLowerCase()}, beregnet efter FLIS-metoden (se Sammenligningsgrupper).`,
        medlemmer
      };
    }
  }
  const self = ctx.kommuner.find((k) => k.kommunekode === kode);
  if (!self) throw new Error(`ukendt kommunekode ${kode}`);
  const medlemmer = ctx.kommuner
    .filter((k) => k.kommunegruppekode === self.kommunegruppekode && k.kommunekode !== kode)
    .map((k) => k.kommunekode);
  return {
    kilde: "dst",
    navn: `DST-kommunegruppen ${self.kommunegruppe}`,
    beskrivelse: `De ${medlemmer.length} øvrige kommuner i Danmarks Statistiks kommunegruppe "${self.kommunegruppe}" (KOMGRP). Samme gruppe på alle områder, indtil de områdevise sammenligningsgrupper er publiceret.`,
    medlemmer
  };
}

/** One figure in one year across the municipalities: values, ranks and national figure. */
export interface FigureYear {
  cells: Map<string, NoegletalRow>;
  numeric: Map<string, number>;
  ranks: Map<string, number>;
  national: NationalFigure;
}

/** A yes/no figure (the vocabulary's test). */
export const isYesNo = isYesNoFigure;

export interface KommuneModel {
  katalog: KatalogRow[];
  kommuner: Kommune[];
  years: number[];
  /** figure id → year → FigureYear */
  figures: Map<string, Map<number, FigureYear>>;
}

let modelMemo: KommuneModel | undefined;

/** Index the key figures by figure and year, with ranks and national figures. */
export function buildKommuneModel(): KommuneModel {
  if (modelMemo) return modelMemo;
  const n = buildNoegletal();
  const kommuner = buildKommuner();
  const byFigure = new Map<string, Map<number, FigureYear>>();
  const katalogById = new Map(n.katalog.map((k) => [k.id, k]));
  for (const row of n.values) {
    let years = byFigure.get(row.id);
    if (!years) byFigure.set(row.id, (years = new Map()));
    let fy = years.get(row.aar);
    if (!fy)
      years.set(
        row.aar,
        (fy = {
          cells: new Map(),
          numeric: new Map(),
          ranks: new Map(),
          national: { vaerdi: null, status: "mangler", kilde: UNWEIGHTED_MEAN }
        })
      );
    fy.cells.set(row.kommunekode, row);
    if (NUMERIC.has(row.status) && row.vaerdi !== null) fy.numeric.set(row.kommunekode, row.vaerdi);
  }
  const nationalRows = new Map(n.national.map((r) => [`${r.id}/${r.aar}`, r]));
  for (const [id, years] of byFigure) {
    const k = katalogById.get(id)!;
    for (const [aar, fy] of years) {
      if (!isYesNo(k)) fy.ranks = rankDescending(fy.numeric);
      fy.national = nationalFigure(
        fy.cells.values(),
        k.landstal ? nationalRows.get(`${id}/${aar}`) : undefined,
        isYesNo(k)
      );
    }
  }
  modelMemo = { katalog: n.katalog, kommuner, years: n.years, figures: byFigure };
  return modelMemo;
}

/** The figures shown on the pages: those with at least one value in the export's years. */
export function shownFigures(model: KommuneModel): KatalogRow[] {
  return model.katalog.filter((k) => k.antal_vaerdier > 0 && k.aar_til !== null);
}

// ---------------------------------------------------------------------------
// Municipality pages

export function buildPage(
  kode: string,
  model: KommuneModel,
  ctx: GroupContext,
  befolkning?: { maaned: string; vaerdi: number } | null
): PageData {
  const k = model.kommuner.find((x) => x.kommunekode === kode);
  if (!k) throw new Error(`ukendt kommunekode ${kode}`);
  const navneAlle = new Map(model.kommuner.map((x) => [x.kommunekode, x.navn]));
  const navne: Record<string, string> = { [kode]: k.navn };
  const shown = shownFigures(model);
  const omraader: PageArea[] = [];
  const profileInputs: FigureInput[] = [];
  for (const area of AREAS) {
    const figs = shown.filter((f) => f.omraade === area.id);
    if (!figs.length) continue;
    const gruppe = comparisonGroup(kode, area.id, ctx);
    for (const m of gruppe.medlemmer) navne[m] = navneAlle.get(m) ?? m;
    const figurer: PageFigure[] = figs.map((f) => {
      const years = model.figures.get(f.id)!;
      // the latest accounts year (common/vocabulary.ts defaultYear): the page compares municipalities
      const aar = defaultYear(f) ?? f.aar_til!;
      const fy = years.get(aar)!;
      const cell = fy.cells.get(kode);
      const janej = isYesNo(f);
      const g = meanWithoutSuppressed(fy.numeric, fy.cells, gruppe.medlemmer);
      const serie = {
        v: [] as (number | null)[],
        s: [] as CellStatus[],
        land: [] as (number | null)[],
        gruppe: [] as (number | null)[]
      };
      // the development chart draws the national line only in years whose figure is of the same kind as the
      // table's (a source "Gennemsnit" present in some years only must not continue as a computed mean)
      const landAndetAar: number[] = [];
      for (const y of model.years) {
        const fyy = years.get(y);
        const c = fyy?.cells.get(kode);
        serie.v.push(c && c.vaerdi !== null && (NUMERIC.has(c.status) || janej) ? c.vaerdi : null);
        serie.s.push(c?.status ?? "ikke_indberettet");
        // yes/no figures: the number of municipalities answering yes, year by year
        const sameKind = fyy !== undefined && fyy.national.kilde === fy.national.kilde;
        if (fyy && fyy.national.status === "ok" && !sameKind) landAndetAar.push(y);
        serie.land.push(fyy && fyy.national.status === "ok" && sameKind ? fyy.national.vaerdi : null);
        serie.gruppe.push(!janej && fyy ? meanWithoutSuppressed(fyy.numeric, fyy.cells, gruppe.medlemmer).gns : null);
      }
      if (!janej) {
        const own = cell && cell.vaerdi !== null && NUMERIC.has(cell.status) ? cell.vaerdi : null;
        const tableNational = fy.national.kilde !== "I alt" && fy.national.status === "ok" ? fy.national.vaerdi : null;
        profileInputs.push({
          id: f.id,
          titel: fullTitle(f.titel),
          omraade: area.id,
          omraadenavn: area.navn,
          enhed: f.enhed,
          decimaler: f.decimaler,
          janej,
          aar,
          vaerdi: own,
          gruppe: gruppe.medlemmer.map((m) => fy.numeric.get(m) ?? null),
          gruppeSkjult: g.suppressed,
          alle: [...fy.numeric.values()],
          land:
            tableNational === null
              ? null
              : {
                  vaerdi: tableNational,
                  navn: fy.national.kilde === "Gennemsnit" ? "landstallet" : "gennemsnittet af kommunerne (uvægtet)"
                },
          serie: model.years.map((y, i) => ({ aar: y, vaerdi: serie.v[i] }))
        });
      }
      return {
        id: f.id,
        titel: f.titel,
        fuldTitel: fullTitle(f.titel),
        enhed: f.enhed,
        decimaler: f.decimaler,
        janej,
        aar,
        aarstype: yearKindOf(f, aar),
        vaerdi: cell?.vaerdi ?? null,
        status: cell?.status ?? "ikke_indberettet",
        rank: janej ? null : (fy.ranks.get(kode) ?? null),
        antal: janej ? (fy.national.n ?? 0) : fy.numeric.size,
        land: fy.national,
        gruppe: janej
          ? { gns: null, n: 0, af: gruppe.medlemmer.length }
          : { gns: g.gns, n: g.n, af: gruppe.medlemmer.length },
        serie,
        landAndetAar
      };
    });
    omraader.push({ id: area.id, navn: area.navn, gruppe, figurer });
  }
  return {
    kode,
    navn: k.navn,
    officielt_navn: k.officielt_navn,
    regionsnavn: k.regionsnavn,
    kommunegruppe: k.kommunegruppe,
    areal_km2: k.areal_km2,
    befolkning: befolkning ?? null,
    aar: model.years,
    kilde: NOEGLETAL_KILDE,
    navne,
    omraader,
    profil: highlights(profileInputs)
  };
}

/** Latest monthly population per municipality (DST FOLK1AM). */
export function latestPopulation(): Map<string, { maaned: string; vaerdi: number }> {
  const out = new Map<string, { maaned: string; vaerdi: number }>();
  for (const r of buildBefolkning().rows) {
    const cur = out.get(r.kommunekode);
    if (!cur || r.maaned > cur.maaned) out.set(r.kommunekode, { maaned: r.maaned, vaerdi: r.befolkning });
  }
  return out;
}

/** Page data for all 98 municipalities. */
export function buildAllPages(ctx?: Partial<GroupContext>): PageData[] {
  const model = buildKommuneModel();
  const pop = latestPopulation();
  const full: GroupContext = { kommuner: model.kommuner, ...ctx };
  return model.kommuner.map((k) => buildPage(k.kommunekode, model, full, pop.get(k.kommunekode) ?? null));
}

// ---------------------------------------------------------------------------
// The published table of ranks, national figures and group means

export interface PlaceringRow {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
  rang: number | null;
  antal_med_vaerdi: number;
  landstal: number | null;
  landstal_kilde: string;
  sammenligningsgruppe: string;
  gruppe_gns: number | null;
  gruppe_antal_med_vaerdi: number;
  gruppe_stoerrelse: number;
}

/** One row per figure, municipality and year, for every figure shown on the pages. */
export function buildPlaceringer(ctx?: Partial<GroupContext>): PlaceringRow[] {
  const model = buildKommuneModel();
  const full: GroupContext = { kommuner: model.kommuner, ...ctx };
  const out: PlaceringRow[] = [];
  const groups = new Map<string, ComparisonGroup>();
  for (const f of shownFigures(model)) {
    const janej = isYesNo(f);
    for (const [aar, fy] of [...model.figures.get(f.id)!].sort((a, b) => a[0] - b[0])) {
      for (const k of model.kommuner) {
        const key = `${k.kommunekode}/${f.omraade}`;
        let g = groups.get(key);
        if (!g) groups.set(key, (g = comparisonGroup(k.kommunekode, f.omraade, full)));
        const cell = fy.cells.get(k.kommunekode);
        const m = janej ? { gns: null, n: 0 } : meanWithoutSuppressed(fy.numeric, fy.cells, g.medlemmer);
        out.push({
          id: f.id,
          kommunekode: k.kommunekode,
          aar,
          vaerdi: cell?.vaerdi ?? null,
          status: cell?.status ?? "ikke_indberettet",
          rang: janej ? null : (fy.ranks.get(k.kommunekode) ?? null),
          antal_med_vaerdi: janej ? (fy.national.n ?? 0) : fy.numeric.size,
          landstal: fy.national.vaerdi,
          landstal_kilde: fy.national.kilde,
          sammenligningsgruppe: g.navn,
          gruppe_gns: m.gns,
          gruppe_antal_med_vaerdi: m.n,
          gruppe_stoerrelse: g.medlemmer.length
        });
      }
    }
  }
  return out;
}
