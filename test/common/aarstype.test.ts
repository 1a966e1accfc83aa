/** The year-kind rule (common/vocabulary.ts): which years are accounts (regnskab) and which budget. */
import { describe, expect, it } from "vitest";
import { defaultYear, extractYear, yearKind, yearKindNote, yearKindOf, yearLabel } from "../../common/vocabulary.js";

const export2019 = {
  kilde: "noegletal.dk",
  udtrukket: "Social- og Indenrigsministeriet d. 03. september 2019",
  seneste: 2019
} as const;

describe("year kind", () => {
  it("reads the extract's year from its date line", () => {
    expect(extractYear(export2019.udtrukket)).toBe(2019);
    expect(extractYear(null)).toBeNull();
    expect(extractYear("uden dato")).toBeNull();
  });

  it("an extract of September 2019: 2013–2018 accounts, 2019 budget", () => {
    expect(yearKind(2013, export2019)).toBe("regnskab");
    expect(yearKind(2018, export2019)).toBe("regnskab");
    expect(yearKind(2019, export2019)).toBe("budget");
  });

  it("an extract of another year moves the line with it", () => {
    const e = { kilde: "noegletal.dk", udtrukket: "… d. 01. oktober 2021", seneste: 2022 } as const;
    expect(yearKind(2020, e)).toBe("regnskab");
    expect(yearKind(2021, e)).toBe("budget");
    expect(yearKind(2022, e)).toBe("budget");
  });

  it("without a readable date the latest year is budget (never passed off as accounts)", () => {
    const e = { kilde: "noegletal.dk", udtrukket: null, seneste: 2019 } as const;
    expect(yearKind(2018, e)).toBe("regnskab");
    expect(yearKind(2019, e)).toBe("budget");
  });

  it("Statistics Denmark's NGLK holds accounts only", () => {
    expect(yearKind(2024, { kilde: "NGLK" })).toBe("regnskab");
  });

  it("reads a figure's year kinds from the catalogue and picks the latest accounts year as default", () => {
    const k = { aar_med_data: "2013,2014,2015,2016,2017,2018,2019", budgetaar: "2019" };
    expect(yearKindOf(k, 2019)).toBe("budget");
    expect(yearKindOf(k, 2018)).toBe("regnskab");
    expect(defaultYear(k)).toBe(2018);
    // data in 2019 only: the budget year is all there is
    expect(defaultYear({ aar_med_data: "2019", budgetaar: "2019" })).toBe(2019);
    // no data, no default
    expect(defaultYear({ aar_med_data: "", budgetaar: "" })).toBeNull();
    // accounts years only
    expect(defaultYear({ aar_med_data: "2013,2017", budgetaar: "" })).toBe(2017);
  });

  it("labels years and says what they are", () => {
    expect(yearLabel(2019, "budget")).toBe("2019 (budget)");
    expect(yearLabel(2018, "regnskab")).toBe("2018");
    expect(yearLabel(2018, "regnskab", true)).toBe("2018 (regnskab)");
    expect(yearKindNote([{ aar: 2019, kind: "budget" }])).toBe("2019 er budgettal");
    expect(yearKindNote([{ aar: 2018, kind: "regnskab" }])).toBe("2018 er regnskabstal");
    expect(
      yearKindNote(
        [2019, 2013, 2014, 2015, 2016, 2017, 2018].map((aar) => ({ aar, kind: aar === 2019 ? "budget" : "regnskab" }))
      )
    ).toBe("2013–2018 er regnskabstal, 2019 er budgettal");
  });
});

describe("year kind in the published data", () => {
  it("marks every 2019 cell budget and every earlier cell accounts, and the catalogue agrees", async () => {
    const { buildNoegletal } = await import("../../loaders/datasets.js");
    const n = buildNoegletal();
    const kinds = new Map<number, Set<string>>();
    for (const r of [...n.values, ...n.national]) {
      if (!kinds.has(r.aar)) kinds.set(r.aar, new Set());
      kinds.get(r.aar)!.add(r.aarstype);
    }
    for (const [aar, k] of kinds) expect([...k], String(aar)).toEqual([aar === 2019 ? "budget" : "regnskab"]);
    const ser = n.katalog.find((k) => k.id === "serviceudgifter-pr-indb")!;
    expect(ser.seneste_regnskabsaar).toBe(2018);
    expect(ser.budgetaar).toBe("2019");
    // a figure that stops in 2017 has no budget year
    const ledige = n.katalog.find((k) => k.id === "fuldtidsledige-pr-100-17-64-66-aarige")!;
    expect(ledige.budgetaar).toBe("");
    expect(ledige.seneste_regnskabsaar).toBe(2017);
  });
});
