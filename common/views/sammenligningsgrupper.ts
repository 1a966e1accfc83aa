/**
 * What the comparison-group calculator (/sammenligningsgrupper) computes for display,
 * apart from the engine itself (common/groups): the URL state (with the chosen outcome),
 * the choices offered (outcomes, candidate variables, significance levels), the calculation
 * as a result or an error (never both), every table the page shows and exports (group,
 * all groups, regression, elimination steps, actual vs predicted, matrices, excluded
 * municipalities, candidates), the stability summary of the bootstrap, the group over the
 * years, the significant-digits formatter and the command line that repeats the
 * calculation. Pure and typed; the page only wires inputs to these functions and their
 * output to components/groups/calculator.ts. Tested in test/views/sammenligningsgrupper.test.ts.
 */
import type { Column } from "../export.js";
import { formatNumber, formatPercent } from "../format.js";
import { type DistanceMethod, FigureIndex, GroupsError, groupsInput, INTERCEPT, METHODS } from "../groups/index.js";
import type { GroupsOptions, GroupsResult, Neighbour } from "../groups/model.js";
import { computeGroups, DEFAULTS } from "../groups/model.js";
import type { Term } from "../groups/ols.js";
import { type PageState, parseState, stateToSearch } from "../groups/state.js";
import { sortByName } from "../kommune/names.js";
import type { KeyFigureRow } from "../vocabulary.js";
import {
  isMoneyFigure,
  type PriceMode,
  type PriceSetting,
  priceFactor,
  priceSetting,
  type StatbankPrices
} from "./priser.js";

/** A neighbour is "sure" when it is in the group in at least this share of the bootstrap draws. */
export const STABILITY_SURE = 0.8;
/** A neighbour is "unsure" when it is in the group in less than this share of the draws. */
export const STABILITY_UNSURE = 0.5;

export type StabilityClass = "sikker" | "usikker" | "mellem";

/** Classify one membership probability: ≥ 0.8 sure, < 0.5 unsure, otherwise in between. */
export function stabilityClass(p: number): StabilityClass {
  return p >= STABILITY_SURE ? "sikker" : p < STABILITY_UNSURE ? "usikker" : "mellem";
}

export interface StabilityRow {
  kommunekode: string;
  navn: string;
  /** mean probability that the group's members are in the group */
  gennemsnit: number;
  /** members with probability ≥ STABILITY_SURE */
  sikre: number;
  /** members with probability < STABILITY_UNSURE */
  usikre: number;
}

/**
 * One row per municipality: the mean membership probability of its group's members and
 * how many of them are sure and unsure; least stable first (ties by kommunekode).
 * `probability(a, b)` is the share of draws in which b is among a's nearest.
 */
export function stabilityRows(
  kommunekoder: readonly string[],
  neighbours: readonly (readonly { kommunekode: string }[])[],
  probability: (a: string, b: string) => number,
  navn: (kode: string) => string
): StabilityRow[] {
  return kommunekoder
    .map((k, a) => {
      const ps = neighbours[a].map((nb) => probability(k, nb.kommunekode));
      const classes = ps.map(stabilityClass);
      return {
        kommunekode: k,
        navn: navn(k),
        gennemsnit: ps.length ? ps.reduce((s, p) => s + p, 0) / ps.length : NaN,
        sikre: classes.filter((c) => c === "sikker").length,
        usikre: classes.filter((c) => c === "usikker").length
      };
    })
    .sort((x, y) => x.gennemsnit - y.gennemsnit || x.kommunekode.localeCompare(y.kommunekode));
}

/** Column labels of the stability export, with the thresholds in words. */
export const STABILITY_EXPORT_LABELS = {
  sikre: `Sikre medlemmer (>= ${STABILITY_SURE * 100} %)`,
  usikre: `Usikre medlemmer (< ${STABILITY_UNSURE * 100} %)`
};

/**
 * Decimals that show `x` with 3 significant digits (at most 4 decimals, none for
 * numbers ≥ 100, 0 and non-finite): 12.04 → 1, 9.891 → 2, 0.3521 → 3, 1234 → 0.
 */
export function significantDecimals(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(Math.abs(x)))));
}

/** `x` in Danish with 3 significant digits: 12,0 next to 9,89 and 0,352. */
export function formatSignificant(x: number): string {
  return formatNumber(x, significantDecimals(x));
}

export interface CliSettings {
  outcome: string;
  vars: readonly string[];
  year: number;
  alpha: number;
  method: string;
  top: number;
  /** variables entered as logarithms */
  log?: readonly string[];
  /** weights by variable id, for method "weights" */
  weights?: Record<string, number>;
}

/** The `npm run groups` command that repeats the page's calculation (see loaders/cli/groups.ts). */
export function cliCommand(s: CliSettings): string {
  const parts = [
    "npm run --silent groups --",
    `--outcome ${s.outcome}`,
    ...(s.vars.length ? [`--vars ${s.vars.join(",")}`] : []),
    `--year ${s.year}`,
    `--alpha ${s.alpha}`,
    `--method ${s.method}`,
    `--top ${s.top}`
  ];
  if (s.log?.length) parts.push(`--log ${s.log.join(",")}`);
  if (s.method === "weights" && s.weights)
    parts.push(
      `--weights ${Object.entries(s.weights)
        .map(([k, w]) => `${k}=${w}`)
        .join(",")}`
    );
  parts.push("--json");
  return parts.join(" ");
}

export interface YearGroup {
  aar: number;
  /** the municipality's neighbours in rank order, or null when the year could not be computed */
  gruppe: readonly string[] | null;
  /** why the year could not be computed */
  fejl: string | null;
  /** chosen variables left out because the figure has no values that year (ids) */
  manglende: readonly string[];
}

export interface YearRow {
  aar: number;
  /** names in rank order, or "kan ikke beregnes: …" */
  gruppe: string;
  /** members in common with the group of the selected year (null when either is missing) */
  faelles: number | null;
  /** faelles / N */
  andel: number | null;
  bemaerkning: string;
}

/**
 * The group of one municipality in each year with the same settings, and how many of its
 * members are also in the group of `selectedYear` (out of `top`).
 */
