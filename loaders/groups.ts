/**
 * Default comparison groups for every area and year, computed at build time so the
 * municipality pages load them instantly (see components/groups for the method and
 * loaders/areas.ts for the areas and their candidate variables).
 *
 * Outputs (the municipality pages read the first two exactly in this shape):
 * - rows {omraade, aar, kommunekode, rang 1..N, nabo, afstand, gensidig}, N = 10;
 * - the areas as JSON [{id, navn, udfald, variabler, standardaar, aar, beskrivelse, …},
 *   with `udeladte_pr_aar`: the default candidates a year has no values for, and why];
 * - every regression step per area and year (for documentation and checking).
 */

import { computeGroups, FigureIndex, GroupsError, type GroupsResult, groupsInput } from "../common/groups/index.js";
import { AAR, AREA_DEFINITIONS, type AreaDefinition, STANDARD_AAR } from "./areas.js";
import { buildKommuner, buildNoegletal } from "./datasets.js";

const log = (text: string) => process.stderr.write(text + "\n");

/** Size of the published default groups (FLIS/KL show the 10 most comparable). */
export const GROUP_SIZE = 10;

export interface GroupRow {
  omraade: string;
  aar: number;
  kommunekode: string;
  rang: number;
  nabo: string;
  afstand: number;
  gensidig: boolean;
}

export interface AreaJson {
  id: string;
  navn: string;
  udfald: string;
  /** the outcome's unit (e.g. "kr. pr. 6-16-årig"): the unit of the β-weighted distances in the rows */
  enhed: string;
  /** the page areas whose key figures the municipality pages compare within this area's group */
  sideomraader: string[];
  variabler: string[];
  standardaar: number;
  aar: number[];
  beskrivelse: string;
  /** variables that are log-transformed */
  log: string[];
  /** candidate variables that exist in each computed year */
  variabler_pr_aar: Record<string, string[]>;
  /** default candidates left out in each computed year because the year has no values, with the reason in Danish */
  udeladte_pr_aar: Record<string, { id: string; grund: string }[]>;
  /** kept variables (after backward elimination) in each computed year */
  valgte_pr_aar: Record<string, string[]>;
  /** why each candidate is a candidate */
  begrundelser: Record<string, string>;
  /** years that could not be computed, with the reason */
  ikke_beregnet: { aar: number; grund: string }[];
}

export interface ModelRow {
  omraade: string;
  aar: number;
  trin: number;
  variabel: string;
  beta: number;
  se: number;
  t: number;
  p: number;
  vif: number | null;
  /** this variable was removed after this step */
  fjernet: boolean;
  n: number;
  r2: number;
  adj_r2: number;
}

let indexMemo: FigureIndex | undefined;
export function figureIndex(): FigureIndex {
  return (indexMemo ??= new FigureIndex(buildNoegletal().values));
}

/** Candidates of an area that have data in a year (the others: see `omittedFor`). */
export function candidatesFor(area: AreaDefinition, aar: number, index = figureIndex()) {
  return area.variabler.filter((v) => index.has(v.id, aar));
}

/** A default candidate that is not used in a year, and why (in Danish). */
export interface Omitted {
  id: string;
  reason: string;
}

/**
 * Why a key figure has no values in a year, in Danish, e.g. "ingen værdier i 2018
 * (nøgletallet slutter 2017)". Looks at the export's years (`AAR`).
 */
export function omissionReason(id: string, aar: number, index = figureIndex()): string {
  const years = AAR.filter((y) => index.has(id, y));
  if (!years.length) return `ingen værdier i ${aar} (nøgletallet har ingen værdier i ${AAR[0]}-${AAR[AAR.length - 1]})`;
  const first = years[0];
  const last = years[years.length - 1];
  if (aar > last) return `ingen værdier i ${aar} (nøgletallet slutter ${last})`;
  if (aar < first) return `ingen værdier i ${aar} (nøgletallet begynder ${first})`;
  return `ingen værdier i ${aar}`;
}

/** The default candidates of an area that `candidatesFor` leaves out in a year, with the reason. */
export function omittedFor(area: AreaDefinition, aar: number, index = figureIndex()): Omitted[] {
  return area.variabler
    .filter((v) => !index.has(v.id, aar))
    .map((v) => ({ id: v.id, reason: omissionReason(v.id, aar, index) }));
}

