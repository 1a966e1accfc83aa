/** /om's texts from statbank.json (common/views/om.ts). */
import { describe, expect, it } from "vitest";
import { nglkLinkLines, overlapTable, priceStatement } from "../../common/views/om.js";

describe("/om", () => {
  it("says prices are current, and why, without a refreshed snapshot", () => {
    expect(priceStatement({ prisindeks: null, faste_priser_utilgaengelige: "Kør «npm run opdater»." })).toBe(
      "Alle nøgletal vises i løbende priser. Kør «npm run opdater»."
    );
    expect(overlapTable({ overlap: null, nglk_koblinger: [] }, (id) => id)).toBeNull();
  });

  it("with a snapshot: the index's basis, and the overlap in Danish numbers with the budget year marked", () => {
    expect(
      priceStatement({ prisindeks: { grundlag: "NGLK DRI", basisaar: 2008 }, faste_priser_utilgaengelige: null })
    ).toMatch(/NGLK DRI \(2008 = 100\)/);
    const t = overlapTable(
      {
        nglk_koblinger: [],
        overlap: [
          {
            id: "ser",
            noegle: "SER",
            aar: 2019,
            aarstype: "budget",
            n: 98,
            gns_forskel: -1234.56,
            gns_abs_forskel_pct: 1.5,
            stoerste_abs_forskel_pct: 12.345
          }
        ]
      },
      (id) => id.toUpperCase()
    )!;
    expect(t.raekker).toEqual([["SER", "SER", "2019 (budget)", "98", "-1.234,6", "1,50", "12,35"]]);
  });

  it("names every NGLK figure joined onto a noegletal.dk figure, and every page with the price switch", () => {
    expect(
      nglkLinkLines({ nglk_koblinger: [{ noegle: "SER", id: "ser", note: "samme afgrænsning" }] }, (id) =>
        id === "ser" ? "Serviceudgifter pr. indb." : id
      )
    ).toEqual(["SER → Serviceudgifter pr. indb. (samme afgrænsning)"]);
    expect(
      priceStatement({ prisindeks: { grundlag: "NGLK DRI", basisaar: 2008 }, faste_priser_utilgaengelige: null })
    ).toMatch(/forsiden, nøgletalssiden, kommunesiderne og i beregneren af sammenligningsgrupper/);
  });
});