export function yearRows(
  years: readonly YearGroup[],
  selectedYear: number,
  top: number,
  navn: (kode: string) => string,
  titel: (id: string) => string
): YearRow[] {
  const selected = years.find((y) => y.aar === selectedYear)?.gruppe ?? null;
  const chosen = new Set(selected ?? []);
  return years.map((y) => {
    const common = y.gruppe && selected ? y.gruppe.filter((k) => chosen.has(k)).length : null;
    return {
      aar: y.aar,
      gruppe: y.fejl ? `kan ikke beregnes: ${y.fejl}` : (y.gruppe ?? []).map(navn).join(", "),
      faelles: y.fejl ? null : common,
      andel: y.fejl || common === null ? null : common / top,
      bemaerkning: y.manglende.length ? `uden ${y.manglende.map(titel).join(", ")} (findes ikke i året)` : ""
    };
  });
}

// ---------------------------------------------------------------------------------------
// Settings: one place for the page's constants and its URL state

/** Source line of every table, chart and export on the page. */
export const KILDE = "Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk); beregning: kommunetal";
/** Significance levels offered (1 keeps every variable). */
export const ALPHA_LEVELS: readonly number[] = [0.01, 0.05, 0.1, 0.2, 1];
/** The engine's defaults (common/groups/model.ts DEFAULTS), also used for the published default groups. */
export const DEFAULT_ALPHA = DEFAULTS.alpha;
/** Group size: default and the slider's range. */
export const DEFAULT_TOP = DEFAULTS.top;
export const TOP_RANGE: readonly [number, number] = [3, 20];
/** Bootstrap resamples offered, and the default. */
export const RESAMPLE_CHOICES: readonly number[] = [200, 1000, 5000];
export const DEFAULT_RESAMPLES = 1000;
export const DEFAULT_SEED = 20240601;
export const DEFAULT_KOMMUNE = "101";
/** A variable inflation factor above this is reported as high. */
export const VIF_HIGH = 10;

/** The page's settings: the engine's URL state plus the chosen outcome (`udfald`, a key-figure id). */
export interface CalculatorState extends PageState {
  udfald?: string;
  /** "faste" when the address asks for fixed prices */
  priser?: PriceMode;
}

const ID = /^[a-z0-9-]+$/;

/** Parse the address's query string; malformed values are dropped (the page uses its defaults). */
export function parseCalculatorState(search: string): CalculatorState {
  const s: CalculatorState = parseState(search);
  const udfald = new URLSearchParams(search).get("udfald");
  if (udfald && ID.test(udfald)) s.udfald = udfald;
  const priser = new URLSearchParams(search).get("priser");
  if (priser === "faste" || priser === "loebende") s.priser = priser;
  return s;
}

/** The query string (without "?") for the settings; `udfald` follows `omraade` and is left out when it is the area's own. */
export function calculatorSearch(s: CalculatorState, areaOutcome?: string): string {
  const { udfald, priser, ...rest } = s;
  const base = stateToSearch(rest);
  const parts = base ? base.split("&") : [];
  if (udfald && udfald !== areaOutcome) {
    const at = parts.findIndex((p) => p.startsWith("omraade="));
    parts.splice(at + 1, 0, `udfald=${udfald}`);
  }
  // current prices are the default and are left out
  if (priser === "faste") parts.push("priser=faste");
  return parts.join("&");
}

/** Significance levels offered: the standard ones plus the address's, ascending. */
export function alphaLevels(fromUrl?: number): number[] {
  return [...new Set([...ALPHA_LEVELS, fromUrl ?? DEFAULT_ALPHA])].sort((a, b) => a - b);
}

/** α in Danish: "0,05"; 1 says it keeps every variable. */
export function formatAlpha(a: number): string {
  return a === 1 ? "1 (behold alle variable)" : formatNumber(a);
}

/** Options of a select: what the page shows and the ids behind them. */
export interface FigureInfo {
  id: string;
  titel: string;
  enhed: string;
}

const collator = new Intl.Collator("da");

/**
 * Outcomes offered in a year: every key figure with values that year, except yes/no
 * figures; the area's own outcome first, the others by title in Danish order.
 */
export function outcomeChoices(
  figures: readonly FigureInfo[],
  aar: number,
  has: (id: string, aar: number) => boolean,
  areaOutcome: string
): FigureInfo[] {
  return figures
    .filter((f) => f.id === areaOutcome || (has(f.id, aar) && f.enhed !== "ja/nej"))
    .sort((a, b) => Number(b.id === areaOutcome) - Number(a.id === areaOutcome) || collator.compare(a.titel, b.titel));
}

/**
 * Candidate variables offered: the structural figures with values in the year, minus the
 * outcome; the area's defaults first, then by title in Danish order.
 */
export function offeredVariables(
  structural: Iterable<string>,
  outcome: string,
  aar: number,
  has: (id: string, aar: number) => boolean,
  areaDefaults: readonly string[],
  titel: (id: string) => string
): string[] {
  const isDefault = (id: string) => Number(areaDefaults.includes(id));
  return [...new Set(structural)]
    .filter((id) => id !== outcome && has(id, aar))
    .sort((a, b) => isDefault(b) - isDefault(a) || collator.compare(titel(a), titel(b)));
}

/** The variables ticked at first: remembered choice, else the address's (same area), else the year's defaults; only offered ones. */
export function initialVariables(
  offered: readonly string[],
  remembered: readonly string[] | undefined,
  fromUrl: readonly string[] | undefined,
  yearDefaults: readonly string[]
): string[] {
  return (remembered ?? fromUrl ?? yearDefaults).filter((id) => offered.includes(id));
}

/**
 * The unit distances are measured in: the outcome's unit for β-weighted and need distances ("forventet udgift" when the
 * outcome is in kroner, else "forventet værdi"), else standard deviations.
 */
export function distanceUnit(method: DistanceMethod, outcomeUnit: string): string {
  if (method !== "beta" && method !== "need") return "standardafvigelser";
  return `${outcomeUnit.startsWith("kr.") ? "forventet udgift" : "forventet værdi"}, ${outcomeUnit}`;
}

/** Decimals of a distance on screen: whole units of the outcome, two for standard deviations. */
export function distanceDecimals(method: DistanceMethod): number {
  return method === "beta" || method === "need" ? 0 : 2;
}

/** Note on the kind of the latest years: years after the standard (accounts) year are probably budget figures. */
export function yearKindNote(years: readonly number[], standardYear: number): string {
  const later = years.filter((y) => y > standardYear);
  if (!later.length) return "";
  return [
    ` Tallene for ${later.join(", ")} er fra et udtræk i september ${later[later.length - 1]}`,
    `og er sandsynligvis budgettal; ${standardYear} er seneste regnskabsår.`
  ].join(" ");
}

// ---------------------------------------------------------------------------------------
// The calculation: a result or an error, never both (so nothing stale can be shown)

