import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import {
  BOM,
  type Column,
  csvDanish,
  csvNumber,
  type ExcelJSLike,
  excelNumberFormat,
  fileNameOf,
  inferredNumberFormat,
  xlsxBytes
} from "../../common/export.js";

interface Row {
  kode: string;
  navn: string;
  vaerdi: number | null;
  note?: string;
}

const rows: Row[] = Object.freeze([
  { kode: "101", navn: "København", vaerdi: 1234.5 },
  { kode: "825", navn: "Læsø", vaerdi: null, note: 'mangler; "M"' },
  { kode: "851", navn: "Aalborg", vaerdi: -0.25 }
]) as Row[];
const columns: Column<Row>[] = [
  { key: "kode", label: "Kommunekode" },
  { key: "navn", label: "Kommune" },
  { key: "vaerdi", label: "Værdi (kr.)", decimals: 1 },
  { key: "note", label: "Note" }
];

describe("csvDanish", () => {
  const csv = csvDanish(rows, columns, { title: "Test, 2018", source: "Social- og Indenrigsministeriet" });

  test("starts with a UTF-8 byte-order mark and uses ; and CRLF", () => {
    expect(csv.startsWith(BOM)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe("Kommunekode;Kommune;Værdi (kr.);Note");
    expect(lines[1]).toBe("101;København;1234,5;");
  });

  test("missing is an empty cell, never 0; quotes and ; are escaped", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[2]).toBe('825;Læsø;;"mangler; ""M"""');
    expect(lines[3]).toBe("851;Aalborg;-0,3;");
  });

  test("ends with the title and a Kilde line after a blank line", () => {
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines.slice(-3)).toEqual(["", "Test, 2018", "Kilde: Social- og Indenrigsministeriet"]);
  });

  test("says Demodata when the table is demo data", () => {
    expect(csvDanish(rows, columns, { source: "x", demo: true })).toContain("Demodata");
    expect(csv).not.toContain("Demodata");
  });
});

describe("csvNumber", () => {
  test("decimal comma, no grouping, fixed decimals when asked", () => {
    expect(csvNumber(5602536)).toBe("5602536");
    expect(csvNumber(42912.1, 2)).toBe("42912,10");
    expect(csvNumber(1e-7)).toBe("0,0000001");
    expect(csvNumber(NaN)).toBe("");
  });
});

describe("xlsxBytes", () => {
  test("round-trips through exceljs with Danish characters, numbers as numbers and the source line", async () => {
    const bytes = await xlsxBytes(ExcelJS as unknown as ExcelJSLike, rows, columns, {
      title: "Æblegrød på Læsø",
      source: "noegletal.dk",
      demo: true
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell("A1").value).toBe("Æblegrød på Læsø");
    expect(String(ws.getCell("A2").value)).toContain("Demodata");
    expect(ws.getRow(3).values).toEqual([undefined, "Kommunekode", "Kommune", "Værdi (kr.)", "Note"]);
    expect(ws.getCell("C4").value).toBe(1234.5);
    expect(ws.getCell("C4").numFmt).toBe("#,##0.0");
    expect(ws.getCell("C5").value).toBeNull();
    expect(ws.getCell("A4").value).toBe("101"); // codes stay text
    expect(ws.getCell("A8").value).toBe("Kilde: noegletal.dk");
  });
});

test("excelNumberFormat and fileNameOf", () => {
  expect(excelNumberFormat(0)).toBe("#,##0");
  expect(excelNumberFormat(2)).toBe("#,##0.00");
  expect(excelNumberFormat()).toBe("General");
  expect(fileNameOf("Udg. til ældre pr. 67+-årig, 2019")).toBe("udg-til-aeldre-pr-67plus-aarig-2019");
});

describe("XLSX number formats without given decimals (issue #14 §4)", () => {
  test("thousands separator, the decimals the values show, years and codes plain; read back with exceljs", async () => {
    type R = { aar: number; befolkning: number; andel: number; tekst: string };
    const data: R[] = [
      { aar: 2018, befolkning: 623404, andel: 4.25, tekst: "a" },
      { aar: 2019, befolkning: 1807, andel: 3.5, tekst: "b" }
    ];
    const cols: Column<R>[] = [
      { key: "aar", label: "År" },
      { key: "befolkning", label: "Indbyggere" },
      { key: "andel", label: "Andel (pct.)" },
      { key: "tekst", label: "Tekst" }
    ];
    const bytes = await xlsxBytes(ExcelJS as unknown as ExcelJSLike, data, cols, { source: "test" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    // row 1 header, rows 2-3 data
    expect(ws.getCell("A2").value).toBe(2018);
    expect(ws.getCell("A2").numFmt).toBe("0");
    expect(ws.getCell("B2").value).toBe(623404);
    expect(ws.getCell("B2").numFmt).toBe("#,##0");
    expect(ws.getCell("B3").numFmt).toBe("#,##0");
    // 4.25 shows two decimals, so the whole column is written with two (3,50)
    expect(ws.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C3").numFmt).toBe("#,##0.00");
    expect(ws.getCell("D2").value).toBe("a");
  });
  test("inferredNumberFormat", () => {
    expect(inferredNumberFormat("Kommunekode", [101, 851])).toBe("0");
    expect(inferredNumberFormat("Antal", [12, 3456])).toBe("#,##0");
    expect(inferredNumberFormat("Antal", [1950, 2000])).toBe("0"); // year-like values: no separator
    expect(inferredNumberFormat("Værdi", [0.1 + 0.2])).toBe("#,##0.0"); // floating noise is not shown
    expect(inferredNumberFormat("Værdi", [1 / 3])).toBe("#,##0.000000"); // at most 6 decimals
    expect(inferredNumberFormat("Tom", [null, "x"])).toBe("General");
  });
});
