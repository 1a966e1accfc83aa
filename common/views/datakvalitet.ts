/**
 * View module of `/datakvalitet` (issue #11): the findings of the validation rules on the embedded data (written by
 * loaders/datakvalitet.ts into `datakvalitet.json`) or on a file a user drops in the browser, filtered by the URL
 * state (`?kommune=101&kilde=noegletal&regel=serie.nul&alvor=fejl`), sorted the Danish way, summarised per rule and
 * exported. Pure TypeScript (no DOM): `tsc` checks it, test/views/datakvalitet.test.ts tests it.
 */

import type { Column } from "../export.js";
import { formatNumber } from "../format.js";
import type { Udgaaet } from "../infra/kle.js";
import { RULES, type Severity } from "../rules/index.js";
import type { FileContext } from "../validate/file.js";

export type Kilde = "noegletal" | "infrastruktur";

export interface SeriesPoint {
  periode: string;
  vaerdi: number | null;
}

/**
 * A finding as the page shows it: a `ValidationFinding` of the rules engine (common/validate), or a file-level
 * check of a dropped file (common/infra/contracts.ts), whose rule id may be outside the registry.
 */
export interface DqFinding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line?: number;
  column?: number;
  kommunekode?: string;
  periode?: string;
  /** last period of a finding about a stretch of periods (e.g. a series that stops) */
  periodeTil?: string;
  kilde: Kilde;
  subject: string;
  subjectLabel: string;
  vaerdi?: number;
  forventet?: number;
  serie?: SeriesPoint[];
}

/**
 * Per-rule recall and precision on the planted demo anomalies: the shape of `RuleMeasure` of the rules engine's
 * measurement (loaders/validate/recall.ts `measureRecall`).
 */
export interface RecallRow {
  rule: string;
  severity: string;
  /** planted anomalies of this kind */
  planted: number;
  /** planted anomalies found */
  found: number;
  /** found / planted (null when none planted) */
  recall: number | null;
  /** findings of the rule on the clean demo sets (false alarms) */
  falsePositivesClean: number;
  /** findings of the rule on the planted sets, and how many of them match a plant */
  findingsPlanted: number;
  matched: number;
  /** matched / findingsPlanted (null without findings) */
  precision: number | null;
}

/** The build's file `datakvalitet.json` (loaders/datakvalitet.ts). */
export interface DatakvalitetData {
  noegletal: {
    /** what was validated, in Danish (file and source) */
    kilde: string;
    celler: number;
    noegletal: number;
    kommuner: number;
    aar: number[];
    findings: DqFinding[];
  };
  infrastruktur: {
    demodata: boolean;
    kilde: string;
    raekker: number;
    maaneder: string[];
    findings: DqFinding[];
  } | null;
  recall: RecallRow[] | null;
  /** rules that were run, in registry order */
  regler: string[];
  /** the 98 municipalities (code, name), for names and for validating a dropped file */
  kommuner: { kommunekode: string; navn: string }[];
  /** catalogue entries (titles, units) for a dropped key-figure file */
  katalog: { id: string; titel: string; enhed: string; taeller_personer?: boolean; omraade?: string }[];
  /** the default comparison groups used for the infrastructure rules (kommunekode → codes), for a dropped extract */
  infraGrupper: Record<string, string[]> | null;
  /**
   * what `npm run validate` knows about key-figure files (catalogue, names, years, the outlier rules' comparison
   * groups, the demo key figures): a dropped file is checked with the command line's context (loaders/cli/validate.ts
   * cliFileContext); absent in files written before it existed
   */
  filKontekst?: FileContext;
  /** the KLE catalogue for kle.* on a dropped index extract (loaders/infra/build.ts readKleCatalogue's sources) */
  kle?: { emner: readonly string[]; udgaaede: readonly Udgaaet[]; navn: string };
}

// ---------------------------------------------------------------------------------------------
// URL state and filters

export interface Filters {
  kilde: Kilde | null;
  regel: string | null;
  alvor: Severity | null;
  kommune: string | null;
}