export type Calculation =
  | { ok: true; result: GroupsResult; input: ReturnType<typeof groupsInput>; ms: number }
  | { ok: false; error: GroupsError };

/** Run the engine; a GroupsError becomes `{ok: false}`, any other error is a bug and is thrown. */
export function calculate(
  index: FigureIndex,
  koder: readonly string[],
  outcome: string,
  choices: readonly { id: string; log: boolean }[],
  aar: number,
  options: GroupsOptions,
  now: () => number = () => performance.now(),
  outcomeFactor = 1
): Calculation {
  const t0 = now();
  try {
    if (!index.has(outcome, aar)) throw new GroupsError("input", `Udfaldet har ingen værdier i ${aar}.`, [outcome]);
    const input = deflateOutcome(groupsInput(index, [...koder], outcome, [...choices], aar), outcomeFactor);
    const result = computeGroups(input, options);
    return { ok: true, result, input, ms: now() - t0 };
  } catch (e) {
    if (e instanceof GroupsError) return { ok: false, error: e };
    throw e;
  }
}

/** The engine's input with the outcome's values multiplied by `factor` (fixed prices); the same object when 1. */
export function deflateOutcome(input: ReturnType<typeof groupsInput>, factor: number): ReturnType<typeof groupsInput> {
  if (factor === 1) return input;
  const values = input.outcome.values.map((v) => (v === null ? null : v * factor));
  return { ...input, outcome: { ...input.outcome, values } };
}

/** `probability(a, b)` from a bootstrap result: share of draws with b among a's nearest (null until done). */
export function probabilityOf(
  boot: { kommunekoder: readonly string[]; probability: ArrayLike<number> } | null
): (a: string, b: string) => number | null {
  if (!boot) return () => null;
  const at = new Map(boot.kommunekoder.map((k, j) => [k, j]));
  const n = boot.kommunekoder.length;
  return (a, b) => {
    const i = at.get(a);
    const j = at.get(b);
    return i === undefined || j === undefined ? null : boot.probability[i * n + j];
  };
}

export interface GroupRow {
  rang: number;
  kommunekode: string;
  navn: string;
  afstand: number;
  gensidig: boolean;
  sandsynlighed: number | null;
  faktisk: number;
  forventet: number;
}

/** The selected municipality's group (empty when it is not in the model). */
export function groupRows(
  r: GroupsResult,
  kode: string,
  navn: (k: string) => string,
  p: (a: string, b: string) => number | null
): GroupRow[] {
  const i = r.kommunekoder.indexOf(kode);
  if (i < 0) return [];
  return r.neighbours[i].map((nb) => {
    const j = r.kommunekoder.indexOf(nb.kommunekode);
    return {
      rang: nb.rank,
      kommunekode: nb.kommunekode,
      navn: navn(nb.kommunekode),
      afstand: nb.distance,
      gensidig: nb.mutual,
      sandsynlighed: p(kode, nb.kommunekode),
      faktisk: r.actual[j],
      forventet: r.predicted[j]
    };
  });
}

export function groupColumns(unit: string, outcomeUnit: string): Column<GroupRow>[] {
  return [
    { key: "rang", label: "Rang" },
    { key: "kommunekode", label: "Kommunekode" },
    { key: "navn", label: "Kommune" },
    { key: "afstand", label: `Afstand (${unit})`, decimals: 2 },
    { key: "gensidig", label: "Gensidig" },
    { key: "sandsynlighed", label: "Sandsynlighed i gruppen (bootstrap)", decimals: 3 },
    { key: "faktisk", label: `Faktisk værdi (${outcomeUnit})`, decimals: 0 },
    { key: "forventet", label: `Forventet værdi (${outcomeUnit})`, decimals: 0 }
  ];
}

export interface AllGroupsRow {
  kommunekode: string;
  navn: string;
  rang: number;
  nabo: string;
  nabonavn: string;
  afstand: number;
  gensidig: boolean;
  sandsynlighed: number | null;
}

/** Every municipality's group: n × N rows. */
export function allGroupRows(
  r: GroupsResult,
  navn: (k: string) => string,
  p: (a: string, b: string) => number | null
): AllGroupsRow[] {
  return r.kommunekoder.flatMap((k, a) =>
    r.neighbours[a].map((nb: Neighbour) => ({
      kommunekode: k,
      navn: navn(k),
      rang: nb.rank,
      nabo: nb.kommunekode,
      nabonavn: navn(nb.kommunekode),
      afstand: nb.distance,
      gensidig: nb.mutual,
      sandsynlighed: p(k, nb.kommunekode)
    }))
  );
}

export function allGroupsColumns(unit: string): Column<AllGroupsRow>[] {
  return [
    { key: "kommunekode", label: "Kommunekode" },
    { key: "navn", label: "Kommune" },
    { key: "rang", label: "Rang" },
    { key: "nabo", label: "Sammenlignelig kommunekode" },
    { key: "nabonavn", label: "Sammenlignelig kommune" },
    { key: "afstand", label: `Afstand (${unit})`, decimals: 2 },
    { key: "gensidig", label: "Gensidig" },
    { key: "sandsynlighed", label: "Sandsynlighed i gruppen (bootstrap)", decimals: 3 }
  ];
}

export interface RegressionRow {
  variabel: string;
  id: string;
  log: boolean;
  beta: number;
  se: number;
  t: number;
  p: number;
  vif: number | null;
  status: string;
}

/** The final model's terms (intercept first), then each variable removed, with its estimate in the step it was removed. */
export function regressionRows(r: GroupsResult, titel: (id: string) => string): RegressionRow[] {
  const isLog = (id: string) => r.variables.find((v) => v.id === id)?.log ?? false;
  const row = (t: Term, status: string, p = t.p): RegressionRow => ({
    variabel: t.id === INTERCEPT ? "Konstantled (gennemsnit af kommunerne)" : titel(t.id),
    id: t.id,
    log: isLog(t.id),
    beta: t.beta,
    se: t.se,
    t: t.t,
    p,
    vif: t.vif,
    status
  });
  const final = r.model.terms.map((t) => row(t, t.id === INTERCEPT ? "" : "valgt"));
  const removed = r.steps.flatMap((s) => {
    const term = s.removed ? s.fit.terms.find((t) => t.id === s.removed!.id) : undefined;
    return term && s.removed ? [row(term, `fjernet i trin ${s.step}`, s.removed.p)] : [];
  });
  return [...final, ...removed];
}

