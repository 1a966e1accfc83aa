/** The published CSV files (/filer/*.csv): what Danish Excel and Power BI read. */
import { describe, expect, test } from "vitest";
import { BOM, toDanishCsv } from "../../loaders/csv.js";
import { buildKommuner } from "../../loaders/datasets.js";
import { KOMMUNER_SCHEMA } from "../../loaders/schemas.js";

describe("toDanishCsv", () => {
  const rows = Object.freeze([
    { kode: "101", navn: "København", v: 1234.5, n: 3 },
    { kode: "825", navn: 'Læsø; "øen"', v: null, n: 0 },
    { kode: "851", navn: "Aalborg", v: -0.000001, n: -2 }
  ]);
  const csv = toDanishCsv(rows, { kode: "STRING", navn: "STRING", v: "DOUBLE", n: "INT32" });
  const lines = csv.slice(1).split("\r\n");

  test("UTF-8 BOM, ; separator, CRLF, header from the schema", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    expect(lines[0]).toBe("kode;navn;v;n");
    expect(lines).toHaveLength(5); // header, 3 rows, trailing empty
  });

  test("decimal comma, no grouping, no exponent; missing is empty, 0 stays 0; codes keep leading digits", () => {
    expect(lines[1]).toBe("101;København;1234,5;3");
    expect(lines[2]).toBe('825;"Læsø; ""øen""";;0');
    expect(lines[3]).toBe("851;Aalborg;-0,000001;-2");
  });

  test("the 98 municipalities: kommunekode stays a 3-digit text, areal has a decimal comma", () => {
    const text = toDanishCsv(buildKommuner(), KOMMUNER_SCHEMA);
    const kbh = text
      .split("\r\n")
      .find((l) => l.startsWith("101;"))!
      .split(";");
    const header = text.slice(1).split("\r\n")[0].split(";");
    expect(kbh.slice(0, 4)).toEqual(["101", "0101", "København", "Københavns Kommune"]);
    expect(kbh[header.indexOf("areal_km2")]).toBe("86,7");
    expect(text.split("\r\n").filter((l) => /^\d{3};/.test(l))).toHaveLength(98);
  });
});

describe("one CSV writer for the published tables and the page downloads", () => {
  test("the same rows give the same table lines from toDanishCsv and csvDanish (common/export.ts)", async () => {
    const { csvDanish } = await import("../../common/export.js");
    const rows = [
      { kode: "101", navn: 'Læsø; "øen"\nny linje', v: 1234.5, b: true },
      { kode: "825", navn: "Aalborg", v: null, b: false }
    ];
    const published = toDanishCsv(rows, { kode: "STRING", navn: "STRING", v: "DOUBLE", b: "BOOLEAN" });
    const download = csvDanish(
      rows,
      [
        { key: "kode", label: "kode" },
        { key: "navn", label: "navn" },
        { key: "v", label: "v" },
        { key: "b", label: "b" }
      ],
      { source: "S" }
    );
    // the download adds a blank line and "Kilde: S" after the table; otherwise byte for byte the same
    expect(download).toBe(published + "\r\nKilde: S\r\n");
    expect(published).toBe(BOM + 'kode;navn;v;b\r\n101;"Læsø; ""øen""\nny linje";1234,5;ja\r\n825;Aalborg;;nej\r\n');
  });
});
