/**
 * Tail probabilities of Student's t and Fisher's F distributions, for the p-values of
 * the regression table. Both reduce to the regularized incomplete beta function
 * I_x(a, b), evaluated with the continued fraction of Numerical Recipes (Press et al.,
 * *Numerical Recipes*, 3rd ed., 2007, §6.4) and the Lanczos log-gamma (§6.1).
 * Relative accuracy is about 1e-13, checked against R's `pt()` and `pf()` in the tests.
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];

/**
 * Natural logarithm of the gamma function, Lanczos approximation (g = 7, n = 9).
 * @throws {RangeError} if x ≤ 0
 * @example logGamma(5); // Math.log(24)
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma: x skal være > 0, fik ${x}`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0];
  for (let i = 1; i < 9; i++) s += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const TINY = 1e-300;
  const EPS = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) return h;
  }
  return h; // converged to working precision long before for the a, b we use
}

/**
 * Regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b).
 * @throws {RangeError} if a or b ≤ 0 or x outside [0, 1]
 * @example regularizedBeta(0.5, 2, 2); // 0.5
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0 && b > 0)) throw new RangeError(`regularizedBeta: a og b skal være > 0 (a=${a}, b=${b})`);
  if (!(x >= 0 && x <= 1)) throw new RangeError(`regularizedBeta: x skal ligge i [0, 1], fik ${x}`);
  if (x === 0 || x === 1) return x;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // use the continued fraction where it converges fast, the symmetry relation elsewhere
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(lnFront) * betaContinuedFraction(x, a, b)) / a;
  return 1 - (Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * Two-sided p-value of Student's t: P(|T| ≥ |t|) with `df` degrees of freedom,
 * = I_{df/(df+t²)}(df/2, 1/2). Same as R's `2 * pt(-abs(t), df)`.
 * @throws {RangeError} if df ≤ 0
 * @example tTwoSidedP(2.0, 10); // 0.07338803…
 */
export function tTwoSidedP(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`tTwoSidedP: frihedsgrader skal være > 0, fik ${df}`);
  if (Number.isNaN(t)) return NaN;
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * Upper tail of Fisher's F: P(F ≥ f) with (d1, d2) degrees of freedom,
 * = I_{d2/(d2+d1·f)}(d2/2, d1/2). Same as R's `pf(f, d1, d2, lower.tail = FALSE)`.
 * @throws {RangeError} if d1 or d2 ≤ 0
 * @example fUpperP(3, 2, 20); // 0.07253735…
 */
export function fUpperP(f: number, d1: number, d2: number): number {
  if (!(d1 > 0 && d2 > 0)) throw new RangeError(`fUpperP: frihedsgrader skal være > 0 (d1=${d1}, d2=${d2})`);
  if (Number.isNaN(f)) return NaN;
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return 0;
  return regularizedBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}
