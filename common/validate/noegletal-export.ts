/**
 * Pure (bytes in, findings out; shared by the build, `npm run validate` and the browser check of /datakvalitet).
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

import { decimalsOf, parseDanishNumber } from "../danish-number.js";
import { unitOf } from "../noegletal-katalog.js";
import {
  checkNational,
  decodeDetected,
  type Encoding,
  encodingWarning,
  type Finding,
  fieldCountFinding,
  finding,
  formatFamily,
  numberFormatOf,
  rangeOfUnit
} from "../rules/index.js";
import { columnOf, InputError, type Row, splitRows } from "../text.js";
import type { CellStatus } from "../vocabulary.js";

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
  /** the file's encoding, decided from its bytes */
  encoding: Encoding;
  /** number of value cells per written format (`heltal`, `tusind`, `decimal:1` …): the file's number format, reported */
  numberFormats: Record<string, number>;
}

const CODE_CELL = /^\d{3}$/;
const NATIONAL_ROW = /^(I alt|Gennemsnit)\s*(?:\((\d+)\))?$/;

/** Parse one value cell; throws an InputError naming the cell when it is not understood. */
export function parseCell(
  text: string,
  file: string,
  row: Row,
  index: number
): { vaerdi: number | null; status: CellStatus } {
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
    if (numberFormatOf(s) === "engelsk") {
      throw new InputError(
        file,
        row.line,
        columnOf(row, index),
        `"${text}" er skrevet i engelsk talformat; filen skal bruge dansk (1.234,5)`,
        "tal.format"
      );
    }
    throw new InputError(
      file,
      row.line,
      columnOf(row, index),
      `kan ikke læse "${text}" som tal (forventer fx 1.234,5 eller en af koderne -, M, U, .., JA, NEJ)`
    );
  }
  return { vaerdi, status: "ok" };
}

function isBlank(row: Row): boolean {
  return row.cells.every((c) => c.trim() === "");
}

function isTitle(row: Row): boolean {
  return (
    row.cells[0].trim() !== "" && (row.cells[1] ?? "").trim() === "" && row.cells.slice(2).every((c) => c.trim() === "")
  );
}

/** Longest plausible title (the 2019 export's longest is well under this); a longer "title" is junk. */
const MAX_TITLE = 200;

export interface NoegletalOptions {
  /** the municipality codes to accept; rows with other codes are rejected and reported */
  validCodes?: Set<string>;
  /** code → name as DAWA writes it ("101" → "København"): each row's name must start with it */
  namesByCode?: Map<string, string>;
}

interface BlockState {
  fig: FigureBlock;
  codes: Map<string, number>;
  nationalLine: number | null;
  /** numeric cells: their format and place */
  formats: { family: string; text: string; line: number; column: number }[];
  /** per year: municipal numbers (null when a cell is not a number) and the national cell */
  byYear: Map<number, { municipal: (number | null)[]; national?: { v: number; line: number; column: number } }>;
}

const stripKommune = (name: string) => name.replace(/\s+(Regions)?[Kk]ommune$/, "").trim();

/**
 * Check and parse the raw export, returning every finding instead of stopping (for a
 * validator). `parsed` is null when the file could not be read at all.
 */
export function inspectNoegletal(
  bytes: Uint8Array,
  file: string,
  options: NoegletalOptions = {}
): { parsed: ParsedNoegletal | null; findings: Finding[] } {
  const findings: Finding[] = [];
  try {
    const parsed = walkNoegletal(bytes, file, options, findings);
    return { parsed, findings };
  } catch (error) {
    if (error instanceof InputError) return { parsed: null, findings: [...findings, error.toFinding()] };
    throw error;
  }
}

