/**
 * The comparison-group method ("sammenligningsgrupper", the FLIS way) as one pure
 * function, `computeGroups(input, options)`:
 *
 * 1. Complete cases: municipalities missing the outcome or any candidate variable are
 *    left out and listed with what they miss. Optional log transform per variable.
 * 2. Standardise each candidate over the municipalities in the model (standardize.ts).
 * 3. OLS of the outcome (kroner, not standardised) on the standardised candidates with
 *    an intercept (ols.ts), then backward elimination: while the largest p-value of a
 *    variable exceeds α, remove that variable and refit. Every step is kept. α = 1 keeps
 *    every variable. The sample stays fixed through the steps.
 * 4. Distances between municipalities on the kept variables (distance.ts), ranks 1..n−1
 *    for each municipality (ties broken by kommunekode), the top N, mutual flags.
 * 5. Structurally corrected level: actual − predicted outcome.
 *
 * The input order of municipalities does not matter: everything is sorted by
 * kommunekode first, so results are identical under any reordering.
 */

import { coordinates, type DistanceMethod, distanceMatrix, rankMatrix } from "./distance.js";
import { GroupsError } from "./errors.js";
import { INTERCEPT, type OlsResult, ols } from "./ols.js";
import { type Scaling, scalingOf, standardize } from "./standardize.js";

export type { DistanceMethod } from "./distance.js";

/** A variable over the municipalities of `GroupsInput.kommunekoder` (null = missing). */
export interface Series {
  id: string;
  values: readonly (number | null)[];
  /** take the natural logarithm before standardising (for skewed variables) */
  log?: boolean;
}

export interface GroupsInput {
  kommunekoder: readonly string[];
  /** the outcome, e.g. net operating expenditure per 6-16-year-old */
  outcome: Series;
  /** candidate structural variables ("rammebetingelser") */
  candidates: readonly Series[];
}

export interface GroupsOptions {
  /** significance level for backward elimination; default 0.05; 1 keeps every variable */
  alpha?: number;
  /** distance; default "beta" */
  method?: DistanceMethod;
  /** size of a comparison group; default 10 */
  top?: number;
  /** weights per variable id for method "weights" (missing ids weigh 1) */
  weights?: Readonly<Record<string, number>>;
}

export const DEFAULTS = { alpha: 0.05, method: "beta" as DistanceMethod, top: 10 };

export interface Excluded {
  kommunekode: string;
  /** ids of the outcome/variables the municipality has no value for */
  missing: string[];
}

export interface EliminationStep {
  /** 1-based */
  step: number;
  variables: string[];
  fit: OlsResult;
  /** the variable removed after this fit (largest p above α), or null for the final model */
  removed: { id: string; p: number } | null;
}

export interface Neighbour {
  kommunekode: string;
  rank: number;
  distance: number;
  /** the municipality is also in this neighbour's top N */
  mutual: boolean;
}

export interface VariableInfo {
  id: string;
  log: boolean;
  /** mean and sample SD over the model's municipalities (of log x if log) */
  mean: number;
  sd: number;
  kept: boolean;
}

export interface GroupsResult {
  /** the municipalities in the model, sorted by kommunekode */
  kommunekoder: string[];
  excluded: Excluded[];
  n: number;
  outcome: string;
  alpha: number;
  method: DistanceMethod;
  top: number;
  weights: Record<string, number>;
  variables: VariableInfo[];
  candidates: string[];
  kept: string[];
  steps: EliminationStep[];
  /** the final regression (the last step) */
  model: OlsResult;
  actual: Float64Array;
  predicted: Float64Array;
  /** actual − predicted: the structurally corrected level */
  residual: Float64Array;
  /** distance matrix n × n, row-major, symmetric, zero diagonal */
  distance: Float64Array;
  /** rank matrix n × n: rank[i·n + j] is j's rank among i's neighbours (1..n−1), 0 on the diagonal */
  rank: Int32Array;
  /** for each municipality (same order as kommunekoder) its top N neighbours */
  neighbours: Neighbour[][];
}

/** Prepared, complete-case data sorted by kommunekode (shared with the bootstrap). */
export interface Prepared {
  kommunekoder: string[];
  excluded: Excluded[];
  y: Float64Array;
  /** candidate values after any log transform, in candidate order */
  raw: Float64Array[];
  ids: string[];
  log: boolean[];
  outcome: string;
}

/**
 * Validate the input, keep complete cases, apply log transforms, sort by kommunekode.
 * @throws {GroupsError} "input" for malformed input, "log" for values ≤ 0 under log
 */
