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

describe("the page /data: catalogue headers from the vocabulary, file sizes", async () => {
  const { KATALOG_HEADERS } = await import("../../common/vocabulary.js");
  const { CATALOGUE_TABLE_COLUMNS, catalogueTableHeader, fileSize, yearCell } = await import(
    "../../common/views/data.js"
  );
  it("the headers name exactly the published catalogue's columns, and the dictionary describes the same ones", () => {
    const schema = Object.keys(PUBLISHED_SCHEMAS["noegletal-katalog"]).sort();
    expect(Object.keys(KATALOG_HEADERS).sort()).toEqual(schema);
    expect(Object.keys(TABLES.find((t) => t.navn === "noegletal-katalog")!.kolonner).sort()).toEqual(schema);
    // one header per column, none used twice
    expect(new Set(Object.values(KATALOG_HEADERS)).size).toBe(schema.length);
  });
  it("the table's headers are the vocabulary's", () => {
    const h = catalogueTableHeader();
    expect(Object.keys(h)).toEqual([...CATALOGUE_TABLE_COLUMNS]);
    for (const c of CATALOGUE_TABLE_COLUMNS) expect(h[c]).toBe(KATALOG_HEADERS[c]);
    expect([yearCell(null), yearCell(2019)]).toEqual(["–", "2019"]);
  });
  it("sizes in whole kB with Danish grouping", () => {
    // 1,263,616 bytes / 1024 = 1234 kB; 1536 / 1024 = 1.5 → 2
    expect(fileSize(1_263_616)).toBe("1.234 kB");
    expect(fileSize(1536)).toBe("2 kB");
    expect(fileSize(undefined)).toBe("");
  });
});
