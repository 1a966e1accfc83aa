import { describe, expect, it, test } from "vitest";
import { csvDanish } from "../../common/export.js";
import {
  ariaSort,
  DEFAULT_LIST_SORT,
  KOMMUNER_EXPORT_COLUMNS,
  KOMMUNER_SOURCE,
  type ListSort,
  nextSort,
  sortMunicipalities
} from "../../common/views/kommuner.js";
import type { Kommune } from "../../common/vocabulary.js";

test("the municipality list exports code as text and area with one decimal comma", () => {
  const k: Kommune = {
    kommunekode: "101",
    kommunekode_4: "0101",
    navn: "København",
    officielt_navn: "Københavns Kommune",
    regionskode: "1084",
    regionsnavn: "Region Hovedstaden",
    kommunegruppekode: "1",
    kommunegruppe: "Hovedstadskommuner",
    areal_km2: 86.39,
    center_lon: 12.5,
    center_lat: 55.7
  };
  const lines = csvDanish([k], KOMMUNER_EXPORT_COLUMNS, { title: "Danmarks kommuner", source: KOMMUNER_SOURCE })
    .slice(1)
    .split("\r\n");
  expect(lines[0]).toBe("Kommunekode;Kommune;Regionskode;Region;DST-kommunegruppe;Areal (km²)");
  expect(lines[1]).toBe("101;København;1084;Region Hovedstaden;Hovedstadskommuner;86,4");
});

describe("the list's column sorting (Danish order, written out by hand)", () => {
  const row = (navn: string, kommunekode: string, regionsnavn: string, kommunegruppe = "Landkommuner") => ({
    navn,
    kommunekode,
    regionsnavn,
    kommunegruppe
  });
  const rows = [
    row("Aarhus", "751", "Region Midtjylland", "Storbykommuner"),
    row("Ærø", "492", "Region Syddanmark"),
    row("Aabenraa", "580", "Region Syddanmark", "Oplandskommuner"),
    row("Albertslund", "165", "Region Hovedstaden", "Hovedstadskommuner"),
    row("Aalborg", "851", "Region Nordjylland", "Storbykommuner"),
    row("Østerbro", "9", "Region Hovedstaden", "Hovedstadskommuner"),
    row("Zealand", "999", "Region Sjælland")
  ];
  const names = (s: ListSort) => sortMunicipalities(rows, s).map((r) => r.navn);

  it("by name: æ, ø, å after z, and Aa as Å (Aabenraa, Aalborg, Aarhus last)", () => {
    expect(names(DEFAULT_LIST_SORT)).toEqual([
      "Albertslund",
      "Zealand",
      "Ærø",
      "Østerbro",
      "Aabenraa",
      "Aalborg",
      "Aarhus"
    ]);
    expect(names({ key: "navn", descending: true })).toEqual([
      "Aarhus",
      "Aalborg",
      "Aabenraa",
      "Østerbro",
      "Ærø",
      "Zealand",
      "Albertslund"
    ]);
  });

  it("by code as a number (9 before 165), by region with ties by name", () => {
    expect(sortMunicipalities(rows, { key: "kommunekode", descending: false }).map((r) => r.kommunekode)).toEqual([
      "9",
      "165",
      "492",
      "580",
      "751",
      "851",
      "999"
    ]);
    expect(names({ key: "regionsnavn", descending: false })).toEqual([
      "Albertslund",
      "Østerbro",
      "Aarhus",
      "Aalborg",
      "Zealand",
      "Ærø",
      "Aabenraa"
    ]);
  });

  it("a click on the same header turns the order; another header starts ascending; aria-sort follows", () => {
    const s1 = nextSort(DEFAULT_LIST_SORT, "navn");
    expect(s1).toEqual({ key: "navn", descending: true });
    expect(nextSort(s1, "regionsnavn")).toEqual({ key: "regionsnavn", descending: false });
    expect(ariaSort(s1, "navn")).toBe("descending");
    expect(ariaSort(s1, "kommunekode")).toBe("none");
    expect(ariaSort(DEFAULT_LIST_SORT, "navn")).toBe("ascending");
  });
});
