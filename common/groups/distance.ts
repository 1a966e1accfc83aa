/**
 * Distances between municipalities on the kept (standardised) variables. Every method
 * is a Euclidean distance on transformed coordinates uᵢ, which keeps the code short
 * and the matrices exactly symmetric:
 *
 * | method        | d(i, j)                          | coordinates uᵢₖ          |
 * |---------------|----------------------------------|--------------------------|
 * | `beta`        | √Σₖ βₖ²(zᵢₖ − zⱼₖ)²              | βₖ·zᵢₖ                   |
 * | `euclid`      | √Σₖ (zᵢₖ − zⱼₖ)²                 | zᵢₖ                      |
 * | `mahalanobis` | √((zᵢ − zⱼ)ᵀ S⁻¹ (zᵢ − zⱼ))       | L⁻¹zᵢ, S = LLᵀ            |
 * | `need`        | \|ŷᵢ − ŷⱼ\|                        | ŷᵢ = β₀ + Σₖ βₖzᵢₖ        |
 * | `weights`     | √Σₖ wₖ(zᵢₖ − zⱼₖ)²               | √wₖ·zᵢₖ                  |
 *
 * S is the sample covariance matrix of the kept z over the model's municipalities (the
 * correlation matrix of the variables). `beta` (the default, as in the FLIS/KL method)
 * weighs each variable by how much it moves the predicted outcome, so a distance
 * reads in the outcome's unit of predicted spending (kroner per pupil, per 0-17-year-old, per 18+ …); `need` compares only
 * the predicted level, so two municipalities with opposite structures can be close.
 *
 * References: Mahalanobis (1936), *On the generalised distance in statistics*;
 * KL/FLIS, *Sammenligningsgrupper – metodenotat* (regression-weighted distance).
 */
import { cholesky } from "./linalg.js";

export type DistanceMethod = "beta" | "euclid" | "mahalanobis" | "need" | "weights";

export const METHODS: { id: DistanceMethod; navn: string; beskrivelse: string }[] = [
  {
    id: "beta",
    navn: "β-vægtet (standard)",
    beskrivelse:
      "Forskellen på hver variabel vægtes med dens regressionskoefficient; afstanden måles i udfaldets enhed (fx kr. pr. 6-16-årig) i forventede udgifter."
  },
  { id: "euclid", navn: "Euklidisk", beskrivelse: "Alle valgte variable vægtes ens (i standardafvigelser)." },
  {
    id: "mahalanobis",
    navn: "Mahalanobis",
    beskrivelse: "Som euklidisk, men tager højde for, at variablene hænger sammen (korrelation)."
  },
  {
    id: "need",
    navn: "Forventet udgift",
    beskrivelse:
      "Kun forskellen i forventet (strukturelt forklaret) udgift; kommuner med forskellig struktur kan ligne hinanden."
  },
  { id: "weights", navn: "Egne vægte", beskrivelse: "Du sætter selv en vægt på hver variabel (som i Kolada)." }
];

/**
 * Coordinates for the Euclidean distance of `method`.
 *
 * @param z the kept standardised variables (each length n)
 * @param betas the model's coefficients, intercept first (used by beta and need)
 * @param weights one weight ≥ 0 per kept variable (used by weights)
 * @param rows the rows the covariance is estimated on (mahalanobis); null = all
 * @returns the coordinate columns, or null if S is singular (mahalanobis only)
 */
export function coordinates(
  method: DistanceMethod,
  z: readonly Float64Array[],
  betas: ArrayLike<number>,
  weights: readonly number[],
  rows: Int32Array | null
): Float64Array[] | null {
  const k = z.length;
  const n = k ? z[0].length : 0;
  switch (method) {
    case "beta":
      return z.map((col, j) => col.map((v) => v * betas[j + 1]));
    case "euclid":
      return z.map((col) => col.slice());
    case "weights":
      return z.map((col, j) => {
        const w = Math.sqrt(weights[j]);
        return col.map((v) => v * w);
      });
    case "need": {
      const yhat = new Float64Array(n).fill(betas[0]);
      for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) yhat[i] += betas[j + 1] * z[j][i];
      return [yhat];
    }
    case "mahalanobis": {
      const s = covariance(z, rows);
      const l = cholesky(s, k);
      if (!l) return null;
      // solve L u = z_i for each municipality (forward substitution)
      const u = z.map(() => new Float64Array(n));
      for (let i = 0; i < n; i++)
        for (let a = 0; a < k; a++) {
          let v = z[a][i];
          for (let b = 0; b < a; b++) v -= l[a * k + b] * u[b][i];
          u[a][i] = v / l[a * k + a];
        }
      return u;
    }
    default:
      throw new Error(`ukendt afstandsmål: ${method as string}`);
  }
}

