/**
 * File-level checks of `npm run validate` (issue #11): recognise a file's format from its
 * header and name, and check what the loaders' parsers do not (binary files, empty files,
 * separators, mixed line endings, very long lines), plus a parser for the project's own
 * published key-figure table (`/filer/noegletal.csv`: `;`, decimal comma, UTF-8 with BOM).
 *
 * Pure TypeScript (bytes in, findings out; TextDecoder only), so the browser page can reuse it.
 */
import { CONTRACTS, type ExtractKind } from "../../common/infra/contracts.js";
import {
  decodeDetected,
  ENCODING_LABEL,
  type Encoding,
  type Finding,
  fieldCountFinding,
  finding,
  numberFormatOf,
  rangeOfUnit
} from "../../common/rules/index.js";
import { CELL_STATUSES, type CellStatus, isNumericStatus } from "../../common/vocabulary.js";
import { columnOf, InputError, splitRows } from "../lib/text.js";

/** The formats the command line reads. */
export type FormatId = "noegletal" | "folk1am" | "tabel" | ExtractKind;

export const FORMAT_NAMES: Record<FormatId, string> = {
  noegletal: "eksport fra noegletal.dk (Kommunale Nøgletal)",
  folk1am: "DST FOLK1AM (befolkningen den 1. i måneden)",
  tabel: "kommunetals nøgletalstabel (/filer/noegletal.csv)",
  serviceplatformen: CONTRACTS.serviceplatformen.title,
  stoettesystemer: CONTRACTS.stoettesystemer.title,
  indekssager: CONTRACTS.indekssager.title,
  klarmelding: CONTRACTS.klarmelding.title,
  systemanvendelse: CONTRACTS.systemanvendelse.title
};

/** Names accepted by `--format` (with a few short aliases). */
export const FORMAT_ALIASES: Record<string, FormatId> = {
  noegletal: "noegletal",
  "noegletal.dk": "noegletal",
  folk1am: "folk1am",
  tabel: "tabel",
  "noegletal-tabel": "tabel",
  serviceplatformen: "serviceplatformen",
  stoettesystemer: "stoettesystemer",
  indeks: "indekssager",
  indekssager: "indekssager",
  klarmelding: "klarmelding",
  systemanvendelse: "systemanvendelse"
};

/** The published key-figure table's columns, in order. */
export const TABLE_COLUMNS = ["id", "kommunekode", "aar", "vaerdi", "status"] as const;
const FOLK1AM_COLUMNS = ["OMRÅDE", "TID", "INDHOLD"];

/** Longer lines than this are a finding (form.linjelaengde): line breaks lost or junk pasted in. */
export const MAX_LINE = 10_000;

/** A file that cannot be read at all (exit code 2): empty, binary, a spreadsheet. */
export class UnreadableFile extends Error {
  constructor(
    readonly finding: Finding,
    message: string
  ) {
    super(message);
    this.name = "UnreadableFile";
  }
}

