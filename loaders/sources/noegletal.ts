/**
 * Parser for the report export of "Social- og Indenrigsministeriets Kommunale
 * Nøgletal" (noegletal.dk): ISO-8859-1, `;`-separated, decimal comma, `.` thousands.
 *
 * Layout: a header line `;Kom.nr;2013;…;2019` gives the years. Then one block per key
 * figure: a title line, one line per municipality `<Navn> Kommune;<kode>;<v2013>;…`,
 * optionally a national line (`I alt` or `Gennemsnit`), and a blank line. The legend
 * (`Tegnforklaring:`) and the notes follow the last block.
 *
 * Cell codes (from the file's own legend): `-` a true zero; `M` missing for the year;
 * `U` undefined for the year; `JA`/`NEJ` for yes/no figures. We also meet empty cells
 * (not reported, e.g. the latest year for some municipalities) and accept `..` (the DST
 * sign for "not available"). Missing is never turned into 0.
 */
import { decimalsOf, parseDanishNumber } from "../lib/danish-number.js";
import { InputError, columnOf, decode, splitRows, type Row } from "../lib/text.js";

import type { CellStatus } from "../../common/vocabulary.js";

export type { CellStatus };

export interface NoegletalValue {
  /** 1-based position of the key figure in the export */
  nr: number;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
  /** 1-based line in the raw file, for tracing any figure back to its source */
  linje: number;
}

export interface NationalValue {
  nr: number;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
  /** the source's own label of the national row */
  type: "I alt" | "Gennemsnit";
  linje: number;
}

