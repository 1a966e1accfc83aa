/**
 * Write rows as a Parquet file (bytes) with an explicit schema, so that a column's
 * type never depends on guessing from the data (a column of codes stays a string).
 */
import { parquetWriteBuffer } from "hyparquet-writer";

export type ColumnType = "STRING" | "DOUBLE" | "INT32" | "BOOLEAN";

export type Schema<T> = { [K in keyof T]?: ColumnType };

export function toParquet<T extends object>(rows: readonly T[], schema: Schema<T>): Uint8Array {
  const columnData = (Object.entries(schema) as [keyof T & string, ColumnType][]).map(([name, type]) => ({
    name,
    type,
    nullable: true,
    data: rows.map((row) => {
      const v = row[name] as unknown;
      if (v === undefined || v === null) return null;
      if (type === "STRING" && typeof v !== "string")
        throw new TypeError(`kolonnen ${name} skal være tekst, fik ${typeof v}`);
      if ((type === "DOUBLE" || type === "INT32") && typeof v !== "number")
        throw new TypeError(`kolonnen ${name} skal være et tal, fik ${typeof v}`);
      return v;
    })
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