/** Refuse what is not text: empty files, XLSX/ZIP, old Excel, PDF, gzip inside a .csv, NUL bytes. */
export function assertText(bytes: Uint8Array, file: string): void {
  const unreadable = (rule: "fil.tom" | "fil.binaer", msg: string) => {
    throw new UnreadableFile(finding(rule, file, msg), `${file}: ${msg} [regel ${rule}]`);
  };
  if (bytes.length === 0) unreadable("fil.tom", "filen er tom (0 byte); der er intet at kontrollere");
  const magic = (...b: number[]) => b.every((x, i) => bytes[i] === x);
  if (magic(0x50, 0x4b, 0x03, 0x04))
    unreadable(
      "fil.binaer",
      "filen er et regneark (XLSX) eller et zip-arkiv, ikke en CSV-fil. Åbn den i Excel og gem den som " +
        '"CSV (semikolonsepareret)", eller pak den ud'
    );
  if (magic(0xd0, 0xcf, 0x11, 0xe0))
    unreadable("fil.binaer", "filen er en gammel Excel-projektmappe (XLS), ikke en CSV-fil. Gem den som CSV i Excel");
  if (magic(0x25, 0x50, 0x44, 0x46)) unreadable("fil.binaer", "filen er en PDF, ikke en CSV-fil");
  if (magic(0x1f, 0x8b))
    unreadable("fil.binaer", "filen er gzip-komprimeret, men hedder ikke .gz; omdøb den til .csv.gz eller pak den ud");
  const utf16 = magic(0xff, 0xfe) || magic(0xfe, 0xff);
  if (!utf16) {
    const n = Math.min(bytes.length, 1 << 16);
    for (let i = 0; i < n; i++)
      if (bytes[i] === 0)
        unreadable("fil.binaer", `filen indeholder binære data (en NUL-byte ved byte ${i + 1}), ikke tekst`);
  }
  const text = decodeDetected(bytes.subarray(0, 1 << 16)).text;
  if (bytes.length < 1 << 16 && text.trim() === "")
    unreadable("fil.tom", "filen indeholder kun mellemrum og linjeskift; der er intet at kontrollere");
}

/** Split a header line on the most likely separator (`;`, `,` or tab) into trimmed, unquoted names. */
function headerCells(line: string, sep: string): string[] {
  return line.split(sep).map((h) => h.trim().replace(/^"(.*)"$/, "$1"));
}

/** The separator that splits a header line into the most known names (ties: `;`). */
export function separatorOf(line: string, known: readonly string[]): ";" | "," | "\t" {
  const names = new Set(known);
  let best: ";" | "," | "\t" = ";";
  let score = -1;
  for (const sep of [";", ",", "\t"] as const) {
    const s = headerCells(line, sep).filter((h) => names.has(h)).length;
    if (s > score) {
      score = s;
      best = sep;
    }
  }
  return best;
}

const SEPARATOR_NAME: Record<string, string> = { ";": "semikolon", ",": "komma", "\t": "tabulator" };

/**
 * Decide a file's format from its name and first lines. Returns undefined when nothing fits.
 * The header decides (at least half of a format's columns, any separator); the file name
 * (`serviceplatformen_*.csv`, `noegletal*.csv`, `folk1am*`) breaks ties and rescues a drifted header.
 */
export function detectFileFormat(name: string, text: string): FormatId | undefined {
  const lines = text.split(/\r\n|\n|\r/, 20);
  if (lines.some((l) => /^[^;,\t]*[;,\t]"?Kom\.nr"?[;,\t]/.test(l))) return "noegletal";
  const first = (lines[0] ?? "").replace(/^\uFEFF/, "");
  const base = (name.split(/[\\/]/).pop() ?? name).toLowerCase();
  const candidates: { id: FormatId; columns: readonly string[] }[] = [
    { id: "tabel", columns: TABLE_COLUMNS },
    { id: "folk1am", columns: FOLK1AM_COLUMNS },
    ...Object.values(CONTRACTS).map((c) => ({ id: c.kind as FormatId, columns: c.columns.map((x) => x.name) }))
  ];
  let best: { id: FormatId; share: number } | undefined;
  for (const c of candidates) {
    const cells = headerCells(first, separatorOf(first, c.columns));
    const hit = c.columns.filter((x) => cells.includes(x)).length;
    const share = hit / c.columns.length;
    if (share >= 0.5 && (!best || share > best.share)) best = { id: c.id, share };
  }
  if (best) return best.id;
  const byName = Object.values(CONTRACTS).find((c) => base.startsWith(c.prefix));
  if (byName) return byName.kind;
  if (base.startsWith("folk1am")) return "folk1am";
  if (base.startsWith("noegletal")) return /;kom\.nr;/i.test(text.slice(0, 5000)) ? "noegletal" : "tabel";
  return undefined;
}