export function prepare(input: GroupsInput): Prepared {
  const codes = input.kommunekoder;
  const all = [input.outcome, ...input.candidates];
  if (input.candidates.length === 0) throw new GroupsError("input", "Vælg mindst én strukturel variabel.");
  const seen = new Set<string>();
  for (const s of all) {
    if (s.values.length !== codes.length)
      throw new GroupsError("input", `${s.id}: ${s.values.length} værdier for ${codes.length} kommuner`, [s.id]);
    if (seen.has(s.id))
      throw new GroupsError("input", `${s.id} er valgt to gange (udfald og variable skal være forskellige).`, [s.id]);
    seen.add(s.id);
  }
  if (new Set(codes).size !== codes.length)
    throw new GroupsError("input", "En kommunekode optræder flere gange i inddata.");
  const order = codes.map((_, i) => i).sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  const keep: number[] = [];
  const excluded: Excluded[] = [];
  for (const i of order) {
    const missing = all
      .filter((s) => s.values[i] === null || s.values[i] === undefined || !Number.isFinite(s.values[i] as number))
      .map((s) => s.id);
    if (missing.length) excluded.push({ kommunekode: codes[i], missing });
    else keep.push(i);
  }
  for (const s of input.candidates) {
    if (!s.log) continue;
    const bad = keep.filter((i) => (s.values[i] as number) <= 0).map((i) => codes[i]);
    if (bad.length)
      throw new GroupsError(
        "log",
        `${s.id} kan ikke logaritmeres: værdien er 0 eller negativ i ${bad.length} kommune(r) (${bad.slice(0, 5).join(", ")}${bad.length > 5 ? " …" : ""}).`,
        [s.id],
        bad
      );
  }
  const column = (s: Series) =>
    Float64Array.from(keep, (i) => (s.log ? Math.log(s.values[i] as number) : (s.values[i] as number)));
  return {
    kommunekoder: keep.map((i) => codes[i]),
    excluded,
    y: column(input.outcome),
    raw: input.candidates.map(column),
    ids: input.candidates.map((s) => s.id),
    log: input.candidates.map((s) => !!s.log),
    outcome: input.outcome.id
  };
}

/**
 * Backward elimination: fit, drop the variable with the largest p-value while it
 * exceeds α, refit; stop when every p ≤ α. Ties in p: the variable listed first goes.
 *
 * @param z standardised candidate columns
 * @returns the steps; the last one is the final model (removed = null)
 * @throws {GroupsError} "none-kept" if every variable is removed; errors from `ols`
 */
export function backwardEliminate(
  y: Float64Array,
  z: readonly Float64Array[],
  ids: readonly string[],
  alpha: number
): EliminationStep[] {
  let current = ids.map((_, i) => i);
  const steps: EliminationStep[] = [];
  for (;;) {
    const fit = ols(
      y,
      current.map((i) => z[i]),
      current.map((i) => ids[i])
    );
    let worst = -1;
    let worstP = -Infinity;
    fit.terms.forEach((t, j) => {
      if (j > 0 && t.p > worstP) {
        worstP = t.p;
        worst = j - 1;
      }
    });
    const step: EliminationStep = { step: steps.length + 1, variables: current.map((i) => ids[i]), fit, removed: null };
    steps.push(step);
    if (worst < 0 || !(worstP > alpha)) return steps;
    step.removed = { id: ids[current[worst]], p: worstP };
    current = current.filter((_, j) => j !== worst);
    if (current.length === 0)
      throw new GroupsError(
        "none-kept",
        `Ingen af de valgte variable er statistisk signifikante på niveau ${String(alpha).replace(".", ",")} for dette udfald; der er intet at beregne afstande på. Vælg et højere signifikansniveau eller andre variable.`,
        [...ids]
      );
  }
}

/**
 * Compute the comparison groups.
 *
 * @throws {GroupsError} with a Danish message naming the variables or municipalities:
 *   "input", "log", "too-few", "constant", "collinear", "none-kept"
 * @example
 * const r = computeGroups({kommunekoder, outcome: {id: "udg-til-folkeskolen-pr-6-16-aarig", values: y},
 *   candidates: [{id: "sociooekonomisk-indeks", values: x}]});
 * r.neighbours[0].map((n) => n.kommunekode); // the 10 most comparable to the first municipality
 */
