/**
 * The front page's view (common/views/forside.ts): the search result, the mappable figures, and the map of one
 * figure and year, checked against native DuckDB over the published key-figure rows (loaders/datasets.ts).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import {
  countText,
  mapColumns,
  mappableFigures,
  mapView,
  START_FIGURE,
  searchFilter,
  searchResult
} from "../../common/views/forside.js";
import type { PriceSetting } from "../../common/views/priser.js";
import { buildKommuner, buildNoegletal } from "../../loaders/datasets.js";

const noPrices: PriceSetting = { available: false, reason: "intet", basisaar: null, index: new Map(), kilde: "" };

describe("the municipality search", () => {
  const kommuner = [
    { kommunekode: "751", navn: "Aarhus", regionsnavn: "M" },
    { kommunekode: "851", navn: "Aalborg", regionsnavn: "N" },
    { kommunekode: "101", navn: "København", regionsnavn: "H" }
  ];
  it("finds by name, alias and code", () => {
    expect(kommuner.filter(searchFilter(kommuner, "Århus")).map((k) => k.kommunekode)).toEqual(["751"]);
    expect(kommuner.filter(searchFilter(kommuner, "Kbh")).map((k) => k.kommunekode)).toEqual(["101"]);
    expect(kommuner.filter(searchFilter(kommuner, "851")).map((k) => k.kommunekode)).toEqual(["851"]);
  });
  it("lists 1 to 12 hits, else says none or asks to narrow", () => {
    expect(searchResult([])).toEqual({ kind: "ingen" });
    expect(searchResult([1, 2])).toEqual({ kind: "liste", kommuner: [1, 2] });
    expect(searchResult(Array.from({ length: 12 }, (_, i) => i)).kind).toBe("liste");
    expect(searchResult(Array.from({ length: 13 }, (_, i) => i))).toEqual({ kind: "mange" });
    expect([countText(1), countText(98)]).toEqual(["1 kommune", "98 kommuner"]);
  });
});

describe("the map on the real data", () => {
  it("values, count with a value and export rows agree with native DuckDB", async () => {
    const n = buildNoegletal();
    const kommuner = buildKommuner();
    const figur = n.katalog.find((k) => k.id === START_FIGURE)!;
    expect(mappableFigures(n.katalog)).toContain(figur);
    expect(mappableFigures(n.katalog).some((k) => k.enhed === "ja/nej")).toBe(false);
    const aar = figur.seneste_regnskabsaar!;
    const v = mapView(figur, aar, n.values, kommuner, "loebende", noPrices);

    const c = await (await DuckDBInstance.create()).connect();
    await c.run("CREATE TABLE v (id VARCHAR, kommunekode VARCHAR, aar INTEGER, vaerdi DOUBLE, status VARCHAR)");
    const app = await c.createAppender("v");
    for (const r of n.values.filter((r) => r.id === figur.id)) {
      app.appendVarchar(r.id);
      app.appendVarchar(r.kommunekode);
      app.appendInteger(r.aar);
      if (r.vaerdi === null) app.appendNull();
      else app.appendDouble(r.vaerdi);
      app.appendVarchar(r.status);
      app.endRow();
    }
    app.closeSync();
    const count = (
      await c.runAndReadAll(
        `SELECT count(*)::INTEGER AS n FROM v WHERE aar = ${aar} AND status IN ('ok', 'nul') AND vaerdi IS NOT NULL`
      )
    ).getRowObjects()[0].n as number;
    expect(v.medVaerdi).toBe(count);
    const kbh = (
      await c.runAndReadAll(`SELECT vaerdi FROM v WHERE aar = ${aar} AND kommunekode = '101'`)
    ).getRowObjects()[0].vaerdi as number;
    expect(v.vaerdier.get("101")).toBe(kbh);
    expect(v.raekker).toHaveLength(98);
    expect(v.raekker.find((r) => r.kommunekode === "101")).toMatchObject({ vaerdi: kbh, status: "værdi" });
    expect(v.aarTekst).toBe(`${aar} (regnskab)`);
    expect(v.kildeTekst).toMatch(new RegExp(`^Kilde: .*\\. ${aar} er regnskabstal\\. Kommunegrænser`));
    expect(mapColumns(figur, v.enhed).map((col) => col.label)).toEqual([
      "Kommunekode",
      "Kommune",
      "Region",
      "Nettodriftsudgifter pr. indb. (kr. pr. indbygger, løbende priser)",
      "Status"
    ]);
  });

  it("a budget year says so; a missing value is null with its status, never 0", () => {
    const figur = {
      id: "f",
      titel: "F",
      enhed: "pct.",
      decimaler: 1,
      kilde: "K",
      budgetaar: "2019"
    } as Parameters<typeof mapView>[0];
    const rows = [
      { id: "f", kommunekode: "101", aar: 2019, vaerdi: 2.5, status: "ok" as const },
      { id: "f", kommunekode: "751", aar: 2019, vaerdi: null, status: "mangler" as const }
    ];
    const ks = [
      { kommunekode: "101", navn: "København", regionsnavn: "H" },
      { kommunekode: "751", navn: "Aarhus", regionsnavn: "M" },
      { kommunekode: "825", navn: "Læsø", regionsnavn: "N" }
    ];
    const v = mapView(figur, 2019, rows, ks, "loebende", noPrices);
    expect(v.aarstype).toBe("budget");
    expect(v.kildeTekst).toContain("2019 er budgettal (se Om: de seneste regnskabstal er fra året før)");
    expect(v.medVaerdi).toBe(1);
    expect(v.raekker.map((r) => [r.kommunekode, r.vaerdi, r.status])).toEqual([
      ["101", 2.5, "værdi"],
      ["751", null, "mangler for året"],
      ["825", null, "ikke indberettet"]
    ]);
  });
});
