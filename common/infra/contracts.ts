/**
 * The extract contracts of the infrastructure data (issue #8, section 1): the files a
 * municipality receives from KOMBIT/KMD/IBM and puts in the folder `KOMMUNETAL_EXTRACTS`.
 * Pure TypeScript (no DOM, no Node APIs): the same column specs drive the checks in
 * Node (the ingest builds its SQL from `VALUE_PATTERNS`), in tests and, later, in the
 * browser when a user drops a file.
 *
 * Every check is a small pure function returning `Finding`s
 * (`{rule, severity, message, file, line, column}`), so a shared rule registry can
 * register them. Messages are Danish and name the file, the line and the column.
 */

/** One finding of a check (shape shared with the rule registry in common/rules/). */
export interface Finding {
  /** rule id, e.g. "infra.kolonner" */
  rule: string;
  severity: "fejl" | "advarsel";
  message: string;
  file: string;
  /** 1-based line in the file (1 = header); 0 when the finding is about the whole file */
  line: number;
  /** 1-based field number (column of the CSV); 0 when about the whole line/file */
  column: number;
}

/** Value types of contract columns. Each has one regular expression, used in TS and in DuckDB SQL. */
export type ValueType =
  | "maaned"
  | "cvr"
  | "kommunekode"
  | "tekst"
  | "uuid"
  | "service_nr"
  | "heltal"
  | "time"
  | "dato"
  | "kle_nr"
  | "kode";

/**
 * The pattern each value type must match in full (POSIX/RE2-compatible so DuckDB's
 * `regexp_full_match` uses the same string). `heltal` allows Danish thousands
 * separators (`1.234.567`); the ingest strips them once the file's number style is known.
 */
export const VALUE_PATTERNS: Record<ValueType, string> = {
  maaned: "[0-9]{4}-(0[1-9]|1[0-2])",
  cvr: "[0-9]{8}",
  kommunekode: "[0-9]{3}",
  tekst: ".*[^ ].*",
  uuid: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
  service_nr: "SF[0-9]{4}[A-Z]?",
  heltal: "[0-9]{1,3}(\\.[0-9]{3})+|[0-9]+",
  time: "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3])(:00(:00)?)?",
  dato: "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])",
  kle_nr: "[0-9]{2}(\\.[0-9]{2}(\\.[0-9]{2})?)?",
  kode: ".*[^ ].*"
};

/** The largest count the ingest can store (a signed 64-bit integer, DuckDB's BIGINT). */
export const MAX_COUNT = 9223372036854775807n;

/** Reason for a count with a dot in a file whose numbers are plain (no thousands separator). */
export const ALMINDELIGE_TAL = "filen bruger almindelige tal, så punktum er ikke tilladt her";

/** What a value of each type must look like, in Danish, for messages. */
export const VALUE_DESCRIPTIONS: Record<ValueType, string> = {
  maaned: "en måned som 2022-04",
  cvr: "et CVR-nummer med 8 cifre",
  kommunekode: "en kommunekode med 3 cifre",
  tekst: "en tekst, der ikke er tom",
  uuid: "et UUID som 3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  service_nr: "et servicenummer som SF1470",
  heltal: "et helt tal ≥ 0 (fx 1234 eller 1.234)",
  time: "en time som 2022-04-01T13:00",
  dato: "en dato som 2022-04-30",
  kle_nr: "et KLE-nummer som 27.24.00 (emne), 27.24 (gruppe) eller 27 (hovedgruppe)",
  kode: "en værdi fra kodelisten"
};

export interface ColumnSpec {
  name: string;
  type: ValueType;
  /** may the value be empty? (kommunekode is empty for non-municipal authorities) */
  optional?: boolean;
  /** allowed values (a code list); checked after the pattern */
  values?: readonly string[];
  meaning: string;
  example: string;
}

export type ExtractKind = "serviceplatformen" | "stoettesystemer" | "indekssager" | "klarmelding" | "systemanvendelse";

export interface Contract {
  kind: ExtractKind;
  /** file names matching this contract: `<prefix>*.csv` (or `.csv.gz`, gzip-compressed) */
  prefix: string;
  title: string;
  /** what one row is */
  grain: string;
  columns: readonly ColumnSpec[];
  /** columns that identify a row: duplicates of this key are rejected */
  key: readonly string[];
  /** the count column summed in the reconciliation (if any) */
  measure?: string;
  /** the column the Hive partitions `year=`/`month=` come from (none: the kind is written unpartitioned) */
  timeColumn?: string;
  /**
   * false: the ingest's Parquet has `kildefil` but no `kilderaekke` (the record number). Numbering the rows of a
   * file needs a second write of all of it, which the hourly extract at KOMBIT's scale cannot afford (issue #8,
   * bench/README.md); its rows are identified by their key, which the ingest checks. Rejected rows are reported with
   * their lines either way.
   */
  recordNumbers?: false;
}