/**
 * Checks on the raw text every format gets: mixed line endings (advarsel) and very long
 * lines (fejl). `text` is the decoded file (BOM dropped).
 */
export function textFindings(text: string, file: string): Finding[] {
  const out: Finding[] = [];
  let crlf = 0;
  let lf = 0;
  let firstCrlf = 0;
  let firstLf = 0;
  let line = 1;
  let start = 0;
  let long = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    const end = i === text.length || ch === 10;
    if (!end) continue;
    const len = i - start - (i > 0 && text.charCodeAt(i - 1) === 13 ? 1 : 0);
    if (len > MAX_LINE && long < 3) {
      long++;
      out.push(
        finding(
          "form.linjelaengde",
          file,
          `linjen er ${len.toLocaleString("da-DK")} tegn lang (højst ${MAX_LINE.toLocaleString("da-DK")}); ` +
            `${text.slice(start, start + MAX_LINE).includes("\r") ? "den indeholder CR-tegn, så linjeskiftene er nok gamle Mac-linjeskift (CR)" : "linjeskift er gået tabt, eller noget andet er sat ind"}`,
          { line, column: MAX_LINE + 1 }
        )
      );
    }
    if (i < text.length) {
      if (i > 0 && text.charCodeAt(i - 1) === 13) {
        crlf++;
        if (!firstCrlf) firstCrlf = line;
      } else {
        lf++;
        if (!firstLf) firstLf = line;
      }
    }
    line++;
    start = i + 1;
  }
  if (crlf > 0 && lf > 0) {
    const minorityIsLf = lf <= crlf;
    out.push(
      finding(
        "form.linjeskift",
        file,
        `linjeskift er blandet: ${crlf} linjer slutter med CRLF (Windows) og ${lf} med LF (Unix); ` +
          `første ${minorityIsLf ? "LF" : "CRLF"} i linje ${minorityIsLf ? firstLf : firstCrlf}`,
        { line: minorityIsLf ? firstLf : firstCrlf, column: 1 }
      )
    );
  }
  return out;
}

/** A warning when the encoding is not one the format is written in. */
export function encodingWarning(file: string, found: Encoding, expected: Encoding[]): Finding | null {
  if (expected.includes(found)) return null;
  return finding(
    "fil.tegnsaet",
    file,
    `tegnsættet er ${ENCODING_LABEL[found]} (afgjort ud fra filens bytes), ikke ${expected.map((e) => ENCODING_LABEL[e]).join(" eller ")}; filen er læst som ${ENCODING_LABEL[found]}`
  );
}

/** What the published-table check knows: the 98 codes, the catalogue (id → unit, years). */
export interface TableContext {
  kommunekoder: ReadonlySet<string>;
  katalog: ReadonlyMap<string, { enhed: string }>;
  /** the source's years (every year some figure has data) */
  aar: ReadonlySet<number>;
}

export interface TableRow {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
  line: number;
}

/** Why a code is not one of the 98 (4 digits, Christiansø, a region), in Danish. */
export function kommunekodeProblem(code: string, codes: ReadonlySet<string>): string | undefined {
  const c = code.trim();
  if (codes.has(c)) return undefined;
  if (c === "") return "kommunekoden er tom";
  if (/^0\d{3}$/.test(c) && codes.has(c.slice(1)))
    return `kommunekoden "${c}" har 4 cifre (DAWA-form); her skrives den med 3 cifre: "${c.slice(1)}"`;
  if (/^\d{4}$/.test(c)) return `"${c}" har 4 cifre; en kommunekode har 3 (regionskoder som 1084 er ikke kommuner)`;
  if (c === "411") return "kommunekode 411 er Christiansø, som ikke er en af de 98 kommuner (ingen kommunale nøgletal)";
  if (/^\d{3}$/.test(c)) return `kommunekode ${c} er ikke en af de 98 kommuner`;
  return `"${c}" er ikke en kommunekode (3 cifre, en af de 98)`;
}

