/**
 * What the comparison page (/sammenlign?a=…&b=…) computes: the rows of two municipalities
 * figure by figure, grouped by area, the export's columns and the difference in words.
 * Pure and typed; tested in test/views/sammenlign.test.ts.
 */
import type { Column } from "../export.js";
import { formatNumber, formatPercent, formatValue } from "../format.js";
import {
  type CompareRow,
  compareRows,
  type KommuneRef,
  type NationalRow,
  nationalFor,
  type ValueRow
} from "../kommune/catalogue.js";
import {
  defaultYear,
  isYesNoFigure,
  isYesNoStatus,
  type KatalogRow,
  UNWEIGHTED_MEAN,
  type YearKind,
  yearKindNote,
  yearKindOf,
  yearsWithData
} from "../vocabulary.js";

/** The year choice of /sammenlign: null = each figure's latest accounts year (the default), or one year. */
export type CompareYear = number | null;

type CompareFigure = Parameters<typeof compareRows>[0][number] & Pick<KatalogRow, "aar_med_data" | "budgetaar">;

/**
 * The catalogue as compareRows reads it, with `aar_til` set to the year to compare: by default each figure's
 * latest accounts year (common/vocabulary.ts defaultYear), never a budget year unannounced; with a chosen year,
 * the figures that have data in it.
 */
export function figuresForYear<K extends CompareFigure>(katalog: readonly K[], aar: CompareYear): K[] {
  const out: K[] = [];
  for (const k of katalog) {
    const y = aar === null ? defaultYear(k) : yearsWithData(k).includes(aar) ? aar : null;
    if (y !== null) out.push({ ...k, aar_til: y });
  }
  return out;
}

/** The years a user can choose (newest first), labelled; the first option (null) is the default. */
export function yearOptions(katalog: readonly Pick<KatalogRow, "aar_med_data" | "budgetaar">[]): {
  value: CompareYear;
  label: string;
}[] {
  const years = [...new Set(katalog.flatMap((k) => yearsWithData(k)))].sort((a, b) => b - a);
  const budget = new Set(katalog.flatMap((k) => yearsWithData(k).filter((y) => yearKindOf(k, y) === "budget")));
  return [
    { value: null, label: "Seneste regnskabsår (pr. nøgletal)" },
    ...years.map((y) => ({ value: y, label: budget.has(y) ? `${y} (budget)` : `${y} (regnskab)` }))
  ];
}

/** What the compared rows' years are, for the export's source line ("2017–2018 er regnskabstal"). */
export function compareYearNote(rows: readonly Pick<CompareViewRow, "aar" | "aarstype">[]): string {
  const seen = new Map<number, YearKind>();
  for (const r of rows) if (!seen.has(r.aar) || r.aarstype === "budget") seen.set(r.aar, r.aarstype);
  return yearKindNote([...seen].map(([aar, kind]) => ({ aar, kind })));
}

/** One municipality's value of one figure against the country (= 100), for the area charts. */
export interface ChartPoint {
  id: string;
  titel: string;
  enhed: string;
  aar: number;
  aarstype: YearKind;
  /** "A" or "B" */
  serie: "A" | "B";
  navn: string;
  vaerdi: number;
  /** the country's figure: the source's national row, or the unweighted mean of the municipalities */
  land: number;
  landKilde: string;
  /** 100 · vaerdi / land */
  indeks: number;
}

/**
 * The points of one area's chart: each figure with a value for A or B and a national figure ≠ 0, as an
 * index (country = 100) so figures of different units share one axis. Yes/no figures and sums ("I alt",
 * a total over the country, not comparable to one municipality) are left out, and the chart says so.
 */
export function areaChart(
  rows: readonly CompareViewRow[],
  katalog: readonly Pick<KatalogRow, "id" | "enhed" | "landstal">[],
  values: Map<string, ValueRow[]>,
  national: Map<string, NationalRow[]>,
  aNavn: string,
  bNavn: string
): { punkter: ChartPoint[]; udeladt: number } {
  const punkter: ChartPoint[] = [];
  let udeladt = 0;
  for (const r of rows) {
    const k = katalog.find((x) => x.id === r.id);
    if (!k || isYesNoFigure(k) || k.landstal === "I alt") {
      udeladt++;
      continue;
    }
    const land = nationalFor(values.get(r.id) ?? [], national.get(r.id) ?? [], r.aar);
    if (land.vaerdi === null || land.vaerdi === 0 || (r.a === null && r.b === null)) {
      udeladt++;
      continue;
    }
    const landKilde = land.kilde === UNWEIGHTED_MEAN ? UNWEIGHTED_MEAN : "landstal";
    for (const [serie, navn, v] of [
      ["A", aNavn, r.a],
      ["B", bNavn, r.b]
    ] as const)
      if (v !== null)
        punkter.push({
          id: r.id,
          titel: r.titel,
          enhed: r.enhed,
          aar: r.aar,
          aarstype: r.aarstype,
          serie,
          navn,
          vaerdi: v,
          land: land.vaerdi,
          landKilde,
          indeks: (100 * v) / land.vaerdi
        });
  }
  return { punkter, udeladt };
}

/** A compared row with its year's kind. */
export type CompareViewRow = CompareRow & { aarstype: YearKind };

export interface CompareView {
  raekker: CompareViewRow[];
  /** areas in catalogue order with their rows */
  omraader: { navn: string; rows: CompareViewRow[] }[];
}

