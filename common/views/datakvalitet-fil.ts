/**
 * Validate a CSV file a user drops on `/datakvalitet`, chunk by chunk (pure TypeScript: runs in the page's Web Worker,
 * components/datakvalitet/worker.ts, and in Node tests and benches). Nothing is uploaded: the bytes never leave the
 * browser.
 *
 The file-level checks are those of `npm run validate` (common/validate/file.ts, one module for both): the
 * first bytes are refused the same way (empty, XLSX/ZIP, gzip without .gz, binary), the format is recognised the same
 * way (`detectFileFormat`), and
 * - the key-figure formats (the raw noegletal.dk export, and the table kommunetal publishes, `/filer/noegletal.csv`)
 *   are read whole and checked by `checkKeyFigureFile`, the command line's own code (parser, table checks, series
 *   rules), so a file dropped here gives the findings `npm run validate` gives;
 * - the infrastructure extracts (contracts in common/infra/contracts.ts) are streamed: every row is checked against
 *   its contract with the ingest's rules and wording (infra.felter, infra.vaerdi, infra.noegle, kode.kommune,
 *   konsistens.negativ; `infraRuleOf`), the text checks run as a stream (`TextScanner`), and Serviceplatformen/support
 *   system calls are summed per municipality × month × service for `validateInfraMonthly`.
 *
 * Memory: an extract is handled line by line as it arrives (kept as monthly sums); a key-figure file (a few MB) is
 * held whole.
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
import { type KleSagRow, kleCatalogue, kleFindings, type Udgaaet } from "../infra/kle.js";
import { ENCODING_LABEL, type Finding, type Severity } from "../rules/index.js";
import {
  assertText,
  checkKeyFigureFile,
  detectFileFormat,
  encodingWarning,
  expectedCodes,
  type FileContext,
  type FormatId,
  infraRuleOf,
  monthRange,
  openFile,
  TextScanner,
  UnreadableFile
} from "../validate/file.js";
import {
  type InfraMonthlyRow,
  type KeyFigureMeta,
  type ValidationFinding,
  validateInfraMonthly
} from "../validate/index.js";
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
  /**
   * key-figure files: what `npm run validate` knows besides codes and catalogue (municipality names, the source's
   * years, the comparison groups of the outlier rules, the demo key figures); datakvalitet.json carries it
   */
  noegletal?: Omit<FileContext, "kommunekoder" | "katalog" | "rules">;
  /** the KLE catalogue (current emne numbers, retired numbers): kle.* on an index extract (indekssager_*.csv) */
  kle?: { emner: readonly string[]; udgaaede: readonly Udgaaet[]; navn: string };
  maxFindings?: number;
}

/** "noegletal": the noegletal.dk export; "tabel": kommunetal's published table; else an extract's kind. */
export type FileKind = "noegletal" | "tabel" | Contract["kind"];

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

