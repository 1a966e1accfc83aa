/** Current or fixed prices (common/views/priser.ts), checked by hand calculation written here. */
import { describe, expect, it } from "vitest";
import {
  inPrices,
  isMoneyFigure,
  priceFactor,
  priceNote,
  priceSetting,
  rowsInPrices,
  type StatbankPrices,
  unitWithPrices
} from "../../common/views/priser.js";

// an index with DST's base year 2008 = 100: 2017 = 118, 2018 = 120, 2019 = 122
const statbank: StatbankPrices = {
  tilstand: "opdateret",
  prisindeks: {
    grundlag: "NGLK DRI NET",
    basisaar: 2008,
    aar: [
      { aar: 2008, indeks: 100 },
      { aar: 2017, indeks: 118 },
      { aar: 2018, indeks: 120 },
      { aar: 2019, indeks: 122 }
    ]
  },
  faste_priser_utilgaengelige: null
};
const kroner = { enhed: "kr. pr. indbygger" };
const andel = { enhed: "pct." };

describe("fixed prices", () => {
  it("knows money figures by their unit", () => {
    expect(isMoneyFigure(kroner)).toBe(true);
    expect(isMoneyFigure({ enhed: "kr." })).toBe(true);
    expect(isMoneyFigure(andel)).toBe(false);
    expect(isMoneyFigure({ enhed: "indeks (landsgennemsnit = 1,00)" })).toBe(false);
  });

  it("takes the base year as the latest shown year the index covers", () => {
    const s = priceSetting(statbank, [2013, 2017, 2018, 2019]);
    expect(s.available).toBe(true);
    expect(s.basisaar).toBe(2019);
    expect(priceSetting(statbank, [2017, 2018]).basisaar).toBe(2018);
  });

  it("deflates a money figure by index(base) / index(year)", () => {
    const s = priceSetting(statbank, [2017, 2018, 2019]);
    // 2017 in 2019 prices: 59.000 · 122 / 118 = 7.198.000 / 118 = 61.000,0 (hand: 118 · 61.000 = 7.198.000)
    expect(priceFactor(s, 2017)).toBeCloseTo(122 / 118, 12);
    expect(inPrices(59_000, 2017, kroner, "faste", s)).toBeCloseTo(61_000, 9);
    // 2018: 60.000 · 122 / 120 = 61.000
    expect(inPrices(60_000, 2018, kroner, "faste", s)).toBeCloseTo(61_000, 9);
    // the base year itself is unchanged
    expect(inPrices(61_000, 2019, kroner, "faste", s)).toBe(61_000);
  });

  it("leaves current prices, non-money figures and missing values alone", () => {
    const s = priceSetting(statbank, [2017, 2019]);
    expect(inPrices(59_000, 2017, kroner, "loebende", s)).toBe(59_000);
    expect(inPrices(12.5, 2017, andel, "faste", s)).toBe(12.5);
    expect(inPrices(null, 2017, kroner, "faste", s)).toBeNull();
    // a year the index lacks: no number rather than the undeflated one
    expect(inPrices(50_000, 2013, kroner, "faste", s)).toBeNull();
    const rows = [{ aar: 2017, vaerdi: 59_000, serie: "A" }];
    expect(rowsInPrices(rows, andel, "faste", s)).toEqual(rows);
    expect(rowsInPrices(rows, kroner, "faste", s)[0].vaerdi).toBeCloseTo(61_000, 9);
    expect(rowsInPrices(rows, kroner, "faste", s)[0].serie).toBe("A");
  });

  it("names the price basis in the unit", () => {
    const s = priceSetting(statbank, [2019]);
    expect(unitWithPrices(kroner, "faste", s)).toBe("kr. pr. indbygger, faste 2019-priser");
    expect(unitWithPrices(kroner, "loebende", s)).toBe("kr. pr. indbygger, løbende priser");
    expect(unitWithPrices(andel, "faste", s)).toBe("pct.");
  });

  it("without a refreshed snapshot: only current prices, and why", () => {
    const offline: StatbankPrices = {
      tilstand: "indbygget",
      prisindeks: null,
      faste_priser_utilgaengelige: "Faste priser kræver et prisindeks … Kør «npm run opdater»"
    };
    const s = priceSetting(offline, [2018, 2019]);
    expect(s.available).toBe(false);
    expect(inPrices(60_000, 2018, kroner, "faste", s)).toBe(60_000);
    expect(unitWithPrices(kroner, "faste", s)).toBe("kr. pr. indbygger, løbende priser");
    expect(priceNote(kroner, "faste", s)).toMatch(/^Kun løbende priser: .*npm run opdater/);
  });
});
