/**
 * `npm run --silent validate -- <fil eller mappe> [--json] [--rules id,id] [--format navn]` (issue #11):
 * validate key-figure files (the noegletal.dk export, DST FOLK1AM, the project's own published
 * key-figure table) and the infrastructure extracts (common/infra/contracts.ts), with the same
 * parsers and rules the build uses (loaders/sources, loaders/infra/ingest.ts) plus the file-level
 * checks of common/validate/file.ts (shared with the browser check of /datakvalitet) and the series rules of common/validate. Prints a Danish report
 * (rule, what, where, why it matters, likely cause) or JSON.
 *
 * Exit codes: 0 no errors (warnings allowed), 1 errors (fejl), 2 input that cannot be read at all
 * (missing path, empty, binary/XLSX, unknown format) or a bad command line. Never a bare stack trace.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { CONTRACTS, detectFormat as detectInfraFormat, type ExtractKind } from "../../common/infra/contracts.js";
import { type KleCatalogue, type KleSagRow, kleFindings } from "../../common/infra/kle.js";
import { type decodeDetected, type Finding, RULES, type RuleId } from "../../common/rules/index.js";
import {
  checkKeyFigureFile,
  encodingWarning,
  expectedCodes,
  type FileContext,
  FORMAT_ALIASES,
  FORMAT_NAMES,
  type FormatId,
  infraRuleOf,
  monthRange,
  openFile,
  separatorOf,
  UnreadableFile
} from "../../common/validate/file.js";
import {
  type InfraMonthlyRow,
  type KeyFigureMeta,
  type ValidationFinding,
  validateInfraMonthly
} from "../../common/validate/index.js";
import { yearsWithData } from "../../common/vocabulary.js";
import { buildBefolkning, buildKommuner, buildNoegletal } from "../datasets.js";
import { readKleCatalogue } from "../infra/build.js";
import { ingestExtracts, openDuckDB } from "../infra/ingest.js";
import { inspectFolk1am } from "../sources/folk1am.js";
import { DEMO_KATALOG, DEMO_RELATIONS, DEMO_YEARS, kommunegruppeGroups } from "../validate/demo-noegletal.js";

/** One finding as reported: the rule's Danish explanation and likely cause attached. */
export interface ReportFinding {
  regel: string;
  alvor: "fejl" | "advarsel";
  besked: string;
  fil: string;
  linje?: number;
  kolonne?: number;
  kommunekode?: string;
  periode?: string;
  /** key-figure id, service number, IT system … (series rules) */
  emne?: string;
  emne_navn?: string;
  vaerdi?: number;
  forventet?: number;
  forklaring: string;
  aarsag: string;
}

export interface FileReport {
  fil: string;
  /** the format id, or null when the file could not be read */
  format: FormatId | null;
  format_navn: string | null;
  /** generated demo data (the seeded demo key figures or extracts): said in the report */
  demodata: boolean;
  /** false: the file could not be read at all (exit code 2) */
  laesbar: boolean;
  /** data rows read (key-figure cells, or rows of an extract) */
  raekker: number;
  fund: ReportFinding[];
}

export interface ValidateResult {
  filer: FileReport[];
  opsummering: { filer: number; fejl: number; advarsler: number; ulaeselige: number; pr_regel: Record<string, number> };
  exitkode: 0 | 1 | 2;
}

export interface ValidateOptions {
  json: boolean;
  rules?: string[];
  format?: FormatId;
}

