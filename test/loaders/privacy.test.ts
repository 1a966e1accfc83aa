import { expect, test } from "vitest";
import { buildNoegletal } from "../../loaders/datasets.js";
import { buildKommuneModel } from "../../loaders/kommune.js";
import {
  type Cell,
  meanWithoutSuppressed,
  NOT_PERSON_COUNTS,
  PERSON_COUNTS,
  privacyOf,
  suppressSmallCounts
} from "../../loaders/privacy.js";

const cells = (values: (number | null)[], id = "antal") =>
  values.map(
    (vaerdi, i): Cell => ({
      id,
      kommunekode: String(101 + i),
      aar: 2018,
      vaerdi,
      status: vaerdi === null ? "mangler" : "ok"
    })
  );

test("counts of persons from 1 to 4 are hidden as <5; 0 and 5+ stay", () => {
  const c = cells([0, 1, 4, 5, 12, null]);
  const r = suppressSmallCounts(c, new Set(["antal"]), new Set());
  expect(c.map((x) => [x.vaerdi, x.status])).toEqual([
    [0, "ok"],
    [null, "undertrykt"],
    [null, "undertrykt"],
    [5, "ok"],
    [12, "ok"],
    [null, "mangler"]
  ]);
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

test("the decision is per figure id, with a Danish reason; a count nobody has decided on stops the build", () => {
  expect(privacyOf("indbyggertal-1-januar", "personer").personer).toBe(true);
  for (const id of [
    "antal-koebte-pladser-i-dagtilbud-over-kom-graenser",
    "antal-solgte-pladser-i-dagtilbud-over-kom-graenser",
    "antal-folkeskoler"
  ])
    expect(privacyOf(id, "antal")).toMatchObject({ personer: false });
  expect(privacyOf("andel-0-2-aarige", "pct.")).toEqual({
    personer: false,
    undertrykkelse: "Ikke et antal personer (enhed: pct.). Vises uden diskretionering."
  });
  // the same title text under another id is not a decision
  expect(() => privacyOf("antal-koebte-pladser-2", "antal")).toThrow(/ikke afgjort, om det tæller personer/);
});

test("every count in the catalogue has a decision and the reason is published in the catalogue", () => {
  const { katalog } = buildNoegletal();
  const counts = katalog
    .filter((k) => k.enhed === "antal" || k.enhed === "personer")
    .map((k) => k.id)
    .sort();
  expect(counts).toEqual([...Object.keys(PERSON_COUNTS), ...Object.keys(NOT_PERSON_COUNTS)].sort());
  for (const k of katalog) expect(k.undertrykkelse.length, k.id).toBeGreaterThan(10);
  expect(katalog.filter((k) => k.taeller_personer).map((k) => k.id)).toEqual(["indbyggertal-1-januar"]);
});

test("day-care places bought and sold are not suppressed (they count places, published openly)", () => {
  const { values } = buildNoegletal();
  const places = values.filter((v) => v.id.startsWith("antal-") && v.id.includes("pladser-i-dagtilbud"));
  expect(places.filter((v) => v.status === "undertrykt")).toEqual([]);
  // the old rule hid 48 cells with 1-4 places; they are shown as the source has them
  expect(places.filter((v) => v.vaerdi !== null && v.vaerdi >= 1 && v.vaerdi <= 4)).toHaveLength(48);
  expect(values.filter((v) => v.status === "undertrykt")).toEqual([]);
});

test("the mean of the municipalities is over all 98 (the audit: sold places 2014 is 36,57, not the biased 39,15)", () => {
  const fy = buildKommuneModel().figures.get("antal-solgte-pladser-i-dagtilbud-over-kom-graenser")!.get(2014)!;
  expect(fy.national.kilde).toBe("gennemsnit af kommunerne (uvægtet)");
  expect(fy.national.n).toBe(98);
  expect(fy.national.vaerdi!).toBeCloseTo(36.57, 2);
});

test("no aggregate is published over a suppressed cell (hand-made cells)", () => {
  const numeric = new Map([
    ["101", 10],
    ["147", 20]
  ]);
  const status = new Map([
    ["101", { status: "ok" }],
    ["147", { status: "ok" }],
    ["151", { status: "undertrykt" }]
  ]);
  expect(meanWithoutSuppressed(numeric, status, ["101", "147"])).toEqual({ gns: 15, n: 2, suppressed: false });
  // the old rule averaged the two left (15) although 151's hidden value (1-4) would pull it down
  expect(meanWithoutSuppressed(numeric, status, ["101", "147", "151"])).toEqual({ gns: null, n: 2, suppressed: true });
});
