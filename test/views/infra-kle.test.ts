// Views of the KLE conformance (common/views/infrastruktur-kle.ts) on the published rows of a hand-made fixture.
import { describe, expect, it } from "vitest";
import { type KleSagRow, kleCatalogue, kleConformance, kleGrund, publishConformance } from "../../common/infra/kle.js";
import { andelTekst, kleKommune, kleOversigt, worstFirst } from "../../common/views/infrastruktur-kle.js";

const cat = kleCatalogue(["01.02.03", "01.02.05"], [{ nr: "00.22.10", udgaaet_i_kle: "KLE 2020 Aug" }]);
const r = (kommunekode: string, it_system: string, kle_nr: string, antal_sager: number): KleSagRow => ({
  opgjort_dato: "2024-03-31",
  kle_nr,
  indeks: "Sags- og dokumentindeks",
  it_system,
  kommunekode,
  antal_sager
});
// 101: Acadre 200 ok + 50 unknown; Nexus 300 ok. 147: Acadre 100 ok + 20 retired (83,3 %); Zeta 40 ok + 6 at gruppe level.
// No count from 1 to 4, so nothing is hidden.
const rows = publishConformance(
  kleConformance(
    [
      r("101", "Acadre", "01.02.03", 200),
      r("101", "Acadre", "99.99.99", 50),
      r("101", "Nexus", "01.02.05", 300),
      r("147", "Acadre", "01.02.03", 100),
      r("147", "Acadre", "00.22.10", 20),
      r("147", "Zeta", "01.02.03", 40),
      r("147", "Zeta", "01.02", 6)
    ],
    cat
  )
);
const navne = new Map([
  ["101", "København"],
  ["147", "Frederiksberg"]
]);

describe("KLE overview", () => {
  it("names the worst systems with at least minSager cases, and the country's share", () => {
    const o = kleOversigt(rows, navne, 5, 100);
    // Acadre: 300 ok of 370 = 81,08 %; Zeta 40 of 46 = 86,96 % (under 100 cases: not among the worst named); Nexus 100 %
    expect(o.systemer.map((x) => x.it_system)).toEqual(["Acadre", "Zeta", "Nexus"]);
    expect(o.vaerste.map((x) => x.it_system)).toEqual(["Acadre", "Nexus"]);
    // country: 640 ok of 716 = 89,39 %
    expect(o.land?.andel_overens).toBeCloseTo(640 / 716, 12);
    expect(o.tekst).toBe(
      "89,4 % af kommunernes KLE-opmærkede sager i indeksene (opgjort 2024-03-31) har et KLE-nummer, der findes, var aktuelt og er på emneniveau. Længst fra standarden (mindst 100 sager): Acadre (81,1 %), Nexus (100,0 %)."
    );
    // municipalities: 147 140 of 166 (84,3 %) before 101 500 of 550 (90,9 %)
    expect(o.kommuner.map((k) => [k.navn, k.sager, k.sager_afvigende])).toEqual([
      ["Frederiksberg", 166, 26],
      ["København", 550, 50]
    ]);
  });

  it("a hidden share says why", () => {
    const zeta = rows.find((x) => x.omfang === "kommune-system" && x.it_system === "Zeta")!;
    const hidden = { ...zeta, andel_overens: null, sager_afvigende: null, status: "<5" };
    expect([andelTekst(hidden, hidden.andel_overens), andelTekst(hidden, hidden.andel_findes)]).toEqual([
      "skjult (<5)",
      "100,0 %"
    ]);
    expect(andelTekst({ ...hidden, sager: 0 }, null)).toBe("ingen sager");
    expect(worstFirst([hidden, zeta])).toEqual([zeta, hidden]);
    expect(rows.every((x) => x.status === "")).toBe(true);
  });
});

describe("KLE for one municipality", () => {
  it("its systems worst first, the numbers that break the standard with their reason", () => {
    const afv = [
      { it_system: "Zeta", kle_nr: "01.02", grund: kleGrund("01.02", "", "2024-03-31", cat) },
      { it_system: "Acadre", kle_nr: "00.22.10", grund: kleGrund("00.22.10", "", "2024-03-31", cat) }
    ];
    const k = kleKommune(rows, afv, "147", "Frederiksberg");
    expect(k.systemer.map((x) => x.it_system)).toEqual(["Acadre", "Zeta"]);
    expect(k.afvigelser).toEqual([
      { it_system: "Acadre", kle_nr: "00.22.10", grund: "udgået med KLE 2020 Aug" },
      { it_system: "Zeta", kle_nr: "01.02", grund: "gruppe (NN.NN); indekset kræver emne (NN.NN.NN)" }
    ]);
    // 147: 140 ok of 166 = 84,3 %; Acadre 100 of 120 = 83,3 % before Zeta 40 of 46 = 87,0 %
    expect(k.tekst).toBe(
      "84,3 % af kommunens KLE-opmærkede sager overholder KLE (hele landet: 89,4 %). Længst fra standarden: Acadre (83,3 %)."
    );
    expect(kleKommune(rows, [], "999", "X").tekst).toBe("X har ingen KLE-opmærkede sager i udtrækket.");
    expect(kleGrund("99.99.99", "", "2024-03-31", cat)).toBe("findes ikke i KLE");
    expect(kleGrund("01.02.03", "", "2024-03-31", cat)).toBe("");
  });
});