/** A command-line or input problem reported in Danish with exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}

export const HELP = `Brug: npm run --silent validate -- <fil eller mappe> [--json] [--rules id,id] [--format navn]

Kontrollerer nøgletalsfiler og infrastrukturudtræk med de samme regler som kommunetals build:
filens form (tegnsæt, skilletegn, decimaltegn, overskrift, nøgler, kodelister: de 98 kommunekoder,
kendte services, statusser og år) og seriernes regler (fuldstændighed, niveauskift, fald til nul,
afvigelser, dubletter, negative antal, små tal). Rapporten er på dansk: regel, hvad, hvor
(fil, linje, kolonne, kommune, periode), hvorfor det betyder noget, og den sandsynlige årsag.

Filer:
  noegletal.dk-eksport (ISO-8859-1, ;), DST FOLK1AM (OMRÅDE;TID;INDHOLD), kommunetals egen
  nøgletalstabel (/filer/noegletal.csv) og infrastrukturudtrækkene serviceplatformen_*.csv,
  stoettesystemer_*.csv, indekssager_*.csv, klarmelding_*.csv, systemanvendelse_*.csv (også .csv.gz).
  Formatet afgøres af overskriften og filnavnet. En mappe: alle .csv-, .csv.gz- og .txt-filer i den.

Tilvalg:
  --json            skriv rapporten som JSON på standard output
  --rules id,id     kun disse regler (fx form.dublet,kode.kommune; se data/README.md)
  --format navn     læs filen som dette format: ${Object.keys(FORMAT_ALIASES).join(", ")}
  --help            denne hjælp

Afslutningskode: 0 ingen fejl (advarsler er tilladt), 1 fejl fundet, 2 filen kan ikke læses
(findes ikke, er tom, er et regneark eller har ukendt format) eller forkert kommandolinje.

Eksempel:
  npm run --silent validate -- data/raw/noegletal/noegletal_dk_2013-2019_raw.csv
  npm run --silent validate -- dist/filer/noegletal.csv --rules kode.kommune,form.dublet --json
  npm run --silent validate -- mine-udtraek/ --format serviceplatformen
`;

export function parseArgs(argv: string[]): { paths: string[]; options: ValidateOptions; help: boolean } {
  const paths: string[] = [];
  const options: ValidateOptions = { json: false };
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new CliError(`${name} kræver en værdi (se --help)`);
      return v;
    };
    if (a === "--help" || a === "-h") help = true;
    else if (a === "--json") options.json = true;
    else if (a === "--rules" || a.startsWith("--rules=")) {
      const ids = value("--rules")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const unknown = ids.filter((id) => !(id in RULES));
      if (unknown.length)
        throw new CliError(`ukendt regel: ${unknown.join(", ")}. Kendte regler: ${Object.keys(RULES).join(", ")}`);
      options.rules = ids;
    } else if (a === "--format" || a.startsWith("--format=")) {
      const f = value("--format");
      const id = FORMAT_ALIASES[f.toLowerCase()];
      if (!id) throw new CliError(`ukendt format "${f}". Kendte formater: ${Object.keys(FORMAT_ALIASES).join(", ")}`);
      options.format = id;
    } else if (a.startsWith("--")) throw new CliError(`ukendt tilvalg ${a} (se --help)`);
    else paths.push(a);
  }
  return { paths, options, help };
}

/** The files to validate: the path itself, or the .csv/.csv.gz/.txt/.xlsx files in a folder (sorted). */
export function filesOf(path: string): string[] {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new CliError(`${path} findes ikke. Angiv en fil eller en mappe (se --help)`);
  }
  if (st.isFile()) return [path];
  if (!st.isDirectory()) throw new CliError(`${path} er hverken en fil eller en mappe`);
  const files = readdirSync(path)
    .filter((n) => /\.(csv|csv\.gz|txt|xlsx|xls)$/i.test(n))
    .sort()
    .map((n) => join(path, n))
    .filter((p) => statSync(p).isFile());
  if (files.length === 0)
    throw new CliError(`mappen ${path} indeholder ingen .csv-, .csv.gz- eller .txt-filer at kontrollere`);
  return files;
}

// ---------------------------------------------------------------------------------------------
// Reference data (the 98 municipalities and the catalogue), read once, quietly

interface Context {
  codes: Set<string>;
  namesByCode: Map<string, string>;
  codeByName: Map<string, string>;
  katalog: ReturnType<typeof buildNoegletal>["katalog"];
  /** comparison groups for the outlier rules: the DST municipality group (kommunegruppe), "" = every area */
  groups: Record<string, Record<string, string[]>>;
  /** the latest FOLK1AM population per municipality (calls per inhabitant) */
  befolkning: Record<string, number>;
}

let contextMemo: Context | undefined;

/** Run `f` with the loaders' reconciliation lines on stderr silenced (they are build logs, not findings). */
function quietly<T>(f: () => T): T {
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    return f();
  } finally {
    process.stderr.write = write;
  }
}

