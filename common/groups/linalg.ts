/**
 * The little dense linear algebra the engine needs, on column-major Float64Arrays
 * (one array per column): Householder QR least squares with a rank check, inversion of
 * the triangular factor, and a Cholesky factorisation. Sizes here are tiny (98 × 21),
 * so clarity beats blocking; everything is allocation-light for the bootstrap loop.
 *
 * Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., 2013, §5.2 (Householder
 * QR) and §4.2 (Cholesky). The rank check mirrors R's `lm()` (LINPACK dqrdc2 with
 * `tol = 1e-7`): a column whose norm, after removing the earlier columns, is below
 * `tol` times its original norm is (numerically) a linear combination of them.
 */

/** R's default tolerance in `lm()`/`qr()`. */
export const RANK_TOLERANCE = 1e-7;

export interface QrFit {
  /** coefficients, one per column of X */
  coef: Float64Array;
  /** inverse of the p × p upper-triangular factor R, row-major; (X'X)⁻¹ = R⁻¹R⁻ᵀ */
  rInv: Float64Array;
}

export interface RankDeficiency {
  /** index of the first column that is (almost) a combination of earlier columns */
  column: number;
  /** that column's coefficients on the earlier columns (length = column) */
  combination: Float64Array;
  /** Euclidean norm of each earlier column and of the offending one, to judge weights */
  norms: Float64Array;
}

/**
 * Least squares y ≈ Xb by Householder QR.
 *
 * @param cols the columns of X (n each); not modified
 * @param y the response (n); not modified
 * @returns the fit, or a description of the first rank-deficient column
 * @throws {RangeError} if the lengths disagree or n < number of columns
 * @example qrLeastSquares([ones, x], y) // → {coef: [a, b], rInv}
 */
export function qrLeastSquares(
  cols: readonly Float64Array[],
  y: Float64Array,
  tol = RANK_TOLERANCE
): QrFit | RankDeficiency {
  const p = cols.length;
  const n = y.length;
  if (n < p) throw new RangeError(`qrLeastSquares: ${n} observationer er færre end ${p} søjler`);
  const a = cols.map((c) => {
    if (c.length !== n) throw new RangeError("qrLeastSquares: søjlerne har forskellig længde");
    return Float64Array.from(c);
  });
  const qty = Float64Array.from(y);
  const norms = new Float64Array(p);
  for (let j = 0; j < p; j++) norms[j] = norm(a[j], 0);
  const rdiag = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const cj = a[j];
    const s = norm(cj, j);
    if (!(s > tol * norms[j]) || norms[j] === 0) return deficiency(a, rdiag, j, norms);
    // Householder vector v = x - alpha·e1 stored in cj[j..n-1], with alpha = -sign(x0)·‖x‖
    const alpha = cj[j] > 0 ? -s : s;
    cj[j] -= alpha;
    const vtv = -2 * alpha * cj[j]; // ‖v‖² = 2‖x‖² - 2·alpha·x0 = -2·alpha·v0
    rdiag[j] = alpha;
    for (let k = j + 1; k < p; k++) reflect(cj, a[k], j, n, vtv);
    reflect(cj, qty, j, n, vtv);
  }
  // R: rdiag on the diagonal, a[k][i] above it (i < k)
  const coef = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = qty[i];
    for (let k = i + 1; k < p; k++) s -= a[k][i] * coef[k];
    coef[i] = s / rdiag[i];
  }
  const rInv = new Float64Array(p * p);
  for (let j = p - 1; j >= 0; j--) {
    rInv[j * p + j] = 1 / rdiag[j];
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += a[k][i] * rInv[k * p + j];
      rInv[i * p + j] = -s / rdiag[i];
    }
  }
  return { coef, rInv };
}

export function isDeficient(r: QrFit | RankDeficiency): r is RankDeficiency {
  return (r as RankDeficiency).column !== undefined;
}

function norm(c: Float64Array, from: number): number {
  // scaled to avoid overflow/underflow
  let scale = 0;
  let ssq = 1;
  for (let i = from; i < c.length; i++) {
    const v = c[i];
    if (v !== 0) {
      const av = Math.abs(v);
      if (scale < av) {
        ssq = 1 + ssq * (scale / av) * (scale / av);
        scale = av;
      } else ssq += (av / scale) * (av / scale);
    }
  }
  return scale * Math.sqrt(ssq);
}

function reflect(v: Float64Array, x: Float64Array, j: number, n: number, vtv: number): void {
  let s = 0;
  for (let i = j; i < n; i++) s += v[i] * x[i];
  const f = (2 * s) / vtv;
  for (let i = j; i < n; i++) x[i] -= f * v[i];
}

function deficiency(a: Float64Array[], rdiag: Float64Array, column: number, norms: Float64Array): RankDeficiency {
  // the transformed column's first `column` entries are Q'x; solve R c = Q'x
  const c = new Float64Array(column);
  const x = a[column];
  for (let i = column - 1; i >= 0; i--) {
    let s = x[i];
    for (let k = i + 1; k < column; k++) s -= a[k][i] * c[k];
    c[i] = s / rdiag[i];
  }
  return { column, combination: c, norms: norms.slice(0, column + 1) };
}

/** (X'X)⁻¹ = R⁻¹R⁻ᵀ from the inverse triangular factor (row-major p × p). */
export function crossprodInverse(rInv: Float64Array, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let k = j; k < p; k++) s += rInv[i * p + k] * rInv[j * p + k];
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  return out;
}

/**
 * Cholesky factor L (row-major, lower triangular) of a symmetric positive-definite
 * matrix S = LLᵀ.
 * @returns L, or null if S is not (numerically) positive definite
 */
export function cholesky(s: Float64Array, p: number): Float64Array | null {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let sum = s[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (!(sum > 1e-12 * Math.abs(s[i * p + i]))) return null;
        l[i * p + i] = Math.sqrt(sum);
      } else l[i * p + j] = sum / l[j * p + j];
    }
  return l;
}