export function regressionColumns(outcomeUnit: string): Column<RegressionRow>[] {
  return [
    { key: "variabel", label: "Variabel" },
    { key: "id", label: "Id" },
    { key: "log", label: "Logaritmeret" },
    { key: "beta", label: `β (${outcomeUnit} pr. standardafvigelse)`, decimals: 2 },
    { key: "se", label: "Standardfejl", decimals: 2 },
    { key: "t", label: "t", decimals: 3 },
    { key: "p", label: "p", decimals: 6 },
    { key: "vif", label: "VIF", decimals: 2 },
    { key: "status", label: "Status" }
  ];
}

/** A p-value on screen: "< 0,001" or three decimals. */
export function formatP(p: number): string {
  return p < 0.001 ? "< 0,001" : formatNumber(p, 3);
}

export interface RegressionSummary {
  /** "n = 98 kommuner · R² = 0,206 · …" */
  headline: string;
  /** the kept variable with the largest |β| */
  strongest: Term | null;
  /** kept variables with VIF above VIF_HIGH */
  highVif: Term[];
  /** the file title of the regression export: "Regression: …, 2018 (α = 0,05)" */
  exportTitle: string;
  /** what one standard deviation's β is per: the outcome unit without "kr. pr. " */
  perUnit: string;
}

export function regressionSummary(
  r: GroupsResult,
  outcomeTitle: string,
  outcomeUnit: string,
  aar: number
): RegressionSummary {
  const m = r.model;
  const kept = m.terms.filter((t) => t.id !== INTERCEPT);
  const strongest = [...kept].sort((a, b) => Math.abs(b.beta) - Math.abs(a.beta))[0] ?? null;
  const f =
    m.f === null
      ? "F ikke defineret"
      : `F = ${formatNumber(m.f, 2)} (p ${m.fP !== null && m.fP < 0.001 ? "< 0,001" : `= ${formatNumber(m.fP, 3)}`})`;
  return {
    headline: [
      `n = ${r.n} kommuner`,
      `R² = ${formatNumber(m.r2, 3)}`,
      `justeret R² = ${formatNumber(m.adjR2, 3)}`,
      f,
      `residualspredning ${formatNumber(m.sigma, 0)} ${outcomeUnit}`,
      `${m.df} frihedsgrader`
    ].join(" · "),
    strongest,
    highVif: kept.filter((t) => t.vif !== null && t.vif > VIF_HIGH),
    exportTitle: `Regression: ${outcomeTitle}, ${aar} (α = ${formatNumber(r.alpha)})`,
    perUnit: outcomeUnit.replace(/^kr\. pr\. /, "")
  };
}

export interface EliminationRow {
  trin: number;
  antal: number;
  r2: number;
  adjR2: number;
  fjernet: string;
  p: number | null;
}

export function eliminationRows(r: GroupsResult, titel: (id: string) => string): EliminationRow[] {
  return r.steps.map((s) => ({
    trin: s.step,
    antal: s.variables.length,
    r2: s.fit.r2,
    adjR2: s.fit.adjR2,
    fjernet: s.removed ? titel(s.removed.id) : "(slutmodel)",
    p: s.removed?.p ?? null
  }));
}

export const ELIMINATION_COLUMNS: Column<EliminationRow>[] = [
  { key: "trin", label: "Trin" },
  { key: "antal", label: "Antal variable" },
  { key: "r2", label: "R²", decimals: 4 },
  { key: "adjR2", label: "Justeret R²", decimals: 4 },
  { key: "fjernet", label: "Fjernet efter trinnet" },
  { key: "p", label: "p for den fjernede", decimals: 6 }
];

export interface LevelRow {
  kommunekode: string;
  navn: string;
  faktisk: number;
  forventet: number;
  forskel: number;
  forskelPct: number;
}

/** Actual, predicted and the difference (in % of predicted); the largest positive difference first. */
export function levelRows(r: GroupsResult, navn: (k: string) => string): LevelRow[] {
  return r.kommunekoder
    .map((k, a) => ({
      kommunekode: k,
      navn: navn(k),
      faktisk: r.actual[a],
      forventet: r.predicted[a],
      forskel: r.residual[a],
      forskelPct: (r.residual[a] / r.predicted[a]) * 100
    }))
    .sort((a, b) => b.forskel - a.forskel || a.kommunekode.localeCompare(b.kommunekode));
}

export function levelColumns(outcomeUnit: string): Column<LevelRow>[] {
  return [
    { key: "kommunekode", label: "Kommunekode" },
    { key: "navn", label: "Kommune" },
    { key: "faktisk", label: `Faktisk (${outcomeUnit})`, decimals: 0 },
    { key: "forventet", label: `Forventet (${outcomeUnit})`, decimals: 0 },
    { key: "forskel", label: "Faktisk minus forventet", decimals: 0 },
    { key: "forskelPct", label: "Forskel i pct. af forventet", decimals: 1 }
  ];
}

export type MatrixRow = Record<string, string | number>;

/** The whole n × n distance or rank matrix, one row per municipality, one column per municipality. */
export function matrixRows(r: GroupsResult, navn: (k: string) => string, kind: "distance" | "rank"): MatrixRow[] {
  const value = (a: number, b: number) => (kind === "distance" ? r.distance[a * r.n + b] : r.rank[a * r.n + b]);
  return r.kommunekoder.map((k, a) => {
    const row: MatrixRow = { kommunekode: k, navn: navn(k) };
    r.kommunekoder.forEach((k2, b) => {
      row[k2] = value(a, b);
    });
    return row;
  });
}

export function matrixColumns(
  r: GroupsResult,
  navn: (k: string) => string,
  kind: "distance" | "rank"
): Column<MatrixRow>[] {
  return [
    { key: "kommunekode", label: "Kommunekode" },
    { key: "navn", label: "Kommune" },
    ...r.kommunekoder.map((k) => ({ key: k, label: `${k} ${navn(k)}`, decimals: kind === "distance" ? 2 : 0 }))
  ];
}

export interface ExcludedRow {
  kommunekode: string;
  navn: string;
  mangler: string;
  mangler_id: string;
}

export function excludedRows(
  r: GroupsResult,
  navn: (k: string) => string,
  titel: (id: string) => string
): ExcludedRow[] {
  return r.excluded.map((e) => ({
    kommunekode: e.kommunekode,
    navn: navn(e.kommunekode),
    mangler: e.missing.map(titel).join("; "),
    mangler_id: e.missing.join(", ")
  }));
}