/** Bytes looked at to decide a file's format and encoding. */
const SNIFF = 1 << 16;

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** The finding for a file that is not there to read (0 bytes), as the command line words it. */
function unreadable(file: string, bytes: Uint8Array): Finding {
  try {
    assertText(bytes, file);
  } catch (error) {
    if (error instanceof UnreadableFile) return error.finding;
    throw error;
  }
  return { rule: "fil.tom", severity: "fejl", message: "filen er tom", file };
}

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
  /** key-figure files: the chunks, read whole at the end by the command line's code */
  private held: Uint8Array[] | null = null;
  /** chunks before the first SNIFF bytes */
  private pending: Uint8Array[] = [];
  private scanner: TextScanner | null = null;
  /** infrastructure keys as 53-bit hashes (see keyHash) → the line they were first seen on */
  private readonly keyHashes = new Map<number, number>();
  private keyCols: number[] = [];
  // infrastructure: "kommunekode|maaned" → subject → calls, plus labels
  private readonly monthly = new Map<string, Map<string, number>>();
  private lastKode: string | null = null;
  private lastMaaned: string | null = null;
  private lastMap: Map<string, number> | null = null;
  private readonly labels = new Map<string, string>();
  private col: Record<string, number> = {};
  /** index extracts: the rows that passed the contract, for the KLE conformance (kle.*) at the end */
  private readonly sager: KleSagRow[] = [];
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
      kilde: this.kilde(),
      subject: f.subject ?? "fil",
      subjectLabel: f.subjectLabel ?? this.opts.fileName,
      ...f
    });
  }

  private kilde(): Kilde {
    return this.kind === null || this.kind === "noegletal" || this.kind === "tabel" ? "noegletal" : "infrastruktur";
  }

  /** A finding of the shared file checks (common/validate/file.ts), located in its message as file:line:column. */
  private addShared(f: Finding | ValidationFinding): void {
    const v = f as ValidationFinding;
    if (v.subject !== undefined && v.kilde !== undefined) {
      // the series rules' findings are never capped (as in an extract's validateInfraMonthly), only file-level ones
      this.findings.push(v as DqFinding);
      return;
    }
    const at = f.line ? `:${f.line}${f.column ? `:${f.column}` : ""}` : "";
    this.add({ ...f, message: `${this.opts.fileName}${at}: ${f.message}` });
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
      // the format is decided on the first 64 KiB (or the whole file, when smaller), whatever the chunk size
      this.pending.push(chunk.slice());
      if (this.bytes < SNIFF) return;
      this.startWith(concat(this.pending, this.bytes));
      return;
    }
    this.handle(chunk);
  }

  private startWith(first: Uint8Array): void {
    this.started = true;
    this.pending = [];
    if (this.sniff(first)) this.handle(first);
  }

  private handle(chunk: Uint8Array): void {
    if (this.held) {
      this.held.push(chunk.slice());
      return;
    }
    const text = this.decoder!.decode(chunk, { stream: true });
    this.scanner!.push(this.lineNo === 0 && this.rest === "" ? text.replace(/^\uFEFF/, "") : text);
    this.consume(text, false);
  }

  /**
   * First bytes: refuse what is not text as the command line does (assertText), recognise the format
   * (detectFileFormat); key-figure files are held for `checkKeyFigureFile`, extracts are streamed.
   */
  private sniff(chunk: Uint8Array): boolean {
    try {
      assertText(chunk, this.opts.fileName);
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      this.unreadable = true;
      this.addShared(error.finding);
      return false;
    }
    const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
    const utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
    const utf8 = !utf16 && isUtf8(chunk.subarray(bom ? 3 : 0, 1 << 20));
    const head = new TextDecoder(
      utf16 ? (chunk[0] === 0xff ? "utf-16le" : "utf-16be") : utf8 ? "utf-8" : "windows-1252"
    )
      .decode(chunk.subarray(0, 1 << 16))
      .replace(/^\uFEFF/, "");
    const format: FormatId | undefined = detectFileFormat(this.opts.fileName, head);
    if (format === "noegletal" || format === "tabel" || utf16) {
      this.kind = format === "noegletal" ? "noegletal" : "tabel";
      this.held = [];
      return true;
    }
    this.decoder = new TextDecoder(utf8 ? "utf-8" : "windows-1252", { ignoreBOM: false });
    this.scanner = new TextScanner(this.opts.fileName);
    this.format = {
      encoding: utf8 ? "utf-8" : "latin-1",
      bom,
      delimiter: ";",
      decimal: "dansk",
      description: ""
    };
    if (!utf8) {
      const w = encodingWarning(this.opts.fileName, "iso-8859-1", ["utf-8", "utf-8-bom", "ascii"]);
      if (w) this.addShared(w);
    }
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
    this.infraRow(splitLine(text, this.delim));
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
    const byName = contractOfFile(this.opts.fileName);
    const scored = Object.values(CONTRACTS)
      .map((c) => ({ c, score: c.columns.filter((s) => s.name in this.col).length / c.columns.length }))
      .sort((a, b) => b.score - a.score);
    const contract = byName ?? (scored[0].score >= 0.5 ? scored[0].c : null);
    if (contract) {
      this.kind = contract.kind;
      this.contract = contract;
      if (this.delim === "\t")
        this.fileFinding(
          "form.skilletegn",
          "fejl",
          `felterne er adskilt med tabulator; ${contract.title} skal bruge semikolon (;) eller komma (,)`,
          1,
          1
        );
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
      this.fileFinding("fil.tom", "fejl", "filen er tom (første linje er tom); der er ingen overskrift", 1);
      return;
    }
    this.fileFinding(
      "form.overskrift",
      "fejl",
      `overskriften (${header.slice(0, 6).join(this.delim)}${header.length > 6 ? " …" : ""}) passer hverken til nøgletallenes ` +
        `formater (noegletal.dk-eksporten, ${KEY_FIGURE_COLUMNS.join(";")}) eller til et af infrastrukturens udtræk (${Object.values(
          CONTRACTS
        )
          .map((c) => c.prefix.replace(/_$/, ""))
          .join(", ")}); skilletegnet blev læst som "${this.delim === "\t" ? "tabulator" : this.delim}"`,
      1
    );
  }

  /** infra.felter, in the ingest's words (loaders/infra/ingest.ts). */
  private fieldCount(cells: string[]): boolean {
    const width = this.header!.length;
    if (cells.length === width) return true;
    this.lastShort =
      cells.length < width ? { index: this.findings.length, line: this.lineNo, cells: cells.length } : null;
    this.fileFinding(
      "infra.felter",
      "fejl",
      `rækken har ${cells.length > width ? "flere" : "færre"} felter end overskriftens ${width} (${cells.length}; skilletegn "${this.delim}")`,
      this.lineNo,
      Math.min(cells.length, width) + 1
    );
    return false;
  }

  private infraRow(cells: string[]): void {
    if (!this.fieldCount(cells)) return;
    const contract = this.contract!;
    const line = this.lineNo;
    // the contract's value checks (common/infra/contracts.ts valueProblem), each distinct valid value checked once
    const decimal = this.format?.decimal ?? "dansk";
    const found: { message: string; column: number; name: string }[] = [];
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
      if (problem)
        found.push({
          message: `${this.opts.fileName}:${line}:${chk.i + 1}: ${problem}`,
          column: chk.i + 1,
          name: chk.spec.name
        });
      else {
        chk.last = v;
        if (chk.valid.size < VALID_CACHE) chk.valid.add(v);
      }
    }
    const c = this.col;
    const have = (...names: string[]) => names.every((n) => c[n] !== undefined);
    const kode = c.kommunekode === undefined ? undefined : cells[c.kommunekode].trim() || undefined;
    for (const f of found)
      this.add({
        rule: infraRuleOf("infra.vaerdi", f.name, contract.measure, f.message),
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
    const first = this.keyHashes.get(key);
    if (first !== undefined) {
      this.add({
        rule: "infra.noegle",
        severity: "fejl",
        message: `${this.opts.fileName}:${line}:1: rækken gentager nøglen (${contract.key.join(", ")}) fra linje ${first}`,
        line,
        column: 1,
        kommunekode: kode,
        subject: contract.kind,
        subjectLabel: contract.title
      });
      return;
    }
    this.keyHashes.set(key, line);
    this.used++;
    if (contract.kind === "indekssager" && this.opts.kle && have("kle_nr", "indeks", "opgjort_dato", "antal_sager")) {
      this.sager.push({
        opgjort_dato: cells[c.opgjort_dato].trim().slice(0, 10),
        kle_nr: cells[c.kle_nr].trim(),
        indeks: cells[c.indeks].trim(),
        it_system: c.it_system === undefined ? "" : cells[c.it_system].trim(),
        kommunekode: kode ?? null,
        antal_sager: parseCount(cells[c.antal_sager]),
        line,
        column: c.kle_nr + 1
      });
      return;
    }
    const sp = contract.kind === "serviceplatformen";
    if (
      !kode ||
      !contract.measure ||
      !have(contract.measure, ...(sp ? ["maaned", "service_nr"] : ["time", "stoettesystem"]))
    )
      return;
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
      this.labels.set(subject, sp ? `${subject} ${cells[c.service_navn]?.trim() ?? ""}`.trim() : subject);
  }

  /** End of file: the last line, a cut-off last row, empty files, then the series rules. */
  finish(): FileResult {
    if (!this.started && this.bytes > 0) this.startWith(concat(this.pending, this.bytes));
    if (!this.started || this.bytes === 0) {
      if (!this.unreadable) this.addShared(unreadable(this.opts.fileName, new Uint8Array()));
      return this.result(0, []);
    }
    if (this.held) return this.finishKeyFigures();
    if (!this.unreadable && this.decoder) {
      const tail = this.decoder.decode();
      this.scanner!.push(tail);
      this.consume(tail, true);
      for (const f of this.scanner!.finish()) this.addShared(f);
    }
    if (this.header !== null && this.kind !== null && this.rows === 0)
      this.fileFinding("fil.tom", "fejl", "filen har kun en overskrift og ingen datarækker", 1, 1);
    if (this.lastShort && this.lastShort.line === this.lineNo && this.findings[this.lastShort.index]) {
      const f = this.findings[this.lastShort.index];
      f.message += "; filen slutter midt i en række (den kan være afkortet)";
    }
    const t0 = Date.now();
    const series = this.seriesFindings();
    return this.result(Date.now() - t0, series);
  }

  /** A key-figure file, whole: the command line's own code (common/validate/file.ts). */
  private finishKeyFigures(): FileResult {
    const all = concat(this.held!, this.bytes);
    this.held = null;
    const t0 = Date.now();
    try {
      const opened = openFile(all, this.opts.fileName);
      const format = opened.format === "noegletal" || opened.format === "tabel" ? opened.format : "tabel";
      this.kind = format;
      this.format = {
        encoding: opened.encoding.startsWith("utf-8") ? "utf-8" : "latin-1",
        bom: opened.encoding === "utf-8-bom",
        delimiter: ";",
        decimal: "dansk",
        description: ENCODING_LABEL[opened.encoding]
      };
      const ctx: FileContext = {
        kommunekoder: this.opts.kommunekoder,
        katalog: this.opts.katalog ?? [],
        aar: this.opts.noegletal?.aar ?? [],
        ...this.opts.noegletal
      };
      const kf = checkKeyFigureFile(all, this.opts.fileName, { ...opened, format }, ctx);
      for (const f of opened.findings) this.addShared(f);
      for (const f of kf.findings) this.addShared(f);
      this.rows = kf.raekker;
      this.used = kf.raekker;
    } catch (error) {
      if (!(error instanceof UnreadableFile)) throw error;
      this.unreadable = true;
      this.addShared({
        ...error.finding,
        message: error.finding.message || error.message.replace(/^[^:]+: /, "").replace(/ \[regel [^\]]+\]$/, "")
      });
    }
    return this.result(Date.now() - t0, []);
  }

  private result(msRegler: number, series: DqFinding[]): FileResult {
    const fmt = this.format
      ? `tegnsæt ${this.format.description || (this.format.encoding === "utf-8" ? `UTF-8${this.format.bom ? " med BOM" : " uden BOM"}` : "ISO-8859-1")}, ` +
        `skilletegn "${this.delim === "\t" ? "tabulator" : this.delim}"`
      : "ikke læst";
    return {
      fileName: this.opts.fileName,
      kind: this.kind,
      kilde: this.kilde(),
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
    if (this.sager.length && this.opts.kle) {
      const k = this.opts.kle;
      const cat = kleCatalogue(k.emner, k.udgaaede, k.navn);
      return this.sager.flatMap((r) =>
        kleFindings([r], cat, this.opts.fileName).map((f) => ({
          ...f,
          message: `${this.opts.fileName}:${f.line}:${f.column}: ${f.message}`,
          kilde: "infrastruktur" as const,
          subject: r.it_system,
          subjectLabel: `${r.it_system} (KLE i ${r.indeks})`
        }))
      );
    }
    const rows = this.infraRows();
    if (rows.length === 0) return [];
    return validateInfraMonthly({
      file: this.opts.fileName,
      rows,
      months: monthRange(rows.map((r) => r.maaned)),
      kommunekoder: expectedCodes(rows, this.opts.kommunekoder),
      groups: this.opts.groups
    });
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

/**
 * The worker's entry (components/datakvalitet/worker.ts): read a stream of bytes chunk by chunk into a FileValidator.
 * `progress` is called after each chunk with the bytes read so far. Node tests call it with the same options.
 */
export async function validateStream(
  stream: ReadableStream<Uint8Array>,
  opts: FileCheckOptions,
  progress: (bytes: number) => void = () => {}
): Promise<FileResult> {
  const v = new FileValidator(opts);
  const reader = stream.getReader();
  let done = 0;
  for (;;) {
    const { value, done: end } = await reader.read();
    if (end) break;
    v.push(value);
    done += value.length;
    progress(done);
  }
  return v.finish();
}

/** Validate a whole file held in memory (tests, Node); the worker streams instead. */
export function validateFileBytes(bytes: Uint8Array, opts: FileCheckOptions, chunk = 1 << 20): FileResult {
  const v = new FileValidator(opts);
  for (let i = 0; i < bytes.length; i += chunk) v.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
  return v.finish();
}
