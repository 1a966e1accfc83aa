/**
 * Danish order and the alias table (common/kommune/names.ts). The expected order is written
 * by hand from the Danish alphabet (… x y z æ ø å, and "aa" = å), not computed by the collator.
 */
import { describe, expect, it } from "vitest";
import { ALIASES, aliasKeywords, findMunicipalities, fold, nameScore, sortByName } from "../../common/kommune/names.js";
import { buildKommuner } from "../../loaders/datasets.js";

const kommuner = buildKommuner();

describe("Danish order", () => {
  const sorted = sortByName(kommuner).map((k) => k.navn);

  it("puts Aabenraa, Aalborg and Aarhus under Å, after Ærø, at the very end", () => {
    expect(sorted).toHaveLength(98);
    expect(sorted.slice(-5)).toEqual(["Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus"]);
    expect(sorted[0]).toBe("Albertslund");
  });

  it("sorts aa as å and ø before å inside a name too", () => {
    const f = sorted.filter((n) => n.startsWith("F"));
    // a < … < u < å: Faaborg-Midtfyn (Få…) comes after Furesø
    expect(f.at(-1)).toBe("Faaborg-Midtfyn");
    expect(f.at(-2)).toBe("Furesø");
    const t = sorted.filter((n) => n.startsWith("T"));
    expect(t).toEqual(["Thisted", "Tønder", "Tårnby"]);
  });
});

describe("aliases and folded names", () => {
  const first = (q: string) => findMunicipalities(kommuner, q)[0]?.kommunekode;

  it.each([
    ["Århus", "751"],
    ["Aarhus", "751"],
    ["aarhus kommune", "751"],
    ["Kbh", "101"],
    ["kbh.", "101"],
    ["København", "101"],
    ["Kobenhavn", "101"],
    ["Bornholm", "400"],
    ["Bornholms Regionskommune", "400"],
    ["Brønderslev-Dronninglund", "810"],
    ["Dronninglund", "810"],
    ["Frederiksværk-Hundested", "260"],
    ["Ålborg", "851"],
    ["Åbenrå", "580"],
    ["Laesoe", "825"],
    ["Laeso", "825"],
    ["Arhus", "751"],
    ["Hoeje Taastrup", "169"],
    ["Lyngby", "173"],
    ["Nykøbing Falster", "376"],
    ["825", "825"],
    ["0825", "825"]
  ])("%s finds %s first", (query, kode) => {
    expect(first(query)).toBe(kode);
  });

  it("every alias belongs to one of the 98 and finds its own municipality first", () => {
    const codes = new Set(kommuner.map((k) => k.kommunekode));
    for (const [kode, names] of Object.entries(ALIASES)) {
      expect(codes.has(kode), kode).toBe(true);
      for (const n of names) expect(first(n), `${n} → ${kode}`).toBe(kode);
    }
  });

  it("ranks an exact name before a prefix and both before a substring; unknown names find nothing", () => {
    const k = { kommunekode: "751", navn: "Aarhus" };
    expect(nameScore(k, "Århus")).toBe(3);
    expect(nameScore(k, "Aar")).toBe(2);
    expect(nameScore(k, "rhus")).toBe(1);
    expect(findMunicipalities(kommuner, "Xyzzy")).toEqual([]);
    // "Vest" finds Vesthimmerlands; an empty query gives all 98 in Danish order
    expect(findMunicipalities(kommuner, "vest").map((x) => x.navn)).toEqual(["Vesthimmerlands"]);
    expect(
      findMunicipalities(kommuner, "")
        .map((x) => x.navn)
        .slice(-1)
    ).toEqual(["Aarhus"]);
  });

  it("folds Danish letters and punctuation", () => {
    expect(fold("Høje-Taastrup Kommune")).toBe("hoeje taastrup");
    expect(fold("Ærø")).toBe("aeroe");
    expect(aliasKeywords({ kommunekode: "751", navn: "Aarhus" })).toContain("Århus");
  });
});