function context(): Context {
  if (contextMemo) return contextMemo;
  const { kommuner, katalog, groups, folk } = quietly(() => ({
    kommuner: buildKommuner(),
    katalog: buildNoegletal().katalog,
    groups: kommunegruppeGroups(),
    folk: buildBefolkning().rows
  }));
  const latest =
    folk
      .map((r) => r.maaned)
      .sort()
      .at(-1) ?? "";
  const befolkning: Record<string, number> = {};
  for (const r of folk) if (r.maaned === latest) befolkning[r.kommunekode] = r.befolkning;
  contextMemo = {
    groups: { "": groups },
    befolkning,
    codes: new Set(kommuner.map((k) => k.kommunekode)),
    namesByCode: new Map(kommuner.map((k) => [k.kommunekode, k.navn])),
    codeByName: new Map(kommuner.map((k) => [k.navn, k.kommunekode])),
    katalog
  };
  return contextMemo;
}

const katalogMeta = (ctx: Context): KeyFigureMeta[] =>
  ctx.katalog.map((k) => ({
    id: k.id,
    titel: k.titel,
    enhed: k.enhed,
    omraade: k.omraade,
    taeller_personer: String(k.taeller_personer) === "ja" || String(k.taeller_personer) === "true"
  }));

// ---------------------------------------------------------------------------------------------
// Per format

interface Checked {
  findings: (Finding | ValidationFinding)[];
  raekker: number;
}

/**
 * What the shared file check knows, as the command line builds it: the build writes it into datakvalitet.json, so
 * a file dropped on /datakvalitet is checked with the same catalogue, names, years and groups.
 */
export function cliFileContext(): FileContext {
  return fileContext(context());
}

/** The shared file check's context (common/validate/file.ts) from the loaders' reference data. */
function fileContext(ctx: Context, rules?: string[]): FileContext {
  return {
    kommunekoder: [...ctx.codes].sort(),
    navne: Object.fromEntries(ctx.namesByCode),
    katalog: katalogMeta(ctx),
    aar: [...new Set(ctx.katalog.flatMap((k) => yearsWithData(k)))].sort((x, y) => x - y),
    groups: ctx.groups,
    demo: { katalog: DEMO_KATALOG, aar: DEMO_YEARS, relations: DEMO_RELATIONS },
    rules
  };
}

function checkFolk1am(bytes: Uint8Array, file: string, ctx: Context): Checked {
  const { parsed, findings } = inspectFolk1am(bytes, file, ctx.codeByName);
  const out: Finding[] = [...findings];
  for (const r of parsed?.rejected ?? [])
    if (!/^Region /.test(r.reason) && !/Hele landet/.test(r.reason))
      out.push({ rule: "kode.kommune", severity: "fejl", message: r.reason, file, line: r.line, column: 1 });
  return { findings: out, raekker: parsed?.read ?? 0 };
}

/**
 * Infrastructure extracts: the ingest (DuckDB, the build's own code) on a temporary folder holding
 * only this file under its contract's name; then the series rules on the monthly sums.
 */