export const NO_FILTERS: Filters = { kilde: null, regel: null, alvor: null, kommune: null };

/** Read the filters from a query string (`location.search`); unknown or malformed values are ignored. */
export function readUrlState(search: string): Filters {
  const p = new URLSearchParams(search);
  const kilde = p.get("kilde");
  const alvor = p.get("alvor");
  const kommune = p.get("kommune");
  const regel = p.get("regel");
  return {
    kilde: kilde === "noegletal" || kilde === "infrastruktur" ? kilde : null,
    regel: regel && /^[a-z_.]+$/.test(regel) ? regel : null,
    alvor: alvor === "fejl" || alvor === "advarsel" ? alvor : null,
    kommune: kommune && /^[0-9]{3}$/.test(kommune) ? kommune : null
  };
}

/** The query string of a filter state (`?kommune=101`), "" without filters; the order is fixed. */
export function urlOf(f: Filters): string {
  const p = new URLSearchParams();
  if (f.kommune) p.set("kommune", f.kommune);
  if (f.kilde) p.set("kilde", f.kilde);
  if (f.regel) p.set("regel", f.regel);
  if (f.alvor) p.set("alvor", f.alvor);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The link a municipality page uses to its own findings. */
export const findingsLink = (kommunekode: string, kilde?: Kilde): string =>
  `/datakvalitet${urlOf({ ...NO_FILTERS, kommune: kommunekode, kilde: kilde ?? null })}`;

export function applyFilters<T extends DqFinding>(findings: readonly T[], f: Filters): T[] {
  return findings.filter(
    (x) =>
      (!f.kilde || x.kilde === f.kilde) &&
      (!f.regel || x.rule === f.regel) &&
      (!f.alvor || x.severity === f.alvor) &&
      (!f.kommune || x.kommunekode === f.kommune)
  );
}

// ---------------------------------------------------------------------------------------------
// Sorting and options (Danish collation: Aabenraa, Aalborg and Aarhus sort under Å)

const collator = new Intl.Collator("da");
export const compareDa = (a: string, b: string): number => collator.compare(a, b);

/** Name of a municipality code, the code itself when unknown, "" when the finding has none. */
export const nameOf = (navne: ReadonlyMap<string, string>, kode: string | undefined): string =>
  kode === undefined ? "" : (navne.get(kode) ?? kode);

/**
 * Sorted: municipality name (Danish; findings without a municipality last), then figure/service title, period,
 * errors before warnings, rule id, line.
 */
export function sortFindings<T extends DqFinding>(findings: readonly T[], navne: ReadonlyMap<string, string>): T[] {
  return [...findings].sort((a, b) => {
    const ka = a.kommunekode === undefined ? 1 : 0;
    const kb = b.kommunekode === undefined ? 1 : 0;
    return (
      ka - kb ||
      compareDa(nameOf(navne, a.kommunekode), nameOf(navne, b.kommunekode)) ||
      compareDa(a.subjectLabel, b.subjectLabel) ||
      compareDa(a.periode ?? "", b.periode ?? "") ||
      (a.severity === b.severity ? 0 : a.severity === "fejl" ? -1 : 1) ||
      compareDa(a.rule, b.rule) ||
      (a.line ?? 0) - (b.line ?? 0)
    );
  });
}

/**
 * A dropped file's findings: those at a line of the file first, in line order (what to fix in the file), then the
 * rest (series and completeness rules) sorted as `sortFindings`.
 */
export function sortFileFindings<T extends DqFinding>(findings: readonly T[], navne: ReadonlyMap<string, string>): T[] {
  const atLine = findings.filter((f) => f.line !== undefined);
  atLine.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return [
    ...atLine,
    ...sortFindings(
      findings.filter((f) => f.line === undefined),
      navne
    )
  ];
}

export interface Option<V extends string = string> {
  value: V;
  label: string;
  antal: number;
}

export const KILDE_TEXT: Record<Kilde, string> = {
  noegletal: "Nøgletal (rigtige data)",
  infrastruktur: "Infrastruktur (Demodata)"
};

export const ALVOR_TEXT: Record<Severity, string> = { fejl: "Fejl", advarsel: "Advarsel" };

/** The choices of the four filters, each with the number of findings; municipalities and rules sorted Danish. */
export function filterOptions(
  findings: readonly DqFinding[],
  navne: ReadonlyMap<string, string>,
  kildeText: Record<Kilde, string> = KILDE_TEXT
): { kilder: Option<Kilde>[]; regler: Option[]; alvor: Option<Severity>[]; kommuner: Option[] } {
  const count = (key: (f: DqFinding) => string | undefined) => {
    const m = new Map<string, number>();
    for (const f of findings) {
      const k = key(f);
      if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const kilder = [...count((f) => f.kilde)].map(([v, antal]) => ({
    value: v as Kilde,
    label: kildeText[v as Kilde],
    antal
  }));
  kilder.sort((a, b) => (a.value === "noegletal" ? -1 : 1) - (b.value === "noegletal" ? -1 : 1));
  const regler = [...count((f) => f.rule)]
    .map(([value, antal]) => ({ value, label: value, antal }))
    .sort((a, b) => compareDa(a.value, b.value));
  const alvor = (["fejl", "advarsel"] as Severity[]).flatMap((s) => {
    const antal = findings.filter((f) => f.severity === s).length;
    return antal ? [{ value: s, label: ALVOR_TEXT[s], antal }] : [];
  });
  const kommuner = [...count((f) => f.kommunekode)]
    .map(([value, antal]) => ({ value, label: `${nameOf(navne, value)} (${value})`, antal }))
    .sort((a, b) => compareDa(a.label, b.label));
  return { kilder, regler, alvor, kommuner };
}

// ---------------------------------------------------------------------------------------------
// Rules: explanation, summary

export interface RuleText {
  severity: Severity | null;
  forklaring: string;
  aarsag: string;
}

/** The registry's Danish explanation and likely cause of a rule; a plain fallback for ids outside the registry. */
export function ruleText(rule: string): RuleText {
  const r = (RULES as Record<string, { severity: Severity; forklaring: string; aarsag: string } | undefined>)[rule];
  if (r) return { severity: r.severity, forklaring: r.forklaring, aarsag: r.aarsag };
  if (rule.startsWith("infra."))
    return {
      severity: null,
      forklaring:
        "Udtrækket følger sin kontrakt: kolonner, felter og værdier (se /infrastruktur og loaders/infra/README.md).",
      aarsag: "Udtrækket er lavet med en anden version af kontrakten, eller filen er rettet i hånden."
    };
  return { severity: null, forklaring: "(reglen er ikke beskrevet i registret)", aarsag: "" };
}

export interface RuleSummaryRow {
  rule: string;
  severity: Severity;
  forklaring: string;
  aarsag: string;
  antal: number;
  /** distinct municipalities with a finding of the rule */
  kommuner: number;
  /** distinct figures or services */
  emner: number;
  /** up to three messages, one per municipality, for the page's "examples" */
  eksempler: string[];
}

/** One row per rule with findings: counts and examples; most findings first, then rule id. */
export function ruleSummary(
  findings: readonly DqFinding[],
  navne: ReadonlyMap<string, string>,
  examples = 3
): RuleSummaryRow[] {
  const by = new Map<string, DqFinding[]>();
  for (const f of findings) by.set(f.rule, [...(by.get(f.rule) ?? []), f]);
  const rows: RuleSummaryRow[] = [];
  for (const [rule, fs] of by) {
    const t = ruleText(rule);
    const seen = new Set<string>();
    const eksempler: string[] = [];
    for (const f of sortFindings(fs, navne)) {
      const k = f.kommunekode ?? "";
      if (seen.has(k) || eksempler.length >= examples) continue;
      seen.add(k);
      eksempler.push(exampleText(f, navne));
    }
    rows.push({
      rule,
      severity: t.severity ?? fs[0].severity,
      forklaring: t.forklaring,
      aarsag: t.aarsag,
      antal: fs.length,
      kommuner: new Set(fs.map((f) => f.kommunekode).filter((k) => k !== undefined)).size,
      emner: new Set(fs.map((f) => f.subject)).size,
      eksempler
    });
  }
  return rows.sort((a, b) => b.antal - a.antal || compareDa(a.rule, b.rule));
}

/** The finding's period: "2017", or a stretch "2013–2016"; "" when it has none. */
export const periodText = (f: Pick<DqFinding, "periode" | "periodeTil">): string =>
  f.periode === undefined
    ? ""
    : f.periodeTil && f.periodeTil !== f.periode
      ? `${f.periode}–${f.periodeTil}`
      : f.periode;

/** Does a period of the series fall within the finding's period (or stretch)? */
export const inFinding = (f: Pick<DqFinding, "periode" | "periodeTil">, periode: string): boolean =>
  f.periode !== undefined && f.periode <= periode && periode <= (f.periodeTil ?? f.periode);

/** "Aarhus, Udg. til folkeskolen pr. elev, 2017: <message>" */
export function exampleText(f: DqFinding, navne: ReadonlyMap<string, string>): string {
  const where = [nameOf(navne, f.kommunekode), f.subjectLabel, periodText(f)].filter((s) => s !== "").join(", ");
  return where ? `${where}: ${f.message}` : f.message;
}

export interface Totals {
  antal: number;
  fejl: number;
  advarsler: number;
  kommuner: number;
  regler: number;
}

export function totals(findings: readonly DqFinding[]): Totals {
  return {
    antal: findings.length,
    fejl: findings.filter((f) => f.severity === "fejl").length,
    advarsler: findings.filter((f) => f.severity === "advarsel").length,
    kommuner: new Set(findings.map((f) => f.kommunekode).filter((k) => k !== undefined)).size,
    regler: new Set(findings.map((f) => f.rule)).size
  };
}

/** "12 fund (3 fejl, 9 advarsler) i 7 kommuner efter 4 regler", Danish numbers. */
export function totalsText(t: Totals): string {
  if (t.antal === 0) return "Ingen fund.";
  const n = (x: number) => formatNumber(x, 0);
  return (
    `${n(t.antal)} ${t.antal === 1 ? "fund" : "fund"} (${n(t.fejl)} ${t.fejl === 1 ? "fejl" : "fejl"}, ` +
    `${n(t.advarsler)} ${t.advarsler === 1 ? "advarsel" : "advarsler"}) i ${n(t.kommuner)} ` +
    `${t.kommuner === 1 ? "kommune" : "kommuner"} efter ${n(t.regler)} ${t.regler === 1 ? "regel" : "regler"}.`
  );
}

/** Recall/precision as Danish percent text ("100,0 %"), "–" when undefined. */
export const pctText = (x: number | null): string => (x === null ? "–" : `${formatNumber(x * 100, 1)} %`);

// ---------------------------------------------------------------------------------------------
// The small chart of the series around a finding

export interface ChartPoint {
  periode: string;
  vaerdi: number;
  /** the finding's own period */
  fund: boolean;
}

/** The finding's series as chart points (missing values left out), the finding's period marked. */
export function chartPoints(f: DqFinding): ChartPoint[] {
  return (f.serie ?? [])
    .filter((p): p is { periode: string; vaerdi: number } => p.vaerdi !== null && Number.isFinite(p.vaerdi))
    .map((p) => ({ periode: p.periode, vaerdi: p.vaerdi, fund: inFinding(f, p.periode) }));
}

/** The chart's text alternative: one sentence, the series in Danish numbers, the finding's period named. */
export function chartLabel(f: DqFinding, navne: ReadonlyMap<string, string>, demo: boolean): string {
  const serie = (f.serie ?? [])
    .map((p) => `${p.periode}: ${p.vaerdi === null ? "mangler" : formatNumber(p.vaerdi)}`)
    .join("; ");
  const who = [nameOf(navne, f.kommunekode), f.subjectLabel].filter((s) => s).join(", ");
  const expected = f.forventet !== undefined ? ` Forventet niveau ${formatNumber(f.forventet)}.` : "";
  return `${demo ? "Demodata. " : ""}Serien for ${who}: ${serie}. Fundet gælder ${periodText(f) || "hele serien"}.${expected}`;
}

/** Table alternative rows for the chart: periode, value (Danish), "fund" mark. */
export function chartTableRows(f: DqFinding): string[][] {
  return (f.serie ?? []).map((p) => [
    p.periode,
    p.vaerdi === null ? "mangler" : formatNumber(p.vaerdi),
    inFinding(f, p.periode) ? "fundet her" : ""
  ]);
}

// ---------------------------------------------------------------------------------------------
// Export (CSV for Danish Excel and XLSX, through common/export.ts)

export interface ExportRow {
  kilde: string;
  regel: string;
  alvor: string;
  kommunekode: string;
  kommune: string;
  emne: string;
  emne_navn: string;
  periode: string;
  vaerdi: number | null;
  forventet: number | null;
  besked: string;
  forklaring: string;
  aarsag: string;
  fil: string;
  linje: number | null;
  kolonne: number | null;
  demodata: string;
}

/** Rows for the export; `demo(f)` says whether a finding is on demo data (written in the row, too). */
export function exportRows(
  findings: readonly DqFinding[],
  navne: ReadonlyMap<string, string>,
  demo: (f: DqFinding) => boolean
): ExportRow[] {
  return findings.map((f) => {
    const t = ruleText(f.rule);
    return {
      kilde: f.kilde,
      regel: f.rule,
      alvor: ALVOR_TEXT[f.severity],
      kommunekode: f.kommunekode ?? "",
      kommune: nameOf(navne, f.kommunekode),
      emne: f.subject,
      emne_navn: f.subjectLabel,
      periode: periodText(f),
      vaerdi: f.vaerdi ?? null,
      forventet: f.forventet ?? null,
      besked: f.message,
      forklaring: t.forklaring,
      aarsag: t.aarsag,
      fil: f.file,
      linje: f.line ?? null,
      kolonne: f.column ?? null,
      demodata: demo(f) ? "Demodata" : ""
    };
  });
}

export const EXPORT_COLUMNS: Column<ExportRow>[] = [
  { key: "kilde", label: "Kilde" },
  { key: "regel", label: "Regel" },
  { key: "alvor", label: "Alvor" },
  { key: "kommunekode", label: "Kommunekode" },
  { key: "kommune", label: "Kommune" },
  { key: "emne", label: "Nøgletal/service" },
  { key: "emne_navn", label: "Titel" },
  { key: "periode", label: "Periode" },
  { key: "vaerdi", label: "Værdi" },
  { key: "forventet", label: "Forventet" },
  { key: "besked", label: "Fund" },
  { key: "forklaring", label: "Forklaring" },
  { key: "aarsag", label: "Sandsynlig årsag" },
  { key: "fil", label: "Fil" },
  { key: "linje", label: "Linje", decimals: 0 },
  { key: "kolonne", label: "Kolonne", decimals: 0 },
  { key: "demodata", label: "Demodata" }
];

/** A page of the list: the first `n` findings and how many are left. */
export function pageOf<T>(rows: readonly T[], n: number): { shown: T[]; rest: number } {
  return { shown: rows.slice(0, n), rest: Math.max(0, rows.length - n) };
}

// ---------------------------------------------------------------------------------------------
// The build's findings as the page uses them

/** Municipality code → name. */
export const navneOf = (data: Pick<DatakvalitetData, "kommuner">): Map<string, string> =>
  new Map(data.kommuner.map((k) => [k.kommunekode, k.navn]));

/** Key-figure findings, then infrastructure findings. */
export const allFindings = (data: DatakvalitetData): DqFinding[] => [
  ...data.noegletal.findings,
  ...(data.infrastruktur?.findings ?? [])
];

/** Is a finding of the build on demo data? (Infrastructure findings are, unless real extracts were built.) */
export const demoOf =
  (data: DatakvalitetData) =>
  (f: DqFinding): boolean =>
    f.kilde === "infrastruktur" && (data.infrastruktur?.demodata ?? false);

/** The source names shown in the filter: "Demodata" only when the infrastructure findings are on demo data. */
export const kildeTextOf = (data: DatakvalitetData): Record<Kilde, string> => ({
  noegletal: KILDE_TEXT.noegletal,
  infrastruktur: data.infrastruktur?.demodata === false ? "Infrastruktur" : KILDE_TEXT.infrastruktur
});

/** The export's source line. */
export const sourceOf = (data: DatakvalitetData): string =>
  [
    `Nøgletal: ${data.noegletal.kilde}`,
    data.infrastruktur ? `Infrastruktur: ${data.infrastruktur.kilde}` : null,
    "Regler: kommunetal (common/rules, common/validate)"
  ]
    .filter((s) => s)
    .join(". ");

/** Options for validating a dropped file with what the build knows (98 codes, catalogue, comparison groups). */
// the return type is FileCheckOptions without fileName (common/views/datakvalitet-fil.ts); not named here, so this
// module does not import the file checker (no import cycle, and the page does not load the checker's code)
export const fileOptionsOf = (data: DatakvalitetData) => ({
  kommunekoder: data.kommuner.map((k) => k.kommunekode),
  katalog: data.filKontekst?.katalog ?? data.katalog,
  groups: data.infraGrupper ?? undefined,
  noegletal: data.filKontekst,
  kle: data.kle
});

/** The findings of a dropped file are on demo data only if the user says so; the page shows them as the user's. */
export const notDemo = (_f: DqFinding): boolean => false;

// ---------------------------------------------------------------------------------------------
// The page's texts with numbers (src/datakvalitet.md only wires them)

/** "Reglerne er kørt på 123.480 celler: 180 nøgletal × 98 kommuner × 7 år (2013–2019), fra … Resultat: …" */
export function keyFigureSummary(kf: DatakvalitetData["noegletal"]): string {
  const a = kf.aar;
  return (
    `Reglerne er kørt på ${formatNumber(kf.celler, 0)} celler: ${formatNumber(kf.noegletal, 0)} nøgletal × ` +
    `${formatNumber(kf.kommuner, 0)} kommuner × ${a.length} år (${a[0]}–${a[a.length - 1]}), fra ${kf.kilde}. ` +
    `Resultat: ${totalsText(totals(kf.findings))}`
  );
}

/** The infrastructure section's line, or the note that the build had no Serviceplatformen extract. */
export function infraSummary(infra: DatakvalitetData["infrastruktur"]): string {
  if (!infra) return "Der er ikke noget udtræk fra Serviceplatformen i denne bygning.";
  const m = infra.maaneder;
  return (
    `Serviceplatformens kald pr. kommune, måned og service (${formatNumber(infra.raekker, 0)} rækker, ` +
    `${m[0] ?? ""} – ${m[m.length - 1] ?? ""}) og KLE-overensstemmelsen i indeksudtrækket. ${infra.kilde}. ` +
    `Resultat: ${totalsText(totals(infra.findings))} `
  );
}

/** Title, export source line and the "more findings counted" note of a file checked in the browser. */
export function fileResultTexts(r: { fileName: string; omitted: number }): {
  title: string;
  source: string;
  omitted: string | null;
} {
  return {
    title: `Datakvalitet: ${r.fileName}`,
    source: `Egen fil: ${r.fileName} (valideret i browseren)`,
    omitted: r.omitted ? `${formatNumber(r.omitted, 0)} fund mere på filniveau er talt, men ikke vist.` : null
  };
}
