/**
 * The vocabulary of kommunetal: what a key-figure row is, what its status means, which
 * statuses carry a number, which figures are yes/no, the years, the national-figure rule
 * and the month names. Declared once here and imported by the loaders, the views, the
 * command lines and the tests (pure TypeScript: Node and the browser).
 */

/**
 * Why a cell holds what it holds. `ok` and `nul` carry a number; the rest do not, except
 * `ja`/`nej` (1/0). `undertrykt` is never in the source: the loader sets it when it hides a
 * small count (loaders/privacy.ts).
 */
export type CellStatus =
  | "ok"
  | "nul"
  | "mangler"
  | "udefineret"
  | "ikke_indberettet"
  | "ikke_tilgaengelig"
  | "ja"
  | "nej"
  | "undertrykt";

export const CELL_STATUSES: readonly CellStatus[] = [
  "ok",
  "nul",
  "mangler",
  "udefineret",
  "ikke_indberettet",
  "ikke_tilgaengelig",
  "ja",
  "nej",
  "undertrykt"
];

/** Each status in the words a cell shows instead of (or beside) a number; "" for a plain value. */
export const STATUS_TEXT: Record<CellStatus, string> = {
  ok: "",
  nul: "0 (rent nul)",
  mangler: "mangler for året",
  udefineret: "udefineret for året",
  ikke_indberettet: "ikke indberettet",
  ikke_tilgaengelig: "ikke tilgængelig",
  undertrykt: "<5 (diskretioneret)",
  ja: "ja",
  nej: "nej"
};

/** The text of a status (unknown codes are shown as they are; `ok` as `okText`). */
export function statusText(status: string, okText = ""): string {
  return status === "ok" ? okText : ((STATUS_TEXT as Record<string, string>)[status] ?? status);
}

/** One cell of the long key-figure table (`noegletal.parquet`): a municipality's value of one figure in one year. */
export interface KeyFigureRow {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
}

/** The source's own national row of a figure in a year. */
export interface NationalRow {
  id: string;
  aar: number;
  vaerdi: number | null;
  status: CellStatus;
  /** the source's label: "I alt" (sum) or "Gennemsnit" */
  type: string;
}

/** A municipality (`kommuner.parquet`). */
export interface Kommune {
  kommunekode: string;
  kommunekode_4: string;
  navn: string;
  /** the name as the ministry writes it, e.g. "Københavns Kommune" (noegletal.dk export) */
  officielt_navn: string;
  regionskode: string;
  regionsnavn: string;
  kommunegruppekode: string;
  kommunegruppe: string;
  /** official area (key figure "Areal (km2) (abs)", latest year with a value) */
  areal_km2: number | null;
  center_lon: number;
  center_lat: number;
}

/** A key figure in the catalogue (`noegletal-katalog.parquet`). */
export interface KatalogRow {
  id: string;
  nr: number;
  titel: string;
  enhed: string;
  omraade: string;
  omraade_navn: string;
  aar_fra: number | null;
  aar_til: number | null;
  /** comma-separated years with at least one municipality value */
  aar_med_data: string;
  antal_vaerdier: number;
  decimaler: number;
  /** the source's national row: "I alt" (sum), "Gennemsnit" (average) or none */
  landstal: string | null;
  /** how the national figure is formed, in Danish */
  landstal_metode: string;
  /** the figure counts persons (or cases about persons), so small counts are suppressed (loaders/privacy.ts) */
  taeller_personer: boolean;
  /** why the figure is or is not suppressed, in Danish (loaders/privacy.ts) */
  undertrykkelse: string;
  noter: string | null;
  kilde: string;
  linje_i_kilde: number;
  /** the latest year with data whose figures are accounts (regnskab); null when none (see `yearKind`) */
  seneste_regnskabsaar: number | null;
  /** comma-separated years with data whose figures are budget figures (see `yearKind`); "" when none */
  budgetaar: string;
}

/**
 * The one set of short Danish headers for the catalogue's columns (the published `noegletal-katalog` table), used by
 * every table and export that shows catalogue columns (/noegletal, /data). The column descriptions are in
 * common/views/data.ts (TABLES); test/views/data.test.ts checks both against the published schema.
 */
export const KATALOG_HEADERS: Readonly<Record<keyof KatalogRow, string>> = {
  id: "Id",
  nr: "Nr. i kilden",
  titel: "Titel",
  enhed: "Enhed",
  omraade: "Område-id",
  omraade_navn: "Område",
  aar_fra: "Første år",
  aar_til: "Seneste år",
  aar_med_data: "År med data",
  antal_vaerdier: "Kommuneværdier i alt",
  decimaler: "Decimaler",
  landstal: "Kildens landstal",
  landstal_metode: "Sådan er landstallet dannet",
  taeller_personer: "Tæller personer",
  undertrykkelse: "Undertrykkelse af små tal",
  noter: "Noter fra kilden",
  kilde: "Kilde",
  linje_i_kilde: "Linje i kildefilen",
  seneste_regnskabsaar: "Seneste regnskabsår",
  budgetaar: "Budgetår"
};

