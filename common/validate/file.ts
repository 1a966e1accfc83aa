/**
 * The one module of file-level checks (issue #11), used by `npm run validate` (loaders/cli/validate.ts) and by the
 * browser check of /datakvalitet (common/views/datakvalitet-fil.ts in the Web Worker): recognise a file's format from
 * its header and name, and check what the parsers do not (binary files, empty files, separators, mixed line endings,
 * very long lines); read the key-figure formats (the noegletal.dk export via ./noegletal-export.ts, and the project's
 * own published table `/filer/noegletal.csv`: `;`, decimal comma, UTF-8 with BOM) and run the engine's series rules
 * on them (`checkKeyFigureFile`); and the rule mapping of the infrastructure extracts' value findings
 * (`infraRuleOf`), so both paths name the same rule.
 *
 * Pure TypeScript (bytes in, findings out; TextDecoder only).
 */
import { CONTRACTS, type ExtractKind } from "../infra/contracts.js";
import { areaOf, uniqueIds, unitOf } from "../noegletal-katalog.js";
import {
  decodeDetected,
  ENCODING_LABEL,
  type Encoding,
  type Finding,
  fieldCountFinding,
  finding,
  numberFormatOf,
  type RuleId,
  rangeOfUnit
} from "../rules/index.js";
import { columnOf, InputError, splitRows } from "../text.js";
import { CELL_STATUSES, type CellStatus, isNumericStatus } from "../vocabulary.js";
import {
  type KeyFigureCell,
  type KeyFigureInput,
  type KeyFigureMeta,
  type ValidationFinding,
  validateKeyFigures
} from "./index.js";
import { inspectNoegletal } from "./noegletal-export.js";

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
 * Checks on the raw text every format gets: mixed line endings (advarsel) and very long lines (fejl). Streaming:
 * `push` decoded text as it arrives (BOM dropped), then `finish`; `textFindings` does both for a whole text.
 */
export class TextScanner {
  private crlf = 0;
  private lf = 0;
  private firstCrlf = 0;
  private firstLf = 0;
  private line = 1;
  private long = 0;
  /** length of the current line so far, whether it ended in CR, and its first MAX_LINE characters (for the hint) */
  private len = 0;
  private lastCr = false;
  private head = "";
  private readonly out: Finding[] = [];

  constructor(private readonly file: string) {}

  push(text: string): void {
    let start = 0;
    for (;;) {
      const nl = text.indexOf("\n", start);
      const piece = nl < 0 ? text.slice(start) : text.slice(start, nl);
      if (this.head.length < MAX_LINE) this.head += piece.slice(0, MAX_LINE - this.head.length);
      if (piece.length) this.lastCr = piece.charCodeAt(piece.length - 1) === 13;
      this.len += piece.length;
      if (nl < 0) return;
      this.endLine(true);
      start = nl + 1;
    }
  }

  private endLine(newline: boolean): void {
    const len = this.len - (newline && this.lastCr ? 1 : 0);
    if (len > MAX_LINE && this.long < 3) {
      this.long++;
      this.out.push(
        finding(
          "form.linjelaengde",
          this.file,
          `linjen er ${len.toLocaleString("da-DK")} tegn lang (højst ${MAX_LINE.toLocaleString("da-DK")}); ` +
            `${this.head.includes("\r") ? "den indeholder CR-tegn, så linjeskiftene er nok gamle Mac-linjeskift (CR)" : "linjeskift er gået tabt, eller noget andet er sat ind"}`,
          { line: this.line, column: MAX_LINE + 1 }
        )
      );
    }
    if (newline) {
      if (this.lastCr) {
        this.crlf++;
        if (!this.firstCrlf) this.firstCrlf = this.line;
      } else {
        this.lf++;
        if (!this.firstLf) this.firstLf = this.line;
      }
    }
    this.line++;
    this.len = 0;
    this.lastCr = false;
    this.head = "";
  }

  finish(): Finding[] {
    this.endLine(false);
    const { crlf, lf } = this;
    if (crlf > 0 && lf > 0) {
      const minorityIsLf = lf <= crlf;
      this.out.push(
        finding(
          "form.linjeskift",
          this.file,
          `linjeskift er blandet: ${crlf} linjer slutter med CRLF (Windows) og ${lf} med LF (Unix); ` +
            `første ${minorityIsLf ? "LF" : "CRLF"} i linje ${minorityIsLf ? this.firstLf : this.firstCrlf}`,
          { line: minorityIsLf ? this.firstLf : this.firstCrlf, column: 1 }
        )
      );
    }
    return this.out;
  }
}

