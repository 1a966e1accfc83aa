/**
 * Validate a CSV file a user drops on `/datakvalitet`, chunk by chunk (pure TypeScript: runs in the page's Web Worker,
 * components/datakvalitet/worker.ts, and in Node tests and benches). Nothing is uploaded: the bytes never leave the
 * browser.
 *
 * Two kinds of file are recognised from the header (and the file name):
 * - the key-figure table as kommunetal publishes it (`/filer/noegletal.csv`: `id;kommunekode;aar;vaerdi;status`,
 *   decimal comma with `;`), or the same columns with `,` and decimal point;
 * - the infrastructure extracts (contracts in common/infra/contracts.ts): every row is checked against its
 *   contract, and Serviceplatformen/support-system calls are summed per municipality × month × service.
 * At the end the series rules of the engine (common/validate) run on what was read: `validateKeyFigures` or
 * `validateInfraMonthly`. The file-level findings name file, line and column, in Danish.
 *
 * Memory: lines are handled as they arrive (only the current chunk's text is held); the infrastructure rows are kept
 * as monthly sums, the key-figure cells as four compact columns.
 */
import {
  CONTRACTS,
  type ColumnSpec,
  type Contract,
  checkHeader,
  contractOfFile,
  type FileFormat,
  isUtf8,
  parseCount,
  valueProblem
} from "../infra/contracts.js";
import type { Severity } from "../rules/index.js";
import {
  type InfraMonthlyRow,
  type KeyFigureCell,
  type KeyFigureMeta,
  validateInfraMonthly,
  validateKeyFigures
} from "../validate/index.js";
import { CELL_STATUSES } from "../vocabulary.js";
import type { DqFinding, Kilde } from "./datakvalitet.js";

/** Values remembered per column as already checked and valid (a cache, so repeated values are checked once). */
const VALID_CACHE = 50_000;
const PLAIN_COUNT = /^[0-9]+$/;

/** At most this many file-level findings are kept (the rest are counted). */
export const MAX_FILE_FINDINGS = 2000;

export const KEY_FIGURE_COLUMNS = ["id", "kommunekode", "aar", "vaerdi", "status"] as const;

export interface FileCheckOptions {
  fileName: string;
  /** the 98 municipality codes */
  kommunekoder: readonly string[];
  /** catalogue entries for titles and units of key figures (optional) */
  katalog?: readonly KeyFigureMeta[];
  /** comparison groups for the infrastructure rules (kommunekode → codes), optional */
  groups?: Readonly<Record<string, readonly string[]>>;
  maxFindings?: number;
}

export type FileKind = "noegletal" | Contract["kind"];

export interface FileResult {
  fileName: string;
  /** what the file was read as, or null when the header fits nothing */
  kind: FileKind | null;
  kilde: Kilde;
  /** "tegnsæt UTF-8 med BOM, skilletegn ";"" */
  format: string;
  bytes: number;
  /** data lines read (without header and blank lines) */
  rows: number;
  /** data lines that passed every file-level check and were used by the series rules */
  used: number;
  /** file-level findings beyond MAX_FILE_FINDINGS, counted but not kept */
  omitted: number;
  findings: DqFinding[];
  /** milliseconds spent (parse + rules), when measured by the caller */
  ms?: number;
  /** milliseconds of the series rules (common/validate) at the end */
  msRegler: number;
}

const KOMMUNEKODE = /^[0-9]{3}$/;

/** Split one CSV line on `delim`, honouring double quotes ("a;b" and doubled quotes). */
export function splitLine(line: string, delim: string): string[] {
  if (!line.includes('"')) return line.split(delim);
  const out: string[] = [];
  let cur = "";
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += c;
    } else if (c === '"') q = true;
    else if (c === delim) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A Danish (`1.234,5`, delimiter `;`) or plain (`1234.5`) number; null when the text is no number. */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  const t = text.trim();
  if (t === "") return null;
  if (decimalComma && !/^-?[0-9]{1,3}(\.[0-9]{3})*(,[0-9]+)?$|^-?[0-9]+(,[0-9]+)?$/.test(t)) return null;
  const plain = decimalComma ? t.replace(/\./g, "").replace(",", ".") : t;
  if (!/^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/.test(plain)) return null;
  return Number(plain);
}

