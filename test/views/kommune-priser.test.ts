/**
 * The municipality page in fixed prices (common/views/kommune.ts pageInPrices), checked against deflation computed
 * by hand here: index 2018 = 120, 2019 = 125 (DST's base year 2008 = 100), so the page's latest year 2019 is the
 * basis and a 2018 value is multiplied by 125 / 120.
 */
import { describe, expect, it } from "vitest";
import type { Highlight, PageData, PageFigure } from "../../common/kommune/types.js";
import { highlightSentence } from "../../common/profile.js";
import { exportRows, pageInPrices, pagePriceNote, profileView, titleWithPrices } from "../../common/views/kommune.js";
import { priceSetting, type StatbankPrices } from "../../common/views/priser.js";

const statbank: StatbankPrices = {
  tilstand: "opdateret",
  prisindeks: {
    grundlag: "NGLK DRI NET",
    basisaar: 2008,
    aar: [
      { aar: 2008, indeks: 100 },
      { aar: 2018, indeks: 120 },
      { aar: 2019, indeks: 125 }
    ]
  },
  faste_priser_utilgaengelige: null
};
const offline: StatbankPrices = {
  tilstand: "indbygget",
  prisindeks: null,
  faste_priser_utilgaengelige: "Der er ingen opdatering fra Danmarks Statistik (kør «npm run opdater»)."
};

function figure(over: Partial<PageFigure>): PageFigure {
  return {
    id: "x",
    titel: "X",
    fuldTitel: "X",
    enhed: "kr.",
    decimaler: 0,
    janej: false,
    aar: 2018,
    aarstype: "regnskab",
    vaerdi: 1,
    status: "ok",
    rank: 1,
    antal: 98,
    land: { vaerdi: 1, status: "ok", kilde: "Gennemsnit" },
    gruppe: { gns: 1, n: 3, af: 3 },
    serie: { v: [1, 1], s: ["ok", "ok"], land: [1, 1], gruppe: [1, 1] },
    landAndetAar: [],
    ...over
  };
}

const school = figure({
  id: "udg-til-folkeskolen-pr-elev",
  titel: "Udg. til folkeskolen pr. elev",
  fuldTitel: "Udgifter til folkeskolen pr. elev",
  enhed: "kr. pr. elev",
  aar: 2018,
  vaerdi: 96_000,
  rank: 4,
  land: { vaerdi: 72_000, status: "ok", kilde: "Gennemsnit" },
  gruppe: { gns: 84_000, n: 3, af: 3 },
  serie: { v: [96_000, 100_000], s: ["ok", "ok"], land: [72_000, 75_000], gruppe: [84_000, null] }
});
const share = figure({
  id: "andel-udpendlere",
  titel: "Andel udpendlere",
  fuldTitel: "Andel udpendlere",
  enhed: "pct.",
  decimaler: 1,
  vaerdi: 40.5,
  serie: { v: [40.5, 41], s: ["ok", "ok"], land: [38, 39], gruppe: [39, 40] }
});
const missing = figure({
  id: "serviceudgifter-pr-indb",
  titel: "Serviceudgifter pr. indb.",
  enhed: "kr. pr. indbygger",
  vaerdi: null,
  status: "mangler",
  serie: { v: [null, 50_000], s: ["mangler", "ok"], land: [48_000, 50_000], gruppe: [null, null] }
});