/** Statuses of an onboarding ("klarmelding"); `Forløb N` is any onboarding round number. */
export const KLARMELDING_STATUSES = [
  "Klarmeldt",
  "Delvist klarmeldt",
  "Ensidig",
  "Irrelevant",
  "Nej",
  "Forløb N",
  "Manglende info",
  "Administrativt fjernet",
  "Ikke klarmeldt"
] as const;

/** Is `s` an allowed klarmelding status (`Forløb 3` matches `Forløb N`)? */
export function isKlarmeldingStatus(s: string): boolean {
  return /^Forløb [0-9]+$/.test(s) || (KLARMELDING_STATUSES as readonly string[]).includes(s);
}

export const INDEKSER = ["Sags- og dokumentindeks", "Ydelsesindeks"] as const;

/** The support systems ("støttesystemerne"). */
export const STOETTESYSTEMER = [
  "Organisation",
  "Klassifikation",
  "Sag og dokument",
  "Ydelse",
  "Beskedfordeler"
] as const;

/** Data areas of Serviceplatformen services seen in KOMBIT material (an open list: `dataomraade` accepts any non-empty text). */
export const DATAOMRAADER = [
  "Sag og dokument",
  "Organisation",
  "Klassifikation",
  "Person",
  "Beskæftigelse",
  "Adresse",
  "CPR Abonnement",
  "Ydelse",
  "Økonomi",
  "Virksomhed",
  "Ejendom",
  "Sundhed",
  "Borgerkommunikation",
  "Ledelsesinformation"
] as const;

/** Known Serviceplatformen services named in BRIEF.md (the generator adds more numbers). */
export const KNOWN_SERVICES: Readonly<Record<string, { navn: string; dataomraade: string }>> = {
  SF1470: { navn: "Sags- og Dokumentindeks", dataomraade: "Sag og dokument" },
  SF1490: { navn: "Ydelsesindeks", dataomraade: "Ydelse" },
  SF1500: { navn: "Organisation", dataomraade: "Organisation" },
  SF1510: { navn: "Klassifikation", dataomraade: "Klassifikation" },
  SF1520: { navn: "CPR replika opslag", dataomraade: "Person" },
  SF1590: { navn: "ØIR", dataomraade: "Økonomi" },
  SF1630: { navn: "Ledelsesinformation - datafeed", dataomraade: "Ledelsesinformation" },
  SF2900: { navn: "Fordelingskomponenten", dataomraade: "Borgerkommunikation" }
};

const cvr = (meaning: string): ColumnSpec => ({ name: "myndighed_cvr", type: "cvr", meaning, example: "29189846" });
const kommunekode: ColumnSpec = {
  name: "kommunekode",
  type: "kommunekode",
  optional: true,
  meaning: "myndighedens kommunekode (3 cifre, en af de 98); tom for ikke-kommunale myndigheder",
  example: "101"
};