export function computeGroups(input: GroupsInput, options: GroupsOptions = {}): GroupsResult {
  const alpha = options.alpha ?? DEFAULTS.alpha;
  const method = options.method ?? DEFAULTS.method;
  if (!(alpha > 0 && alpha <= 1))
    throw new GroupsError("input", `Signifikansniveauet skal ligge i (0; 1], fik ${alpha}.`);
  const prep = prepare(input);
  const n = prep.kommunekoder.length;
  const k = prep.ids.length;
  if (n < k + 2)
    throw new GroupsError(
      "too-few",
      `For få kommuner med fuldstændige data: ${n} kommuner kan ikke bære ${k} variable og et konstantled (kræver mindst ${k + 2}).`,
      prep.ids,
      prep.excluded.map((e) => e.kommunekode)
    );
  const top = Math.min(options.top ?? DEFAULTS.top, n - 1);
  if (!(top >= 1) || !Number.isInteger(top))
    throw new GroupsError("input", `Gruppestørrelsen skal være et helt tal ≥ 1, fik ${options.top}.`);
  const scalings: Scaling[] = prep.raw.map((x) => scalingOf(x, null));
  const constant = prep.ids.filter((_, i) => !(scalings[i].sd > 0));
  if (constant.length)
    throw new GroupsError(
      "constant",
      `${constant.length === 1 ? "Variablen" : "Variablene"} ${constant.join(", ")} har samme værdi i alle kommuner i modellen og kan ikke bruges.`,
      constant
    );
  const z = prep.raw.map((x, i) => standardize(x, scalings[i], prep.ids[i]));
  const steps = backwardEliminate(prep.y, z, prep.ids, alpha);
  const final = steps[steps.length - 1];
  const kept = final.variables;
  const keptIdx = kept.map((id) => prep.ids.indexOf(id));
  const weights: Record<string, number> = {};
  for (const id of kept) {
    const w = options.weights?.[id] ?? 1;
    if (!(w >= 0) || !Number.isFinite(w))
      throw new GroupsError("input", `Vægten for ${id} skal være et tal ≥ 0, fik ${w}.`, [id]);
    weights[id] = w;
  }
  const coords = coordinates(
    method,
    keptIdx.map((i) => z[i]),
    final.fit.terms.map((t) => t.beta),
    kept.map((id) => weights[id]),
    null
  );
  if (!coords)
    throw new GroupsError(
      "collinear",
      `Mahalanobis-afstanden kræver, at de valgte variable ikke er kollineære (${kept.join(", ")}).`,
      kept
    );
  const distance = distanceMatrix(coords, n);
  const rank = rankMatrix(distance, n);
  const neighbours = prep.kommunekoder.map((_, i) => {
    const row: Neighbour[] = [];
    for (let j = 0; j < n; j++) {
      const r = rank[i * n + j];
      if (r >= 1 && r <= top)
        row[r - 1] = {
          kommunekode: prep.kommunekoder[j],
          rank: r,
          distance: distance[i * n + j],
          mutual: rank[j * n + i] <= top
        };
    }
    return row;
  });
  const model = final.fit;
  return {
    kommunekoder: prep.kommunekoder,
    excluded: prep.excluded,
    n,
    outcome: prep.outcome,
    alpha,
    method,
    top,
    weights,
    variables: prep.ids.map((id, i) => ({
      id,
      log: prep.log[i],
      mean: scalings[i].mean,
      sd: scalings[i].sd,
      kept: kept.includes(id)
    })),
    candidates: prep.ids,
    kept,
    steps,
    model,
    actual: prep.y,
    predicted: model.fitted,
    residual: model.residuals,
    distance,
    rank,
    neighbours
  };
}

/** The term of the final model for a variable id (or the intercept). */
export function termOf(r: GroupsResult, id: string = INTERCEPT) {
  return r.model.terms.find((t) => t.id === id);
}

export interface Overlap {
  kommunekode: string;
  /** neighbours in both groups */
  common: string[];
  /** in the second group only */
  entered: string[];
  /** in the first group only */
  left: string[];
  /** common / top */
  share: number;
}

/**
 * Overlap of each municipality's group between two results (e.g. two years), for the
 * municipalities present in both. Groups are compared at the smaller of the two sizes.
 * @example groupOverlap(r2017, r2018).find((o) => o.kommunekode === "101")?.share
 */
export function groupOverlap(a: GroupsResult, b: GroupsResult): Overlap[] {
  const top = Math.min(a.top, b.top);
  const indexB = new Map(b.kommunekoder.map((k, i) => [k, i]));
  const out: Overlap[] = [];
  a.kommunekoder.forEach((kode, i) => {
    const j = indexB.get(kode);
    if (j === undefined) return;
    const ga = a.neighbours[i].slice(0, top).map((x) => x.kommunekode);
    const gb = b.neighbours[j].slice(0, top).map((x) => x.kommunekode);
    const setA = new Set(ga);
    const setB = new Set(gb);
    const common = ga.filter((x) => setB.has(x));
    out.push({
      kommunekode: kode,
      common,
      entered: gb.filter((x) => !setA.has(x)),
      left: ga.filter((x) => !setB.has(x)),
      share: common.length / top
    });
  });
  return out;
}
