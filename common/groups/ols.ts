/**
 * Ordinary least squares with an intercept, reported the way R's `summary(lm())`
 * reports it, plus the variance inflation factor of each predictor.
 *
 * Model: y = β₀ + Σₖ βₖ xₖ + ε, ε ~ N(0, σ²) independent. With n observations and k
 * predictors (p = k + 1 terms, df = n − p):
 * - β̂ = (X'X)⁻¹X'y (computed by Householder QR, see linalg.ts);
 * - σ̂ = √(RSS / df), the residual standard error;
 * - SE(β̂ⱼ) = σ̂·√[(X'X)⁻¹]ⱼⱼ, t = β̂ⱼ/SE, p = P(|T_df| ≥ |t|);
 * - R² = 1 − RSS/TSS (TSS about the mean), adjusted R² = 1 − (1 − R²)(n − 1)/df;
 * - F = (R²/k) / ((1 − R²)/df) on (k, df) degrees of freedom;
 * - VIFₖ = 1/(1 − R²ₖ), R²ₖ from regressing xₖ on the other predictors, computed as
 *   [(X'X)⁻¹]ₖₖ · Σᵢ(xᵢₖ − x̄ₖ)² (an identity for models with an intercept).
 *
 * Reference: Weisberg, *Applied Linear Regression*, 4th ed., 2014, ch. 3 and §4.1.
 * Checked against R 4.2 `lm()` and `car::vif()`-equivalent `diag(solve(cor(X)))` in
 * test/groups/golden.test.ts.
 */

import { fUpperP, tTwoSidedP } from "./distributions.js";
import { GroupsError } from "./errors.js";
import { crossprodInverse, isDeficient, qrLeastSquares } from "./linalg.js";

export const INTERCEPT = "(Intercept)";

export interface Term {
  /** variable id, or "(Intercept)" */
  id: string;
  beta: number;
  se: number;
  t: number;
  p: number;
  /** variance inflation factor; null for the intercept */
  vif: number | null;
}

export interface OlsResult {
  n: number;
  /** number of predictors (without the intercept) */
  k: number;
  /** residual degrees of freedom n − k − 1 */
  df: number;
  /** intercept first, then the predictors in input order */
  terms: Term[];
  r2: number;
  adjR2: number;
  /** F statistic for all slopes = 0; null when k = 0 */
  f: number | null;
  fP: number | null;
  /** residual standard error σ̂ */
  sigma: number;
  rss: number;
  tss: number;
  fitted: Float64Array;
  residuals: Float64Array;
}

/**
 * Fit y on the predictors with an intercept.
 *
 * @param y response, length n
 * @param predictors one Float64Array of length n per predictor
 * @param ids a name per predictor (used in the result and in error messages)
 * @throws {GroupsError} "too-few" if n ≤ k + 1; "collinear" if a predictor is (almost)
 *   constant or a linear combination of the others, naming the variables involved
 * @example ols(y, [x1, x2], ["andel-6-16-aarige", "sociooekonomisk-indeks"]).terms
 */
export function ols(y: Float64Array, predictors: readonly Float64Array[], ids: readonly string[]): OlsResult {
  const n = y.length;
  const k = predictors.length;
  if (ids.length !== k) throw new GroupsError("input", `ols: ${k} variable men ${ids.length} navne`);
  const df = n - k - 1;
  if (df < 1)
    throw new GroupsError(
      "too-few",
      `For få kommuner: ${n} kommuner med fuldstændige data kan ikke bære ${k} variable og et konstantled (der skal være flere kommuner end variable + 1).`,
      [...ids]
    );
  const ones = new Float64Array(n).fill(1);
  const fit = qrLeastSquares([ones, ...predictors], y);
  if (isDeficient(fit)) throw collinearError(fit.column, fit.combination, fit.norms, ids);
  const p = k + 1;
  const xtxInv = crossprodInverse(fit.rInv, p);
  const fitted = new Float64Array(n);
  const residuals = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  let rss = 0;
  let tss = 0;
  for (let i = 0; i < n; i++) {
    let f = fit.coef[0];
    for (let j = 0; j < k; j++) f += fit.coef[j + 1] * predictors[j][i];
    fitted[i] = f;
    residuals[i] = y[i] - f;
    rss += residuals[i] * residuals[i];
    tss += (y[i] - mean) * (y[i] - mean);
  }
  if (tss === 0)
    throw new GroupsError("constant", "Udfaldet har samme værdi i alle kommuner; der er intet at forklare.");
  const sigma = Math.sqrt(rss / df);
  const terms: Term[] = [];
  for (let j = 0; j < p; j++) {
    const beta = fit.coef[j];
    const se = sigma * Math.sqrt(xtxInv[j * p + j]);
    const t = beta / se;
    let vif: number | null = null;
    if (j > 0) {
      const x = predictors[j - 1];
      let m = 0;
      for (let i = 0; i < n; i++) m += x[i];
      m /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (x[i] - m) * (x[i] - m);
      vif = xtxInv[j * p + j] * ss;
    }
    terms.push({ id: j === 0 ? INTERCEPT : ids[j - 1], beta, se, t, p: tTwoSidedP(t, df), vif });
  }
  const r2 = 1 - rss / tss;
  const adjR2 = 1 - ((1 - r2) * (n - 1)) / df;
  const f = k > 0 ? r2 / k / ((1 - r2) / df) : null;
  return {
    n,
    k,
    df,
    terms,
    r2,
    adjR2,
    f,
    fP: f === null ? null : fUpperP(f, k, df),
    sigma,
    rss,
    tss,
    fitted,
    residuals
  };
}

/**
 * Coefficients only (intercept first), for the bootstrap loop.
 * @returns null if the design is rank deficient
 */
export function olsCoefficients(y: Float64Array, predictors: readonly Float64Array[]): Float64Array | null {
  const ones = new Float64Array(y.length).fill(1);
  if (y.length < predictors.length + 2) return null;
  const fit = qrLeastSquares([ones, ...predictors], y);
  return isDeficient(fit) ? null : fit.coef;
}

function collinearError(
  column: number,
  combination: Float64Array,
  norms: Float64Array,
  ids: readonly string[]
): GroupsError {
  const id = ids[column - 1];
  if (column === 0) return new GroupsError("constant", "Konstantleddet kan ikke estimeres (ingen kommuner).");
  // the earlier predictors that carry weight in the combination (the intercept is column 0)
  const involved: string[] = [];
  const target = norms[column] || 1;
  for (let c = 1; c < column; c++) if (Math.abs(combination[c]) * norms[c] > 1e-3 * target) involved.push(ids[c - 1]);
  if (involved.length === 0)
    return new GroupsError(
      "constant",
      `Variablen ${id} har (næsten) samme værdi i alle kommuner i modellen og kan ikke bruges.`,
      [id]
    );
  return new GroupsError(
    "collinear",
    `Variablen ${id} er (næsten) en lineær kombination af ${involved.join(", ")} (kollinearitet); regressionen kan ikke skille dem ad. Fjern en af dem.`,
    [id, ...involved]
  );
}