export const CONTRACTS: Readonly<Record<ExtractKind, Contract>> = {
  serviceplatformen: {
    kind: "serviceplatformen",
    prefix: "serviceplatformen_",
    title: "Serviceplatformen, kald pr. måned",
    grain: "én række pr. måned × myndighed × it-system × service",
    columns: [
      { name: "maaned", type: "maaned", meaning: "måneden kaldene er talt i", example: "2022-04" },
      cvr("CVR-nummer på myndigheden, kaldene foretages på vegne af"),
      { name: "myndighed_navn", type: "tekst", meaning: "myndighedens navn", example: "Københavns Kommune" },
      kommunekode,
      { name: "leverandoer", type: "tekst", meaning: "it-systemets leverandør", example: "Netcompany" },
      { name: "it_system", type: "tekst", meaning: "it-systemets navn", example: "KMD Nexus" },
      {
        name: "it_system_id",
        type: "uuid",
        meaning: "it-systemets UUID i Serviceplatformen",
        example: "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
      },
      { name: "service_nr", type: "service_nr", meaning: "servicens nummer", example: "SF1470" },
      { name: "service_navn", type: "tekst", meaning: "servicens navn", example: "Sags- og Dokumentindeks" },
      { name: "dataomraade", type: "tekst", meaning: "dataområdet servicen hører til", example: "Sag og dokument" },
      { name: "antal_kald", type: "heltal", meaning: "antal kald i måneden (ikke antal personer)", example: "12345" }
    ],
    key: ["maaned", "myndighed_cvr", "it_system_id", "service_nr"],
    timeColumn: "maaned",
    measure: "antal_kald"
  },
  stoettesystemer: {
    kind: "stoettesystemer",
    prefix: "stoettesystemer_",
    title: "Støttesystemerne, kald pr. time",
    grain: "én række pr. time × myndighed × støttesystem × service × it-system",
    columns: [
      {
        name: "time",
        type: "time",
        meaning: "timen kaldene er talt i (ISO, lokal tid), fx 2022-04-01T13:00",
        example: "2022-04-01T13:00"
      },
      cvr("CVR-nummer på myndigheden"),
      kommunekode,
      {
        name: "stoettesystem",
        type: "kode",
        values: STOETTESYSTEMER,
        meaning: "støttesystemet",
        example: "Organisation"
      },
      { name: "service", type: "tekst", meaning: "støttesystemets service", example: "Organisation Hent" },
      { name: "it_system", type: "tekst", meaning: "det kaldende it-system", example: "KMD Nexus" },
      {
        name: "it_system_id",
        type: "uuid",
        meaning: "it-systemets UUID",
        example: "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
      },
      { name: "antal_kald", type: "heltal", meaning: "antal kald i timen (ikke antal personer)", example: "42" }
    ],
    key: ["time", "myndighed_cvr", "stoettesystem", "service", "it_system_id"],
    timeColumn: "time",
    recordNumbers: false,
    measure: "antal_kald"
  },
  indekssager: {
    kind: "indekssager",
    prefix: "indekssager_",
    title: "KLE-opmærkede sager i indeksene",
    grain: "én række pr. opgørelsesdato × KLE-emne × indeks × it-system × myndighed",
    columns: [
      { name: "opgjort_dato", type: "dato", meaning: "datoen bestanden er opgjort", example: "2022-04-30" },
      {
        name: "kle_nr",
        type: "kle_nr",
        meaning:
          "KLE-nummer, som it-systemet har leveret det: emne (NN.NN.NN); gruppe (NN.NN) og hovedgruppe (NN) læses ind og måles som forkert niveau (regel kle.niveau)",
        example: "27.24.00"
      },
      {
        name: "indeks",
        type: "kode",
        values: INDEKSER,
        meaning: "indekset sagerne ligger i",
        example: "Sags- og dokumentindeks"
      },
      { name: "it_system", type: "tekst", meaning: "det it-system, der har indberettet sagerne", example: "KMD Nexus" },
      cvr("CVR-nummer på myndigheden"),
      kommunekode,
      {
        name: "antal_sager",
        type: "heltal",
        meaning: "antal sager (1-4 vises som <5 efter indlæsning)",
        example: "318"
      }
    ],
    key: ["opgjort_dato", "kle_nr", "indeks", "it_system", "myndighed_cvr"],
    timeColumn: "opgjort_dato",
    measure: "antal_sager"
  },
  klarmelding: {
    kind: "klarmelding",
    prefix: "klarmelding_",
    title: "Klarmelding af SKI-systemer pr. integration",
    grain: "én række pr. SKI-system × integration",
    columns: [
      { name: "ski_system", type: "tekst", meaning: "SKI 02.19-systemets navn", example: "KMD Nexus" },
      { name: "leverandoer", type: "tekst", meaning: "leverandøren", example: "KMD" },
      {
        name: "integration",
        type: "tekst",
        meaning: "integrationen: SF-nummer og navn",
        example: "SF1470 Sags- og Dokumentindeks"
      },
      {
        name: "status",
        type: "kode",
        values: KLARMELDING_STATUSES,
        meaning: "klarmeldingens status (Forløb N: N er forløbets nummer)",
        example: "Klarmeldt"
      },
      { name: "dato", type: "dato", meaning: "datoen status er opgjort", example: "2022-04-30" }
    ],
    key: ["ski_system", "integration"]
  },
  systemanvendelse: {
    kind: "systemanvendelse",
    prefix: "systemanvendelse_",
    title: "Kommunernes anvendelse af SKI-systemer",
    grain: "én række pr. kommune × SKI-system",
    columns: [
      { name: "kommunekode", type: "kommunekode", meaning: "kommunekoden (3 cifre, en af de 98)", example: "101" },
      { name: "ski_system", type: "tekst", meaning: "SKI 02.19-systemets navn", example: "KMD Nexus" },
      { name: "leverandoer", type: "tekst", meaning: "leverandøren", example: "KMD" },
      {
        name: "ydelsesomraade",
        type: "tekst",
        meaning: "ydelsesområdet systemet bruges på",
        example: "Sundhed og omsorg"
      }
    ],
    key: ["kommunekode", "ski_system"]
  }
};

