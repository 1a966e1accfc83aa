/**
 * Danish CSV for the published tables (`/filer/<table>.csv`): what Danish Excel opens
 * correctly with a double click, and what Power BI loads with the Danish locale.
 *
 * - UTF-8 with a byte-order mark (without it Excel reads æøå as ISO-8859-1 mojibake);
 * - `;` as separator (Danish Excel's list separator), CRLF line ends;
 * - decimal comma, no thousands separator (a `.` would be read as a thousands mark by
 *   Danish Excel only in some cases; plain digits are always read the same way);
 * - missing values are empty cells, never 0; the `status` column says why;
 * - text that contains `;`, `"` or a line break is quoted, quotes doubled.
 *
 * The column order and types come from the same schema as the Parquet file. These files
 * carry no "Kilde:" line, so Power BI and Excel can load them as plain tables; the data
 * page names the source of every file (downloads from the pages do carry the line).
 */

import { BOM, csvField, csvNumber, csvText } from "../common/export.js";
import type { ColumnType, Schema } from "./lib/parquet.js";

export { BOM };

/** `1234.5` → `1234,5`; never exponent notation (the same rule as the page downloads). */
export const danishDecimal = (x: number): string => csvNumber(x);

/** One cell of a published table: the common CSV writer's cell, typed by the schema (a non-number in a number column is text). */
export function cell(v: unknown, type: ColumnType): string {
  if (v === null || v === undefined) return "";
  if ((type === "DOUBLE" || type === "INT32") && typeof v === "number") return csvField(v);
  if (type === "BOOLEAN") return csvField(Boolean(v));
  return csvField(String(v));
}

/** Rows as Danish CSV text (with BOM), columns in schema order; written by the common CSV writer (common/export.ts). */
export function toDanishCsv<T extends object>(rows: readonly T[], schema: Schema<T>): string {
  const cols = Object.entries(schema) as [keyof T & string, ColumnType][];
  return csvText([
    cols.map(([name]) => csvField(name)),
    ...rows.map((row) => cols.map(([name, type]) => cell(row[name], type)))
  ]);
}
