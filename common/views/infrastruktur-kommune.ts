/**
 * View model of the municipality page /infrastruktur/<kode> (issue #8). Pure: the page's
 * JSON (loaders/infra/pages.ts) holds the municipality's own aggregate rows plus the small
 * context it is compared with (comparison group, Denmark, the potential analysis); this
 * module turns them into the trend, breakdowns, KLE check, onboarding matrix and the
 * three-step potential analysis with plain-Danish vendor questions.
 */
import type { Column } from "../export.js";
import { formatNumber, formatShare } from "../format.js";
import type { KleOverensRow } from "../infra/kle.js";
import type { Potentiale, PotentialeRow } from "../infra/potentiale.js";
import {
  aendringTekst,
  type DataomraadeSum,
  type ItSystemRow,
  type KaldMaanedRow,
  type Kort,
  type LandMaanedRow,
  lastMonths,
  periodeTekst,
  type ServiceRow
} from "./infrastruktur.js";
import { type KleAfvigelse, kleKolonner, kleKommune } from "./infrastruktur-kle.js";
import type { Tabel } from "./infrastruktur-tabel.js";

export interface KleRow {
  kle_nr: string;
  kle_titel: string | null;
  kle_gyldig: boolean;
  indeks: string;
  antal_sager: number | null;
  status: string;
}

export interface KlarmeldingRow {
  ski_system: string;
  leverandoer: string;
  integration: string;
  service_nr: string;
  status: string;
}

export interface KommuneInput {
  kode: string;
  navn: string;
  officielt_navn: string;
  demodata: boolean;
  kilde: string;
  note_kald: string;
  /** the municipality's own rows, all months */
  kald: KaldMaanedRow[];
  land: LandMaanedRow[];
  gruppe: {
    omraade: string;
    omraade_navn: string;
    aar: number;
    medlemmer: { kommunekode: string; navn: string }[];
    kald: KaldMaanedRow[];
  };
  /** calls per data area, last 12 months */
  dataomraade: DataomraadeSum[];
  services: ServiceRow[];
  itsystemer: ItSystemRow[];
  kle: KleRow[];
  /** onboardings of the SKI systems the municipality uses */
  klarmelding: KlarmeldingRow[];
  /** SKI systems the municipality uses */
  systemer: { ski_system: string; leverandoer: string; ydelsesomraade: string }[];
  /** the municipality's own potentiale rows */
  potentialeRaekker: PotentialeRow[];
  /** KLE conformance rows: the country, the municipality and its systems (optional in older data) */
  kleOverens?: KleOverensRow[];
  /** the municipality's KLE numbers that break the standard, per system, with the reason */
  kleAfvigelser?: KleAfvigelse[];
  /** potentiale() computed over all municipalities' rows */
  potentiale: Potentiale;
}

export interface TrendPoint {
  maaned: string;
  serie: string;
  kald_pr_indbygger: number | null;
}

/** Ratio of sums per month over a set of municipality-month rows. */
function ratioPerMonth(rows: readonly KaldMaanedRow[], months: readonly string[]): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const m of months) {
    const r = rows.filter((x) => x.maaned === m);
    const pop = r.reduce((s, x) => s + x.indbyggere, 0);
    out.set(m, pop > 0 ? r.reduce((s, x) => s + x.kald, 0) / pop : null);
  }
  return out;
}

/** Calls per inhabitant over months: ratio of sums, population of the last month (rule of common/infra/kald.ts). */
function ratio12(rows: readonly KaldMaanedRow[], months: readonly string[]): number | null {
  const keep = new Set(months);
  const last = months[months.length - 1];
  const kald = rows.filter((r) => keep.has(r.maaned)).reduce((s, r) => s + r.kald, 0);
  const pop = rows.filter((r) => r.maaned === last).reduce((s, r) => s + r.indbyggere, 0);
  return pop > 0 ? kald / pop : null;
}