export function compareView(
  katalog: readonly CompareFigure[],
  values: Map<string, ValueRow[]>,
  kommuner: readonly KommuneRef[],
  a: string,
  b: string,
  aar: CompareYear = null
): CompareView {
  const kind = new Map(katalog.map((k) => [k.id, k]));
  const raekker = compareRows(figuresForYear(katalog, aar), values, kommuner, a, b).map((r) => ({
    ...r,
    aarstype: yearKindOf(kind.get(r.id)!, r.aar)
  }));
  const omraader: CompareView["omraader"] = [];
  for (const r of raekker) {
    let o = omraader.find((x) => x.navn === r.omraade);
    if (!o) omraader.push((o = { navn: r.omraade, rows: [] }));
    o.rows.push(r);
  }
  return { raekker, omraader };
}

/** Columns of the comparison export, headed with the two names. */
export function compareColumns(aNavn: string, bNavn: string): Column<CompareViewRow>[] {
  return [
    { key: "omraade", label: "Område" },
    { key: "titel", label: "Nøgletal" },
    { key: "enhed", label: "Enhed" },
    { key: "aar", label: "År" },
    { key: "aarstype", label: "Regnskab/budget" },
    { key: "a", label: `${aNavn}: værdi` },
    { key: (r) => (r.a === null ? r.a_status : ""), label: `${aNavn}: status` },
    { key: "a_rank", label: `${aNavn}: placering` },
    { key: "b", label: `${bNavn}: værdi` },
    { key: (r) => (r.b === null ? r.b_status : ""), label: `${bNavn}: status` },
    { key: "b_rank", label: `${bNavn}: placering` },
    { key: "antal", label: "Kommuner med værdi" },
    { key: "forskel", label: `Forskel (${aNavn} − ${bNavn})` },
    { key: "forskel_pct", label: `Forskel i pct. af ${bNavn}` }
  ];
}

export interface DifferenceText {
  /** "pos", "neg", "zero" or "missing" */
  sign: "pos" | "neg" | "zero" | "missing";
  /** "+12,5", "-3", "0" or "–" */
  text: string;
  /** "+4,2 %" or null when there is no percentage */
  pct: string | null;
}

/** The difference a − b with sign, in the figure's decimals, and in percent of b. */
export function differenceText(r: Pick<CompareRow, "forskel" | "forskel_pct" | "decimaler">): DifferenceText {
  if (r.forskel === null) return { sign: "missing", text: "–", pct: null };
  const plus = (x: number) => (x > 0 ? "+" : "");
  return {
    sign: r.forskel > 0 ? "pos" : r.forskel < 0 ? "neg" : "zero",
    text: `${plus(r.forskel)}${formatNumber(r.forskel, r.decimaler)}`,
    pct: r.forskel_pct === null ? null : `${plus(r.forskel_pct)}${formatPercent(r.forskel_pct)}`
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The page's own sentences and address.

/** The page's address: "?a=101&b=751" plus "&aar=2019" when a year is chosen. */
export function compareAddress(a: string, b: string, aar: CompareYear): string {
  return `?a=${a}&b=${b}${aar === null ? "" : `&aar=${aar}`}`;
}

/** B's default: Aarhus (751), or København (101) when A is Aarhus. */
export function defaultB(a: string): string {
  return a === "751" ? "101" : "751";
}

/** The year chosen in the address (`aar`), when it is one of the options; else the default (null). */
export function yearFromAddress(options: readonly { value: CompareYear }[], aar: string | null): CompareYear {
  return options.find((o) => o.value !== null && String(o.value) === aar)?.value ?? null;
}

/** The sentence over the table: "År: 2018 er regnskabstal." and, for a chosen year with budget rows, a warning. */
export function yearSentence(rows: readonly Pick<CompareViewRow, "aar" | "aarstype">[], aar: CompareYear): string {
  const budget = aar !== null && rows.some((r) => r.aarstype === "budget");
  return `År: ${compareYearNote(rows)}.${budget ? " Budgettal er planlagte tal, ikke forbrug." : ""}`;
}

/** The note under an area's chart: what "100" is, and how many figures are not in the chart (they are in the table). */
export function areaNote(punkter: number, udeladt: number): string {
  if (!punkter) return "Ingen nøgletal i området kan vises i forhold til landet; se tabellen.";
  const left = udeladt
    ? ` ${udeladt} nøgletal er ikke med i figuren (ja/nej, landstal som sum, eller ingen værdi); de står i tabellen.`
    : "";
  return `Landet = 100: kildens landstal, eller gennemsnittet af kommunerne (uvægtet), hvor kilden intet landstal har.${left}`;
}

/** The headers of an area's table. */
export function areaTableHeaders(aNavn: string, bNavn: string): string[] {
  return ["Nøgletal", "År (regnskab/budget)", aNavn, bNavn, "Forskel (A − B)"];
}

/** One municipality's cell: the value with its status, "nr. 3 af 97" under it; `missing` when there is no value. */
export function valueCell(
  v: number | null,
  status: CompareRow["a_status"],
  decimals: number,
  rank: number | null,
  antal: number
): { text: string; rank: string | null; missing: boolean } {
  return {
    text: formatValue(v, status, decimals),
    rank: rank ? `nr. ${rank} af ${antal}` : null,
    missing: v === null && !isYesNoStatus(status)
  };
}