/** The streaming validator: `push` chunks of bytes, then `finish`. */
export class FileValidator {
  private readonly opts: FileCheckOptions;
  private readonly codes: ReadonlySet<string>;
  private readonly max: number;
  private decoder: TextDecoder | null = null;
  private rest = "";
  private lineNo = 0;
  private bytes = 0;
  private started = false;
  private format: FileFormat | null = null;
  private delim = ";";
  private header: string[] | null = null;
  private kind: FileKind | null = null;
  private contract: Contract | null = null;
  private unreadable = false;
  private rows = 0;
  private used = 0;
  private omitted = 0;
  private findings: DqFinding[] = [];
  private lastShort: { index: number; line: number; cells: number } | null = null;
  private readonly keys = new Set<string>();
  /** infrastructure keys as 53-bit hashes (see keyHash) and the key's field indexes */
  private readonly keyHashes = new Set<number>();
  private keyCols: number[] = [];
  // key figures, as columns
  private kfId: string[] = [];
  private kfKode: string[] = [];
  private kfAar: number[] = [];
  private kfVal: (number | null)[] = [];
  private kfStatus: string[] = [];
  private kfLine: number[] = [];
  // infrastructure: "kommunekode|maaned" → subject → calls, plus labels
  private readonly monthly = new Map<string, Map<string, number>>();
  private lastKode: string | null = null;
  private lastMaaned: string | null = null;
  private lastMap: Map<string, number> | null = null;
  private readonly labels = new Map<string, string>();
  private col: Record<string, number> = {};
  /** contract columns with their field index, and per column the values already found valid */
  private checks: { spec: ColumnSpec; i: number; valid: Set<string>; last: string | null }[] = [];

  constructor(opts: FileCheckOptions) {
    this.opts = opts;
    this.codes = new Set(opts.kommunekoder);
    this.max = opts.maxFindings ?? MAX_FILE_FINDINGS;
  }

  private add(f: Omit<DqFinding, "file" | "kilde" | "subject" | "subjectLabel"> & Partial<DqFinding>): void {
    if (this.findings.length >= this.max) {
      this.omitted++;
      return;
    }
    this.findings.push({
      file: this.opts.fileName,
      kilde: this.kind === "noegletal" || this.kind === null ? "noegletal" : "infrastruktur",
      subject: f.subject ?? "fil",
      subjectLabel: f.subjectLabel ?? this.opts.fileName,
      ...f
    });
  }

  private fileFinding(rule: string, severity: Severity, message: string, line?: number, column?: number): void {
    this.add({
      rule,
      severity,
      message: `${this.opts.fileName}${line ? `:${line}${column ? `:${column}` : ""}` : ""}: ${message}`,
      line,
      column
    });
  }

  push(chunk: Uint8Array): void {
    if (this.unreadable) return;
    this.bytes += chunk.length;
    if (!this.started) {
      this.started = true;
      if (!this.sniff(chunk)) return;
    }
    const text = this.decoder!.decode(chunk, { stream: true });
    this.consume(text, false);
  }

  /** First bytes: refuse binary files (xlsx renamed .csv), pick the encoding. */
  private sniff(chunk: Uint8Array): boolean {
    if (chunk[0] === 0x50 && chunk[1] === 0x4b && chunk[2] === 0x03 && chunk[3] === 0x04) {
      this.unreadable = true;
      this.fileFinding(
        "fil.tegnsaet",
        "fejl",
        "filen er et zip-arkiv (fx et Excel-regneark, .xlsx, omdøbt til .csv), ikke en tekstfil; gem den som CSV (semikolonsepareret, UTF-8)"
      );
      return false;
    }
    if (chunk.subarray(0, 4096).includes(0)) {
      this.unreadable = true;
      this.fileFinding(
        "fil.tegnsaet",
        "fejl",
        "filen indeholder nul-bytes (binær fil eller UTF-16); gem den som CSV i UTF-8"
      );
      return false;
    }
    const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    const utf8 = isUtf8(chunk.subarray(bom ? 3 : 0, 1 << 20));
    this.decoder = new TextDecoder(utf8 ? "utf-8" : "windows-1252", { ignoreBOM: false });
    this.format = {
      encoding: utf8 ? "utf-8" : "latin-1",
      bom,
      delimiter: ";",
      decimal: "dansk",
      description: ""
    };
    if (!utf8)
      this.fileFinding(
        "fil.tegnsaet",
        "advarsel",
        "filen er ikke UTF-8; den er læst som ISO-8859-1/Windows-1252 (æøå kan være forkerte, hvis det er et andet tegnsæt)"
      );
    return true;
  }