function walkNoegletal(
  bytes: Uint8Array,
  file: string,
  options: NoegletalOptions,
  findings: Finding[]
): ParsedNoegletal {
  const { validCodes, namesByCode } = options;
  const { text, encoding } = decodeDetected(bytes);
  const enc = encodingWarning(file, encoding, ["iso-8859-1", "ascii"], " som kilden plejer");
  if (enc) findings.push(enc);
  const rows = splitRows(text, file);
  const headerIndex = rows.findIndex((r) => (r.cells[1] ?? "").trim() === "Kom.nr");
  if (headerIndex < 0)
    throw new InputError(
      file,
      1,
      1,
      'fandt ingen overskriftslinje med "Kom.nr" (er det en eksport fra noegletal.dk?)',
      "form.overskrift"
    );
  const header = rows[headerIndex];
  const width = header.cells.length;
  const years: number[] = [];
  for (let i = 2; i < width; i++) {
    const c = header.cells[i].trim();
    const y = Number(c);
    if (c === "")
      throw new InputError(
        file,
        header.line,
        columnOf(header, i),
        `årstal nr. ${i - 1} i overskriften er tomt`,
        "form.overskrift"
      );
    if (!Number.isInteger(y) || y < 1990 || y > 2100)
      throw new InputError(file, header.line, columnOf(header, i), `"${c}" er ikke et årstal`, "form.overskrift");
    if (years.includes(y))
      throw new InputError(
        file,
        header.line,
        columnOf(header, i),
        `årstallet ${y} står to gange i overskriften`,
        "form.overskrift"
      );
    if (years.length && y !== years[years.length - 1] + 1) {
      throw new InputError(
        file,
        header.line,
        columnOf(header, i),
        `årstallene er ikke fortløbende: ${years[years.length - 1]} efterfølges af ${y}`,
        "form.overskrift"
      );
    }
    years.push(y);
  }
  if (years.length === 0)
    throw new InputError(file, header.line, 1, "overskriften har ingen årstal", "form.overskrift");

  const figures: FigureBlock[] = [];
  const values: NoegletalValue[] = [];
  const national: NationalValue[] = [];
  const rejected: RejectedRow[] = [];
  const notes: Record<string, string> = {};
  let generated: string | null = null;
  let dataRowsRead = 0;
  const names: Record<string, string> = {};
  const nameLine: Record<string, number> = {};
  const titles = new Map<string, number>();
  let block: BlockState | null = null;
  let inTrailer = false;
  const add = (f: Finding) => findings.push(f);
  const numberFormats: Record<string, number> = {};
  const lastLine = rows.length ? rows[rows.length - 1].line : header.line;

  const closeBlock = (endLine: number) => {
    if (!block) return;
    const b = block;
    block = null;
    const expected = validCodes ?? null;
    const got = [...b.codes.keys()].filter((c) => !expected || expected.has(c));
    if (b.codes.size === 0) {
      add(
        finding(
          "form.raekker",
          file,
          `"${b.fig.titel.slice(0, 60)}" er ikke fulgt af kommunerækker (en linje, der ikke er et nøgletal?)`,
          { line: b.fig.linje, column: 1 }
        )
      );
      return;
    }
    if (expected && got.length !== expected.size) {
      const missing = [...expected].filter((c) => !b.codes.has(c));
      add(
        finding(
          "form.raekker",
          file,
          `nøgletallet "${b.fig.titel.slice(0, 60)}" har ${got.length} af ${expected.size} kommuner; mangler ${missing.slice(0, 10).join(", ")}${missing.length > 10 ? " …" : ""}`,
          { line: endLine, column: 1 }
        )
      );
    } else if (!expected && b.codes.size !== 98) {
      add(
        finding(
          "form.raekker",
          file,
          `nøgletallet "${b.fig.titel.slice(0, 60)}" har ${b.codes.size} kommunerækker, forventede 98`,
          { line: endLine, column: 1 }
        )
      );
    }
    // one number format per figure
    const counts = new Map<string, number>();
    for (const f of b.formats) counts.set(f.family, (counts.get(f.family) ?? 0) + 1);
    const major = [...counts].sort((a, z) => z[1] - a[1])[0]?.[0];
    for (const f of b.formats.filter((x) => x.family !== major).slice(0, 5)) {
      const what = (fam: string) => (fam === "heltal" ? "heltal (1.234)" : fam.replace("decimal:", "") + " decimaler");
      add(
        finding(
          "tal.format",
          file,
          `"${f.text}" er skrevet som ${what(f.family)}, men nøgletallet "${b.fig.titel.slice(0, 50)}" er skrevet med ${what(major!)} (${counts.get(major!)} celler); tallet kan være læst forkert`,
          { line: f.line, column: f.column }
        )
      );
    }
    // the source's own national figure agrees with its municipalities
    if (b.fig.national) {
      for (const [aar, y] of b.byYear) {
        if (!y.national || y.municipal.length !== b.codes.size || y.municipal.some((v) => v === null)) continue;
        const reason = checkNational(b.fig.national, y.national.v, y.municipal as number[]);
        if (reason)
          add(
            finding("tal.landstal", file, `${b.fig.titel.slice(0, 50)}, ${aar}: ${reason}`, {
              line: y.national.line,
              column: y.national.column,
              periode: String(aar)
            })
          );
      }
    }
  };

  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (isBlank(row)) {
      closeBlock(row.line);
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
      closeBlock(row.line);
      inTrailer = true;
      continue;
    }
    if (block === null) {
      if (!isTitle(row) || first.length > MAX_TITLE) {
        add(
          finding(
            "form.linje",
            file,
            `linjen er hverken titel, overskrift, datarække, landstal eller note: "${row.cells.join(";").slice(0, 60)}"`,
            { line: row.line, column: 1 }
          )
        );
        continue;
      }
      if (row.cells.length !== width) {
        add(
          finding(
            "form.felter",
            file,
            `titellinjen har ${row.cells.length} felter, forventede ${width} som overskriften`,
            { line: row.line, column: 1 }
          )
        );
      }
      if (titles.has(first)) {
        add(
          finding(
            "form.blok",
            file,
            `nøgletallet "${first.slice(0, 60)}" står to gange (første gang linje ${titles.get(first)})`,
            { line: row.line, column: 1 }
          )
        );
      }
      titles.set(first, row.line);
      const fig: FigureBlock = {
        nr: figures.length + 1,
        titel: first,
        linje: row.line,
        national: null,
        noter: [...first.matchAll(/\((\d+)\)/g)].map((m) => m[1]),
        decimaler: 0
      };
      figures.push(fig);
      block = { fig, codes: new Map(), nationalLine: null, formats: [], byYear: new Map() };
      continue;
    }
    const b: BlockState = block;
    const current = b.fig;
    if (isTitle(row)) {
      add(
        finding(
          "form.linje",
          file,
          `en titel eller tekst midt i nøgletallet "${current.titel.slice(0, 40)}" (mangler en tom linje?): "${first.slice(0, 60)}"`,
          { line: row.line, column: 1 }
        )
      );
      continue;
    }
    if (row.cells.length !== width) {
      const lastCell = row.cells[row.cells.length - 1];
      add(fieldCountFinding(file, row, width, lastLine, columnOf(row, row.cells.length - 1) + lastCell.length));
      continue;
    }
    const code = row.cells[1].trim();
    const nationalMatch = NATIONAL_ROW.exec(first);
    const isNational = nationalMatch !== null;
    const nationalType = nationalMatch?.[1] as "I alt" | "Gennemsnit" | undefined;
    if (nationalMatch?.[2] && !current.noter.includes(nationalMatch[2])) current.noter.push(nationalMatch[2]);
    if (!isNational && !CODE_CELL.test(code)) {
      add(
        finding("form.linje", file, `forventede et 3-cifret kommunenummer, fandt "${row.cells[1]}"`, {
          line: row.line,
          column: columnOf(row, 1)
        })
      );
      continue;
    }
    dataRowsRead++;
    if (isNational) {
      if (b.nationalLine !== null)
        add(
          finding(
            "form.dublet",
            file,
            `landstallet står to gange i "${current.titel.slice(0, 50)}" (første gang linje ${b.nationalLine})`,
            { line: row.line, column: 1 }
          )
        );
      b.nationalLine = row.line;
    } else {
      if (b.codes.has(code)) {
        add(
          finding(
            "form.dublet",
            file,
            `kommune ${code} står to gange i "${current.titel.slice(0, 50)}" (første gang linje ${b.codes.get(code)})`,
            { line: row.line, column: columnOf(row, 1), kommunekode: code }
          )
        );
        continue;
      }
      b.codes.set(code, row.line);
      if (!(code in names)) {
        names[code] = first;
        nameLine[code] = row.line;
        const dawaName = namesByCode?.get(code);
        if (
          dawaName &&
          !first.toLowerCase().startsWith(dawaName.toLowerCase()) &&
          !dawaName.toLowerCase().startsWith(stripKommune(first).toLowerCase())
        ) {
          add(
            finding("navn.kode", file, `"${first}" passer ikke til kommunekode ${code} (${dawaName})`, {
              line: row.line,
              column: 1,
              kommunekode: code
            })
          );
        }
      } else if (names[code] !== first) {
        add(
          finding(
            "navn.kode",
            file,
            `kommunekode ${code} hedder "${first}" her, men "${names[code]}" i linje ${nameLine[code]}`,
            { line: row.line, column: 1, kommunekode: code }
          )
        );
      }
    }
    if (!isNational && validCodes && !validCodes.has(code)) {
      rejected.push({ line: row.line, reason: `kommunenummer ${code} (${first}) er ikke en af de 98 kommuner` });
      continue;
    }
    const range = rangeOfUnit(unitOf(current.titel));
    for (let k = 0; k < years.length; k++) {
      const cell = row.cells[2 + k];
      let parsedCell: { vaerdi: number | null; status: CellStatus };
      try {
        parsedCell = parseCell(cell, file, row, 2 + k);
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        add(error.toFinding());
        continue;
      }
      const { vaerdi, status } = parsedCell;
      const column = columnOf(row, 2 + k);
      const y = b.byYear.get(years[k]) ?? { municipal: [] };
      b.byYear.set(years[k], y);
      if (status === "ok") {
        current.decimaler = Math.max(current.decimaler, decimalsOf(cell.trim()));
        const format = numberFormatOf(cell)!;
        numberFormats[format] = (numberFormats[format] ?? 0) + 1;
        b.formats.push({ family: formatFamily(format), text: cell.trim(), line: row.line, column });
        if (vaerdi! < range.min || vaerdi! > range.max) {
          add(
            finding(
              "tal.interval",
              file,
              `${cell.trim()} i "${current.titel.slice(0, 50)}", ${years[k]}, er uden for det plausible interval (${range.tekst})`,
              { line: row.line, column, kommunekode: isNational ? undefined : code, periode: String(years[k]) }
            )
          );
        }
      }
      if (isNational) {
        national.push({ nr: current.nr, aar: years[k], vaerdi, status, type: nationalType!, linje: row.line });
        if (vaerdi !== null && (status === "ok" || status === "nul"))
          y.national = { v: vaerdi, line: row.line, column };
      } else {
        values.push({ nr: current.nr, kommunekode: code, aar: years[k], vaerdi, status, linje: row.line });
        y.municipal.push(status === "ok" || status === "nul" ? vaerdi : null);
      }
    }
    if (isNational) current.national = nationalType!;
  }
  if (!inTrailer) {
    add(
      finding(
        "fil.afkortet",
        file,
        "filen slutter uden tegnforklaringen (Tegnforklaring:), som afslutter et udtræk fra noegletal.dk: filen er afkortet",
        { line: lastLine, column: 1 }
      )
    );
    closeBlock(lastLine);
  }
  if (figures.length === 0)
    throw new InputError(
      file,
      header.line + 1,
      1,
      "filen indeholder ingen nøgletal efter overskriften",
      "form.raekker"
    );
  return { years, figures, values, national, rejected, notes, generated, dataRowsRead, names, encoding, numberFormats };
}