export const EXTRACT_KINDS = Object.keys(CONTRACTS) as ExtractKind[];

/** Which contract a file name belongs to (by prefix and `.csv`), or undefined. */
export function contractOfFile(fileName: string): Contract | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return Object.values(CONTRACTS).find((c) => base.startsWith(c.prefix) && /\.csv(\.gz)?$/i.test(base));
}

// ---------------------------------------------------------------------------------------------
// Format detection

export interface FileFormat {
  encoding: "utf-8" | "latin-1";
  bom: boolean;
  delimiter: ";" | ",";
  /** number style: Danish writes thousands as 1.234 (and decimals 1,5); plain writes 1234 (1.5) */
  decimal: "dansk" | "almindelig";
  /** a Danish sentence reporting the detected format */
  description: string;
}

/** Is this byte sequence valid UTF-8? (pure, no TextDecoder fatal mode needed) */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const n = b < 0x80 ? 0 : (b & 0xe0) === 0xc0 ? 1 : (b & 0xf0) === 0xe0 ? 2 : (b & 0xf8) === 0xf0 ? 3 : -1;
    if (n < 0) return false;
    if (i + n >= bytes.length) return true; // a cut-off sample may end mid-character
    for (let k = 1; k <= n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return false;
    i += n + 1;
  }
  return true;
}

/** Decode a sample of bytes with the detected encoding (pure: Latin-1 is byte → code point). */
export function decodeSample(bytes: Uint8Array, encoding: FileFormat["encoding"]): string {
  if (encoding === "latin-1") {
    let s = "";
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return s;
  }
  return new TextDecoder("utf-8").decode(bytes);
}

/**
 * Detect encoding, BOM, delimiter and number style from the first bytes of a file
 * (e.g. 1 MB). The delimiter is the one of `;` and `,` that splits the header into
 * more known column names. The number style is Danish when a count column holds a
 * thousands separator (`1.234`) or the delimiter is `;` and no value says otherwise.
 */
export function detectFormat(sample: Uint8Array, contract: Contract): FileFormat {
  const bom = sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf;
  const body = bom ? sample.subarray(3) : sample;
  const encoding: FileFormat["encoding"] = isUtf8(body) ? "utf-8" : "latin-1";
  const text = decodeSample(body, encoding);
  const lines = text.split(/\r?\n/);
  const header = lines[0] ?? "";
  const names = new Set(contract.columns.map((c) => c.name));
  const score = (d: string) => header.split(d).filter((h) => names.has(unquote(h.trim()))).length;
  const delimiter: FileFormat["delimiter"] = score(",") > score(";") ? "," : ";";
  const headerCells = header.split(delimiter).map((h) => unquote(h.trim()));
  const numeric = contract.columns
    .filter((c) => c.type === "heltal")
    .map((c) => headerCells.indexOf(c.name))
    .filter((i) => i >= 0);
  let danish = false;
  for (const line of lines.slice(1, 2000)) {
    const cells = line.split(delimiter);
    if (numeric.some((i) => /^[0-9]{1,3}(\.[0-9]{3})+$/.test((cells[i] ?? "").trim()))) {
      danish = true;
      break;
    }
  }
  const decimal = danish ? "dansk" : "almindelig";
  const description =
    `tegnsæt ${encoding === "utf-8" ? "UTF-8" : "ISO-8859-1"}${encoding === "utf-8" ? (bom ? " med BOM" : " uden BOM") : ""}, ` +
    `skilletegn "${delimiter}", ${decimal === "dansk" ? "danske tal (tusindtalsseparator punktum)" : "almindelige tal (uden tusindtalsseparator)"}`;
  return { encoding, bom, delimiter, decimal, description };
}

function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s;
}

// ---------------------------------------------------------------------------------------------
// Checks (pure; each returns findings)