  private consume(text: string, last: boolean): void {
    const all = this.rest + text;
    let start = 0;
    for (;;) {
      const nl = all.indexOf("\n", start);
      if (nl < 0) break;
      const end = nl > start && all.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.line(all.slice(start, end));
      start = nl + 1;
    }
    this.rest = all.slice(start);
    if (last && this.rest !== "") {
      this.line(this.rest.endsWith("\r") ? this.rest.slice(0, -1) : this.rest);
      this.rest = "";
    }
  }

  private line(text: string): void {
    this.lineNo++;
    if (this.header === null) {
      this.readHeader(text);
      return;
    }
    if (text.trim() === "") return;
    if (this.kind === null) return;
    this.rows++;
    const cells = splitLine(text, this.delim);
    if (this.kind === "noegletal") this.keyFigureRow(cells);
    else this.infraRow(cells);
  }

  private readHeader(text: string): void {
    const clean = text.replace(/^\uFEFF/, "");
    const count = (d: string) => clean.split(d).length - 1;
    this.delim =
      count(";") >= count(",") ? (count(";") >= count("\t") ? ";" : "\t") : count(",") >= count("\t") ? "," : "\t";
    const header = splitLine(clean, this.delim).map((h) => h.trim());
    this.header = header;
    this.col = Object.fromEntries(header.map((h, i) => [h, i]));
    if (this.format) {
      this.format.delimiter = this.delim === "," ? "," : ";";
      this.format.decimal = this.delim === ";" ? "dansk" : "almindelig";
    }
    if (KEY_FIGURE_COLUMNS.slice(0, 4).every((c) => c in this.col)) {
      this.kind = "noegletal";
      return;
    }
    const byName = contractOfFile(this.opts.fileName);
    const scored = Object.values(CONTRACTS)
      .map((c) => ({ c, score: c.columns.filter((s) => s.name in this.col).length / c.columns.length }))
      .sort((a, b) => b.score - a.score);
    const contract = byName ?? (scored[0].score >= 0.5 ? scored[0].c : null);
    if (contract) {
      this.kind = contract.kind;
      this.contract = contract;
      this.keyCols = contract.key.map((k) => header.indexOf(k)).filter((i) => i >= 0);
      this.checks = contract.columns
        .map((spec) => ({ spec, i: header.indexOf(spec.name), valid: new Set<string>(), last: null as string | null }))
        .filter((c) => c.i >= 0);
      for (const f of checkHeader(header, contract, this.opts.fileName))
        this.add({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          line: f.line,
          column: f.column || undefined
        });
      return;
    }
    if (clean.trim() === "") {
      this.fileFinding("fil.afkortet", "fejl", "filen er tom (første linje er tom); der er ingen overskrift", 1);
      return;
    }
    this.fileFinding(
      "form.overskrift",
      "fejl",
      `overskriften (${header.slice(0, 6).join(this.delim)}${header.length > 6 ? " …" : ""}) passer hverken til nøgletalstabellen ` +
        `(${KEY_FIGURE_COLUMNS.join(";")}) eller til et af infrastrukturens udtræk (${Object.values(CONTRACTS)
          .map((c) => c.prefix.replace(/_$/, ""))
          .join(", ")}); skilletegnet blev læst som "${this.delim === "\t" ? "tabulator" : this.delim}"`,
      1
    );
  }