/** TextScanner over a whole decoded text. */
export function textFindings(text: string, file: string): Finding[] {
  const t = new TextScanner(file);
  t.push(text);
  return t.finish();
}

// encodingWarning lives with the rules (common/rules), so the export parser need not import this module
import { encodingWarning } from "../rules/index.js";

export { encodingWarning };

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

// ---------------------------------------------------------------------------------------------
// One file, from bytes: what the command line and the browser both run

/** What the key-figure checks know (the command line builds it from the loaders; the page from datakvalitet.json). */
export interface FileContext {
  /** the 98 municipality codes */
  kommunekoder: readonly string[];
  /** kommunekode → name as DAWA writes it ("101" → "København"): names against codes in the noegletal.dk export */
  navne?: Readonly<Record<string, string>>;
  /** the catalogue: id, title, unit, comparison area, counts persons */
  katalog: readonly KeyFigureMeta[];
  /** the source's years (every year some figure has data) */
  aar: readonly number[];
  /** comparison groups of the outlier rules (area → kommunekode → group; "" = every area) */
  groups?: KeyFigureInput["groups"];
  /** the seeded demo key figures (loaders/validate/demo-noegletal.ts): a table of these ids is read as Demodata */
  demo?: {
    katalog: readonly KeyFigureMeta[];
    aar: readonly number[];
    relations: Pick<KeyFigureInput, "sums" | "perInhabitant">;
  };
  /** only these rule ids (the command line's --rules); the filter is applied by the caller to file-level findings */
  rules?: string[];
}

export interface OpenedFile {
  text: string;
  encoding: Encoding;
  format: FormatId;
  /** the text checks every format gets (mixed line endings, very long lines) */
  findings: Finding[];
}

/**
 * Refuse what is not text, decode (encoding from the bytes), recognise the format (or take `format`) and run the
 * text checks. Throws UnreadableFile (exit code 2 on the command line) for empty, binary and unrecognised files.
 */
export function openFile(bytes: Uint8Array, file: string, format?: FormatId): OpenedFile {
  assertText(bytes, file);
  const { text, encoding } = decodeDetected(bytes);
  const found = format ?? detectFileFormat(file, text);
  if (!found)
    throw new UnreadableFile(
      { rule: "fil.format", severity: "fejl", message: "", file },
      `${file}: formatet kan ikke genkendes ud fra overskriften "${text.split(/\r?\n/, 1)[0].slice(0, 80)}" og filnavnet; ` +
        `angiv det med --format (${Object.keys(FORMAT_ALIASES).join(", ")}) [regel fil.format]`
    );
  return { text, encoding, format: found, findings: textFindings(text, file) };
}

export interface KeyFigureCheck {
  findings: (Finding | ValidationFinding)[];
  /** data rows read (municipal rows of the export; data lines of the table) */
  raekker: number;
  /** the table holds the seeded demo key figures */
  demo: boolean;
}

/** Is this table the seeded demo key figures rather than the real catalogue's? */
export function isDemoTable(text: string, demoIds: ReadonlySet<string>): boolean {
  const ids = text
    .split(/\r?\n/, 200)
    .slice(1)
    .map((l) => l.split(/[;,\t]/)[0])
    .filter(Boolean);
  return demoIds.size > 0 && ids.length > 0 && ids.every((id) => demoIds.has(id));
}

/**
 * The key-figure formats after `openFile`: the noegletal.dk export (parsed by ./noegletal-export.ts, the build's own
 * parser) or the published table (`inspectTable`), then the engine's series rules (common/validate) on the cells.
 */
