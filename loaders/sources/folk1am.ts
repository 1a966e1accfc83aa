/**
 * DST StatBank export of FOLK1AM ("Befolkningen den 1. i måneden"): `OMRÅDE;TID;INDHOLD`,
 * UTF-8 with BOM, CRLF. OMRÅDE is DST's area *name* ("Hele landet", "Region …",
 * municipality names), so rows are matched to codes by name. "Hele landet" is kept apart
 * as the national total; regions and names that are not one of the 98 municipalities
 * (Christiansø) are rejected with a reason.
 */
import { InputError, columnOf, decode, splitRows } from "../lib/text.js";

export interface Befolkning {
  kommunekode: string;
  /** DST month code, e.g. "2024M01" */
  maaned: string;
  befolkning: number;
}

export interface Folk1amParsed {
  rows: Befolkning[];
  national: { maaned: string; befolkning: number }[];
  rejected: { line: number; reason: string }[];
  read: number;
}

export function parseFolk1am(bytes: Uint8Array, file: string, codeByName: Map<string, string>): Folk1amParsed {
  const rows = splitRows(decode(bytes, "utf-8"), file);
  const header = rows[0]?.cells.map((c) => c.trim());
  const [iOmr, iTid, iInd] = ["OMRÅDE", "TID", "INDHOLD"].map((h) => header?.indexOf(h) ?? -1);
  if (iOmr < 0 || iTid < 0 || iInd < 0) throw new InputError(file, 1, 1, `overskriften skal være OMRÅDE;TID;INDHOLD, fandt "${rows[0]?.cells.join(";")}"`);
  const out: Befolkning[] = [];
  const national: { maaned: string; befolkning: number }[] = [];
  const rejected: { line: number; reason: string }[] = [];
  let read = 0;
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    read++;
    const omr = row.cells[iOmr].trim();
    const tid = row.cells[iTid]?.trim() ?? "";
    const raw = row.cells[iInd]?.trim() ?? "";
    if (!/^\d{4}M(0[1-9]|1[0-2])$/.test(tid)) throw new InputError(file, row.line, columnOf(row, iTid), `"${tid}" er ikke en DST-måned som 2024M01`);
    if (!/^\d+$/.test(raw)) throw new InputError(file, row.line, columnOf(row, iInd), `"${raw}" er ikke et antal personer`);
    const befolkning = Number(raw);
    if (omr === "Hele landet") {
      national.push({ maaned: tid, befolkning });
      read--; // kept apart, not a municipality row
      continue;
    }
    const kode = codeByName.get(omr);
    if (!kode) {
      rejected.push({ line: row.line, reason: `"${omr}" er ikke en af de 98 kommuner` });
      continue;
    }
    out.push({ kommunekode: kode, maaned: tid, befolkning });
  }
  return { rows: out, national, rejected, read };
}