  private fieldCount(cells: string[]): boolean {
    const width = this.header!.length;
    if (cells.length === width) return true;
    this.lastShort =
      cells.length < width ? { index: this.findings.length, line: this.lineNo, cells: cells.length } : null;
    this.fileFinding(
      "form.felter",
      "fejl",
      `linjen har ${cells.length} felter, forventede ${width} som overskriften (skilletegn "${this.delim}")`,
      this.lineNo,
      Math.min(cells.length, width) + 1
    );
    return false;
  }

  private keyFigureRow(cells: string[]): void {
    if (!this.fieldCount(cells)) return;
    const c = this.col;
    const line = this.lineNo;
    const id = cells[c.id].trim();
    const kode = cells[c.kommunekode].trim();
    const aarText = cells[c.aar].trim();
    const status = c.status === undefined ? "ok" : cells[c.status].trim() || "ok";
    const where = { kommunekode: kode, subject: id || "?", subjectLabel: this.title(id) };
    let ok = true;
    if (!KOMMUNEKODE.test(kode) || !this.codes.has(kode)) {
      ok = false;
      const why =
        kode === "411"
          ? "411 er Christiansø, som ikke hører til nogen kommune"
          : /^[0-9]{4}$/.test(kode)
            ? "kommunekoden har 4 cifre; brug de 3 sidste (fx 0101 → 101)"
            : "den er ikke en af de 98 kommunekoder";
      this.add({
        rule: "fuldstaendig.kommuner",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}:${c.kommunekode + 1}: kommunekoden "${kode}" kan ikke bruges: ${why}`,
        line,
        column: c.kommunekode + 1,
        ...where,
        kommunekode: undefined
      });
    }
    const aar = Number(aarText);
    if (!/^[0-9]{4}$/.test(aarText) || aar < 1990 || aar > 2100) {
      ok = false;
      this.add({
        rule: "tal.celle",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}:${c.aar + 1}: året "${aarText}" er ikke et årstal (fire cifre)`,
        line,
        column: c.aar + 1,
        ...where
      });
    }
    const raw = cells[c.vaerdi];
    const vaerdi = parseNumber(raw, this.delim === ";");
    if (vaerdi === null && raw.trim() !== "") {
      ok = false;
      const hint =
        this.delim === ";" && /^-?[0-9]+\.[0-9]{1,2}$/.test(raw.trim())
          ? "; filen bruger decimalkomma, så punktum er et tusindtalsskilletegn"
          : raw.trim() === ".."
            ? '; ".." (ikke tilgængelig) skrives som en tom værdi med status ikke_tilgaengelig'
            : "";
      this.add({
        rule: "tal.celle",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}:${c.vaerdi + 1}: værdien "${raw.trim()}" er ikke et tal${hint}`,
        line,
        column: c.vaerdi + 1,
        ...where,
        periode: aarText
      });
    }
    if (c.status !== undefined && !(CELL_STATUSES as readonly string[]).includes(status)) {
      ok = false;
      this.add({
        rule: "tal.celle",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}:${c.status + 1}: status "${status}" er ukendt; tilladt: ${CELL_STATUSES.join(", ")}`,
        line,
        column: c.status + 1,
        ...where,
        periode: aarText
      });
    }
    if (!ok) return;
    const key = `${id}|${kode}|${aar}`;
    if (this.keys.has(key)) {
      this.add({
        rule: "form.dublet",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}: nøglen (${id}, ${kode}, ${aar}) forekommer igen; den første værdi er brugt`,
        line,
        ...where,
        periode: String(aar)
      });
      return;
    }
    this.keys.add(key);
    this.used++;
    this.kfId.push(id);
    this.kfKode.push(kode);
    this.kfAar.push(aar);
    this.kfVal.push(vaerdi);
    this.kfStatus.push(status);
    this.kfLine.push(line);
  }

  private title(id: string): string {
    return this.opts.katalog?.find((k) => k.id === id)?.titel ?? id;
  }

  private infraRow(cells: string[]): void {
    if (!this.fieldCount(cells)) return;
    const contract = this.contract!;
    const line = this.lineNo;
    // the contract's value checks (common/infra/contracts.ts valueProblem), each distinct valid value checked once
    const decimal = this.format?.decimal ?? "dansk";
    const found: { message: string; column: number }[] = [];
    for (const chk of this.checks) {
      const v = cells[chk.i];
      // sorted extracts repeat a value row after row: the previous row's valid value needs no lookup
      if (v === chk.last) continue;
      // counts are many distinct values: a plain count is valid without a lookup
      if (chk.spec.type === "heltal" && PLAIN_COUNT.test(v)) continue;
      if (chk.valid.has(v)) {
        chk.last = v;
        continue;
      }
      const problem = valueProblem(v, chk.spec, this.codes, decimal);
      if (problem) found.push({ message: `${this.opts.fileName}:${line}:${chk.i + 1}: ${problem}`, column: chk.i + 1 });
      else {
        chk.last = v;
        if (chk.valid.size < VALID_CACHE) chk.valid.add(v);
      }
    }
    const c = this.col;
    const kode = c.kommunekode === undefined ? undefined : cells[c.kommunekode].trim() || undefined;
    for (const f of found)
      this.add({
        rule: "infra.vaerdi",
        severity: "fejl",
        message: f.message,
        line,
        column: f.column,
        kommunekode: kode && this.codes.has(kode) ? kode : undefined,
        subject: contract.kind,
        subjectLabel: contract.title
      });
    if (found.length) return;
    const key = keyHash(cells, this.keyCols);
    if (this.keyHashes.has(key)) {
      const shown = this.keyCols.map((i) => cells[i]).join(", ");
      this.add({
        rule: "form.dublet",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}: nøglen (${contract.key.join(", ")}) = (${shown}) forekommer igen`,
        line,
        kommunekode: kode,
        subject: contract.kind,
        subjectLabel: contract.title
      });
      return;
    }
    this.keyHashes.add(key);
    this.used++;
    if (!kode || !contract.measure) return;
    const sp = contract.kind === "serviceplatformen";
    if (!sp && contract.kind !== "stoettesystemer") return;
    // the month and the subject (service, or support system); fields were checked above, so no trimming of
    // well-formed values is needed beyond what the contract allows
    const maaned = sp ? cells[c.maaned].trim() : cells[c.time].trim().slice(0, 7);
    const subject = sp ? cells[c.service_nr].trim() : cells[c.stoettesystem].trim();
    const raw = cells[c[contract.measure]];
    const kald = PLAIN_COUNT.test(raw) ? Number(raw) : parseCount(raw);
    // rows come grouped by month and municipality: keep the (municipality, month) map of the previous row at hand
    if (kode !== this.lastKode || maaned !== this.lastMaaned) {
      const km = `${kode}|${maaned}`;
      let m = this.monthly.get(km);
      if (!m) this.monthly.set(km, (m = new Map()));
      this.lastMap = m;
      this.lastKode = kode;
      this.lastMaaned = maaned;
    }
    const m = this.lastMap!;
    m.set(subject, (m.get(subject) ?? 0) + kald);
    if (!this.labels.has(subject))
      this.labels.set(subject, sp ? `${subject} ${cells[c.service_navn].trim()}` : subject);
  }

  /** End of file: the last line, a cut-off last row, empty files, then the series rules. */
  finish(): FileResult {
    if (!this.unreadable && this.decoder) this.consume(this.decoder.decode(), true);
    if (!this.started || this.bytes === 0) this.fileFinding("fil.afkortet", "fejl", "filen er tom (0 bytes)");
    else if (this.header !== null && this.kind !== null && this.rows === 0)
      this.fileFinding("fil.afkortet", "fejl", "filen har kun en overskrift og ingen datarækker", 1);
    if (this.lastShort && this.lastShort.line === this.lineNo && this.findings[this.lastShort.index]) {
      const f = this.findings[this.lastShort.index];
      f.rule = "fil.afkortet";
      f.message = `${this.opts.fileName}:${this.lastShort.line}: filen slutter midt i en række (${this.lastShort.cells} af ${this.header!.length} felter)`;
    }
    const t0 = Date.now();
    const series = this.seriesFindings();
    const msRegler = Date.now() - t0;
    const kilde: Kilde = this.kind === null || this.kind === "noegletal" ? "noegletal" : "infrastruktur";
    const fmt = this.format
      ? `tegnsæt ${this.format.encoding === "utf-8" ? `UTF-8${this.format.bom ? " med BOM" : " uden BOM"}` : "ISO-8859-1"}, ` +
        `skilletegn "${this.delim === "\t" ? "tabulator" : this.delim}"`
      : "ikke læst";
    return {
      fileName: this.opts.fileName,
      kind: this.kind,
      kilde,
      format: fmt,
      bytes: this.bytes,
      rows: this.rows,
      used: this.used,
      omitted: this.omitted,
      msRegler,
      findings: [...this.findings, ...series]
    };
  }

  private seriesFindings(): DqFinding[] {
    if (this.used === 0) return [];
    if (this.kind === "noegletal") {
      return validateKeyFigures({
        file: this.opts.fileName,
        rows: this.keyFigureCells(),
        katalog: this.opts.katalog,
        kommunekoder: this.opts.kommunekoder
      });
    }
    const rows = this.infraRows();
    if (rows.length === 0) return [];
    const months = [...new Set(rows.map((r) => r.maaned))].sort();
    return validateInfraMonthly({
      file: this.opts.fileName,
      rows,
      months,
      kommunekoder: this.opts.kommunekoder,
      groups: this.opts.groups
    });
  }

  /** The key-figure cells read so far (rows that passed the file-level checks). */
  keyFigureCells(): KeyFigureCell[] {
    return this.kfId.map((id, i) => ({
      id,
      kommunekode: this.kfKode[i],
      aar: this.kfAar[i],
      vaerdi: this.kfVal[i],
      status: this.kfStatus[i],
      line: this.kfLine[i]
    }));
  }

  /** Calls per municipality × month × subject, and per municipality × month ("I alt"), of the rows read so far. */
  infraRows(): InfraMonthlyRow[] {
    const rows: InfraMonthlyRow[] = [];
    const totals: InfraMonthlyRow[] = [];
    for (const [km, subjects] of this.monthly) {
      const [kommunekode, maaned] = km.split("|");
      let total = 0;
      for (const [subject, kald] of subjects) {
        rows.push({
          kommunekode,
          maaned,
          subjectKind: this.kind === "serviceplatformen" ? "service" : "itsystem",
          subject,
          subjectLabel: this.labels.get(subject),
          kald
        });
        total += kald;
      }
      totals.push({
        kommunekode,
        maaned,
        subjectKind: "total",
        subject: "I alt",
        subjectLabel: "Kald i alt",
        kald: total
      });
    }
    rows.push(...totals);
    return rows;
  }
}

/**
 * A 53-bit hash of a row's key fields (two 32-bit FNV-1a streams over the characters, fields separated), so a
 * million keys take a Set of numbers instead of a million strings. Two different keys share a hash with a
 * probability of about n²/2⁵⁴ (≈ 1 in 18,000 for a million rows); such a pair would be reported as a duplicate,
 * visibly, never summed silently.
 */
export function keyHash(cells: readonly string[], cols: readonly number[]): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;
  for (const i of cols) {
    const v = cells[i] ?? "";
    for (let j = 0; j < v.length; j++) {
      const ch = v.charCodeAt(j);
      h1 = Math.imul(h1 ^ ch, 0x01000193);
      h2 = Math.imul(h2 ^ ch, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    h2 = Math.imul(h2 ^ 0x1f, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Validate a whole file held in memory (tests, Node); the worker streams instead. */
export function validateFileBytes(bytes: Uint8Array, opts: FileCheckOptions, chunk = 1 << 20): FileResult {
  const v = new FileValidator(opts);
  for (let i = 0; i < bytes.length; i += chunk) v.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
  return v.finish();
}