/** The 12-month trend of the municipality, its comparison group (ratio of sums, excl. itself) and Denmark. */
export function trend(input: KommuneInput): { months: string[]; points: TrendPoint[] } {
  const months = lastMonths(
    input.land.map((r) => r.maaned),
    12
  );
  const own = ratioPerMonth(input.kald, months);
  const group = ratioPerMonth(
    input.gruppe.kald.filter((r) => r.kommunekode !== input.kode),
    months
  );
  const land = new Map(input.land.map((r) => [r.maaned, r.kald_pr_indbygger]));
  const points: TrendPoint[] = [];
  for (const m of months) {
    points.push({ maaned: m, serie: input.navn, kald_pr_indbygger: own.get(m) ?? null });
    points.push({ maaned: m, serie: "Sammenligningsgruppe", kald_pr_indbygger: group.get(m) ?? null });
    points.push({ maaned: m, serie: "Hele landet", kald_pr_indbygger: land.get(m) ?? null });
  }
  return { months, points };
}

export interface Comparison {
  fra: string;
  til: string;
  kommune: number | null;
  gruppe: number | null;
  land: number | null;
  /** kommune / land − 1 */
  forskel_land: number | null;
  forskel_gruppe: number | null;
}

/** Calls per inhabitant over the last 12 months: municipality, comparison group (excl. itself), Denmark. */
export function comparison(input: KommuneInput): Comparison {
  const months = lastMonths(
    input.land.map((r) => r.maaned),
    12
  );
  const kommune = ratio12(input.kald, months);
  const gruppe = ratio12(
    input.gruppe.kald.filter((r) => r.kommunekode !== input.kode),
    months
  );
  const keep = new Set(months);
  const lastLand = input.land.find((r) => r.maaned === months[months.length - 1]);
  const landKald = input.land.filter((r) => keep.has(r.maaned)).reduce((s, r) => s + r.kald_kommuner, 0);
  const land = lastLand && lastLand.indbyggere > 0 ? landKald / lastLand.indbyggere : null;
  const rel = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : a / b - 1);
  return {
    fra: months[0],
    til: months[months.length - 1],
    kommune,
    gruppe,
    land,
    forskel_land: rel(kommune, land),
    forskel_gruppe: rel(kommune, gruppe)
  };
}

export interface Share<T> {
  row: T;
  andel: number | null;
}

/** Rows with their share of the total of `value`, largest first. */
export function shares<T>(rows: readonly T[], value: (r: T) => number): Share<T>[] {
  const total = rows.reduce((s, r) => s + value(r), 0);
  return [...rows]
    .sort((a, b) => value(b) - value(a))
    .map((row) => ({ row, andel: total > 0 ? value(row) / total : null }));
}

export interface IndexCheck {
  indeks: string;
  integration: string;
  /** KLE topics with at least one case (incl. hidden "<5") */
  emner_med_sager: number;
  /** rows whose KLE number is not in KLE (data quality) */
  ugyldige_kle: number;
  /** the municipality's systems onboarded to the index integration */
  klarmeldte_systemer: string[];
  /** of those, connected (calls in the last 12 months) */
  tilsluttede_systemer: string[];
  /** onboarded but not connected: they should deliver to the index and do not */
  mangler: string[];
}

export const INDEX_SERVICE: Readonly<Record<string, string>> = {
  "Sags- og dokumentindeks": "SF1470",
  Ydelsesindeks: "SF1490"
};

/** Per index: KLE topics with cases against the systems that should deliver to it. */
export function indexCheck(input: KommuneInput): IndexCheck[] {
  return Object.entries(INDEX_SERVICE).map(([indeks, sf]) => {
    const rows = input.kle.filter((k) => k.indeks === indeks);
    const withCases = rows.filter((k) => (k.antal_sager ?? 0) > 0 || k.status === "<5");
    const pairs = input.potentialeRaekker.filter(
      (p) => p.service_nr === sf && (p.status === "Klarmeldt" || p.status === "Delvist klarmeldt")
    );
    const onboarded = [...new Set(pairs.map((p) => p.ski_system))].sort();
    const connected = [...new Set(pairs.filter((p) => p.tilsluttet).map((p) => p.ski_system))].sort();
    return {
      indeks,
      integration: sf,
      emner_med_sager: new Set(withCases.map((k) => k.kle_nr)).size,
      ugyldige_kle: rows.filter((k) => !k.kle_gyldig).length,
      klarmeldte_systemer: onboarded,
      tilsluttede_systemer: connected,
      mangler: onboarded.filter((s) => !connected.includes(s))
    };
  });
}

