/**
 * Export of tables in the forms Danish users open them in: CSV that Danish Excel reads
 * correctly, and XLSX. Pure builders (usable in Node tests and in the browser); the
 * browser-only download buttons are in ./download.ts.
 *
 * CSV conventions (what Danish Excel expects when a file is double-clicked):
 * - UTF-8 with a byte-order mark, so æøå survive;
 * - `;` as separator, because `,` is the decimal mark;
 * - decimal comma and no thousands separator (`1234,5`), so Excel reads a number;
 * - CRLF line ends; fields with `;`, `"` or line breaks quoted, quotes doubled;
 * - a missing value is an empty cell, never 0 (a status column says why);
 * - after the table, a blank line and a "Kilde:" line (and "Demodata" when it is).
 */

import { asciiSlug } from "./slug.js";

export interface Column<T = Record<string, unknown>> {
  /** property of the row, or a function computing the cell */
  key: (keyof T & string) | ((row: T) => unknown);
  /** header shown to the user (Danish) */
  label: string;
  /** number of decimals for numeric cells; default: as many as needed */
  decimals?: number;
}

export interface ExportMeta {
  /** e.g. "Udg. til folkeskolen pr. elev, 2018" */
  title?: string;
  /** source line without the word "Kilde", e.g. "Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk)" */
  source: string;
  /** true when the table contains generated demo data: said in the file */
  demo?: boolean;
  /**
   * what the table's years are, appended to the source line (common/vocabulary.ts yearKindNote),
   * e.g. "2019 er budgettal"
   */
  years?: string;
}

/** The line under a table: "Kilde: …", with the years' kind when given ("Kilde: …. 2019 er budgettal"). */
export function sourceLine(meta: Pick<ExportMeta, "source" | "years">): string {
  return `Kilde: ${meta.source}${meta.years ? `. ${meta.years}` : ""}`;
}

export const BOM = "\uFEFF";
export const DEMO_TEXT = "Demodata: genererede tal, ikke virkelige kommunedata";

function cellOf<T>(row: T, column: Column<T>): unknown {
  return typeof column.key === "function" ? column.key(row) : (row as Record<string, unknown>)[column.key];
}

/** A number for Danish Excel: decimal comma, no grouping, fixed decimals when given. */
export function csvNumber(x: number, decimals?: number): string {
  if (!Number.isFinite(x)) return "";
  const s = decimals === undefined ? String(x) : x.toFixed(decimals);
  if (/e/i.test(s))
    return x.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 }).replace(".", ",");
  return s.replace(".", ",");
}

/** Text quoted when it holds `;`, `"` or a line break, quotes doubled. */
export function csvQuote(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV cell for Danish Excel: empty for missing, decimal comma, ja/nej for booleans, ISO dates, quoted text. */
export function csvField(value: unknown, decimals?: number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value, decimals);
  if (typeof value === "boolean") return value ? "ja" : "nej";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return csvQuote(String(value));
}

/** Lines of cells as CSV text for Danish Excel: BOM, `;` between cells, CRLF after every line. */
export function csvText(lines: readonly (readonly string[])[]): string {
  return BOM + lines.map((cells) => cells.join(";")).join("\r\n") + "\r\n";
}

/** The CSV text (with BOM) of `rows` in the order and with the headers of `columns`. */
export function csvDanish<T>(rows: readonly T[], columns: readonly Column<T>[], meta: ExportMeta): string {
  const lines: string[][] = [columns.map((c) => csvField(c.label))];
  for (const row of rows) lines.push(columns.map((c) => csvField(cellOf(row, c), c.decimals)));
  lines.push([]);
  if (meta.title) lines.push([csvField(meta.title)]);
  if (meta.demo) lines.push([csvField(DEMO_TEXT)]);
  lines.push([csvField(sourceLine(meta))]);
  return csvText(lines);
}