export interface FigureBlock {
  nr: number;
  /** full title exactly as written in the source */
  titel: string;
  /** line of the title in the raw file */
  linje: number;
  national: "I alt" | "Gennemsnit" | null;
  /** footnote numbers referred to in the block, e.g. ["27"] (texts in ParsedNoegletal.notes) */
  noter: string[];
  /** most decimals written in any cell of the block (display precision) */
  decimaler: number;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ParsedNoegletal {
  years: number[];
  figures: FigureBlock[];
  values: NoegletalValue[];
  national: NationalValue[];
  rejected: RejectedRow[];
  /** footnotes from the end of the file, keyed by their number, e.g. "25" */
  notes: Record<string, string>;
  /** generation line of the report, e.g. "Social- og Indenrigsministeriet d. 03. september 2019" */
  generated: string | null;
  /** data lines read (municipality and national rows) */
  dataRowsRead: number;
  /** each municipality's name as the source writes it, e.g. "101" → "Københavns Kommune" */
  names: Record<string, string>;
}

const CODE_CELL = /^\d{3}$/;
const NATIONAL_ROW = /^(I alt|Gennemsnit)\s*(?:\((\d+)\))?$/;

/** Parse one value cell; throws an InputError naming the cell when it is not understood. */
export function parseCell(text: string, file: string, row: Row, index: number): { vaerdi: number | null; status: CellStatus } {
  const s = text.trim();
  switch (s) {
    case "":
      return { vaerdi: null, status: "ikke_indberettet" };
    case "-":
      return { vaerdi: 0, status: "nul" };
    case "M":
      return { vaerdi: null, status: "mangler" };
    case "U":
      return { vaerdi: null, status: "udefineret" };
    case "..":
      return { vaerdi: null, status: "ikke_tilgaengelig" };
    case "JA":
      return { vaerdi: 1, status: "ja" };
    case "NEJ":
      return { vaerdi: 0, status: "nej" };
  }
  const vaerdi = parseDanishNumber(s);
  if (vaerdi === undefined) {
    throw new InputError(file, row.line, columnOf(row, index), `kan ikke læse "${text}" som tal (forventer fx 1.234,5 eller en af koderne -, M, U, .., JA, NEJ)`);
  }
  return { vaerdi, status: "ok" };
}

function isBlank(row: Row): boolean {
  return row.cells.every((c) => c.trim() === "");
}

function isTitle(row: Row): boolean {
  return row.cells[0].trim() !== "" && (row.cells[1] ?? "").trim() === "" && row.cells.slice(2).every((c) => c.trim() === "");
}

/**
 * Parse the raw export.
 * @param bytes the file as read from disk (ISO-8859-1)
 * @param file  the file name used in error messages
 * @param validCodes the municipality codes to accept; rows with other codes are rejected and reported
 * @throws {InputError} on a cell or line that cannot be understood, naming file, line and column
 */
export function parseNoegletal(bytes: Uint8Array, file: string, validCodes?: Set<string>): ParsedNoegletal {
  const rows = splitRows(decode(bytes, "latin1"), file);
  const headerIndex = rows.findIndex((r) => (r.cells[1] ?? "").trim() === "Kom.nr");
  if (headerIndex < 0) throw new InputError(file, 1, 1, 'fandt ingen overskriftslinje med "Kom.nr" (er det en eksport fra noegletal.dk?)');
  const header = rows[headerIndex];
  const yearCells = header.cells.slice(2).filter((c) => c.trim() !== "");
  const years = yearCells.map((c, i) => {
    const y = Number(c.trim());
    if (!Number.isInteger(y) || y < 1990 || y > 2100) throw new InputError(file, header.line, columnOf(header, i + 2), `"${c}" er ikke et årstal`);
    return y;
  });
  const width = 2 + years.length;

  const figures: FigureBlock[] = [];
  const values: NoegletalValue[] = [];
  const national: NationalValue[] = [];
  const rejected: RejectedRow[] = [];
  const notes: Record<string, string> = {};
  let generated: string | null = null;
  let dataRowsRead = 0;
  const names: Record<string, string> = {};
  let current: FigureBlock | null = null;
  let inTrailer = false;

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row)) {
      current = null;
      continue;
    }
    const first = row.cells[0].trim();
    if (inTrailer) {
      const note = /^\((\d+)\)\s+(.*)$/.exec(first);
      if (note) notes[note[1]] = note[2].trim();
      if (/^Social- og Indenrigsministeriet d\./.test(first)) generated = first;
      continue;
    }
    if (first === "Tegnforklaring:") {
      inTrailer = true;
      current = null;
      continue;
    }
    if (current === null) {
      if (!isTitle(row)) {
        throw new InputError(file, row.line, 1, `forventede titlen på et nøgletal (én udfyldt celle), fandt "${row.cells.join(";").slice(0, 60)}"`);
      }
      current = { nr: figures.length + 1, titel: first, linje: row.line, national: null, noter: [...first.matchAll(/\((\d+)\)/g)].map((m) => m[1]), decimaler: 0 };
      figures.push(current);
      continue;
    }
    if (row.cells.length < width) {
      throw new InputError(file, row.line, columnOf(row, row.cells.length - 1) + row.cells[row.cells.length - 1].length, `linjen har ${row.cells.length} felter, forventede ${width}`);
    }
    const code = row.cells[1].trim();
    const nationalMatch = NATIONAL_ROW.exec(first);
    const isNational = nationalMatch !== null;
    const nationalType = nationalMatch?.[1] as "I alt" | "Gennemsnit" | undefined;
    if (nationalMatch?.[2] && !current.noter.includes(nationalMatch[2])) current.noter.push(nationalMatch[2]);
    if (!isNational && !CODE_CELL.test(code)) {
      throw new InputError(file, row.line, columnOf(row, 1), `forventede et 3-cifret kommunenummer, fandt "${row.cells[1]}"`);
    }
    dataRowsRead++;
    if (!isNational && !(code in names)) names[code] = first;
    if (!isNational && validCodes && !validCodes.has(code)) {
      rejected.push({ line: row.line, reason: `kommunenummer ${code} (${first}) er ikke en af de 98 kommuner` });
      continue;
    }
    for (let k = 0; k < years.length; k++) {
      const cell = row.cells[2 + k];
      const { vaerdi, status } = parseCell(cell, file, row, 2 + k);
      if (status === "ok") current.decimaler = Math.max(current.decimaler, decimalsOf(cell.trim()));
      if (isNational) national.push({ nr: current.nr, aar: years[k], vaerdi, status, type: nationalType!, linje: row.line });
      else values.push({ nr: current.nr, kommunekode: code, aar: years[k], vaerdi, status, linje: row.line });
    }
    if (isNational) current.national = nationalType!;
  }
  if (figures.length === 0) throw new InputError(file, header.line + 1, 1, "filen indeholder ingen nøgletal efter overskriften");
  return { years, figures, values, national, rejected, notes, generated, dataRowsRead, names };
}