// a highlight in 2019 with its development since 2018 (80,000 → 100,000: +25 % in current prices)
const highlight: Highlight = {
  id: "udg-til-folkeskolen-pr-elev",
  titel: "Udgifter til folkeskolen pr. elev",
  omraade: "skole",
  omraadenavn: "Skole",
  enhed: "kr. pr. elev",
  decimaler: 0,
  aar: 2018,
  vaerdi: 96_000,
  zGruppe: 3,
  zLand: 4,
  gruppeGns: 84_000,
  forskelGruppe: 12_000,
  pctGruppe: 14.29,
  gruppeVaerdier: [72_000, 84_000, 96_000],
  landMedian: 70_000,
  landRef: 72_000,
  landNavn: "landstallet",
  pctLand: 33.3,
  rankInGroup: 1,
  gruppeStoerrelse: 4,
  udvikling: null,
  score: 4,
  saetning: "Udgifter til folkeskolen pr. elev: 96.000 kr. i 2018, ..."
};
const development: Highlight = {
  ...highlight,
  id: "dev",
  aar: 2019,
  vaerdi: 100_000,
  udvikling: { fra: 2018, pct: 25 }
};
const devFigure = figure({
  id: "dev",
  enhed: "kr. pr. elev",
  aar: 2019,
  vaerdi: 100_000,
  serie: { v: [80_000, 100_000], s: ["ok", "ok"], land: [null, null], gruppe: [null, null] }
});

const page: PageData = {
  kode: "825",
  navn: "Læsø",
  officielt_navn: "Læsø Kommune",
  regionsnavn: "Region Nordjylland",
  kommunegruppe: "Landkommuner",
  areal_km2: 118.4,
  befolkning: null,
  aar: [2018, 2019],
  kilde: "Kilde",
  navne: {},
  omraader: [
    {
      id: "skole",
      navn: "Skole",
      gruppe: { kilde: "dst", navn: "G", beskrivelse: "", medlemmer: [] },
      figurer: [school, share, missing, devFigure]
    }
  ],
  profil: [highlight, development]
};

const setting = priceSetting(statbank, page.aar);
const F = 125 / 120;