/**
 * Check and parse the published key-figure table (`id;kommunekode;aar;vaerdi;status`, `;`,
 * decimal comma, no thousands separator, UTF-8 with BOM, missing values empty with a status).
 */
export function inspectTable(
  text: string,
  file: string,
  ctx: TableContext,
  encoding: Encoding
): { rows: TableRow[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const rows: TableRow[] = [];
  const enc = encodingWarning(file, encoding, ["utf-8-bom", "utf-8", "ascii"]);
  if (enc) findings.push(enc);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const sep = separatorOf(firstLine, TABLE_COLUMNS);
  if (sep !== ";")
    findings.push(
      finding(
        "form.skilletegn",
        file,
        `felterne er adskilt med ${SEPARATOR_NAME[sep]}, men tabellen bruger semikolon (;) som dansk Excel; filen er læst med ${SEPARATOR_NAME[sep]}`,
        { line: 1, column: 1 }
      )
    );
  let split: ReturnType<typeof splitRows>;
  try {
    split = splitRows(text, file, sep);
  } catch (error) {
    if (error instanceof InputError) return { rows, findings: [...findings, error.toFinding()] };
    throw error;
  }
  const header = split[0]?.cells.map((c) => c.trim()) ?? [];
  const drift = TABLE_COLUMNS.some((c, i) => header[i] !== c) || header.length !== TABLE_COLUMNS.length;
  if (drift) {
    const missing = TABLE_COLUMNS.filter((c) => !header.includes(c));
    const extra = header.filter((h) => !(TABLE_COLUMNS as readonly string[]).includes(h));
    findings.push(
      finding(
        "form.kolonner",
        file,
        `overskriften er "${header.join(sep)}", forventede "${TABLE_COLUMNS.join(";")}"` +
          (missing.length ? `; mangler ${missing.join(", ")}` : "") +
          (extra.length ? `; ukendte kolonner ${extra.map((e) => `"${e}"`).join(", ")}` : "") +
          (!missing.length && !extra.length ? "; kolonnerne står i en anden rækkefølge" : ""),
        { line: 1, column: 1 }
      )
    );
    if (missing.length) return { rows, findings };
  }
  const ix = Object.fromEntries(TABLE_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof TABLE_COLUMNS)[number],
    number
  >;
  const data = split.slice(1).filter((r) => !r.cells.every((c) => c.trim() === ""));
  if (data.length === 0) {
    findings.push(finding("fil.tom", file, "filen har kun en overskrift og ingen datarækker", { line: 1, column: 1 }));
    return { rows, findings };
  }
  const lastLine = split[split.length - 1].line;
  if (!/\n$/.test(text))
    findings.push(
      finding(
        "fil.afkortet",
        file,
        "sidste linje slutter uden linjeskift (tabellens linjer slutter alle med CRLF); filen kan være afkortet",
        { line: lastLine, column: 1, severity: "advarsel" }
      )
    );
  const seen = new Map<string, number>();
  const col = (row: (typeof data)[number], i: number) => columnOf(row, i, sep);
  for (const row of data) {
    if (row.cells.length !== header.length) {
      findings.push(fieldCountFinding(file, row, header.length, lastLine, col(row, row.cells.length - 1)));
      continue;
    }
    const id = row.cells[ix.id].trim();
    const code = row.cells[ix.kommunekode].trim();
    const aarText = row.cells[ix.aar].trim();
    const vText = row.cells[ix.vaerdi].trim();
    const status = row.cells[ix.status].trim();
    const where = (i: number, extra: { kommunekode?: string; periode?: string } = {}) => ({
      line: row.line,
      column: col(row, i),
      ...extra
    });
    let bad = false;
    const meta = ctx.katalog.get(id);
    if (!meta) {
      bad = true;
      findings.push(finding("kode.liste", file, `nøgletallet "${id}" findes ikke i kataloget`, where(ix.id)));
    }
    const codeProblem = kommunekodeProblem(code, ctx.kommunekoder);
    if (codeProblem) {
      bad = true;
      findings.push(finding("kode.kommune", file, codeProblem, where(ix.kommunekode, { kommunekode: code })));
    }
    const aar = Number(aarText);
    if (!/^\d{4}$/.test(aarText)) {
      bad = true;
      findings.push(finding("kode.liste", file, `"${aarText}" er ikke et årstal med 4 cifre`, where(ix.aar)));
    } else if (!ctx.aar.has(aar)) {
      bad = true;
      findings.push(
        finding(
          "kode.liste",
          file,
          `${aar} er ikke et af kildens år (${[...ctx.aar].sort().join(", ")})`,
          where(ix.aar, { kommunekode: code, periode: aarText })
        )
      );
    }
    if (!(CELL_STATUSES as readonly string[]).includes(status)) {
      bad = true;
      findings.push(
        finding(
          "kode.liste",
          file,
          `status "${status}" er ukendt; tilladt: ${CELL_STATUSES.join(", ")}`,
          where(ix.status, { kommunekode: code, periode: aarText })
        )
      );
    }
    let vaerdi: number | null = null;
    const numericStatus = isNumericStatus(status) || status === "ja" || status === "nej";
    const at = where(ix.vaerdi, { kommunekode: code, periode: aarText });
    if (vText === "") {
      if (numericStatus) {
        bad = true;
        findings.push(finding("tal.celle", file, `værdien er tom, men status er "${status}"`, at));
      }
    } else if (vText === ".." || /^(NA|N\/A|#N\/A|NaN|null|-|\?|M|U)$/i.test(vText)) {
      bad = true;
      findings.push(
        finding(
          "tal.celle",
          file,
          `"${vText}" er en markør for en manglende værdi; i denne tabel er en manglende værdi tom med en status (fx ikke_tilgaengelig), så "${vText}" ville blive læst forkert`,
          at
        )
      );
    } else if (/^-?\d+(,\d+)?$/.test(vText)) {
      vaerdi = Number(vText.replace(",", "."));
      if (!numericStatus) {
        bad = true;
        findings.push(
          finding("tal.celle", file, `værdien er ${vText}, men status "${status}" betyder ingen værdi`, at)
        );
      }
    } else {
      bad = true;
      const fmt = numberFormatOf(vText);
      const msg =
        fmt === "engelsk"
          ? `"${vText}" er skrevet med decimalpunktum (engelsk format); tabellen bruger decimalkomma (1234,5)`
          : fmt === "tusind" || (fmt?.startsWith("decimal") && vText.includes("."))
            ? `"${vText}" har tusindtalsseparator; tabellen skriver tal uden (1234,5)`
            : `kan ikke læse "${vText}" som tal (forventer fx 1234,5)`;
      findings.push(finding(fmt ? "tal.format" : "tal.celle", file, msg, at));
    }
    if (vaerdi !== null && meta) {
      const range = rangeOfUnit(meta.enhed);
      if (vaerdi < range.min || vaerdi > range.max) {
        bad = true;
        findings.push(
          finding(
            "tal.interval",
            file,
            `${vText} i "${id}", ${aarText}, er uden for det plausible interval (${range.tekst})`,
            at
          )
        );
      }
    }
    const key = `${id};${code};${aarText}`;
    const before = seen.get(key);
    if (before !== undefined) {
      findings.push(
        finding(
          "form.dublet",
          file,
          `nøglen (id ${id}, kommune ${code}, år ${aarText}) står to gange (første gang linje ${before})`,
          where(ix.id, { kommunekode: code, periode: aarText })
        )
      );
      continue;
    }
    seen.set(key, row.line);
    if (!bad) rows.push({ id, kommunekode: code, aar, vaerdi, status: status as CellStatus, line: row.line });
  }
  return { rows, findings };
}
