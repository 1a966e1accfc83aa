/**
 * Invariants of the comparison-group engine on the real data and on small synthetic
 * inputs: symmetric distances with a zero diagonal, every row ranking the n − 1 others
 * exactly once, neighbours unchanged by reordering the input rows, mutual flags,
 * residuals, clear errors naming the variables, and a reproducible bootstrap.
 */
import { describe, expect, test } from "vitest";
import {
  bootstrapGroups,
  computeGroups,
  GroupsError,
  type GroupsInput,
  type GroupsResult,
  groupOverlap,
  groupsInput
} from "../../common/groups/index.js";
import { mulberry32 } from "../../common/groups/rng.js";
import { AREA_DEFINITIONS } from "../../loaders/areas.js";
import { buildKommuner } from "../../loaders/datasets.js";
import { figureIndex } from "../../loaders/groups.js";

const koder = buildKommuner().map((k) => k.kommunekode);
const folkeskole = AREA_DEFINITIONS.find((a) => a.id === "folkeskole")!;
const candidates2018 = folkeskole.variabler.filter((v) => figureIndex().has(v.id, 2018));
const input: GroupsInput = groupsInput(figureIndex(), koder, folkeskole.udfald, candidates2018, 2018);

function errorOf(f: () => unknown): GroupsError {
  try {
    f();
  } catch (e) {
    if (e instanceof GroupsError) return e;
    throw e;
  }
  throw new Error("ingen fejl");
}

function shuffled<T>(xs: readonly T[], seed: number): number[] {
  const r = mulberry32(seed);
  const idx = xs.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx;
}

function permute(inp: GroupsInput, order: number[]): GroupsInput {
  const p = <T>(xs: readonly T[]) => order.map((i) => xs[i]);
  return {
    kommunekoder: p(inp.kommunekoder),
    outcome: { ...inp.outcome, values: p(inp.outcome.values) },
    candidates: inp.candidates.map((c) => ({ ...c, values: p(c.values) }))
  };
}

function checkMatrices(r: GroupsResult) {
  const n = r.n;
  for (let i = 0; i < n; i++) {
    expect(r.distance[i * n + i]).toBe(0);
    expect(r.rank[i * n + i]).toBe(0);
    const ranks = new Set<number>();
    for (let j = 0; j < n; j++) {
      expect(r.distance[i * n + j]).toBe(r.distance[j * n + i]);
      if (j !== i) {
        expect(r.distance[i * n + j]).toBeGreaterThanOrEqual(0);
        ranks.add(r.rank[i * n + j]);
      }
    }
    // each row ranks the n − 1 others 1..n−1, each rank once
    expect([...ranks].sort((a, b) => a - b)).toEqual(Array.from({ length: n - 1 }, (_, k) => k + 1));
  }
}

