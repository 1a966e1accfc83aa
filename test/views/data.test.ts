import { describe, expect, it } from "vitest";
import { TABLES, tableDictionary } from "../../common/views/data.js";
import { PUBLISHED_SCHEMAS } from "../../loaders/published-schemas.js";

describe("the /data column dictionary comes from the schemas", () => {
  const dict = tableDictionary(PUBLISHED_SCHEMAS, [2013, 2014, 2019]);

  it("every published table is documented, every schema column has a text, in schema order", () => {
    expect(dict.map((t) => t.navn).sort()).toEqual(Object.keys(PUBLISHED_SCHEMAS).sort());
    for (const t of dict) expect(t.kolonner.map(([c]) => c)).toEqual(Object.keys(PUBLISHED_SCHEMAS[t.navn]));
  });

  it("types in words and the years from the data", () => {
    const noegletal = dict.find((t) => t.navn === "noegletal")!;
    expect(noegletal.kolonner).toContainEqual(["aar", "heltal", "2013–2019"]);
    expect(noegletal.kolonner).toContainEqual([
      "vaerdi",
      "tal",
      "tom hvis værdien mangler (aldrig 0 for manglende); ja/nej som 1/0"
    ]);
    expect(noegletal.kolonner[0]).toEqual(["id", "tekst", "nøgletallets id (se noegletal-katalog)"]);
    const grupper = dict.find((t) => t.navn === "sammenligningsgrupper")!;
    expect(grupper.kolonner.find(([c]) => c === "gensidig")![1]).toBe("ja/nej");
  });

  it("a schema column without a text, or a text without a column, is a Danish error naming both", () => {
    const one = [{ navn: "t", indhold: "", kilde: "", kolonner: { a: "A" } }];
    expect(() => tableDictionary({ t: { a: "STRING", b: "INT32" } }, [], one)).toThrow(
      "tabellen t mangler en beskrivelse af kolonnen b"
    );
    expect(() => tableDictionary({ t: {} }, [], one)).toThrow("tabellen t beskriver kolonnen a, som skemaet ikke har");
    expect(() => tableDictionary({}, [], one)).toThrow("tabellen t har intet skema");
  });

  it("nine tables, in the page's order", () => {
    expect(TABLES.map((t) => t.navn)).toEqual([
      "kommuner",
      "noegletal",
      "noegletal-landstal",
      "noegletal-katalog",
      "befolkning",
      "kdk-placeringer",
      "sammenligningsgrupper",
      "sammenligningsgrupper-modeller",
      "infrastruktur-kle-overensstemmelse"
    ]);
  });
});