export const EXCLUDED_COLUMNS: Column<ExcludedRow>[] = [
  { key: "kommunekode", label: "Kommunekode" },
  { key: "navn", label: "Kommune" },
  { key: "mangler", label: "Mangler data for" },
  { key: "mangler_id", label: "Nøgletals-id" }
];

export interface VariableRow {
  id: string;
  variabel: string;
  enhed: string;
  log: boolean;
  gennemsnit: number;
  sd: number;
  valgt: boolean;
  begrundelse: string;
}

export function variableRows(
  r: GroupsResult,
  titel: (id: string) => string,
  enhed: (id: string) => string,
  begrundelser: Record<string, string>
): VariableRow[] {
  return r.variables.map((v) => ({
    id: v.id,
    variabel: titel(v.id),
    enhed: enhed(v.id),
    log: v.log,
    gennemsnit: v.mean,
    sd: v.sd,
    valgt: v.kept,
    begrundelse: begrundelser[v.id] ?? "valgt af brugeren"
  }));
}

export const VARIABLE_COLUMNS: Column<VariableRow>[] = [
  { key: "id", label: "Id" },
  { key: "variabel", label: "Variabel" },
  { key: "enhed", label: "Enhed" },
  { key: "log", label: "Logaritmeret" },
  { key: "gennemsnit", label: "Gennemsnit" },
  { key: "sd", label: "Standardafvigelse" },
  { key: "valgt", label: "Valgt af regressionen" },
  { key: "begrundelse", label: "Begrundelse" }
];

export const STABILITY_COLUMNS: Column<StabilityRow>[] = [
  { key: "kommunekode", label: "Kommunekode" },
  { key: "navn", label: "Kommune" },
  { key: "gennemsnit", label: "Gns. sandsynlighed", decimals: 3 },
  { key: "sikre", label: STABILITY_EXPORT_LABELS.sikre },
  { key: "usikre", label: STABILITY_EXPORT_LABELS.usikre }
];

/** The stability card's subtitle, with the thresholds from STABILITY_SURE / STABILITY_UNSURE. */
export function stabilityHeading(): string {
  const sure = formatPercent(STABILITY_SURE * 100, 0);
  const unsure = formatPercent(STABILITY_UNSURE * 100, 0);
  return `Gennemsnitlig sandsynlighed for, at gruppens medlemmer er i gruppen; antal sikre (≥ ${sure}) og usikre (< ${unsure}) medlemmer`;
}

/**
 * The selected municipality's group in each year with the same settings: variables the
 * year has no values for are left out (and named); a year that cannot be computed says why.
 */
export function yearGroups(
  index: FigureIndex,
  koder: readonly string[],
  outcome: string,
  choices: readonly { id: string; log: boolean }[],
  years: readonly number[],
  kode: string,
  options: GroupsOptions
): YearGroup[] {
  return years.map((y) => {
    const usable = choices.filter((x) => index.has(x.id, y));
    const manglende = choices.filter((x) => !index.has(x.id, y)).map((x) => x.id);
    const c = calculate(index, koder, outcome, usable, y, options);
    if (!c.ok) return { aar: y, gruppe: null, fejl: c.error.message, manglende: [] };
    const a = c.result.kommunekoder.indexOf(kode);
    return {
      aar: y,
      gruppe: a >= 0 ? c.result.neighbours[a].map((nb) => nb.kommunekode) : null,
      fejl: null,
      manglende
    };
  });
}

export function yearColumns(selectedYear: number): Column<YearRow>[] {
  return [
    { key: "aar", label: "År" },
    { key: "faelles", label: `Fælles med ${selectedYear}` },
    { key: "andel", label: "Andel fælles", decimals: 2 },
    { key: "gruppe", label: "Gruppe" },
    { key: "bemaerkning", label: "Bemærkning" }
  ];
}

/** What the page says right under the settings when the calculation worked. */
export function computedNote(r: GroupsResult, ms: number): string {
  const excluded = r.excluded.length ? `; ${r.excluded.length} kommuner udeladt pga. manglende data (se nederst)` : "";
  return [
    `Beregnet i din browser på ${formatNumber(ms, 0)} ms: ${r.n} kommuner,`,
    `${r.candidates.length} kandidatvariable, ${r.kept.length} valgt af regressionen${excluded}.`
  ].join(" ");
}

/**
 * The log-transformed variables ticked at first: the remembered choice; else, when the
 * address names the variables, exactly the address's `log` (none if absent, as on the
 * command line, where `--vars` without `--log` logs nothing); else the area's defaults.
 * Only variables that are chosen.
 */
export function initialLog(
  chosen: readonly string[],
  remembered: readonly string[] | undefined,
  fromUrl: { vars?: readonly string[]; log?: readonly string[] } | undefined,
  areaLog: readonly string[]
): string[] {
  const pick = remembered ?? (fromUrl?.vars ? (fromUrl.log ?? []) : areaLog);
  return pick.filter((id) => chosen.includes(id));
}

// ---------------------------------------------------------------------------------------
// The page's context, memory, price setting and model: what the page's cells used to compute inline

/** An area of sammenligningsomraader.json (loaders/groups.ts AreaJson), as far as the page reads it. */
export interface CalculatorArea {
  id: string;
  navn: string;
  udfald: string;
  variabler: string[];
  standardaar: number;
  aar: number[];
  log: string[];
  variabler_pr_aar: Record<string, string[]>;
  udeladte_pr_aar?: Record<string, { id: string; grund: string }[]>;
  begrundelser: Record<string, string>;
}

/** What the page looks up, built once from the loaded data. */
export interface CalculatorContext {
  index: FigureIndex;
  koder: string[];
  omraader: CalculatorArea[];
  /** the catalogue's figures (the outcomes offered) */
  katalog: FigureInfo[];
  navnMap: Map<string, string>;
  navn: (kode: string) => string;
  titel: (id: string) => string;
  enhed: (id: string) => string;
  has: (id: string, aar: number) => boolean;
  /** the structural variables any area may use */
  struktur: Set<string>;
  /** the price setting for fixed prices (common/views/priser.ts) */
  prisvalg: PriceSetting;
}

/** Structural variables: every area's candidates plus the catalogue's figures of area "struktur". */
export function structuralVariables(
  omraader: readonly { variabler: readonly string[] }[],
  katalog: readonly { id: string; omraade: string }[]
): Set<string> {
  return new Set([
    ...omraader.flatMap((o) => o.variabler),
    ...katalog.filter((k) => k.omraade === "struktur").map((k) => k.id)
  ]);
}