/** Excel number format with the given decimals; Excel shows it in the user's locale (1.234,5 in Danish). */
export function excelNumberFormat(decimals?: number): string {
  if (decimals === undefined) return "General";
  return decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(decimals)}`;
}

/** Decimals a number is written with, at most 6 (rounded there first, so floating noise such as 0.1 + 0.2 shows as 0,3). */
function decimalsOfNumber(x: number): number {
  const s = String(Number(x.toFixed(6)));
  if (/e/i.test(s)) return 0;
  const i = s.indexOf(".");
  return i < 0 ? 0 : Math.min(6, s.length - i - 1);
}

/**
 * The XLSX number format of a column whose decimals are not given: years and codes (integers between
 * 1900 and 2100, or a column called år/aar/kode) without a thousands separator; other whole numbers
 * with one (1.234); decimal numbers with a separator and as many decimals as the column's values show.
 */
export function inferredNumberFormat(label: string, values: readonly unknown[]): string {
  const nums = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (nums.length === 0) return "General";
  const decimals = Math.max(...nums.map(decimalsOfNumber));
  if (decimals > 0) return excelNumberFormat(decimals);
  const yearLike = nums.every((x) => x >= 1900 && x <= 2100);
  if (yearLike || /(^|[\s_-])(år|aar|year|kode|kommunekode|nr)\b/i.test(label)) return "0";
  return excelNumberFormat(0);
}

/** Minimal shape of the exceljs module we use, so Node and browser can pass their own copy. */
export interface ExcelJSLike {
  Workbook: new () => {
    creator: string;
    addWorksheet(name: string): {
      addRow(values: unknown[]): { font?: unknown; getCell(i: number): { numFmt: string } };
      getColumn(i: number): { width?: number };
      views: unknown[];
    };
    xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
  };
}

/** An XLSX workbook (bytes) with one sheet: title, optional demo line, header, rows, source. */
export async function xlsxBytes<T>(
  ExcelJS: ExcelJSLike,
  rows: readonly T[],
  columns: readonly Column<T>[],
  meta: ExportMeta & { sheet?: string }
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "kommunetal";
  const ws = wb.addWorksheet((meta.sheet ?? "Data").replace(/[\\/*?:[\]]/g, " ").slice(0, 31));
  let headerRow = 1;
  if (meta.title) {
    ws.addRow([meta.title]).font = { bold: true, size: 13 };
    headerRow++;
  }
  if (meta.demo) {
    ws.addRow([DEMO_TEXT]).font = { bold: true, color: { argb: "FFB5482C" } };
    headerRow++;
  }
  ws.addRow(columns.map((c) => c.label)).font = { bold: true };
  const table = rows.map((row) =>
    columns.map((c) => {
      const v = cellOf(row, c);
      return v === undefined || (typeof v === "number" && !Number.isFinite(v))
        ? null
        : typeof v === "boolean"
          ? v
            ? "ja"
            : "nej"
          : v;
    })
  );
  // every numeric cell gets a number format: the column's decimals, or the decimals its values show
  const formats = columns.map((c, i) =>
    c.decimals !== undefined
      ? excelNumberFormat(c.decimals)
      : inferredNumberFormat(
          c.label,
          table.map((values) => values[i])
        )
  );
  for (const values of table) {
    const r = ws.addRow(values);
    columns.forEach((_c, i) => {
      if (typeof values[i] === "number") r.getCell(i + 1).numFmt = formats[i];
    });
  }
  ws.addRow([]);
  ws.addRow([sourceLine(meta)]).font = { italic: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = Math.min(60, Math.max(10, c.label.length + 2))));
  ws.views = [{ state: "frozen", ySplit: headerRow }];
  const buffer = await wb.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

/** A file name from a title: ASCII, dashes, no spaces (æ→ae, ø→oe, å→aa). */
export function fileNameOf(title: string): string {
  return asciiSlug(title).slice(0, 80) || "kommunetal";
}