async function checkInfra(
  path: string,
  file: string,
  kind: ExtractKind,
  text: string,
  encoding: ReturnType<typeof decodeDetected>["encoding"],
  ctx: Context,
  rules?: string[]
): Promise<Checked> {
  const contract = CONTRACTS[kind];
  const out: (Finding | ValidationFinding)[] = [];
  const enc = encodingWarning(file, encoding, ["utf-8", "utf-8-bom", "ascii"]);
  if (enc) out.push(enc);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const names = contract.columns.map((c) => c.name);
  if (separatorOf(firstLine, names) === "\t") {
    out.push({
      rule: "form.skilletegn",
      severity: "fejl",
      message: `felterne er adskilt med tabulator; ${contract.title} skal bruge semikolon (;) eller komma (,)`,
      file,
      line: 1,
      column: 1
    });
    return { findings: out, raekker: 0 };
  }
  const format = detectInfraFormat(new TextEncoder().encode(text.slice(0, 1 << 20)), contract);
  const lines = text.split(/\r?\n/).filter((l, i) => i > 0 && l.trim() !== "");
  if (lines.length === 0) {
    out.push({
      rule: "fil.tom",
      severity: "fejl",
      message: "filen har kun en overskrift og ingen datarækker",
      file,
      line: 1,
      column: 1
    });
    return { findings: out, raekker: 0 };
  }
  const dir = mkdtempSync(join(tmpdir(), "kommunetal-validate-"));
  const gz = /\.gz$/i.test(path);
  const base = basename(path);
  const linked =
    base.startsWith(contract.prefix) && /\.csv(\.gz)?$/i.test(base)
      ? base
      : `${contract.prefix}fil.csv${gz ? ".gz" : ""}`;
  const { instance, con } = await openDuckDB(join(dir, "tmp"));
  try {
    mkdirSync(join(dir, "ind"), { recursive: true });
    // DuckDB's CSV reader refuses a file whose line endings are mixed (reported above as form.linjeskift):
    // the ingest reads a copy with LF line endings, so the values are still checked
    if (/\r\n/.test(text) && /(^|[^\r])\n/.test(text)) {
      const raw = readBytes(path, file);
      const lf = Buffer.from(Buffer.from(raw).toString("latin1").replace(/\r\n/g, "\n"), "latin1");
      writeFileSync(join(dir, "ind", linked.replace(/\.gz$/i, "")), lf);
    } else symlinkSync(resolve(path), join(dir, "ind", linked));
    let result: Awaited<ReturnType<typeof ingestExtracts>>;
    try {
      result = await ingestExtracts(join(dir, "ind"), join(dir, "ud"), [...ctx.codes], con, () => {});
    } catch (error) {
      const msg = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      out.push({
        rule: "form.linje",
        severity: "fejl",
        message: `indlæsningen (DuckDB) kan ikke læse filen som CSV: ${msg.replaceAll(linked, file)}`,
        file
      });
      return { findings: out, raekker: 0 };
    }
    const report = result.reports[0];
    const prefix = new RegExp(`^${linked.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:\\d+(:\\d+)?: `);
    const strip = (m: string) => m.replace(prefix, "");
    // where: the municipality and period of a rejected row, from its raw line
    const headerNames = firstLine.split(format.delimiter).map((h) => h.trim().replace(/^"|"$/g, ""));
    const iKode = headerNames.indexOf("kommunekode");
    const timeCol = contract.timeColumn;
    const iTid = timeCol ? headerNames.indexOf(timeCol) : -1;
    const rawLines = report?.findings.length ? text.replace(/^\uFEFF/, "").split(/\r?\n/) : [];
    const placeOf = (line: number) => {
      const cells = line > 1 ? (rawLines[line - 1]?.split(format.delimiter) ?? []) : [];
      const kode = iKode >= 0 ? cells[iKode]?.trim() : undefined;
      const tid = iTid >= 0 ? cells[iTid]?.trim() : undefined;
      return { kommunekode: kode || undefined, periode: tid || undefined };
    };
    // the ingest counts fields; the report (like the loaders) names the character column where the field starts
    const charColumn = (line: number, field: number) => {
      const cells = rawLines[line - 1]?.split(format.delimiter);
      if (!cells || field < 1 || field > cells.length) return field || undefined;
      return cells.slice(0, field - 1).reduce((a, c) => a + c.length + format.delimiter.length, 1);
    };
    for (const f of [...(report?.fileFindings ?? []), ...(report?.findings ?? [])]) {
      const colName =
        f.column > 0 ? firstLine.split(format.delimiter)[f.column - 1]?.trim().replace(/^"|"$/g, "") : undefined;
      out.push({
        rule: infraRuleOf(f.rule, colName, contract.measure, f.message),
        severity: f.severity,
        message: strip(f.message).replaceAll(linked, file),
        file,
        line: f.line || undefined,
        column: f.line > 1 && f.column > 0 ? charColumn(f.line, f.column) : f.column || undefined,
        ...(f.line > 1 ? placeOf(f.line) : {})
      });
    }
    if (report && !report.fileFindings.length && (kind === "serviceplatformen" || kind === "stoettesystemer")) {
      const monthly = await monthlyRows(con, join(dir, "ud", kind), kind);
      if (monthly.length) {
        // a municipality's own extract is checked for its own codes; an extract with most of the 98 for all 98
        out.push(
          ...validateInfraMonthly(
            {
              file,
              rows: monthly,
              months: monthRange(monthly.map((r) => r.maaned)),
              kommunekoder: expectedCodes(monthly, [...ctx.codes].sort()),
              groups: ctx.groups[""],
              befolkning: ctx.befolkning
            },
            { rules }
          )
        );
      }
    }
    if (report && !report.fileFindings.length && kind === "indekssager") {
      // KLE conformance (kle.findes/aktuel/niveau) per row, as the build and the browser check do
      const iKle = headerNames.indexOf("kle_nr");
      for (const r of await indexRows(con, join(dir, "ud", kind))) {
        // kilderaekke is the record number; with no record over several lines its line is one more (the header)
        const line = r.kilderaekke + 1;
        const where = { ...r, file, line, column: iKle >= 0 ? charColumn(line, iKle + 1) : undefined };
        for (const f of kleFindings([where], kle(), file))
          out.push({ ...f, kommunekode: r.kommunekode ?? undefined, periode: r.opgjort_dato });
      }
    }
    return { findings: out, raekker: report?.rowsIn ?? 0 };
  } finally {
    con.closeSync();
    instance.closeSync?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

let kleMemo: KleCatalogue | undefined;
/** The KLE catalogue the build uses (data/raw/kle), read once. */
const kle = () => (kleMemo ??= readKleCatalogue());

/** The index extract's rows as the ingest wrote them, with their record number. */
async function indexRows(
  con: Awaited<ReturnType<typeof openDuckDB>>["con"],
  kindDir: string
): Promise<(KleSagRow & { kilderaekke: number })[]> {
  const glob = `'${join(kindDir, "**", "*.parquet").replace(/'/g, "''")}'`;
  let rows: Record<string, unknown>[];
  try {
    rows = (
      await con.runAndReadAll(
        `SELECT strftime(opgjort_dato::DATE, '%Y-%m-%d') AS opgjort_dato, kle_nr, indeks, it_system, kommunekode,
           antal_sager::BIGINT AS antal_sager, kilderaekke::BIGINT AS kilderaekke
         FROM read_parquet(${glob}, hive_partitioning=false) ORDER BY kilderaekke`
      )
    ).getRowObjectsJS() as Record<string, unknown>[];
  } catch {
    return [];
  }
  return rows.map((r) => ({
    opgjort_dato: String(r.opgjort_dato),
    kle_nr: String(r.kle_nr),
    indeks: String(r.indeks),
    it_system: r.it_system === null ? "" : String(r.it_system),
    kommunekode: r.kommunekode === null ? null : String(r.kommunekode),
    antal_sager: Number(r.antal_sager),
    kilderaekke: Number(r.kilderaekke)
  }));
}

/** Monthly sums per municipality × service (or support system) and in total, from the ingest's Parquet. */
async function monthlyRows(
  con: Awaited<ReturnType<typeof openDuckDB>>["con"],
  kindDir: string,
  kind: "serviceplatformen" | "stoettesystemer"
): Promise<InfraMonthlyRow[]> {
  const glob = `'${join(kindDir, "**", "*.parquet").replace(/'/g, "''")}'`;
  const month = kind === "serviceplatformen" ? "maaned" : "strftime(time, '%Y-%m')";
  const subject = kind === "serviceplatformen" ? "service_nr" : "stoettesystem";
  const label = kind === "serviceplatformen" ? "any_value(service_navn)" : "stoettesystem";
  const sql = `SELECT kommunekode, ${month} AS maaned, 'service' AS kind, ${subject} AS subject, ${label} AS label, sum(antal_kald) AS kald
      FROM read_parquet(${glob}, hive_partitioning=false) WHERE kommunekode IS NOT NULL GROUP BY kommunekode, ${month}, ${subject}
    UNION ALL
    SELECT kommunekode, ${month}, 'total', 'I alt', 'I alt', sum(antal_kald)
      FROM read_parquet(${glob}, hive_partitioning=false) WHERE kommunekode IS NOT NULL GROUP BY kommunekode, ${month}`;
  let rows: Record<string, unknown>[];
  try {
    rows = (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } catch {
    return [];
  }
  return rows.map((r) => ({
    kommunekode: String(r.kommunekode),
    maaned: String(r.maaned),
    subjectKind: r.kind === "total" ? "total" : "service",
    subject: String(r.subject),
    subjectLabel: String(r.label),
    kald: Number(r.kald)
  }));
}

// ---------------------------------------------------------------------------------------------
// One file, many files

function readBytes(path: string, file: string): Uint8Array {
  const raw = readFileSync(path);
  if (!/\.gz$/i.test(path)) return raw;
  try {
    return gunzipSync(raw);
  } catch {
    throw new UnreadableFile(
      { rule: "fil.binaer", severity: "fejl", message: "filen hedder .gz, men kan ikke pakkes ud (gzip)", file },
      `${file}: filen hedder .gz, men kan ikke pakkes ud (gzip) [regel fil.binaer]`
    );
  }
}

function toReport(f: Finding | ValidationFinding): ReportFinding {
  const rule = RULES[f.rule as RuleId];
  const v = f as ValidationFinding;
  const out: ReportFinding = {
    regel: f.rule,
    alvor: f.severity,
    besked: f.message,
    fil: f.file,
    forklaring: rule?.forklaring ?? "",
    aarsag: rule?.aarsag ?? ""
  };
  if (f.line !== undefined) out.linje = f.line;
  if (f.column !== undefined) out.kolonne = f.column;
  if (f.kommunekode) out.kommunekode = f.kommunekode;
  if (f.periode) out.periode = f.periode;
  if (v.subject) out.emne = v.subject;
  if (v.subjectLabel) out.emne_navn = v.subjectLabel;
  if (v.vaerdi !== undefined) out.vaerdi = v.vaerdi;
  if (v.forventet !== undefined) out.forventet = v.forventet;
  return out;
}

/** Validate one file; an unreadable file gives `laesbar: false` and its one finding. */
export async function validateFile(path: string, options: Omit<ValidateOptions, "json"> = {}): Promise<FileReport> {
  const file = path;
  const keep = (f: { rule: string }) => !options.rules || options.rules.includes(f.rule);
  try {
    const bytes = readBytes(path, file);
    const { text, encoding, format, findings: textFound } = openFile(bytes, file, options.format);
    const ctx = context();
    const findings: (Finding | ValidationFinding)[] = [...textFound];
    let checked: Checked;
    let demo = false;
    if (format === "noegletal" || format === "tabel") {
      const kf = checkKeyFigureFile(bytes, file, { text, encoding, format }, fileContext(ctx, options.rules));
      demo = kf.demo;
      checked = kf;
    } else if (format === "folk1am") checked = checkFolk1am(bytes, file, ctx);
    else checked = await checkInfra(path, file, format, text, encoding, ctx, options.rules);
    findings.push(...checked.findings);
    return {
      fil: file,
      format,
      format_navn: (demo ? "Demodata: " : "") + FORMAT_NAMES[format],
      demodata: demo || /(^|[\\/])data[\\/]demo[\\/]|_seed\d+\.csv/.test(path),
      laesbar: true,
      raekker: checked.raekker,
      fund: findings.filter(keep).map(toReport)
    };
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const f = {
      ...error.finding,
      message: error.finding.message || error.message.replace(/^[^:]+: /, "").replace(/ \[regel [^\]]+\]$/, "")
    };
    return {
      fil: file,
      format: null,
      format_navn: null,
      demodata: false,
      laesbar: false,
      raekker: 0,
      fund: [toReport(f)]
    };
  }
}

export async function validatePaths(
  paths: string[],
  options: Omit<ValidateOptions, "json"> = {}
): Promise<ValidateResult> {
  const files = paths.flatMap(filesOf);
  const filer: FileReport[] = [];
  for (const f of files) filer.push(await validateFile(f, options));
  const all = filer.flatMap((f) => f.fund);
  const pr_regel: Record<string, number> = {};
  for (const f of all) pr_regel[f.regel] = (pr_regel[f.regel] ?? 0) + 1;
  const fejl = all.filter((f) => f.alvor === "fejl").length;
  const ulaeselige = filer.filter((f) => !f.laesbar).length;
  return {
    filer,
    opsummering: { filer: filer.length, fejl, advarsler: all.length - fejl, ulaeselige, pr_regel },
    exitkode: ulaeselige ? 2 : fejl ? 1 : 0
  };
}

// ---------------------------------------------------------------------------------------------
// The Danish text report

/** At most this many findings of one rule per file are printed in the text report (JSON has all). */
export const PRINT_PER_RULE = 20;

const n = (x: number) => x.toLocaleString("da-DK");

function where(f: ReportFinding): string {
  const parts: string[] = [];
  if (f.linje !== undefined) parts.push(`linje ${n(f.linje)}`);
  if (f.kolonne !== undefined) parts.push(`kolonne ${n(f.kolonne)}`);
  if (f.kommunekode) parts.push(`kommune ${f.kommunekode}`);
  if (f.periode) parts.push(`periode ${f.periode}`);
  if (f.emne)
    parts.push(f.emne_navn && !f.emne_navn.includes(f.emne) ? `${f.emne_navn} (${f.emne})` : (f.emne_navn ?? f.emne));
  return parts.join(", ");
}

export function formatReport(r: ValidateResult): string {
  const lines: string[] = [];
  for (const file of r.filer) {
    lines.push(
      `== ${file.fil}${file.format_navn ? ` (${file.format_navn}; ${n(file.raekker)} rækker læst)` : " (kan ikke læses)"}`
    );
    if (file.demodata) lines.push("   Demodata: filen er genererede demodata, ikke rigtige tal.");
    if (file.fund.length === 0) lines.push("   Ingen fund.");
    const shown = new Map<string, number>();
    for (const f of file.fund) {
      const k = (shown.get(f.regel) ?? 0) + 1;
      shown.set(f.regel, k);
      if (k > PRINT_PER_RULE) continue;
      const w = where(f);
      lines.push(`${f.alvor === "fejl" ? "FEJL    " : "ADVARSEL"} [${f.regel}]${w ? ` ${f.fil}: ${w}` : ` ${f.fil}`}`);
      lines.push(`         ${f.besked}`);
      if (f.forklaring) lines.push(`         Hvorfor: ${f.forklaring}`);
      if (f.aarsag) lines.push(`         Sandsynlig årsag: ${f.aarsag}`);
    }
    for (const [regel, k] of shown)
      if (k > PRINT_PER_RULE)
        lines.push(`   … og ${n(k - PRINT_PER_RULE)} fund mere af reglen ${regel} (alle står i --json)`);
    lines.push("");
  }
  const s = r.opsummering;
  const perRule = Object.entries(s.pr_regel)
    .sort((a, b) => b[1] - a[1])
    .map(([id, k]) => `${id} ${n(k)}`)
    .join(", ");
  lines.push(
    `Opsummering: ${n(s.filer)} ${s.filer === 1 ? "fil" : "filer"}, ${n(s.fejl)} fejl, ${n(s.advarsler)} ${s.advarsler === 1 ? "advarsel" : "advarsler"}` +
      (s.ulaeselige ? `, ${n(s.ulaeselige)} kan ikke læses` : "") +
      (perRule ? ` (${perRule})` : "") +
      "."
  );
  lines.push(
    r.exitkode === 2
      ? "Resultat: mindst én fil kan ikke læses (afslutningskode 2)."
      : r.exitkode === 1
        ? "Resultat: der er fejl, der skal rettes, før tallene kan bruges (afslutningskode 1)."
        : "Resultat: ingen fejl (afslutningskode 0)."
  );
  return lines.join("\n") + "\n";
}

/** The whole command, in-process: arguments in, exit code and output out (never throws). */
export async function runValidate(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { paths, options, help } = parseArgs(argv);
    if (help) return { code: 0, stdout: HELP, stderr: "" };
    if (paths.length === 0) throw new CliError("angiv en fil eller en mappe at kontrollere (se --help)");
    const result = await validatePaths(paths, options);
    const stdout = options.json ? JSON.stringify(result, null, 2) + "\n" : formatReport(result);
    const stderr = result.filer
      .filter((f) => !f.laesbar)
      .map((f) => `validate: ${f.fil}: ${f.fund[0]?.besked ?? "kan ikke læses"}\n`)
      .join("");
    return { code: result.exitkode, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: 2, stdout: "", stderr: `validate: ${error.message}\n` };
    const msg = error instanceof Error ? error.message : String(error);
    return {
      code: 2,
      stdout: "",
      stderr: `validate: uventet fejl under kontrollen: ${msg}. Det er en fejl i kommunetal, ikke i din fil; meld den gerne med filen vedlagt.\n`
    };
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runValidate(process.argv.slice(2)).then(({ code, stdout, stderr }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = code;
  });
}