/** Lookups by code and id (unknown ones fall back to the code/id itself, and "" for a unit). */
export function calculatorContext(
  kommuner: readonly { kommunekode: string; navn: string }[],
  katalog: readonly (FigureInfo & { omraade: string })[],
  noegletal: Iterable<KeyFigureRow>,
  omraader: CalculatorArea[],
  statbank: StatbankPrices
): CalculatorContext {
  const index = new FigureIndex(noegletal);
  const navnMap = new Map(kommuner.map((k) => [k.kommunekode, k.navn]));
  const titelMap = new Map(katalog.map((k) => [k.id, k.titel]));
  const enhedMap = new Map(katalog.map((k) => [k.id, k.enhed]));
  const years = [...new Set(omraader.flatMap((o) => o.aar))].sort((a, b) => a - b);
  return {
    index,
    koder: kommuner.map((k) => k.kommunekode),
    omraader,
    katalog: [...katalog],
    navnMap,
    navn: (k) => navnMap.get(k) ?? k,
    titel: (id) => titelMap.get(id) ?? id,
    enhed: (id) => enhedMap.get(id) ?? "",
    has: (id, aar) => index.has(id, aar),
    struktur: structuralVariables(omraader, katalog),
    prisvalg: priceSetting(statbank, years)
  };
}

/**
 * Choices remembered per area while the page is open (switching area and back keeps them); not part of the
 * reactive state on purpose. Before anything is remembered, the address's choice applies to its own area.
 */
export class ChoiceMemory {
  private readonly udfald = new Map<string, string>();
  private readonly vars = new Map<string, string[]>();
  private readonly log = new Map<string, string[]>();
  private readonly vaegte = new Map<string, number>();
  constructor(private readonly start: CalculatorState) {}
  private fromUrl(area: CalculatorArea): boolean {
    return this.start.omraade === area.id;
  }
  /** the outcome shown first: remembered, else the address's (same area), else the area's own */
  outcome(area: CalculatorArea): string {
    return this.udfald.get(area.id) ?? (this.fromUrl(area) ? this.start.udfald : undefined) ?? area.udfald;
  }
  /** the variables ticked first, among the offered ones */
  variables(area: CalculatorArea, aar: number, offered: readonly string[]): string[] {
    const url = this.fromUrl(area) ? this.start.vars : undefined;
    return initialVariables(offered, this.vars.get(area.id), url, area.variabler_pr_aar[aar] ?? []);
  }
  /** the logged variables ticked first, among the chosen ones */
  logs(area: CalculatorArea, chosen: readonly string[]): string[] {
    return initialLog(chosen, this.log.get(area.id), this.fromUrl(area) ? this.start : undefined, area.log);
  }
  /** a variable's weight (method "weights"): remembered, else the address's, else 1 */
  weight(id: string): number {
    return this.vaegte.get(id) ?? this.start.vaegte?.[id] ?? 1;
  }
  remember(area: string, c: { udfald: string; vars: string[]; log: string[]; vaegte: Record<string, number> }): void {
    this.udfald.set(area, c.udfald);
    this.vars.set(area, c.vars);
    this.log.set(area, c.log);
    for (const [id, w] of Object.entries(c.vaegte)) this.vaegte.set(id, w);
  }
}

/** The price basis of the outcome under the "løbende / faste priser" switch. */
export interface OutcomePrices {
  /** the switch can be set to fixed prices (an index exists) */
  available: boolean;
  /** the outcome is a money figure, so the switch applies */
  applies: boolean;
  /** fixed prices are in effect: the outcome's values are multiplied by `factor` */
  fixed: boolean;
  /** index(base year) / index(year); 1 in current prices */
  factor: number;
  /** the outcome's unit, with ", faste 2019-priser" in fixed prices */
  unit: string;
  /** " (faste 2019-priser)" for titles, "" otherwise */
  titleSuffix: string;
  /** the sentence under the switch */
  note: string;
}

/**
 * How the outcome is shown: a money outcome (unit "kr. …") in fixed prices is multiplied by
 * index(base year) / index(year) (common/views/priser.ts); anything else stays as it is, and the note says why.
 */
export function outcomePrices(enhed: string, aar: number, mode: PriceMode, setting: PriceSetting): OutcomePrices {
  const applies = isMoneyFigure({ enhed });
  const current = (note: string): OutcomePrices => ({
    available: setting.available,
    applies,
    fixed: false,
    factor: 1,
    unit: enhed,
    titleSuffix: "",
    note
  });
  if (!setting.available) return current(`Kun løbende priser: ${setting.reason}`);
  if (!applies)
    return current(
      `Udfaldet (${enhed || "uden enhed"}) er ikke et kronebeløb, så skiftet mellem løbende og faste priser gælder ikke her.`
    );
  if (mode === "loebende") return current(`Løbende priser (årets egne priser). Faste priser: ${setting.kilde}.`);
  const f = priceFactor(setting, aar);
  if (f === null) return current(`Prisindekset dækker ikke ${aar}, så udfaldet vises i løbende priser.`);
  const basis = `faste ${setting.basisaar}-priser`;
  return {
    available: true,
    applies,
    fixed: true,
    factor: f,
    unit: `${enhed}, ${basis}`,
    titleSuffix: ` (${basis})`,
    note: [
      `Faste ${setting.basisaar}-priser: udfaldets værdier i ${aar} er ganget med ${formatNumber(f, 4)}`,
      `(prisindeks ${setting.basisaar} / prisindeks ${aar}; ${setting.kilde}).`,
      "Regression, afstande, gennemsnit og eksport er i faste priser. Grupperne er de samme som i løbende priser,",
      "fordi alle kommuners værdier i året ganges med samme faktor (kommandolinjen regner i løbende priser)."
    ].join(" ")
  };
}

/** The published default-group files: name under /filer and what they hold. */
export const STANDARD_FILES: readonly { fil: string; tekst: string }[] = [
  {
    fil: "sammenligningsgrupper.parquet",
    tekst:
      "Standardgrupperne: alle områder, alle år, de 10 mest sammenlignelige pr. kommune (omraade, aar, kommunekode, rang, nabo, afstand, gensidig)"
  },
  {
    fil: "sammenligningsomraader.json",
    tekst: "Områderne: udfald, kandidatvariable, standardår, beregnede år og valgte variable pr. år"
  },
  {
    fil: "sammenligningsgrupper-modeller.parquet",
    tekst: "Hvert trin i hver regression bag standardgrupperne (β, SE, t, p, VIF, R²)"
  }
];

