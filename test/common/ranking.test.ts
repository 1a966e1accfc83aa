import { describe, expect, test } from "vitest";
import { meanOf, numericValues, rankDescending } from "../../common/ranking.js";
import type { KeyFigureRow } from "../../common/vocabulary.js";

describe("rankDescending", () => {
  test("1 = highest; ties share the best rank, the next rank is skipped (SQL rank())", () => {
    const r = rankDescending(
      new Map([
        ["a", 3],
        ["b", 5],
        ["c", 3],
        ["d", 1],
        ["e", -2]
      ])
    );
    expect(Object.fromEntries(r)).toEqual({ b: 1, a: 2, c: 2, d: 4, e: 5 });
  });

  test("a zero is ranked like any value; an empty map gives no ranks", () => {
    expect(
      Object.fromEntries(
        rankDescending(
          new Map([
            ["a", 0],
            ["b", -1]
          ])
        )
      )
    ).toEqual({ a: 1, b: 2 });
    expect(rankDescending(new Map()).size).toBe(0);
  });

  test("does not mutate its input", () => {
    const m = new Map([
      ["x", 2],
      ["y", 9]
    ]);
    Object.freeze(m);
    rankDescending(m);
    expect([...m]).toEqual([
      ["x", 2],
      ["y", 9]
    ]);
  });
});

describe("meanOf", () => {
  test("unweighted mean over the codes with a value; counts them", () => {
    expect(
      meanOf(
        new Map([
          ["a", 1],
          ["b", 3],
          ["c", 100]
        ]),
        ["a", "b", "z"]
      )
    ).toEqual({ gns: 2, n: 2 });
  });
  test("no value → null, never 0", () => {
    expect(meanOf(new Map([["a", 1]]), ["z"])).toEqual({ gns: null, n: 0 });
  });
});

describe("numericValues", () => {
  test("keeps ok and nul; drops missing and yes/no cells", () => {
    const rows: KeyFigureRow[] = [
      { id: "f", aar: 2019, kommunekode: "101", vaerdi: 5, status: "ok" },
      { id: "f", aar: 2019, kommunekode: "147", vaerdi: 0, status: "nul" },
      { id: "f", aar: 2019, kommunekode: "151", vaerdi: null, status: "mangler" },
      { id: "f", aar: 2019, kommunekode: "153", vaerdi: 1, status: "ja" },
      { id: "f", aar: 2018, kommunekode: "101", vaerdi: 7, status: "ok" }
    ];
    expect(Object.fromEntries(numericValues(rows, "f", 2019))).toEqual({ "101": 5, "147": 0 });
  });
});
