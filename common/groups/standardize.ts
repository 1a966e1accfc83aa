/**
 * Standardisation of a structural variable over the municipalities in the model:
 * z = (x − x̄) / s, with s the *sample* standard deviation (divisor n − 1), as R's
 * `scale()` does. A β on z then reads as "kroner per inhabitant for one standard
 * deviation more of the variable", which makes the βs comparable across variables.
 */
import { GroupsError } from "./errors.js";

export interface Scaling {
  mean: number;
  sd: number;
}

/**
 * Mean and sample standard deviation of `x` over the rows in `rows` (all rows if null;
 * a row may appear several times, as in a bootstrap resample).
 * @returns sd = 0 when all values are equal; NaN sd with fewer than 2 rows
 * @example scalingOf(Float64Array.of(1, 2, 3), null) // {mean: 2, sd: 1}
 */
export function scalingOf(x: Float64Array, rows: Int32Array | null): Scaling {
  const m = rows ? rows.length : x.length;
  let mean = 0;
  for (let r = 0; r < m; r++) mean += x[rows ? rows[r] : r];
  mean /= m;
  let ss = 0;
  for (let r = 0; r < m; r++) {
    const d = x[rows ? rows[r] : r] - mean;
    ss += d * d;
  }
  return { mean, sd: Math.sqrt(ss / (m - 1)) };
}

/**
 * z = (x − mean)/sd for every element of x.
 * @throws {GroupsError} "constant" if sd is 0 or not finite, naming the variable
 */
export function standardize(
  x: Float64Array,
  scaling: Scaling,
  id: string,
  out: Float64Array = new Float64Array(x.length)
): Float64Array {
  if (!(scaling.sd > 0) || !Number.isFinite(scaling.sd))
    throw new GroupsError(
      "constant",
      `Variablen ${id} har samme værdi i alle kommuner i modellen og kan ikke bruges.`,
      [id]
    );
  for (let i = 0; i < x.length; i++) out[i] = (x[i] - scaling.mean) / scaling.sd;
  return out;
}