/** One published file with its size: "(12 kB)". */
export function standardFileRows(sizes: Record<string, number>): { fil: string; tekst: string; kb: string }[] {
  return STANDARD_FILES.map((f) => ({ ...f, kb: `${formatNumber((sizes[f.fil] ?? 0) / 1024, 0)} kB` }));
}

/** The page's settings as its inputs give them. */
export interface CalculatorSettings {
  omraade: CalculatorArea;
  aar: number;
  udfald: string;
  kommune: { kommunekode: string; navn: string };
  variabler: string[];
  logs: string[];
  alpha: number;
  metode: { id: DistanceMethod; navn: string };
  N: number;
  vaegte: Record<string, number>;
  priser: PriceMode;
}

/** The bootstrap's settings (apart from the model's, so changing them does not recompute the model). */
export interface BootstrapSettings {
  gentagelser: number;
  seed: number;
  genvalg: boolean;
}

/** Everything the result sections show that does not wait for the bootstrap. */
export interface CalculatorModel {
  s: CalculatorSettings;
  beregning: Calculation;
  r: GroupsResult | null;
  options: GroupsOptions;
  prices: OutcomePrices;
  /** the outcome's title, with the price basis in fixed prices */
  udfaldTitel: string;
  udfaldEnhed: string;
  afstandsenhed: string;
  afstandDecimaler: number;
  /** the selected municipality is in the model */
  iModel: boolean;
  /** why it is not, in Danish ("" when it is) */
  ikkeIModel: string;
  cli: string;
  regression: RegressionRow[];
  summary: RegressionSummary | null;
  eliminering: EliminationRow[];
  niveau: LevelRow[];
  udeladte: ExcludedRow[];
  variable: VariableRow[];
  aarene: YearRow[];
}

/** Compute the page's model from its settings (the engine runs here, once per change of a setting). */
export function calculatorModel(ctx: CalculatorContext, s: CalculatorSettings): CalculatorModel {
  const prices = outcomePrices(ctx.enhed(s.udfald), s.aar, s.priser, ctx.prisvalg);
  const valg = s.variabler.map((id) => ({ id, log: s.logs.includes(id) }));
  const vaegte = s.metode.id === "weights" ? s.vaegte : undefined;
  const options: GroupsOptions = { alpha: s.alpha, method: s.metode.id, top: s.N, weights: s.vaegte };
  const beregning = calculate(ctx.index, ctx.koder, s.udfald, valg, s.aar, options, undefined, prices.factor);
  const r = beregning.ok ? beregning.result : null;
  const udfaldTitel = `${ctx.titel(s.udfald)}${prices.titleSuffix}`;
  const iModel = r ? r.kommunekoder.includes(s.kommune.kommunekode) : false;
  const missing = r?.excluded.find((e) => e.kommunekode === s.kommune.kommunekode)?.missing ?? [];
  return {
    s,
    beregning,
    r,
    options,
    prices,
    udfaldTitel,
    udfaldEnhed: prices.unit,
    afstandsenhed: distanceUnit(s.metode.id, prices.unit),
    afstandDecimaler: distanceDecimals(s.metode.id),
    iModel,
    ikkeIModel:
      r && !iModel
        ? `${s.kommune.navn} mangler data for ${missing.map(ctx.titel).join(", ")} i ${s.aar} og er ikke med i beregningen.`
        : "",
    cli: cliCommand({
      outcome: s.udfald,
      vars: s.variabler,
      year: s.aar,
      alpha: s.alpha,
      method: s.metode.id,
      top: s.N,
      log: s.logs,
      weights: vaegte
    }),
    regression: r ? regressionRows(r, ctx.titel) : [],
    summary: r ? regressionSummary(r, udfaldTitel, prices.unit, s.aar) : null,
    eliminering: r ? eliminationRows(r, ctx.titel) : [],
    niveau: r ? levelRows(r, ctx.navn) : [],
    udeladte: r ? excludedRows(r, ctx.navn, ctx.titel) : [],
    variable: r ? variableRows(r, ctx.titel, ctx.enhed, s.omraade.begrundelser) : [],
    aarene: r
      ? yearRows(
          yearGroups(ctx.index, ctx.koder, s.udfald, valg, s.omraade.aar, s.kommune.kommunekode, options),
          s.aar,
          s.N,
          ctx.navn,
          ctx.titel
        )
      : []
  };
}

/** The bootstrap's result as far as the tables read it (common/groups/bootstrap.ts BootstrapResult). */
export interface BootstrapSummary {
  kommunekoder: readonly string[];
  probability: ArrayLike<number>;
  used: number;
  seed: number;
  /** the variables were selected again in each draw */
  reselect: boolean;
  keptShare: Record<string, number>;
}

/** What the result sections show once the bootstrap has (or has not yet) finished. */
export interface GroupView {
  gruppe: GroupRow[];
  /** mean of the group members' outcome (in the model's prices); null without a group */
  gennemsnit: number | null;
  alle: AllGroupsRow[];
  /** empty until the bootstrap is done */
  stabilitet: StabilityRow[];
  /** with reselection: "Andel … : x 80 % · y 40 %"; "" otherwise */
  valgtAndel: string;
}

/** The mean of the group members' actual outcome (the municipality itself not included). */
export function groupMean(rows: readonly { faktisk: number }[]): number | null {
  return rows.length ? rows.reduce((s, r) => s + r.faktisk, 0) / rows.length : null;
}

export function groupView(ctx: CalculatorContext, m: CalculatorModel, boot: BootstrapSummary | null): GroupView {
  const r = m.r;
  const pOf = probabilityOf(boot);
  const gruppe = r ? groupRows(r, m.s.kommune.kommunekode, ctx.navn, pOf) : [];
  return {
    gruppe,
    gennemsnit: groupMean(gruppe),
    alle: r ? allGroupRows(r, ctx.navn, pOf) : [],
    stabilitet: r && boot ? stabilityRows(r.kommunekoder, r.neighbours, (a, b) => pOf(a, b) ?? NaN, ctx.navn) : [],
    valgtAndel: boot?.reselect
      ? `Andel af gentagelserne, hvor hver variabel blev valgt: ${Object.entries(boot.keptShare)
          .map(([id, x]) => `${ctx.titel(id)} ${formatNumber(x * 100, 0)} %`)
          .join(" · ")}`
      : ""
  };
}