/** A status's colour (Okabe-Ito, colour-blind safe) and a symbol so it reads in black-and-white print. */
export interface StatusStyle {
  symbol: string;
  farve: string;
  tekst: string;
}

export function statusStyle(status: string): StatusStyle {
  if (status === "Klarmeldt") return { symbol: "✓", farve: "#009E73", tekst: "Klarmeldt" };
  if (status === "Delvist klarmeldt") return { symbol: "◐", farve: "#56B4E9", tekst: "Delvist klarmeldt" };
  if (/^Forløb [0-9]+$/.test(status)) return { symbol: "…", farve: "#E69F00", tekst: `I ${status.toLowerCase()}` };
  if (status === "Ensidig") return { symbol: "→", farve: "#F0E442", tekst: "Ensidig" };
  if (status === "Ikke klarmeldt" || status === "Nej") return { symbol: "✗", farve: "#D55E00", tekst: status };
  if (status === "Manglende info") return { symbol: "?", farve: "#CC79A7", tekst: "Manglende info" };
  if (status === "Irrelevant" || status === "Administrativt fjernet")
    return { symbol: "–", farve: "#DDDDDD", tekst: status };
  return { symbol: "·", farve: "#FFFFFF", tekst: status || "ingen klarmelding" };
}

export interface MatrixCellK {
  ski_system: string;
  leverandoer: string;
  integration: string;
  status: string;
  /** connected = calls in the last 12 months by this municipality (null when unknown) */
  tilsluttet: boolean | null;
  style: StatusStyle;
  /** the cell text: symbol, plus "●" when connected */
  tekst: string;
}

/** SKI systems the municipality uses × integrations, status per cell (blank cell = no onboarding on record). */
export function onboardingMatrix(input: KommuneInput): {
  systemer: string[];
  integrationer: string[];
  cells: MatrixCellK[];
} {
  const mine = new Set(input.systemer.map((s) => s.ski_system));
  const rows = input.klarmelding.filter((k) => mine.has(k.ski_system));
  const integrationer = [...new Set(rows.map((r) => r.integration))].sort();
  const systemer = [...mine].sort((a, b) => a.localeCompare(b, "da"));
  const connected = new Map(input.potentialeRaekker.map((p) => [`${p.ski_system}|${p.integration}`, p.tilsluttet]));
  const cells = rows.map((r) => {
    const style = statusStyle(r.status);
    const t = connected.get(`${r.ski_system}|${r.integration}`) ?? null;
    return {
      ski_system: r.ski_system,
      leverandoer: r.leverandoer,
      integration: r.integration,
      status: r.status,
      tilsluttet: t,
      style,
      tekst: `${style.symbol}${t ? " ●" : ""}`
    };
  });
  return { systemer, integrationer, cells };
}

/** The matrix legend: one example status per colour/symbol, with the label shown beside it. */
export const KLARMELDING_LEGENDE: readonly { status: string; label: string }[] = [
  { status: "Klarmeldt", label: "Klarmeldt" },
  { status: "Delvist klarmeldt", label: "Delvist klarmeldt" },
  { status: "Forløb 1", label: "I forløb" },
  { status: "Ensidig", label: "Ensidig" },
  { status: "Ikke klarmeldt", label: "Ikke klarmeldt / Nej" },
  { status: "Manglende info", label: "Manglende info" },
  { status: "Irrelevant", label: "Irrelevant / administrativt fjernet" }
];

export const KLARMELDING_NOTE = "● = kommunen kalder integrationen (seneste 12 mdr.). Tom celle = ingen klarmelding.";

