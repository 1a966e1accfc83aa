import { describe, expect, it } from "vitest";
import { exportDate, footerHtml, footerInput } from "../../loaders/footer.js";

describe("site footer: which snapshot every page shows", () => {
  it("reads the export's date line", () => {
    expect(exportDate("Social- og Indenrigsministeriet d. 03. september 2019")).toBe("3. september 2019");
    expect(exportDate(null)).toBeNull();
    expect(exportDate("uden dato")).toBeNull();
  });

  it("names the embedded export, its years and which are budget (from the raw file)", () => {
    const input = footerInput();
    // the raw file's header row lists 2013..2019 and its first line says "d. 03. september 2019"
    // (data/raw/noegletal/noegletal_dk_2013-2019_raw.csv); an extract taken in 2019 holds budget for 2019
    expect(input.years.map((y) => y.aar)).toEqual([2013, 2014, 2015, 2016, 2017, 2018, 2019]);
    expect(input.years.filter((y) => y.kind === "budget").map((y) => y.aar)).toEqual([2019]);
    expect(input.statbank).toEqual([]); // no refreshed snapshot in data/raw
    const html = footerHtml(input);
    expect(html).toContain(
      "Øjebliksbillede: noegletal.dk, udtræk 3. september 2019, 2013–2019 (2013–2018 er regnskabstal, 2019 er budgettal)"
    );
    expect(html).toContain('data-snapshot="indbygget"');
    expect(html).toContain("ikke opdateret fra Danmarks Statistik");
  });

  it("names refreshed StatBank tables with their periods and fetch date", () => {
    const html = footerHtml({
      generated: null,
      years: [{ aar: 2019, kind: "budget" }],
      statbank: [
        { tabel: "NGLK", foerste: "2008", seneste: "2024", hentet: "2026-11-20T10:00:00Z" },
        { tabel: "FOLK1A", foerste: "2008K1", seneste: "2026K3", hentet: "2026-11-20T10:01:00Z" }
      ]
    });
    expect(html).toContain("udtræk uden dato, 2019–2019 (2019 er budgettal)");
    expect(html).toContain("Danmarks Statistik: NGLK 2008–2024, FOLK1A 2008K1–2026K3, hentet 2026-11-20");
    expect(html).toContain('data-snapshot="opdateret"');
    expect(html).toContain("hentet 2026-11-20 (NGLK er regnskabstal)");
    const folkOnly = footerHtml({
      generated: null,
      years: [],
      statbank: [{ tabel: "FOLK1A", foerste: "2008K1", seneste: "2026K3", hentet: "2026-11-20T10:01:00Z" }]
    });
    expect(folkOnly).toContain("Danmarks Statistik: FOLK1A 2008K1–2026K3, hentet 2026-11-20 ·");
  });

  it("escapes what it prints", () => {
    expect(footerHtml({ generated: "x <b>d. 1. maj 2020", years: [], statbank: [] })).not.toContain("<b>");
  });
});