/** Fit one area in one year with the default settings. */
export function computeArea(area: AreaDefinition, aar: number, index = figureIndex()): GroupsResult {
  const koder = buildKommuner().map((k) => k.kommunekode);
  return computeGroups(groupsInput(index, koder, area.udfald, candidatesFor(area, aar, index), aar), {
    top: GROUP_SIZE
  });
}

export interface Defaults {
  rows: GroupRow[];
  areas: AreaJson[];
  models: ModelRow[];
}

let defaultsMemo: Defaults | undefined;

/** Seed the default groups with what the build's ingest step computed (loaders/ingest.ts). */
export function primeGroupDefaults(d: Defaults): void {
  defaultsMemo = d;
}

/**
 * Default groups for every area and every year with data.
 * @throws if an area cannot be computed in its default year (a broken default is a bug)
 */
export function buildGroupDefaults(): Defaults {
  if (defaultsMemo) return defaultsMemo;
  const index = figureIndex();
  const rows: GroupRow[] = [];
  const models: ModelRow[] = [];
  const areas: AreaJson[] = [];
  for (const area of AREA_DEFINITIONS) {
    const json: AreaJson = {
      id: area.id,
      navn: area.navn,
      udfald: area.udfald,
      enhed: area.enhed,
      sideomraader: area.sideomraader,
      variabler: area.variabler.map((v) => v.id),
      standardaar: STANDARD_AAR,
      aar: [],
      beskrivelse: area.beskrivelse,
      log: area.variabler.filter((v) => v.log).map((v) => v.id),
      variabler_pr_aar: {},
      udeladte_pr_aar: {},
      valgte_pr_aar: {},
      begrundelser: Object.fromEntries(area.variabler.map((v) => [v.id, v.begrundelse])),
      ikke_beregnet: []
    };
    for (const aar of AAR) {
      if (!index.has(area.udfald, aar)) {
        json.ikke_beregnet.push({ aar, grund: `udfaldet ${area.udfald} har ingen værdier` });
        continue;
      }
      let r: GroupsResult;
      try {
        r = computeArea(area, aar, index);
      } catch (e) {
        if (!(e instanceof GroupsError) || aar === STANDARD_AAR) throw e;
        json.ikke_beregnet.push({ aar, grund: e.message });
        log(`sammenligningsgrupper: ${area.id} ${aar} ikke beregnet: ${e.message}`);
        continue;
      }
      json.aar.push(aar);
      json.variabler_pr_aar[aar] = r.candidates;
      json.udeladte_pr_aar[aar] = omittedFor(area, aar, index).map((o) => ({ id: o.id, grund: o.reason }));
      json.valgte_pr_aar[aar] = r.kept;
      r.kommunekoder.forEach((kode, i) => {
        for (const nb of r.neighbours[i])
          rows.push({
            omraade: area.id,
            aar,
            kommunekode: kode,
            rang: nb.rank,
            nabo: nb.kommunekode,
            afstand: nb.distance,
            gensidig: nb.mutual
          });
      });
      for (const step of r.steps)
        for (const t of step.fit.terms)
          models.push({
            omraade: area.id,
            aar,
            trin: step.step,
            variabel: t.id,
            beta: t.beta,
            se: t.se,
            t: t.t,
            p: t.p,
            vif: t.vif,
            fjernet: step.removed?.id === t.id,
            n: step.fit.n,
            r2: step.fit.r2,
            adj_r2: step.fit.adjR2
          });
      log(
        `sammenligningsgrupper: ${area.id} ${aar}: n=${r.n}${r.excluded.length ? ` (udeladt: ${r.excluded.map((e) => e.kommunekode).join(", ")})` : ""}, ${r.candidates.length} kandidater → ${r.kept.length} valgt (${r.kept.join(", ")}), R²=${r.model.r2.toFixed(3)}`
      );
    }
    if (!json.aar.includes(STANDARD_AAR))
      throw new Error(`sammenligningsgrupper: området ${area.id} kan ikke beregnes i standardåret ${STANDARD_AAR}`);
    areas.push(json);
  }
  defaultsMemo = { rows, areas, models };
  return defaultsMemo;
}