describe("invariants on the real data", () => {
  for (const method of ["beta", "euclid", "mahalanobis", "need", "weights"] as const) {
    test(`${method}: symmetric, zero diagonal, each row ranks 97 others, sorted neighbour lists`, () => {
      const r = computeGroups(input, { method, weights: { "sociooekonomisk-indeks": 2 } });
      expect(r.n).toBe(98);
      checkMatrices(r);
      r.neighbours.forEach((row, i) => {
        expect(row).toHaveLength(10);
        expect(row.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        for (let k = 1; k < row.length; k++) expect(row[k].distance).toBeGreaterThanOrEqual(row[k - 1].distance);
        expect(row.some((x) => x.kommunekode === r.kommunekoder[i])).toBe(false);
        // mutual ⇔ i is in the neighbour's own top 10
        for (const nb of row) {
          const j = r.kommunekoder.indexOf(nb.kommunekode);
          expect(nb.mutual).toBe(r.neighbours[j].some((x) => x.kommunekode === r.kommunekoder[i]));
        }
      });
    });
  }

  test("neighbours and numbers are identical under any reordering of the input rows", () => {
    const base = computeGroups(input, { alpha: 0.1 });
    for (const seed of [1, 2, 3]) {
      const r = computeGroups(permute(input, shuffled(koder, seed)), { alpha: 0.1 });
      expect(r.kommunekoder).toEqual(base.kommunekoder);
      expect(r.neighbours).toEqual(base.neighbours);
      expect(r.kept).toEqual(base.kept);
      // floating-point sums in another order may differ in the last bits only
      r.model.terms.forEach((t, i) => expect(t.beta).toBeCloseTo(base.model.terms[i].beta, 8));
    }
  });

  test("residual = actual − predicted; residuals sum to about 0; α = 1 keeps every variable", () => {
    const r = computeGroups(input, { alpha: 1 });
    expect(r.kept).toEqual(candidates2018.map((v) => v.id));
    expect(r.steps).toHaveLength(1);
    let sum = 0;
    for (let i = 0; i < r.n; i++) {
      expect(r.residual[i]).toBeCloseTo(r.actual[i] - r.predicted[i], 6);
      sum += r.residual[i];
    }
    expect(Math.abs(sum)).toBeLessThan(1e-6 * r.n * 50000);
  });

  test("weights: all 1 equals Euclidean; weight 0 removes a variable from the distance", () => {
    const e = computeGroups(input, { method: "euclid" });
    const w = computeGroups(input, { method: "weights" });
    expect(w.neighbours).toEqual(e.neighbours);
    const zero = computeGroups(input, { method: "weights", weights: { [e.kept[0]]: 0 } });
    expect(zero.neighbours).not.toEqual(e.neighbours);
  });

  test("top N is respected and capped at n − 1", () => {
    expect(computeGroups(input, { top: 5 }).neighbours[0]).toHaveLength(5);
    expect(computeGroups(input, { top: 500 }).neighbours[0]).toHaveLength(97);
  });

  test("the overlap of a result with itself is complete; across years it is between 0 and 1", () => {
    const a = computeGroups(input);
    expect(groupOverlap(a, a).every((o) => o.share === 1 && o.entered.length === 0)).toBe(true);
    const c2017 = folkeskole.variabler.filter((v) => figureIndex().has(v.id, 2017));
    const b = computeGroups(groupsInput(figureIndex(), koder, folkeskole.udfald, c2017, 2017));
    const o = groupOverlap(b, a);
    expect(o).toHaveLength(98);
    for (const x of o) {
      expect(x.common.length + x.left.length).toBe(10);
      expect(x.common.length + x.entered.length).toBe(10);
    }
  });
});

describe("missing values and errors", () => {
  test("municipalities with a missing value are left out and listed with what they miss", () => {
    const inp = structuredClone(input) as GroupsInput;
    const i101 = inp.kommunekoder.indexOf("101");
    const i851 = inp.kommunekoder.indexOf("851");
    (inp.candidates[0].values as (number | null)[])[i101] = null;
    (inp.outcome.values as (number | null)[])[i851] = null;
    const r = computeGroups(inp);
    expect(r.n).toBe(96);
    expect(r.excluded).toEqual([
      { kommunekode: "101", missing: [inp.candidates[0].id] },
      { kommunekode: "851", missing: [inp.outcome.id] }
    ]);
    expect(r.kommunekoder).not.toContain("101");
    checkMatrices(r);
    expect(r.neighbours.flat().some((x) => x.kommunekode === "101" || x.kommunekode === "851")).toBe(false);
  });

  test("a constant variable is named", () => {
    const inp = { ...input, candidates: [...input.candidates, { id: "konstant", values: koder.map(() => 7) }] };
    const e = errorOf(() => computeGroups(inp));
    expect(e.code).toBe("constant");
    expect(e.variables).toEqual(["konstant"]);
    expect(e.message).toContain("konstant");
  });

  test("an exactly collinear variable is named with the variables it depends on", () => {
    const a = input.candidates[0];
    const b = input.candidates[3];
    const combo = koder.map((_, i) => 2 * (a.values[i] as number) - 0.5 * (b.values[i] as number) + 3);
    const inp = { ...input, candidates: [...input.candidates, { id: "kombination", values: combo }] };
    const e = errorOf(() => computeGroups(inp));
    expect(e.code).toBe("collinear");
    expect(e.variables[0]).toBe("kombination");
    expect(e.variables).toContain(a.id);
    expect(e.variables).toContain(b.id);
    expect(e.message).toMatch(/lineær kombination/);
  });

  test("too few complete cases", () => {
    const few = koder.slice(0, 8);
    const sub: GroupsInput = {
      kommunekoder: few,
      outcome: { ...input.outcome, values: input.outcome.values.slice(0, 8) },
      candidates: input.candidates.map((c) => ({ ...c, values: c.values.slice(0, 8) }))
    };
    const e = errorOf(() => computeGroups(sub));
    expect(e.code).toBe("too-few");
    expect(e.message).toMatch(/For få kommuner/);
  });

  test("log of a value ≤ 0 names the variable and the municipalities", () => {
    const inp = structuredClone(input) as GroupsInput;
    (inp.candidates[1].values as (number | null)[])[inp.kommunekoder.indexOf("147")] = 0;
    const withLog = { ...inp, candidates: inp.candidates.map((c, i) => (i === 1 ? { ...c, log: true } : c)) };
    const e = errorOf(() => computeGroups(withLog));
    expect(e.code).toBe("log");
    expect(e.variables).toEqual([inp.candidates[1].id]);
    expect(e.kommuner).toEqual(["147"]);
  });

  test("nothing significant: a clear message instead of meaningless groups", () => {
    const r = mulberry32(7);
    const noise = { ...input, outcome: { id: "stoej", values: koder.map(() => r()) } };
    const e = errorOf(() => computeGroups(noise, { alpha: 0.0001 }));
    expect(e.code).toBe("none-kept");
  });

  test("bad options and unknown ids", () => {
    expect(errorOf(() => computeGroups(input, { alpha: 0 })).code).toBe("input");
    expect(
      errorOf(() => computeGroups(input, { method: "weights", weights: { [candidates2018[0].id]: -1 } })).code
    ).toBe("input");
    expect(errorOf(() => groupsInput(figureIndex(), koder, "findes-ikke", candidates2018, 2018)).message).toMatch(
      /Ukendt nøgletal/
    );
    expect(
      errorOf(() =>
        groupsInput(figureIndex(), koder, folkeskole.udfald, [{ id: "fuldtidsledige-pr-100-17-64-66-aarige" }], 2018)
      ).message
    ).toMatch(/ingen værdier i 2018/);
  });
});

describe("bootstrap", () => {
  test("seeded, reproducible, probabilities in [0, 1] and each row sums to N", () => {
    const a = bootstrapGroups(input, {}, { resamples: 100, seed: 42 });
    const b = bootstrapGroups(permute(input, shuffled(koder, 9)), {}, { resamples: 100, seed: 42 });
    expect(a.used + a.failed).toBe(100);
    expect(a.used).toBeGreaterThan(90);
    expect(Array.from(b.probability)).toEqual(Array.from(a.probability));
    const n = a.kommunekoder.length;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const p = a.probability[i * n + j];
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(1);
        s += p;
      }
      expect(a.probability[i * n + i]).toBe(0);
      expect(s).toBeCloseTo(10, 9);
    }
    const c = bootstrapGroups(input, {}, { resamples: 100, seed: 43 });
    expect(Array.from(c.probability)).not.toEqual(Array.from(a.probability));
  });

  test("the group's own members are the most likely: mean probability of the top 10 > 0.5", () => {
    const r = computeGroups(input);
    const b = bootstrapGroups(input, {}, { resamples: 200, seed: 1 });
    const n = r.n;
    let s = 0;
    r.neighbours.forEach((row, i) =>
      row.forEach((nb) => (s += b.probability[i * n + r.kommunekoder.indexOf(nb.kommunekode)]))
    );
    expect(s / (n * 10)).toBeGreaterThan(0.5);
  });

  test("with reselect, the share of resamples keeping each candidate is reported", () => {
    let calls = 0;
    const b = bootstrapGroups(input, {}, { resamples: 40, seed: 3, reselect: true, onProgress: () => calls++ });
    expect(calls).toBeGreaterThan(0);
    expect(Object.keys(b.keptShare)).toEqual(candidates2018.map((v) => v.id));
    // a share is a count of resamples out of 40: a multiple of 1/40 in [0, 1]
    for (const v of Object.values(b.keptShare)) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      expect(Math.abs(v * 40 - Math.round(v * 40))).toBeLessThan(1e-9);
    }
    // by hand: at α = 1 no p-value exceeds α, so backward elimination removes nothing: every share is exactly 1
    const all = bootstrapGroups(input, { alpha: 1 }, { resamples: 20, seed: 3, reselect: true });
    expect(Object.values(all.keptShare)).toEqual(candidates2018.map(() => 1));
  });
});