/** Short Danish headers of the municipality columns in exports (the same in every table that carries them). */
export const KOMMUNE_HEADERS: Readonly<
  Pick<Record<keyof Kommune, string>, "kommunekode" | "navn" | "regionsnavn" | "kommunegruppe">
> = {
  kommunekode: "Kommunekode",
  navn: "Kommune",
  regionsnavn: "Region",
  kommunegruppe: "DST-kommunegruppe"
};

/** Statuses that carry a number that can be ranked and averaged. */
export const NUMERIC_STATUS: ReadonlySet<string> = new Set<CellStatus>(["ok", "nul"]);

/** True when the status carries a number that can be ranked and averaged (`ok`, `nul`). */
export function isNumericStatus(status: string): boolean {
  return NUMERIC_STATUS.has(status);
}

/** True for the answer of a yes/no figure (`ja`, `nej`). */
export function isYesNoStatus(status: string): boolean {
  return status === "ja" || status === "nej";
}

/** The unit of yes/no figures in the catalogue. */
export const YES_NO_UNIT = "ja/nej";

/** True for a yes/no figure (not ranked, not averaged). */
export function isYesNoFigure(k: { enhed: string }): boolean {
  return k.enhed === YES_NO_UNIT;
}

/** The years present in the rows, ascending (the year list of every page comes from the data). */
export function yearsOf(rows: Iterable<{ aar: number }>): number[] {
  const s = new Set<number>();
  for (const r of rows) s.add(r.aar);
  return [...s].sort((a, b) => a - b);
}

/** Years in which a catalogue figure has at least one value. */
export function yearsWithData(k: { aar_med_data: string }): number[] {
  return k.aar_med_data ? k.aar_med_data.split(",").map(Number) : [];
}

/**
 * What a year's figures are: accounts (regnskab, what was spent) or budget (what was planned).
 * Decided in one place, `yearKind`, and stored in the data (column `aarstype` in noegletal and
 * noegletal-landstal; `seneste_regnskabsaar` and `budgetaar` in the catalogue), so pages,
 * exports and the command lines only read it.
 */
export type YearKind = "regnskab" | "budget";

/**
 * The rule, in Danish (shown on /om and in the catalogue). A municipality's accounts for year Y are
 * presented by 1 May of Y+1 and approved by the council later that year, so an extract taken in
 * year E can hold accounts only for years before E; its column for E (and any later one) holds the
 * budget. The noegletal.dk export was taken on 3 September 2019: 2013–2018 are accounts, 2019 is
 * budget, for every figure in it (structural figures such as population are counts, but the 2019
 * column as a whole comes from the budget round and is marked with it, so no page mixes it
 * unannounced with accounts years). Where the source differs the rule is the source's:
 * Statistics Denmark's NGLK "Udvalgte kommunale regnskabstal" holds accounts only.
 */
export const YEAR_KIND_RULE =
  "Et år er et regnskabsår, når kilden er udtrukket efter, at kommunernes regnskab for året forelå " +
  "(regnskabet aflægges senest 1. maj året efter). Udtrækket fra noegletal.dk er fra 3. september 2019: " +
  "2013–2018 er regnskabstal, og 2019 er budgettal for alle nøgletal i udtrækket (også fx indbyggertal, " +
  "fordi hele årgangen kommer fra budgetrunden). Danmarks Statistiks tabel NGLK indeholder kun regnskabstal.";

/** Danish words for a year kind. */
export const YEAR_KIND_TEXT: Record<YearKind, string> = { regnskab: "regnskab", budget: "budget" };

/** The source of a year's figures, as `yearKind` needs it. */
export type YearSource =
  /** the noegletal.dk export; `udtrukket` is its date line ("… d. 03. september 2019") or null if absent */
  | { kilde: "noegletal.dk"; udtrukket: string | null; seneste: number }
  /** Statistics Denmark's NGLK: accounts only */
  | { kilde: "NGLK" };

/** The year an extract was taken, from a date line ending in a year; null when none can be read. */
export function extractYear(udtrukket: string | null): number | null {
  const m = udtrukket ? /(\d{4})\s*$/.exec(udtrukket.trim()) : null;
  return m ? Number(m[1]) : null;
}

/**
 * The year-kind rule (see YEAR_KIND_RULE): in an extract taken in year E, years before E are accounts
 * and E and later are budget. Without a readable extract date the source's latest year counts as budget
 * (the careful choice: it is never passed off as accounts).
 */
export function yearKind(aar: number, source: YearSource): YearKind {
  if (source.kilde === "NGLK") return "regnskab";
  const e = extractYear(source.udtrukket) ?? source.seneste;
  return aar >= e ? "budget" : "regnskab";
}

