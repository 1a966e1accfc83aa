import { expect, test } from "vitest";
import { PERSON_COUNT, suppressSmallCounts, type Cell } from "../../loaders/privacy.js";

const cells = (values: (number | null)[], id = "antal") =>
  values.map((vaerdi, i): Cell => ({ id, kommunekode: String(101 + i), aar: 2018, vaerdi, status: vaerdi === null ? "mangler" : "ok" }));

test("counts of persons from 1 to 4 are hidden as <5; 0 and 5+ stay", () => {
  const c = cells([0, 1, 4, 5, 12, null]);
  const r = suppressSmallCounts(c, new Set(["antal"]), new Set());
  expect(c.map((x) => [x.vaerdi, x.status])).toEqual([[0, "ok"], [null, "undertrykt"], [null, "undertrykt"], [5, "ok"], [12, "ok"], [null, "mangler"]]);
  expect(r).toEqual({ primary: 2, secondary: 0 });
});

test("with a published total, a single hidden cell gets a second one (the next smallest)", () => {
  const c = cells([3, 20, 7, 9]);
  const r = suppressSmallCounts(c, new Set(["antal"]), new Set(["antal"]));
  expect(c.map((x) => x.vaerdi)).toEqual([null, 20, null, 9]);
  expect(c.filter((x) => x.status === "undertrykt")).toHaveLength(2);
  expect(r).toEqual({ primary: 1, secondary: 1 });
});

test("figures that do not count persons are left alone", () => {
  const c = cells([1, 2, 3], "andel");
  expect(suppressSmallCounts(c, new Set(["antal"]), new Set())).toEqual({ primary: 0, secondary: 0 });
  expect(c.map((x) => x.vaerdi)).toEqual([1, 2, 3]);
});

test("which titles count persons", () => {
  expect(PERSON_COUNT.test("Antal købte pladser i dagtilbud over kom.grænser")).toBe(true);
  expect(PERSON_COUNT.test("Antal solgte pladser i dagtilbud over kom.grænser")).toBe(true);
  expect(PERSON_COUNT.test("Antal folkeskoler")).toBe(false);
  expect(PERSON_COUNT.test("Andel 0-2-årige")).toBe(false);
});