describe("the municipality page in fixed prices", () => {
  it("takes the page's latest year as the basis and deflates a 2018 money value by 125/120", () => {
    expect(setting.basisaar).toBe(2019);
    const p = pageInPrices(page, "faste", setting);
    expect(p.priser).toBe("faste");
    expect(p.prisgrundlag).toBe("faste 2019-priser");
    const s = p.omraader[0].figurer[0];
    // 96,000 · 125 / 120 = 100,000; national 72,000 → 75,000; group 84,000 → 87,500
    expect(s.vaerdi).toBeCloseTo(100_000, 9);
    expect(s.land.vaerdi).toBeCloseTo(75_000, 9);
    expect(s.gruppe.gns).toBeCloseTo(87_500, 9);
    expect(s.enhed).toBe("kr. pr. elev, faste 2019-priser");
    // the rank within one year does not change
    expect(s.rank).toBe(4);
    // the series: 2018 × 125/120, 2019 (the basis) as it is, missing stays missing
    expect(s.serie.v[0]).toBeCloseTo(100_000, 9);
    expect(s.serie.v[1]).toBe(100_000);
    expect(s.serie.land[0]).toBeCloseTo(75_000, 9);
    expect(s.serie.land[1]).toBe(75_000);
    expect(s.serie.gruppe).toEqual([84_000 * F, null]);
    // the input is not changed
    expect(school.vaerdi).toBe(96_000);
    expect(school.enhed).toBe("kr. pr. elev");
  });

  it("leaves non-money figures and missing values as they are, with their reason", () => {
    const p = pageInPrices(page, "faste", setting);
    expect(p.omraader[0].figurer[1]).toBe(share);
    const m = p.omraader[0].figurer[2];
    expect(m.vaerdi).toBeNull();
    expect(m.status).toBe("mangler");
    expect(m.serie.v).toEqual([null, 50_000]);
    expect(m.serie.s).toEqual(["mangler", "ok"]);
  });

  it("rewrites the profile's sentence and chart in fixed prices; the development since 2018 too", () => {
    const p = pageInPrices(page, "faste", setting);
    const [h, d] = p.profil;
    expect(h.vaerdi).toBeCloseTo(100_000, 9);
    expect(h.forskelGruppe).toBeCloseTo(12_500, 9);
    expect(h.landRef).toBeCloseTo(75_000, 9);
    expect(h.gruppeVaerdier.map((v) => Math.round(v))).toEqual([75_000, 87_500, 100_000]);
    // per cent against the group and the country are within one year: unchanged
    expect(h.pctGruppe).toBe(14.29);
    expect(h.saetning).toBe(
      "Udgifter til folkeskolen pr. elev: 100.000 kr. i 2018 (faste 2019-priser), 12.500 kr. (14 %) over " +
        "sammenligningsgruppens gennemsnit, højeste af 4 i gruppen, 33 % over landstallet."
    );
    // 2018's 80,000 is 83,333.3 in 2019 prices: 100,000 / 83,333.3 − 1 = +20 % (not the +25 % of current prices)
    expect(d.udvikling!.pct).toBeCloseTo(20, 9);
    expect(d.saetning).toMatch(/: 100\.000 kr\. i 2019 \(faste 2019-priser\), .*steget 20 % siden 2018\.$/);
    const chart = profileView(p).omraader[0].punkter[0].chart;
    expect(chart.kommune).toBeCloseTo(100_000, 9);
    expect(chart.alt).toMatch(
      /^Udgifter til folkeskolen pr\. elev \(kr\. pr\. elev, faste 2019-priser, 2018\): Læsø 100\.000;/
    );
  });

  it("the sentence in current prices is the one the profile wrote at build time", () => {
    const s = highlightSentence(development);
    expect(s).toBe(
      "Udgifter til folkeskolen pr. elev: 100.000 kr. i 2019, 12.000 kr. (14 %) over sammenligningsgruppens " +
        "gennemsnit, højeste af 4 i gruppen, 33 % over landstallet, steget 25 % siden 2018."
    );
  });

  it("exports the deflated values with the unit saying so", () => {
    const p = pageInPrices(page, "faste", setting);
    const row = exportRows(p).find((r) => r.titel === "Udg. til folkeskolen pr. elev")!;
    expect(row.vaerdi).toBeCloseTo(100_000, 9);
    expect(row.landstal).toBeCloseTo(75_000, 9);
    expect(row.gruppe_gns).toBeCloseTo(87_500, 9);
    expect(row.enhed).toBe("kr. pr. elev, faste 2019-priser");
    expect(row.serie[0]).toBeCloseTo(100_000, 9);
    expect(exportRows(p).find((r) => r.titel === "Andel udpendlere")!.vaerdi).toBe(40.5);
    expect(titleWithPrices("Læsø Kommune: nøgletal", p)).toBe(
      "Læsø Kommune: nøgletal (kronebeløb i faste 2019-priser)"
    );
  });

  it("in current prices, and without a price index, the page is unchanged", () => {
    const current = pageInPrices(page, "loebende", setting);
    expect(current.omraader).toBe(page.omraader);
    expect(current.prisgrundlag).toBe("løbende priser");
    expect(titleWithPrices("T", current)).toBe("T");
    const none = priceSetting(offline, page.aar);
    const locked = pageInPrices(page, "faste", none);
    expect(locked.priser).toBe("loebende");
    expect(locked.omraader).toBe(page.omraader);
    expect(pagePriceNote(locked, none)).toMatch(/^Kun løbende priser: .*npm run opdater/);
  });

  it("says how many figures the switch changes and that the others stay", () => {
    const fixed = pageInPrices(page, "faste", setting);
    expect(pagePriceNote(fixed, setting)).toMatch(
      /^Faste 2019-priser for de 3 nøgletal i kr\.: .* De øvrige 1 nøgletal/
    );
  });

  it("a year the index lacks: no value rather than an undeflated one", () => {
    const short = priceSetting(
      { ...statbank, prisindeks: { ...statbank.prisindeks!, aar: [{ aar: 2019, indeks: 125 }] } },
      [2018, 2019]
    );
    const p = pageInPrices(page, "faste", short);
    const s = p.omraader[0].figurer[0];
    expect(s.vaerdi).toBeNull();
    expect(s.status).toBe("ikke_tilgaengelig");
    expect(s.serie.v).toEqual([null, 100_000]);
    expect(p.profil.map((h) => h.id)).toEqual(["dev"]);
    // the development needs 2018 in fixed prices: left out
    expect(p.profil[0].udvikling).toBeNull();
  });
});