/** Sample covariance matrix (k × k, row-major) of the columns over `rows` (null = all). */
export function covariance(z: readonly Float64Array[], rows: Int32Array | null): Float64Array {
  const k = z.length;
  const m = rows ? rows.length : z[0].length;
  const means = z.map((col) => {
    let s = 0;
    for (let r = 0; r < m; r++) s += col[rows ? rows[r] : r];
    return s / m;
  });
  const s = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let acc = 0;
      for (let r = 0; r < m; r++) {
        const i = rows ? rows[r] : r;
        acc += (z[a][i] - means[a]) * (z[b][i] - means[b]);
      }
      s[a * k + b] = s[b * k + a] = acc / (m - 1);
    }
  return s;
}

/**
 * Full n × n Euclidean distance matrix of the coordinates (row-major). Exactly
 * symmetric with a zero diagonal: each pair is computed once.
 */
export function distanceMatrix(
  coords: readonly Float64Array[],
  n: number,
  out: Float64Array = new Float64Array(n * n)
): Float64Array {
  for (let i = 0; i < n; i++) {
    out[i * n + i] = 0;
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (const c of coords) {
        const d = c[i] - c[j];
        s += d * d;
      }
      out[i * n + j] = out[j * n + i] = Math.sqrt(s);
    }
  }
  return out;
}

/**
 * Relative tolerance under which two distances count as equal: |a − b| ≤ DISTANCE_TOLERANCE · scale, where scale
 * is the largest distance in the row being ranked. Distances that are equal in exact arithmetic (e.g. two
 * municipalities with the same value on a single kept variable) differ by floating-point noise of ~1e-16 relative;
 * without a tolerance that noise, not the kommunekode, would decide the order.
 */
export const DISTANCE_TOLERANCE = 1e-9;

/** Largest distance in row i (the scale of the tolerance). */
function rowScale(distance: Float64Array, n: number, i: number): number {
  let m = 0;
  for (let j = 0; j < n; j++) if (distance[i * n + j] > m) m = distance[i * n + j];
  return m;
}

/**
 * Compare two distances with the relative tolerance: 0 when |a − b| ≤ DISTANCE_TOLERANCE · scale, else a − b.
 * @example compareDistance(0.1 + 0.2, 0.3, 1) // 0 (a tie, broken by kommunekode)
 */
export function compareDistance(a: number, b: number, scale: number): number {
  const d = a - b;
  return Math.abs(d) <= DISTANCE_TOLERANCE * scale ? 0 : d;
}

/**
 * Rank matrix: for each row i, the other municipalities ranked 1..n−1 by distance
 * (nearest first); distances equal within DISTANCE_TOLERANCE (relative to the row's largest distance) are ties,
 * broken by index (= kommunekode, since rows are sorted by it); 0 on the diagonal.
 */
export function rankMatrix(distance: Float64Array, n: number): Int32Array {
  const rank = new Int32Array(n * n);
  const others = new Int32Array(n - 1);
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = 0; j < n; j++) if (j !== i) others[m++] = j;
    const row = i * n;
    const scale = rowScale(distance, n, i);
    others.sort((a, b) => compareDistance(distance[row + a], distance[row + b], scale) || a - b);
    for (let r = 0; r < n - 1; r++) rank[row + others[r]] = r + 1;
  }
  return rank;
}

/**
 * Add 1 to counts[i·n + j] for each j among i's `top` nearest (ties within DISTANCE_TOLERANCE by index, as rankMatrix),
 * without building the full ranking: a bounded insertion list per row.
 */
export function countTopN(
  coords: readonly Float64Array[],
  n: number,
  top: number,
  counts: Float64Array | Uint32Array,
  scratch: Float64Array = new Float64Array(n * n)
): void {
  const d = distanceMatrix(coords, n, scratch);
  const bestD = new Float64Array(top);
  const bestJ = new Int32Array(top);
  for (let i = 0; i < n; i++) {
    let size = 0;
    const row = i * n;
    const scale = rowScale(d, n, i);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dj = d[row + j];
      // j > every index already held, so on equal distance j goes after them
      if (size === top && compareDistance(dj, bestD[size - 1], scale) >= 0) continue;
      let pos = size < top ? size++ : top - 1;
      while (pos > 0 && compareDistance(bestD[pos - 1], dj, scale) > 0) {
        bestD[pos] = bestD[pos - 1];
        bestJ[pos] = bestJ[pos - 1];
        pos--;
      }
      bestD[pos] = dj;
      bestJ[pos] = j;
    }
    for (let r = 0; r < size; r++) counts[row + bestJ[r]]++;
  }
}
