/**
 * The municipality page's view (common/views/kommune.ts): profile grouping and links, the
 * national figure named per row, the filter, the header's dated facts and the exports,
 * on a small page written by hand.
 */
import { describe, expect, it } from "vitest";
import type { Highlight, PageData, PageFigure } from "../../common/kommune/types.js";
import {
  exportColumns,
  exportRows,
  filterFigures,
  filterSummary,
  headerFacts,
  matches,
  nationalLabel,
  nationalLineNote,
  normalise,
  profileView,
  searchText
} from "../../common/views/kommune.js";

function figure(over: Partial<PageFigure>): PageFigure {
  return {
    id: "x",
    titel: "X",
    fuldTitel: "X",
    enhed: "kr.",
    decimaler: 0,
    janej: false,
    aar: 2019,
    aarstype: "budget",
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
  vaerdi: 90_000
});
const share = figure({
  id: "andel-udpendlere",
  titel: "Andel udpendlere",
  fuldTitel: "Andel udpendlere",
  enhed: "pct.",
  decimaler: 1,
  land: { vaerdi: 40.5, status: "ok", kilde: "gennemsnit af kommunerne (uvægtet)", n: 98 },
  landAndetAar: [2013, 2014]
});
const people = figure({
  id: "indbyggertal-1-januar",
  titel: "Indbyggertal 1. januar",
  fuldTitel: "Indbyggertal 1. januar",
  enhed: "personer",
  vaerdi: 1_792,
  land: { vaerdi: 5_806_081, status: "ok", kilde: "I alt" }
});

const highlight: Highlight = {
  id: "udg-til-folkeskolen-pr-elev",
  titel: "Udgifter til folkeskolen pr. elev",
  omraade: "skole",
  omraadenavn: "Skole",
  enhed: "kr. pr. elev",
  decimaler: 0,
  aar: 2019,
  vaerdi: 90_000,
  zGruppe: 3,
  zLand: 4,
  gruppeGns: 60_000,
  forskelGruppe: 30_000,
  pctGruppe: 50,
  gruppeVaerdier: [55_000, 60_000, 65_000],
  landMedian: 62_000,
  landRef: 61_000,
  landNavn: "landstallet",
  pctLand: 47.5,
  rankInGroup: 1,
  gruppeStoerrelse: 4,
  udvikling: null,
  score: 4,
  saetning: "Udgifter til folkeskolen pr. elev: 90.000 kr. i 2019."
};

const page: PageData = {
  kode: "825",
  navn: "Læsø",
  officielt_navn: "Læsø Kommune",
  regionsnavn: "Region Nordjylland",
  kommunegruppe: "Landkommuner",
  areal_km2: 118.4,
  befolkning: { maaned: "2024M07", vaerdi: 1_774 },
  aar: [2018, 2019],
  kilde: "Kilde",
  navne: {},
  omraader: [
    {
      id: "struktur",
      navn: "Befolkning og struktur",
      gruppe: { kilde: "dst", navn: "G", beskrivelse: "", medlemmer: [] },
      figurer: [people, share]
    },
    {
      id: "skole",
      navn: "Skole",
      gruppe: { kilde: "dst", navn: "G", beskrivelse: "", medlemmer: [] },
      figurer: [school]
    }
  ],
  profil: [highlight]
};

describe("profile view", () => {
  it("groups highlights by area, with the row anchor and the figure's page", () => {
    const v = profileView(page);
    expect(v.tom).toBeNull();
    expect(v.antal).toBe(1);
    expect(v.omraader.map((a) => a.navn)).toEqual(["Skole"]);
    const p = v.omraader[0].punkter[0];
    expect(p.tabelHref).toBe("#figur-udg-til-folkeskolen-pr-elev");
    expect(p.figurHref).toBe("../noegletal?id=udg-til-folkeskolen-pr-elev&kommune=825");
    // the chart's scale spans the members, the municipality and the country: 55,000 … 90,000
    expect([p.chart.lo, p.chart.hi]).toEqual([55_000, 90_000]);
    expect(p.chart.alt).toBe(
      "Udgifter til folkeskolen pr. elev (kr. pr. elev, 2019): Læsø 90.000; de 3 andre kommuner i sammenligningsgruppen " +
        "ligger fra 55.000 til 65.000; landstallet 61.000."
    );
  });

  it("says so when nothing stands out", () => {
    expect(profileView({ ...page, profil: [] }).tom).toMatch(/^Intet nøgletal/);
  });
});

describe("the national figure per row", () => {
  it("names each kind by the vocabulary's rule, never 'landstal' for a mean of the municipalities", () => {
    expect(nationalLabel(school.land)).toBe("landstal");
    expect(nationalLabel(share.land)).toBe("gennemsnit af kommunerne (uvægtet)");
    expect(nationalLabel(people.land)).toBe("landstal (sum)");
    expect(nationalLabel({ kilde: "antal ja" })).toBe("kommuner med ja");
  });

  it("says which years the development chart leaves out", () => {
    expect(nationalLineNote(share)).toBe("gennemsnit af kommunerne ikke vist for 2013, 2014 (kilden har et andet tal)");
    expect(nationalLineNote(school)).toBe("");
  });
});

describe("filter", () => {
  it("normalises case, accents and aa/å", () => {
    expect(normalise("  Ældre   AARHUS ")).toBe("ældre århus");
    expect(matches(searchText(school, { navn: "Skole" }), "folkeskole elev")).toBe(true);
    expect(matches(searchText(school, { navn: "Skole" }), "udg. til")).toBe(true);
    expect(matches(searchText(school, { navn: "Skole" }), "ældre")).toBe(false);
  });

  it("finds figures per area and counts them", () => {
    const found = filterFigures(page, "andel");
    expect(found.get("struktur")).toEqual(["andel-udpendlere"]);
    expect(found.get("skole")).toEqual([]);
    expect(filterSummary(found, 3, "andel")).toBe("1 af 3 nøgletal passer.");
    expect(filterSummary(filterFigures(page, "zzz"), 3, "zzz")).toBe('Intet nøgletal passer på "zzz".');
    expect(filterSummary(filterFigures(page, ""), 3, " ")).toBe("");
  });
});

describe("header", () => {
  it("gives each population figure its date", () => {
    const facts = Object.fromEntries(headerFacts(page).map((f) => [f.key, f]));
    expect(facts.indbyggertal).toEqual({
      key: "indbyggertal",
      label: "Indbyggere 1. januar 2019 (som i tabellen)",
      value: "1.792"
    });
    expect(facts.befolkning.label).toBe("Befolkning 1. juli 2024 (seneste)");
    expect(facts.befolkning.value).toBe("1.774");
    expect(facts.areal.value).toBe("118,4 km²");
  });
});

describe("exports", () => {
  it("one row per figure with the source title and the full title", () => {
    const rows = exportRows(page);
    expect(rows.map((r) => r.titel)).toEqual([
      "Indbyggertal 1. januar",
      "Andel udpendlere",
      "Udg. til folkeskolen pr. elev"
    ]);
    expect(rows[2].fuld_titel).toBe("Udgifter til folkeskolen pr. elev");
    const labels = exportColumns(page).map((c) => c.label);
    expect(labels.slice(0, 4)).toEqual(["Område", "Nøgletal", "Enhed", "År"]);
    expect(labels).toContain("Hele landet");
    expect(labels).toContain("Læsø 2019");
    expect(labels.at(-1)).toBe("Nøgletal (fuld titel)");
  });
});