export function checkKeyFigureFile(
  bytes: Uint8Array,
  file: string,
  opened: Pick<OpenedFile, "text" | "encoding"> & { format: "noegletal" | "tabel" },
  ctx: FileContext
): KeyFigureCheck {
  const codes = new Set(ctx.kommunekoder);
  const rules = ctx.rules;
  if (opened.format === "tabel") {
    const demo = !!ctx.demo && isDemoTable(opened.text, new Set(ctx.demo.katalog.map((k) => k.id)));
    const metas = demo && ctx.demo ? ctx.demo.katalog : ctx.katalog;
    const katalog = new Map(metas.map((k) => [k.id, { enhed: k.enhed }]));
    const aar = new Set(demo && ctx.demo ? ctx.demo.aar : ctx.aar);
    const { rows, findings } = inspectTable(opened.text, file, { kommunekoder: codes, katalog, aar }, opened.encoding);
    const out: (Finding | ValidationFinding)[] = [...findings];
    if (rows.length) {
      const cells: KeyFigureCell[] = rows.map((r) => ({ ...r }));
      const befolkning = demo
        ? cells
            .filter((r) => r.id === "indbyggere" && r.vaerdi !== null && r.status === "ok")
            .map((r) => ({ kommunekode: r.kommunekode, aar: r.aar, befolkning: r.vaerdi as number }))
        : undefined;
      out.push(
        ...validateKeyFigures(
          {
            file,
            rows: cells,
            katalog: metas,
            kommunekoder: [...codes],
            groups: ctx.groups,
            ...(demo && ctx.demo ? { befolkning, ...ctx.demo.relations } : {})
          },
          { rules }
        )
      );
    }
    return { findings: out, raekker: rows.length, demo };
  }
  const lines = opened.text.split(/\r?\n/, 50);
  const headerAt = lines.findIndex((l) => /Kom\.nr/.test(l));
  const sep = headerAt >= 0 ? (/[,\t]Kom\.nr[,\t]/.exec(lines[headerAt])?.[0][0] ?? ";") : ";";
  if (sep !== ";")
    return {
      findings: [
        {
          rule: "form.skilletegn",
          severity: "fejl",
          message: `felterne er adskilt med ${sep === "," ? "komma" : "tabulator"}, men en eksport fra noegletal.dk bruger semikolon (;); filen kan ikke læses sikkert, fordi decimalkommaet også er et komma`,
          file,
          line: headerAt + 1,
          column: 1
        }
      ],
      raekker: 0,
      demo: false
    };
  const namesByCode = ctx.navne ? new Map(Object.entries(ctx.navne)) : undefined;
  const { parsed, findings } = inspectNoegletal(bytes, file, { validCodes: codes, namesByCode });
  const out: (Finding | ValidationFinding)[] = [...findings];
  if (!parsed) return { findings: out, raekker: 0, demo: false };
  for (const r of parsed.rejected) {
    const code = /kommunenummer (\d+)/.exec(r.reason)?.[1] ?? "";
    out.push({
      rule: "kode.kommune",
      severity: "fejl",
      message: kommunekodeProblem(code, codes) ?? r.reason,
      file,
      line: r.line,
      column: 1,
      kommunekode: code
    });
  }
  const ids = uniqueIds(parsed.figures.map((f) => f.titel));
  const own = new Map(ctx.katalog.map((k) => [k.id, k]));
  const katalog: KeyFigureMeta[] = parsed.figures.map((f, i) => ({
    id: ids[i],
    titel: f.titel,
    enhed: unitOf(f.titel),
    omraade: own.get(ids[i])?.omraade ?? areaOf(f.titel),
    taeller_personer: own.get(ids[i])?.taeller_personer === true
  }));
  const rows: KeyFigureCell[] = parsed.values.map((v) => ({
    id: ids[v.nr - 1],
    kommunekode: v.kommunekode,
    aar: v.aar,
    vaerdi: v.vaerdi,
    status: v.status,
    line: v.linje
  }));
  out.push(...validateKeyFigures({ file, rows, katalog, kommunekoder: [...codes], groups: ctx.groups }, { rules }));
  return { findings: out, raekker: parsed.dataRowsRead, demo: false };
}

/**
 * The rule of an infrastructure value finding as reported: a bad municipality code is `kode.kommune`, a negative
 * count in the measure column is the consistency rule's (`konsistens.negativ`; the value pattern refuses it first).
 */
export function infraRuleOf(
  rule: string,
  column: string | undefined,
  measure: string | undefined,
  message: string
): RuleId {
  if (rule === "infra.vaerdi" && column === "kommunekode") return "kode.kommune";
  if (rule === "infra.vaerdi" && measure && column === measure && /er "-\d/.test(message)) return "konsistens.negativ";
  return rule as RuleId;
}

/** Every month from the first to the last (YYYY-MM), so a month missing from the whole extract is seen. */
export function monthRange(months: string[]): string[] {
  const sorted = [...new Set(months)].filter((m) => /^\d{4}-\d{2}$/.test(m)).sort();
  if (!sorted.length) return [];
  const out: string[] = [];
  let [y, m] = sorted[0].split("-").map(Number);
  const last = sorted[sorted.length - 1];
  for (let k = 0; k < 1200; k++) {
    const s = `${y}-${String(m).padStart(2, "0")}`;
    out.push(s);
    if (s >= last) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The municipalities an extract is checked for (fuldstaendig.kommuner): a municipality's own extract for its own
 * codes; an extract with most of the 98 (50 or more) for all 98.
 */
export function expectedCodes(rows: readonly { kommunekode: string }[], all: readonly string[]): string[] {
  const present = [...new Set(rows.map((r) => r.kommunekode))].sort();
  return present.length >= 50 ? [...all].sort() : present;
}
