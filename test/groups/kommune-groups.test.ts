/** Which comparison group a page area uses: DST group now, the engine's default group when present. */
import { describe, expect, test } from "vitest";
import { buildKommuner } from "../../loaders/datasets.js";
import { comparisonAreaOf, comparisonGroup, type NeighbourRow } from "../../loaders/kommune.js";

const kommuner = buildKommuner();

describe("comparisonGroup", () => {
  test("without the engine: the DST group, the municipality itself left out", () => {
    const g = comparisonGroup("851", "skole", { kommuner });
    expect(g.kilde).toBe("dst");
    expect(g.navn).toBe("DST-kommunegruppen Storbykommuner");
    expect(g.medlemmer.sort()).toEqual(["461", "751"]); // Odense, Aarhus
  });

  test("page areas map to the engine's areas as agreed; adult social figures are not in the children's group", () => {
    expect(
      ["skole", "dagtilbud", "aeldre", "boern-unge", "social", "administration", "oekonomi", "struktur", "skat"].map(
        comparisonAreaOf
      )
    ).toEqual([
      "folkeskole",
      "dagtilbud",
      "aeldre",
      "boern-unge",
      "serviceudgifter",
      "administration",
      "serviceudgifter",
      "serviceudgifter",
      "serviceudgifter"
    ]);
  });

  test("with the engine: the area's 10 neighbours in the standard year, in rank order", () => {
    const neighbours: NeighbourRow[] = [];
    const codes = kommuner.map((k) => k.kommunekode).filter((k) => k !== "825");
    for (const aar of [2017, 2018, 2019])
      for (let r = 1; r <= 10; r++)
        neighbours.push({
          omraade: "folkeskole",
          aar,
          kommunekode: "825",
          rang: r,
          nabo: codes[(aar - 2017) * 10 + r - 1]
        });
    const ctx = {
      kommuner,
      neighbours,
      omraadeNavn: new Map([["folkeskole", "Folkeskole"]]),
      standardaar: new Map([["folkeskole", 2018]])
    };
    const g = comparisonGroup("825", "skole", ctx);
    expect(g.kilde).toBe("flis");
    expect(g.navn).toBe("Sammenligningsgruppe for folkeskole (2018)");
    expect(g.medlemmer).toEqual(codes.slice(10, 20));
    // an area the engine has no rows for falls back to the DST group
    expect(comparisonGroup("825", "aeldre", ctx).kilde).toBe("dst");
  });
});
