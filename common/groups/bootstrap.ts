/**
 * Stability of the comparison groups: a nonparametric bootstrap over municipalities
 * (Efron & Tibshirani, *An Introduction to the Bootstrap*, 1993, ch. 6).
 *
 * Each resample draws n municipalities with replacement from the model's n. On the
 * resample we re-estimate everything the distance depends on: the means and standard
 * deviations used to standardise, the regression coefficients (β-weighted and need
 * distances), the covariance (Mahalanobis); with `reselect` also the backward
 * elimination itself, so the choice of variables varies too. With those estimates we
 * compute the distances between *all* n original municipalities and count, for each
 * municipality i and each other j, how often j is among i's top N. The probability
 * P(j in i's group) = count / number of usable resamples.
 *
 * A resample is unusable when a variable is constant in it or the design is singular
 * (or, with `reselect`, nothing survives elimination); such resamples are counted and
 * reported, never silently replaced. Seeded (rng.ts): the same seed gives the same
 * probabilities everywhere.
 */

import { coordinates, countTopN } from "./distance.js";
import { GroupsError } from "./errors.js";
import { backwardEliminate, computeGroups, type GroupsInput, type GroupsOptions, prepare } from "./model.js";
import { olsCoefficients } from "./ols.js";
import { mulberry32, resampleIndices } from "./rng.js";
import { scalingOf } from "./standardize.js";

export interface BootstrapOptions {
  /** number of resamples; default 1000 */
  resamples?: number;
  /** default 20240601 */
  seed?: number;
  /** redo backward elimination on each resample; default false (variables fixed) */
  reselect?: boolean;
  /** called every `progressEvery` resamples with (done, total) */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

export const BOOTSTRAP_DEFAULTS = { resamples: 1000, seed: 20240601, reselect: false };

export interface BootstrapResult {
  kommunekoder: string[];
  resamples: number;
  /** resamples that could be used */
  used: number;
  /** resamples skipped (constant variable, singular design, nothing kept) */
  failed: number;
  seed: number;
  reselect: boolean;
  top: number;
  /** n × n row-major: P(j in i's top N); 0 on the diagonal */
  probability: Float64Array;
  /** with reselect: how often each candidate was kept */
  keptShare: Record<string, number>;
}

/**
 * Run the bootstrap for the model `computeGroups(input, options)` would fit.
 * @throws {GroupsError} as computeGroups does for the original data
 * @example bootstrapGroups(input, {top: 10}, {resamples: 1000, seed: 1}).probability
 */
export function bootstrapGroups(
  input: GroupsInput,
  options: GroupsOptions = {},
  boot: BootstrapOptions = {}
): BootstrapResult {
  const B = boot.resamples ?? BOOTSTRAP_DEFAULTS.resamples;
  const seed = boot.seed ?? BOOTSTRAP_DEFAULTS.seed;
  const reselect = boot.reselect ?? BOOTSTRAP_DEFAULTS.reselect;
  if (!(B >= 1) || !Number.isInteger(B))
    throw new GroupsError("input", `Antal gentagelser skal være et helt tal ≥ 1, fik ${B}.`);
  const base = computeGroups(input, options); // validates, and fixes the variables when !reselect
  const prep = prepare(input);
  const n = prep.kommunekoder.length;
  const top = base.top;
  const method = base.method;
  const alpha = base.alpha;
  const random = mulberry32(seed);
  const rows = new Int32Array(n);
  const counts = new Float64Array(n * n);
  const scratch = new Float64Array(n * n);
  const keptCount: Record<string, number> = Object.fromEntries(prep.ids.map((id) => [id, 0]));
  const varIdx = reselect ? prep.ids.map((_, i) => i) : base.kept.map((id) => prep.ids.indexOf(id));
  const z = varIdx.map(() => new Float64Array(n));
  const yb = new Float64Array(n);
  let used = 0;
  const every = boot.progressEvery ?? 50;
  for (let b = 0; b < B; b++) {
    resampleIndices(n, random, rows);
    if (b % every === 0) boot.onProgress?.(b, B);
    let ok = true;
    for (let v = 0; v < varIdx.length && ok; v++) {
      const x = prep.raw[varIdx[v]];
      const s = scalingOf(x, rows);
      if (!(s.sd > 1e-12 * (Math.abs(s.mean) + 1))) ok = false;
      else for (let i = 0; i < n; i++) z[v][i] = (x[i] - s.mean) / s.sd;
    }
    if (!ok) continue;
    for (let r = 0; r < n; r++) yb[r] = prep.y[rows[r]];
    const zb = z.map((col) => Float64Array.from(rows, (i) => col[i]));
    let cols = z;
    let ids = varIdx.map((i) => prep.ids[i]);
    let betas: Float64Array | null = null;
    if (reselect) {
      try {
        const steps = backwardEliminate(yb, zb, ids, alpha);
        const fin = steps[steps.length - 1];
        betas = Float64Array.from(fin.fit.terms, (t) => t.beta);
        const keep = fin.variables.map((id) => ids.indexOf(id));
        cols = keep.map((j) => z[j]);
        ids = fin.variables;
      } catch (e) {
        if (e instanceof GroupsError) continue;
        throw e;
      }
    } else if (method === "beta" || method === "need") {
      betas = olsCoefficients(yb, zb);
      if (!betas) continue;
    }
    const weights = ids.map((id) => base.weights[id] ?? options.weights?.[id] ?? 1);
    // covariance over the resample: rows of the resample, in the full-length columns
    const coords = coordinates(method, cols, betas ?? [], weights, rows);
    if (!coords) continue;
    countTopN(coords, n, top, counts, scratch);
    for (const id of ids) keptCount[id]++;
    used++;
  }
  boot.onProgress?.(B, B);
  const probability = used ? counts.map((c) => c / used) : counts;
  const keptShare: Record<string, number> = {};
  for (const id of prep.ids) keptShare[id] = used ? keptCount[id] / used : 0;
  return {
    kommunekoder: prep.kommunekoder,
    resamples: B,
    used,
    failed: B - used,
    seed,
    reselect,
    top,
    probability,
    keptShare
  };
}
