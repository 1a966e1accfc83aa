/**
 * A small seeded pseudo-random generator, so that every bootstrap is reproducible:
 * the same seed gives the same resamples in Node, in the browser and in a worker.
 *
 * Algorithm: mulberry32 (Tommy Ettinger, 2017), a 32-bit generator with period 2^32;
 * ample for 1,000 resamples of 98 draws. Not for cryptography.
 */

/**
 * @param seed any integer; it is reduced to 32 bits
 * @returns a function giving uniform numbers in [0, 1)
 * @example const r = mulberry32(42); r(); // 0.6011…
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Draw `n` indices in 0..n-1 with replacement (one bootstrap resample).
 * @param out optional array to fill (avoids allocation in a loop)
 */
export function resampleIndices(n: number, random: () => number, out: Int32Array = new Int32Array(n)): Int32Array {
  for (let i = 0; i < n; i++) out[i] = Math.floor(random() * n);
  return out;
}