/** The onboarding matrix's export: one row per cell, "Kalder" ja/nej (empty when unknown). */
export const KLARMELDING_KOLONNER: readonly Column<MatrixCellK>[] = [
  { key: "ski_system", label: "SKI-system" },
  { key: "leverandoer", label: "Leverandør" },
  { key: "integration", label: "Integration" },
  { key: "status", label: "Status" },
  { key: (c) => (c.tilsluttet === null ? "" : c.tilsluttet ? "ja" : "nej"), label: "Kalder (12 mdr.)" }
];

/** A matrix cell's tooltip: "Sys1 · SF1490 Ydelsesindeks: Klarmeldt, i brug (kald)". */
export function matrixTitel(c: MatrixCellK): string {
  return `${c.ski_system} · ${c.integration}: ${c.style.tekst}${c.tilsluttet ? ", i brug (kald)" : ""}`;
}

export interface Step {
  nr: 1 | 2 | 3;
  navn: string;
  kpi: string;
  vaerdi: number | null;
  sammenligning: string;
  forklaring: string;
  /** systems and integrations behind the KPI, with what to ask which vendor */
  punkter: {
    ski_system: string;
    leverandoer: string;
    integration: string;
    status: string;
    detalje: string;
    spoergsmaal: string;
  }[];
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(0)} %`);

/**
 * Step 3's sentence on the indexes: the share of cases that conform to KLE (common/infra/kle.ts) when the
 * data has it, else the share of KLE rows whose number is not a current emne.
 */
function kleSaetning(input: KommuneInput, ugyldigeAndel: number | null): string {
  const own = input.kleOverens?.find((r) => r.omfang === "kommune" && r.kommunekode === input.kode);
  if (own && own.andel_overens !== null)
    return `KLE i indeksene: ${(own.andel_overens * 100).toFixed(1).replace(".", ",")} % af sagerne overholder standarden.`;
  return `Ugyldige KLE-numre i indeksene: ${pct(ugyldigeAndel)}.`;
}

/** The potential analysis in three steps: tilslutning → udbredelse → anvendelse, with vendor questions. */
export function potentialeSteps(input: KommuneInput): Step[] {
  const p = input.potentiale;
  const t = p.tilslutning;
  const u = p.udbredelse;
  const a = p.anvendelse;
  return [
    {
      nr: 1,
      navn: "Tilslutning",
      kpi: "Andel af de klarmeldte integrationer, kommunen bruger",
      vaerdi: t.andel,
      sammenligning: `${t.tilsluttede} af ${t.klarmeldte} klarmeldte par (system × integration) har kald de seneste 12 måneder.`,
      forklaring:
        "Systemet kan, men kommunen bruger det ikke: integrationen skal typisk slås til eller konfigureres hos leverandøren.",
      punkter: t.mangler.map((m) => ({ ...m, detalje: "ingen kald de seneste 12 måneder", spoergsmaal: m.spoergsmaal }))
    },
    {
      nr: 2,
      navn: "Udbredelse",
      kpi: "Andel tilsluttet af de par, der er tilsluttet i mindst én kommune",
      vaerdi: u.andel,
      sammenligning: `Landet: ${pct(u.landsandel)}.`,
      forklaring: "Andre kommuner med samme system har fået integrationen i drift; erfaringen kan genbruges.",
      punkter: u.andre_har_gjort_det.map((m) => ({
        ...m,
        detalje: `${m.andre_tilsluttet} af ${m.andre_med_systemet} andre kommuner med systemet er tilsluttet`,
        spoergsmaal: `Spørg ${m.leverandoer}: ${m.andre_tilsluttet} andre kommuner bruger ${m.integration} fra ${m.ski_system}. Hvad skal der til, for at vi kommer med?`
      }))
    },
    {
      nr: 3,
      navn: "Anvendelse",
      kpi: "Tilsluttede par med lav brug (under en fjerdedel af medianen i andre tilsluttede kommuner)",
      vaerdi: a.tilsluttede > 0 ? a.lav_anvendelse.length / a.tilsluttede : null,
      sammenligning: `${a.lav_anvendelse.length} af ${a.tilsluttede} tilsluttede par. ${kleSaetning(input, a.kle_ugyldige_andel)}`,
      forklaring:
        "Integrationen er i drift, men bruges meget mindre end andre steder: måske kun i en del af forvaltningen.",
      punkter: a.lav_anvendelse.map((m) => ({
        ...m,
        detalje: `${m.kald_pr_1000.toFixed(1).replace(".", ",")} kald pr. 1.000 indb. mod median ${m.median_andre_pr_1000.toFixed(1).replace(".", ",")}`,
        spoergsmaal: `Spørg ${m.leverandoer}: bruges ${m.integration} i ${m.ski_system} i alle de sagsgange, hvor den kunne? Vi ligger langt under andre kommuner.`
      }))
    }
  ];
}

export interface KommuneView {
  trend: ReturnType<typeof trend>;
  comparison: Comparison;
  dataomraader: Share<DataomraadeSum>[];
  services: Share<ServiceRow>[];
  itsystemer: ItSystemRow[];
  indekser: IndexCheck[];
  matrix: ReturnType<typeof onboardingMatrix>;
  steps: Step[];
}

export function kommuneView(input: KommuneInput): KommuneView {
  return {
    trend: trend(input),
    comparison: comparison(input),
    dataomraader: shares(input.dataomraade, (r) => r.kald),
    services: shares(input.services, (r) => r.kald_12m),
    itsystemer: [...input.itsystemer].sort(
      (a, b) => (b.kald_12m ?? -1) - (a.kald_12m ?? -1) || a.it_system.localeCompare(b.it_system)
    ),
    indekser: indexCheck(input),
    matrix: onboardingMatrix(input),
    steps: potentialeSteps(input)
  };
}

// ---------------------------------------------------------------------------
// The page /infrastruktur/<kode>: everything it shows, from the municipality's JSON

export const DEMO_BANNER_KOMMUNE = "Rapporten viser Demodata: genererede tal, ikke virkelige kommunedata.";

export interface StepSide {
  step: Step;
  /** "Trin 1: Tilslutning" */
  titel: string;
  /** the KPI with its value, bold on the page: "Andel af …: 67 %" */
  kpiTekst: string;
  /** the systems and integrations behind the step, null when there is nothing to follow up (then `tomTekst`) */
  tabel: Tabel<Step["punkter"][number]> | null;
  tomTekst: string;
}

export interface KommuneSide {
  /** the browser tab's title */
  dokumentTitel: string;
  banner: string | null;
  links: { text: string; href: string }[];
  periode: string;
  kort: Kort[];
  /** the sentence under the cards: which group, its members, how its figure is formed */
  gruppeNote: string;
  trend: { titel: string; points: TrendPoint[]; tabel: Tabel<TrendPoint> };
  dataomraader: { titel: string; bars: { label: string; value: number }[]; tabel: Tabel<Share<DataomraadeSum>> };
  services: Tabel<Share<ServiceRow>>;
  itsystemer: Tabel<ItSystemRow>;
  indekser: Tabel<IndexCheck>;
  kle: Tabel<KleRow>;
  kleOverens: {
    tekst: string;
    systemer: Tabel<KleOverensRow>;
    /** the numbers that break the standard; null with `ingenAfvigelser` when there are none */
    afvigelser: Tabel<KleAfvigelse> | null;
    ingenAfvigelser: string;
  };
  matrix: ReturnType<typeof onboardingMatrix>;
  steps: StepSide[];
  datakvalitet: { text: string; href: string };
}

/** "+12 %" / "-3 %" / "–": how far the municipality is from a comparison. */
const forskel = (x: number | null) => aendringTekst(x, 0);

export function kommuneSide(input: KommuneInput): KommuneSide {
  const v = kommuneView(input);
  const c = v.comparison;
  const periode = periodeTekst(c.fra, c.til);
  const navn = input.navn;
  const kode = input.kode;
  const kle = kleKommune(input.kleOverens ?? [], input.kleAfvigelser ?? [], kode, navn);
  const g = input.gruppe;
  return {
    dokumentTitel: `Infrastruktur: ${input.officielt_navn} | kommunetal`,
    banner: input.demodata ? DEMO_BANNER_KOMMUNE : null,
    links: [
      { text: `Kend ${navn} Kommune`, href: `../kommune/${kode}` },
      { text: "Alle kommuner", href: "./" }
    ],
    periode,
    kort: [
      { titel: "Kald pr. indbygger, 12 mdr.", vaerdi: formatNumber(c.kommune, 1), note: periode },
      {
        titel: "Sammenligningsgruppen",
        vaerdi: formatNumber(c.gruppe, 1),
        note: `Kommunen ligger ${forskel(c.forskel_gruppe)} fra gruppen.`
      },
      {
        titel: "Hele landet",
        vaerdi: formatNumber(c.land, 1),
        note: `Kommunen ligger ${forskel(c.forskel_land)} fra landet.`
      }
    ],
    gruppeNote:
      `Sammenligningsgruppe: standardgruppen for området «${g.omraade_navn}» (${g.aar}), de ${g.medlemmer.length} mest ` +
      `sammenlignelige kommuner: ${g.medlemmer.map((m) => m.navn).join(", ")}. Gruppens tal er summen af kald delt med summen ` +
      `af indbyggere. ${input.note_kald}`,
    trend: {
      titel: "Kald pr. indbygger pr. måned: kommunen, sammenligningsgruppen og landet",
      points: v.trend.points,
      tabel: {
        rows: v.trend.points,
        cols: [
          { key: "maaned", label: "Måned" },
          { key: "serie", label: "Serie" },
          { key: "kald_pr_indbygger", label: "Kald pr. indbygger", num: true, decimals: 2 }
        ],
        title: `${navn}: kald pr. indbygger pr. måned`,
        filename: `infrastruktur-${kode}-udvikling`,
        limit: 6
      }
    },
    dataomraader: {
      titel: `Kald pr. dataområde, ${periode}`,
      bars: v.dataomraader.map((d) => ({ label: d.row.dataomraade, value: d.row.kald })),
      tabel: {
        rows: v.dataomraader,
        cols: [
          { key: (d) => d.row.dataomraade, label: "Dataområde" },
          { key: (d) => d.row.kald, label: "Kald (12 mdr.)", num: true, decimals: 0 },
          { key: "andel", label: "Andel", num: true, show: (d) => formatShare(d.andel, 1) }
        ],
        title: `${navn}: kald pr. dataområde`,
        filename: `infrastruktur-${kode}-dataomraader`
      }
    },
    services: {
      rows: v.services,
      cols: [
        { key: (d) => d.row.service_nr, label: "Service" },
        { key: (d) => d.row.service_navn, label: "Navn" },
        { key: (d) => d.row.dataomraade, label: "Dataområde" },
        { key: (d) => d.row.kald_12m, label: "Kald (12 mdr.)", num: true, decimals: 0 },
        { key: "andel", label: "Andel", num: true, show: (d) => formatShare(d.andel, 1) },
        { key: (d) => d.row.antal_it_systemer, label: "IT-systemer", num: true, decimals: 0 }
      ],
      title: `${navn}: kald pr. service`,
      filename: `infrastruktur-${kode}-services`,
      limit: 15
    },
    itsystemer: {
      rows: v.itsystemer,
      cols: [
        { key: "it_system", label: "IT-system" },
        { key: "leverandoer", label: "Leverandør" },
        {
          key: "kald_12m",
          label: "Kald (12 mdr.)",
          num: true,
          decimals: 0,
          show: (r) =>
            r.kald_12m === null ? { text: "ingen kald (udskiftet?)", missing: true } : formatNumber(r.kald_12m, 0)
        },
        { key: "antal_services", label: "Services", num: true, decimals: 0 },
        { key: "foerste_maaned", label: "Første måned" },
        { key: "sidste_maaned", label: "Sidste måned" }
      ],
      title: `${navn}: IT-systemer på Serviceplatformen`,
      filename: `infrastruktur-${kode}-it-systemer`
    },
    indekser: {
      rows: v.indekser,
      cols: [
        { key: "indeks", label: "Indeks" },
        { key: "integration", label: "Integration" },
        { key: "emner_med_sager", label: "KLE-emner med sager", num: true, decimals: 0 },
        { key: "ugyldige_kle", label: "Ugyldige KLE-numre", num: true, decimals: 0 },
        { key: (r) => r.klarmeldte_systemer.join(", "), label: "Systemer klarmeldt til indekset" },
        { key: (r) => r.tilsluttede_systemer.join(", "), label: "… der leverer (kald)" },
        { key: (r) => r.mangler.join(", "), label: "Klarmeldt, men leverer ikke" }
      ],
      title: `${navn}: indeksernes KLE-emner og de systemer, der skal levere`,
      filename: `infrastruktur-${kode}-indekser`,
      id: "indekser",
      caption: "Antal sager 1–4 vises ikke (<5); emner med skjulte antal tæller som emner med sager."
    },
    kle: {
      rows: input.kle,
      cols: [
        { key: "indeks", label: "Indeks" },
        { key: "kle_nr", label: "KLE-nr." },
        { key: "kle_titel", label: "Titel" },
        {
          key: "antal_sager",
          label: "Sager",
          num: true,
          decimals: 0,
          show: (r) => (r.antal_sager === null ? r.status || "–" : formatNumber(r.antal_sager, 0))
        },
        { key: (r) => (r.kle_gyldig ? "ja" : "nej"), label: "Gyldigt KLE-nr." }
      ],
      title: `${navn}: KLE-emner i indeksene`,
      filename: `infrastruktur-${kode}-kle`,
      limit: 12
    },
    kleOverens: {
      tekst: kle.tekst,
      systemer: {
        rows: kle.systemer,
        cols: [{ key: "it_system", label: "IT-system" }, ...kleKolonner<KleOverensRow>()],
        title: `${navn}: KLE-overensstemmelse pr. it-system (dårligst først)`,
        filename: `infrastruktur-${kode}-kle-systemer`,
        id: "kle-systemer"
      },
      afvigelser:
        kle.afvigelser.length === 0
          ? null
          : {
              rows: kle.afvigelser,
              cols: [
                { key: "it_system", label: "IT-system" },
                { key: "kle_nr", label: "KLE-nr." },
                { key: "grund", label: "Afviger, fordi" }
              ],
              title: `${navn}: KLE-numre, der ikke overholder standarden`,
              filename: `infrastruktur-${kode}-kle-afvigelser`,
              id: "kle-afvigelser"
            },
      ingenAfvigelser: "Ingen KLE-numre afviger fra standarden."
    },
    matrix: v.matrix,
    steps: v.steps.map((s) => ({
      step: s,
      titel: `Trin ${s.nr}: ${s.navn}`,
      kpiTekst: `${s.kpi}: ${formatShare(s.vaerdi, 0)}`,
      tomTekst: "Intet at følge op på i dette trin.",
      tabel:
        s.punkter.length === 0
          ? null
          : {
              rows: s.punkter,
              cols: [
                { key: "ski_system", label: "System" },
                { key: "leverandoer", label: "Leverandør" },
                { key: "integration", label: "Integration" },
                { key: "status", label: "Klarmelding" },
                { key: "detalje", label: "Fund" },
                { key: "spoergsmaal", label: "Spørg leverandøren" }
              ],
              title: `Trin ${s.nr} (${s.navn.toLowerCase()}): ${navn}`,
              filename: `infrastruktur-${kode}-trin-${s.nr}`
            }
    })),
    datakvalitet: {
      text: `Datakvalitet: hvad kontrolreglerne har fundet i udtrækkene for ${navn}${input.demodata ? " (Demodata)" : ""}`,
      href: `../datakvalitet?kommune=${kode}&kilde=infrastruktur`
    }
  };
}