/** infra.kolonner: the header has every required column (exact names); extra columns are kept. */
export function checkHeader(header: readonly string[], contract: Contract, file: string): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (seen.has(h))
      findings.push({
        rule: "infra.kolonner",
        severity: "fejl",
        message: `${file}:1: kolonnen "${h}" står to gange (kolonne ${seen.get(h)! + 1} og ${i + 1})`,
        file,
        line: 1,
        column: i + 1
      });
    else seen.set(h, i);
  });
  for (const c of contract.columns) {
    if (seen.has(c.name)) continue;
    const near = header.findIndex((h) => h.trim().toLowerCase() === c.name.toLowerCase());
    const hint =
      near >= 0 ? ` (kolonne ${near + 1} hedder "${header[near]}"; navnet skal staves præcis "${c.name}")` : "";
    findings.push({
      rule: "infra.kolonner",
      severity: "fejl",
      message: `${file}:1: den påkrævede kolonne "${c.name}" mangler i overskriften${hint}; ${contract.title} kræver ${contract.columns.map((x) => x.name).join(", ")}`,
      file,
      line: 1,
      column: near >= 0 ? near + 1 : 0
    });
  }
  return findings;
}

const compiled = new Map<ValueType, RegExp>();
function patternOf(t: ValueType): RegExp {
  let re = compiled.get(t);
  if (!re) {
    re = new RegExp(`^(?:${VALUE_PATTERNS[t]})$`, "s");
    compiled.set(t, re);
  }
  return re;
}

/**
 * infra.vaerdi: why a value breaks its column's spec, in Danish, or undefined if it is fine.
 * `kommunekoder` is the list of the 98 codes (from DAWA); without it only the pattern is checked.
 */
export function valueProblem(
  value: string,
  spec: ColumnSpec,
  kommunekoder?: ReadonlySet<string>,
  decimal: FileFormat["decimal"] = "dansk"
): string | undefined {
  const v = value.trim();
  if (v === "")
    return spec.optional ? undefined : `"${spec.name}" er tom; den skal være ${VALUE_DESCRIPTIONS[spec.type]}`;
  if (!patternOf(spec.type).test(v)) return `"${spec.name}" er "${v}"; den skal være ${VALUE_DESCRIPTIONS[spec.type]}`;
  if (spec.type === "heltal" && decimal === "almindelig" && v.includes("."))
    return `"${spec.name}" er "${v}"; ${ALMINDELIGE_TAL}`;
  if (spec.type === "heltal" && BigInt(v.replace(/\./g, "")) > MAX_COUNT)
    return `"${spec.name}" er "${v}", som er større end det største tal, der kan gemmes (${MAX_COUNT})`;
  if (spec.type === "kommunekode" && kommunekoder && !kommunekoder.has(v))
    return `"${spec.name}" er "${v}", som ikke er en af de 98 kommunekoder`;
  if (spec.name === "status" && !isKlarmeldingStatus(v))
    return `"status" er "${v}"; tilladt: ${KLARMELDING_STATUSES.join(", ")}`;
  if (spec.values && spec.name !== "status" && !spec.values.includes(v))
    return `"${spec.name}" er "${v}"; tilladt: ${spec.values.join(", ")}`;
  if (spec.type === "time" || spec.type === "dato") {
    const d = v.slice(0, 10);
    const [y, m, day] = d.split("-").map(Number);
    const check = new Date(Date.UTC(y, m - 1, day));
    if (check.getUTCMonth() !== m - 1) return `"${spec.name}" er "${v}", som ikke er en dato i kalenderen`;
  }
  return undefined;
}

/**
 * infra.vaerdi / infra.felter: check one data row (cells split already). `header` maps
 * column name → field index. Returns at most one finding per bad cell.
 */
export function checkRow(
  cells: readonly string[],
  header: readonly string[],
  contract: Contract,
  file: string,
  line: number,
  kommunekoder?: ReadonlySet<string>,
  decimal: FileFormat["decimal"] = "dansk"
): Finding[] {
  if (cells.length !== header.length)
    return [
      {
        rule: "infra.felter",
        severity: "fejl",
        message: `${file}:${line}: rækken har ${cells.length} felter, men overskriften har ${header.length}`,
        file,
        line,
        column: Math.min(cells.length, header.length) + 1
      }
    ];
  const findings: Finding[] = [];
  for (const spec of contract.columns) {
    const i = header.indexOf(spec.name);
    if (i < 0) continue;
    const problem = valueProblem(cells[i], spec, kommunekoder, decimal);
    if (problem)
      findings.push({
        rule: "infra.vaerdi",
        severity: "fejl",
        message: `${file}:${line}:${i + 1}: ${problem}`,
        file,
        line,
        column: i + 1
      });
  }
  return findings;
}

/** Parse a count that passed the `heltal` pattern (strips Danish thousands separators). */
export function parseCount(value: string): number {
  return Number(value.trim().replace(/\./g, ""));
}