/** The address's query string for the model's and the bootstrap's settings. */
export function pageSearch(m: CalculatorModel, b: BootstrapSettings): string {
  const s = m.s;
  return calculatorSearch(
    {
      omraade: s.omraade.id,
      udfald: s.udfald,
      aar: s.aar,
      kommune: s.kommune.kommunekode,
      vars: s.variabler,
      log: s.logs,
      alpha: s.alpha,
      metode: s.metode.id,
      n: s.N,
      vaegte: s.metode.id === "weights" ? s.vaegte : undefined,
      gentagelser: b.gentagelser,
      seed: b.seed,
      genvalg: b.genvalg,
      priser: m.prices.fixed ? "faste" : undefined
    },
    s.omraade.udfald
  );
}

/** What the bootstrap worker gets beside the model's input. */
export function bootstrapOptions(b: BootstrapSettings): { resamples: number; seed: number; reselect: boolean } {
  return { resamples: b.gentagelser, seed: Math.trunc(b.seed) || 0, reselect: b.genvalg };
}

// ---------------------------------------------------------------------------------------
// The inputs' choices and options (the page passes them to Inputs.select / radio / range as they are)

type SelectArgs<T> = [readonly T[], { label: string; format?: (x: T) => string; value?: T }];

/** Område: the areas, the address's first. */
export function areaSelect(ctx: CalculatorContext, start: CalculatorState): SelectArgs<CalculatorArea> {
  const value = ctx.omraader.find((o) => o.id === start.omraade) ?? ctx.omraader[0];
  return [ctx.omraader, { label: "Område", format: (o) => o.navn, value }];
}

/** År: the area's years, latest first; the address's year if the area has it, else the area's standard year. */
export function yearSelect(omraade: CalculatorArea, start: CalculatorState): SelectArgs<number> {
  const value = start.aar !== undefined && omraade.aar.includes(start.aar) ? start.aar : omraade.standardaar;
  return [[...omraade.aar].reverse(), { label: "År", format: String, value }];
}

/** Udfald: any key figure with values in the year (outcomeChoices); the remembered or address's choice first. */
export function outcomeSelect(
  ctx: CalculatorContext,
  omraade: CalculatorArea,
  aar: number,
  chosen: string
): SelectArgs<FigureInfo> {
  const choices = outcomeChoices(ctx.katalog, aar, ctx.has, omraade.udfald);
  const format = (f: FigureInfo) => (f.id === omraade.udfald ? `${f.titel} (områdets standard)` : f.titel);
  return [choices, { label: "Udfald", format, value: choices.find((f) => f.id === chosen) ?? choices[0] }];
}

/** Kommune: in Danish order, "Navn (kode)"; the address's or the default municipality. */
export function municipalitySelect<K extends { kommunekode: string; navn: string }>(
  kommuner: readonly K[],
  start: CalculatorState
): SelectArgs<K> {
  const sorted = sortByName(kommuner);
  const value = kommuner.find((k) => k.kommunekode === (start.kommune ?? DEFAULT_KOMMUNE));
  return [sorted, { label: "Kommune", format: (k) => `${k.navn} (${k.kommunekode})`, value }];
}

/** Signifikansniveau α. */
export function alphaSelect(start: CalculatorState): SelectArgs<number> {
  return [
    alphaLevels(start.alpha),
    { label: "Signifikansniveau α", format: formatAlpha, value: start.alpha ?? DEFAULT_ALPHA }
  ];
}

/** Bootstrap-gentagelser. */
export function resampleSelect(start: CalculatorState): SelectArgs<number> {
  const value =
    start.gentagelser !== undefined && RESAMPLE_CHOICES.includes(start.gentagelser)
      ? start.gentagelser
      : DEFAULT_RESAMPLES;
  return [RESAMPLE_CHOICES, { label: "Bootstrap-gentagelser", format: (x) => formatNumber(x, 0), value }];
}

/** The candidate variables' checkbox: offered, ticked first, the summary line and the note on unusable defaults. */
export function variableChoice(
  ctx: CalculatorContext,
  omraade: CalculatorArea,
  aar: number,
  udfald: string,
  memory: ChoiceMemory
): { offered: string[]; value: string[]; summary: string; note: string } {
  const offered = offeredVariables(ctx.struktur, udfald, aar, ctx.has, omraade.variabler, ctx.titel);
  const udeladt = omraade.udeladte_pr_aar?.[aar] ?? [];
  return {
    offered,
    value: memory.variables(omraade, aar, offered),
    summary: `Kandidatvariable (${offered.length} mulige i ${aar}; standard for området er markeret først)`,
    note: udeladt.length
      ? `${udeladt.length} af områdets ${omraade.variabler.length} standardvariable kan ikke bruges i ${aar}: ${udeladt
          .map((o) => `${ctx.titel(o.id)}: ${o.grund}`)
          .join("; ")}.`
      : ""
  };
}

/** The matrix's two radios: what the colour shows, and the order of rows and columns. */
export const MATRIX_VALUE = new Map([
  ["Afstand", "distance"],
  ["Rang", "rank"]
]);
export const MATRIX_ORDER = new Map([
  ["Forventet niveau", "need"],
  ["Kommunekode", "code"]
]);

/** Afstand: the distance methods (common/groups/distance.ts METHODS); the address's or β-weighted. */
export function methodRadio(start: CalculatorState): SelectArgs<(typeof METHODS)[number]> {
  const value = METHODS.find((m) => m.id === (start.metode ?? "beta"));
  return [METHODS, { label: "Afstand", format: (m) => m.navn, value }];
}

/** Gruppestørrelse N (a range input's bounds and options). */
export function topRange(
  start: CalculatorState
): [readonly [number, number], { label: string; step: number; value: number }] {
  return [TOP_RANGE, { label: "Gruppestørrelse N", step: 1, value: start.n ?? DEFAULT_TOP }];
}

/** Startværdi (seed) and "Gentag også variabeludvælgelsen": the options of the number input and the toggle. */
export function seedOptions(start: CalculatorState): { label: string; value: number; step: number } {
  return { label: "Startværdi (seed)", value: start.seed ?? DEFAULT_SEED, step: 1 };
}
export function reselectOptions(start: CalculatorState): { label: string; value: boolean } {
  return { label: "Gentag også variabeludvælgelsen", value: start.genvalg ?? false };
}

/** A weight's slider (method "weights"): 0 to 5 in steps of 0,25; remembered, the address's or 1. */
export function weightRange(
  ctx: CalculatorContext,
  memory: ChoiceMemory,
  id: string
): [readonly [number, number], { label: string; step: number; value: number }] {
  return [[0, 5], { label: ctx.titel(id), step: 0.25, value: memory.weight(id) }];
}