/** The budget years of a catalogue figure (column `budgetaar`). */
export function budgetYearsOf(k: { budgetaar: string }): number[] {
  return k.budgetaar ? k.budgetaar.split(",").map(Number) : [];
}

/** The kind of a catalogue figure's year, read from the catalogue. */
export function yearKindOf(k: { budgetaar: string }, aar: number): YearKind {
  return budgetYearsOf(k).includes(aar) ? "budget" : "regnskab";
}

/**
 * A year as pages show it: "2019 (budget)" for a budget year; an accounts year is "2018", or
 * "2018 (regnskab)" with `always` (headings, where the reader needs both told apart).
 */
export function yearLabel(aar: number, kind: YearKind, always = false): string {
  return kind === "budget" || always ? `${aar} (${YEAR_KIND_TEXT[kind]})` : String(aar);
}

/**
 * The default year of a page that compares municipalities: the latest accounts year with data,
 * else (a figure with budget years only) its latest year; null when the figure has no data.
 */
export function defaultYear(k: { aar_med_data: string; budgetaar: string }): number | null {
  const years = yearsWithData(k);
  const accounts = years.filter((y) => yearKindOf(k, y) === "regnskab");
  return accounts.length ? accounts[accounts.length - 1] : (years[years.length - 1] ?? null);
}

/**
 * The years of a table in words, for an export's source line and a legend: "2018 er regnskabstal",
 * "2019 er budgettal", "2013–2018 er regnskabstal, 2019 er budgettal".
 */
export function yearKindNote(years: readonly { aar: number; kind: YearKind }[]): string {
  const sorted = [...years].sort((a, b) => a.aar - b.aar);
  const part = (kind: YearKind) => {
    const ys = sorted.filter((y) => y.kind === kind).map((y) => y.aar);
    if (!ys.length) return null;
    const span = ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`;
    return `${span} er ${kind === "budget" ? "budgettal" : "regnskabstal"}`;
  };
  return [part("regnskab"), part("budget")].filter(Boolean).join(", ");
}

/** Where a national figure comes from. */
/** What kommunetal shows where the source has no national row: never called a national figure ("landstal"). */
export const UNWEIGHTED_MEAN = "gennemsnit af kommunerne (uvægtet)";

export type NationalSource = "I alt" | "Gennemsnit" | typeof UNWEIGHTED_MEAN | "antal ja";

export interface NationalFigureValue {
  vaerdi: number | null;
  status: CellStatus;
  /** "I alt" / "Gennemsnit": the source's own row; UNWEIGHTED_MEAN: kommunetal's unweighted mean (never called a national figure); "antal ja": yes/no figures */
  kilde: NationalSource;
  /** municipalities behind a computed figure (or answering a yes/no figure) */
  n?: number;
}

/**
 * The national-figure rule (one copy, used by the build and the pages): the source's own
 * national row when it has one; for yes/no figures the number of municipalities answering
 * yes; otherwise the unweighted mean of the municipalities with a numeric value
 * (`kilde: UNWEIGHTED_MEAN`, `n` of them), and none at all when a cell is suppressed (such a
 * mean would be biased, see loaders/privacy.ts). `values` are the figure's cells in `aar`.
 */
export function nationalFigure(
  values: Iterable<{ vaerdi: number | null; status: string }>,
  source: { vaerdi: number | null; status: string; type: string } | undefined,
  yesNo = false
): NationalFigureValue {
  if (yesNo) {
    let answered = 0;
    let yes = 0;
    for (const c of values)
      if (isYesNoStatus(c.status)) {
        answered++;
        if (c.status === "ja") yes++;
      }
    return { vaerdi: answered ? yes : null, status: answered ? "ok" : "mangler", kilde: "antal ja", n: answered };
  }
  if (source)
    return { vaerdi: source.vaerdi, status: source.status as CellStatus, kilde: source.type as "I alt" | "Gennemsnit" };
  let s = 0;
  let n = 0;
  let suppressed = false;
  for (const c of values) {
    if (c.status === "undertrykt") suppressed = true;
    if (c.vaerdi !== null && isNumericStatus(c.status)) {
      s += c.vaerdi;
      n++;
    }
  }
  if (suppressed) return { vaerdi: null, status: "undertrykt", kilde: UNWEIGHTED_MEAN, n };
  return { vaerdi: n ? s / n : null, status: n ? "ok" : "mangler", kilde: UNWEIGHTED_MEAN, n };
}

export const MONTHS = [
  "januar",
  "februar",
  "marts",
  "april",
  "maj",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "december"
] as const;
export const MONTHS_SHORT = [
  "jan.",
  "feb.",
  "mar.",
  "apr.",
  "maj",
  "jun.",
  "jul.",
  "aug.",
  "sep.",
  "okt.",
  "nov.",
  "dec."
] as const;
