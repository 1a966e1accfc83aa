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
import { type DistanceMethod, type FigureIndex, GroupsError, groupsInput, INTERCEPT } from "../groups/index.js";
import type { GroupsOptions, GroupsResult, Neighbour } from "../groups/model.js";
import { computeGroups, DEFAULTS } from "../groups/model.js";
import type { Term } from "../groups/ols.js";
import { type PageState, parseState, stateToSearch } from "../groups/state.js";

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
}

const ID = /^[a-z0-9-]+$/;

/** Parse the address's query string; malformed values are dropped (the page uses its defaults). */
export function parseCalculatorState(search: string): CalculatorState {
  const s: CalculatorState = parseState(search);
  const udfald = new URLSearchParams(search).get("udfald");
  if (udfald && ID.test(udfald)) s.udfald = udfald;
  return s;
}

/** The query string (without "?") for the settings; `udfald` follows `omraade` and is left out when it is the area's own. */
export function calculatorSearch(s: CalculatorState, areaOutcome?: string): string {
  const { udfald, ...rest } = s;
  const base = stateToSearch(rest);
  if (!udfald || udfald === areaOutcome) return base;
  const parts = base ? base.split("&") : [];
  const at = parts.findIndex((p) => p.startsWith("omraade="));
  parts.splice(at + 1, 0, `udfald=${udfald}`);
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
  now: () => number = () => performance.now()
): Calculation {
  const t0 = now();
  try {
    if (!index.has(outcome, aar)) throw new GroupsError("input", `Udfaldet har ingen værdier i ${aar}.`, [outcome]);
    const input = groupsInput(index, [...koder], outcome, [...choices], aar);
    const result = computeGroups(input, options);
    return { ok: true, result, input, ms: now() - t0 };
  } catch (e) {
    if (e instanceof GroupsError) return { ok: false, error: e };
    throw e;
  }
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
