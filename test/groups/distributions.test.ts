/**
 * t and F tail probabilities against R 4.2.2:
 *   print(c(2*pt(-2, 10), 2*pt(-0.5, 3), 2*pt(-8.5, 93), 2*pt(-1.96, 1000),
 *           pf(3, 2, 20, lower.tail=FALSE), pf(45.2, 10, 87, lower.tail=FALSE)), digits = 15)
 *   7.33880347707404e-02 6.51447964848151e-01 3.02942596536084e-13
 *   5.02731849557487e-02 7.25381502864056e-02 3.28871129258298e-30
 * Tolerance 1e-10 relative.
 */
import { describe, expect, test } from "vitest";
import { fUpperP, logGamma, regularizedBeta, tTwoSidedP } from "../../common/groups/distributions.js";

const close = (a: number, b: number, rel = 1e-10) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.abs(b));

describe("distributions", () => {
  test("two-sided t p-values match R's pt()", () => {
    close(tTwoSidedP(2, 10), 7.33880347707404e-2);
    close(tTwoSidedP(-0.5, 3), 6.51447964848151e-1);
    close(tTwoSidedP(8.5, 93), 3.02942596536084e-13);
    close(tTwoSidedP(1.96, 1000), 5.02731849557487e-2);
  });
  test("upper F p-values match R's pf()", () => {
    close(fUpperP(3, 2, 20), 7.25381502864056e-2);
    close(fUpperP(45.2, 10, 87), 3.28871129258298e-30);
  });
  test("edge cases and invariants", () => {
    expect(tTwoSidedP(0, 5)).toBe(1);
    expect(tTwoSidedP(Infinity, 5)).toBe(0);
    expect(fUpperP(0, 2, 3)).toBe(1);
    close(logGamma(5), Math.log(24), 1e-13);
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-13);
    close(regularizedBeta(0.5, 2, 2), 0.5, 1e-13);
    // symmetry I_x(a,b) = 1 − I_{1−x}(b,a)
    close(regularizedBeta(0.3, 2.5, 7), 1 - regularizedBeta(0.7, 7, 2.5), 1e-12);
    expect(() => tTwoSidedP(1, 0)).toThrow(RangeError);
    expect(() => regularizedBeta(1.5, 1, 1)).toThrow(RangeError);
  });
});
