/**
 * View model of the overview page /infrastruktur (issue #8): pure functions from the
 * infrastructure aggregates (schemas in loaders/infra/README.md) to what the page shows.
 * Used in Node (loaders/infra/pages.ts prepares the page's small JSON) and in the browser.
 */

import { formatMonthCode, formatNumber } from "../format.js";
import { type KaldSummary, kaldPrIndbygger } from "../infra/kald.js";
import type { KleOverensRow } from "../infra/kle.js";
import { kleKolonner, kleOversigt } from "./infrastruktur-kle.js";
import { link, type Tabel } from "./infrastruktur-tabel.js";

export interface KaldMaanedRow {
  kommunekode: string;
  navn: string;
  maaned: string;
  kald: number;
  indbyggere: number;
  indbyggere_maaned: string;
}

export interface LandMaanedRow {
  maaned: string;
  kald_kommuner: number;
  kald_alle_myndigheder: number;
  indbyggere: number;
  kald_pr_indbygger: number;
}

export interface DataomraadeMaanedRow {
  kommunekode: string;
  dataomraade: string;
  maaned: string;
  kald: number;
}

/** municipality × data area, calls summed over a period */
export interface DataomraadeSum {
  kommunekode: string;
  dataomraade: string;
  kald: number;
}

export interface ServiceRow {
  kommunekode: string;
  service_nr: string;
  service_navn: string;
  dataomraade: string;
  kald_12m: number;
  antal_it_systemer: number;
}

export interface ItSystemRow {
  kommunekode: string;
  it_system_id: string;
  it_system: string;
  leverandoer: string;
  kald_12m: number | null;
  antal_services: number;
  foerste_maaned: string;
  sidste_maaned: string;
}

export interface SystemServiceRow {
  it_system: string;
  service_nr: string;
  service_navn: string;
  kommuner_der_kalder: number;
  kald_12m: number;
  /** comma-separated codes */
  kommunekoder: string;
}

export interface SystemanvendelseRow {
  kommunekode: string;
  ski_system: string;
  leverandoer: string;
}

export interface StoetteTimeRow {
  stoettesystem: string;
  ugedag: number;
  time_paa_dagen: number;
  kald_pr_time: number;
}

/** The last `n` months of a sorted-or-not list of `YYYY-MM`, ascending. */
export function lastMonths(months: readonly string[], n: number): string[] {
  return [...new Set(months)].sort().slice(-n);
}

/** The month `k` months before `m` (`YYYY-MM`). */
export function monthsBefore(m: string, k: number): string {
  const i = Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1 - k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
}

export interface Headline {
  maaned: string;
  kald_pr_indbygger: number;
  /** the same month a year earlier, null when the extract does not reach back */
  aaret_foer: number | null;
  /** relative change (0.05 = +5 %), null without a year-earlier month */
  aendring: number | null;
  kald_kommuner: number;
}

/** The latest month's calls per inhabitant in Denmark and the change against 12 months earlier. */
export function headline(land: readonly LandMaanedRow[]): Headline {
  if (land.length === 0) throw new Error("ingen måneder i infrastruktur-land-maaned");
  const sorted = [...land].sort((a, b) => a.maaned.localeCompare(b.maaned));
  const last = sorted[sorted.length - 1];
  const before = sorted.find((r) => r.maaned === monthsBefore(last.maaned, 12)) ?? null;
  return {
    maaned: last.maaned,
    kald_pr_indbygger: last.kald_pr_indbygger,
    aaret_foer: before ? before.kald_pr_indbygger : null,
    aendring: before ? last.kald_pr_indbygger / before.kald_pr_indbygger - 1 : null,
    kald_kommuner: last.kald_kommuner
  };
}

export interface RankRow {
  rang: number;
  kommunekode: string;
  navn: string;
  kald: number;
  indbyggere: number | null;
  kald_pr_indbygger: number | null;
}

/**
 * Calls per inhabitant over the last 12 months per municipality (the rule of
 * common/infra/kald.ts: population of the period's last month), ranked highest first.
 * Ties share the lower rank number (1, 2, 2, 4).
 */
export function ranking12m(rows: readonly KaldMaanedRow[]): { summary: KaldSummary; rows: RankRow[] } {
  const months = lastMonths(
    rows.map((r) => r.maaned),
    12
  );
  const kommuner = [
    ...new Map(rows.map((r) => [r.kommunekode, { kommunekode: r.kommunekode, navn: r.navn }])).values()
  ];
  const population = [...new Map(rows.map((r) => [`${r.kommunekode}|${r.indbyggere_maaned}`, r])).values()].map(
    (r) => ({
      kommunekode: r.kommunekode,
      maaned: r.indbyggere_maaned,
      befolkning: r.indbyggere
    })
  );
  const summary = kaldPrIndbygger(rows, population, kommuner, months[0], months[months.length - 1]);
  const sorted = [...summary.kommuner].sort(
    (a, b) => (b.kald_pr_indbygger ?? -Infinity) - (a.kald_pr_indbygger ?? -Infinity)
  );
  const out: RankRow[] = [];
  sorted.forEach((r, i) => {
    const prev = out[i - 1];
    const rang = prev && prev.kald_pr_indbygger === r.kald_pr_indbygger ? prev.rang : i + 1;
    out.push({
      rang,
      kommunekode: r.kommunekode,
      navn: r.navn ?? r.kommunekode,
      kald: r.kald,
      indbyggere: r.indbyggere,
      kald_pr_indbygger: r.kald_pr_indbygger
    });
  });
  return { summary, rows: out };
}

/** Sum of calls per municipality × data area over the given months. */
export function sumDataomraade(rows: readonly DataomraadeMaanedRow[], months: readonly string[]): DataomraadeSum[] {
  const keep = new Set(months);
  const sums = new Map<string, DataomraadeSum>();
  for (const r of rows) {
    if (!keep.has(r.maaned)) continue;
    const k = `${r.kommunekode}|${r.dataomraade}`;
    const s = sums.get(k);
    if (s) s.kald += r.kald;
    else sums.set(k, { kommunekode: r.kommunekode, dataomraade: r.dataomraade, kald: r.kald });
  }
  return [...sums.values()].sort(
    (a, b) => a.kommunekode.localeCompare(b.kommunekode) || a.dataomraade.localeCompare(b.dataomraade)
  );
}

export interface MatrixCell {
  kommunekode: string;
  navn: string;
  dataomraade: string;
  kald: number;
  /** calls per inhabitant (12 months) */
  pr_indbygger: number | null;
}

/** Data area × municipality matrix: calls per inhabitant in each cell (0 where the municipality made no call). */
export function dataomraadeMatrix(
  sums: readonly DataomraadeSum[],
  rank: readonly RankRow[]
): { omraader: string[]; cells: MatrixCell[] } {
  const omraader = [...new Set(sums.map((s) => s.dataomraade))].sort((a, b) => a.localeCompare(b, "da"));
  const byKey = new Map(sums.map((s) => [`${s.kommunekode}|${s.dataomraade}`, s.kald]));
  const cells: MatrixCell[] = [];
  for (const k of rank)
    for (const o of omraader) {
      const kald = byKey.get(`${k.kommunekode}|${o}`) ?? 0;
      cells.push({
        kommunekode: k.kommunekode,
        navn: k.navn,
        dataomraade: o,
        kald,
        pr_indbygger: k.indbyggere ? kald / k.indbyggere : null
      });
    }
  return { omraader, cells };
}

export interface TopService {
  service_nr: string;
  service_navn: string;
  dataomraade: string;
  kald_12m: number;
  kommuner: number;
}

/** Services by calls over all municipalities (last 12 months), top `n`. */
export function topServices(rows: readonly ServiceRow[], n = 15): TopService[] {
  const m = new Map<string, TopService>();
  for (const r of rows) {
    const t = m.get(r.service_nr);
    if (t) {
      t.kald_12m += r.kald_12m;
      if (r.kald_12m > 0) t.kommuner += 1;
    } else
      m.set(r.service_nr, {
        service_nr: r.service_nr,
        service_navn: r.service_navn,
        dataomraade: r.dataomraade,
        kald_12m: r.kald_12m,
        kommuner: r.kald_12m > 0 ? 1 : 0
      });
  }
  return [...m.values()]
    .sort((a, b) => b.kald_12m - a.kald_12m || a.service_nr.localeCompare(b.service_nr))
    .slice(0, n);
}

export interface TopSystem {
  it_system: string;
  leverandoer: string;
  kald_12m: number;
  kommuner: number;
}

/** IT systems by calls over all municipalities (last 12 months; systems silent for 12 months count 0), top `n`. */
export function topItSystemer(rows: readonly ItSystemRow[], n = 15): TopSystem[] {
  const m = new Map<string, TopSystem>();
  for (const r of rows) {
    const kald = r.kald_12m ?? 0;
    const key = `${r.it_system}|${r.leverandoer}`;
    const t = m.get(key);
    if (t) {
      t.kald_12m += kald;
      if (kald > 0) t.kommuner += 1;
    } else
      m.set(key, { it_system: r.it_system, leverandoer: r.leverandoer, kald_12m: kald, kommuner: kald > 0 ? 1 : 0 });
  }
  return [...m.values()].sort((a, b) => b.kald_12m - a.kald_12m || a.it_system.localeCompare(b.it_system)).slice(0, n);
}

export const UGEDAGE = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"];

/** Support-system profile: mean calls per clock hour by weekday × hour, one system or summed over all. */
export function stoetteProfil(
  rows: readonly StoetteTimeRow[],
  system: string | null
): { ugedag: number; ugedag_navn: string; time: number; kald_pr_time: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) {
    if (system !== null && r.stoettesystem !== system) continue;
    const k = `${r.ugedag}|${r.time_paa_dagen}`;
    m.set(k, (m.get(k) ?? 0) + r.kald_pr_time);
  }
  return [...m.entries()]
    .map(([k, v]) => {
      const [d, h] = k.split("|").map(Number);
      return { ugedag: d, ugedag_navn: UGEDAGE[d - 1] ?? String(d), time: h, kald_pr_time: v };
    })
    .sort((a, b) => a.ugedag - b.ugedag || a.time - b.time);
}

export interface SystemKommune {
  kommunekode: string;
  navn: string;
  /** true when the municipality's copy of the system called the service in the last 12 months */
  kalder: boolean;
}

export interface SystemServiceView {
  service_nr: string;
  service_navn: string;
  kald_12m: number;
  /** municipalities that use the system (SKI systemanvendelse) */
  bruger_systemet: number;
  /** of those, how many call this service */
  kalder: number;
  /** municipalities that call the service with this system but are not listed as users (other source lag) */
  kalder_uden_anvendelse: string[];
  kommuner: SystemKommune[];
  /** names of the users that call / do not call, comma-separated (for the table and its export) */
  kalder_navne: string;
  kalder_ikke_navne: string;
}

/**
 * "Which municipalities that use this system actually call this service?" For one IT system,
 * per service it calls anywhere: the municipalities that use the system and whether each calls.
 */
export function systemView(
  system: string,
  systemService: readonly SystemServiceRow[],
  anvendelse: readonly SystemanvendelseRow[],
  navne: ReadonlyMap<string, string>
): SystemServiceView[] {
  const users = [...new Set(anvendelse.filter((a) => a.ski_system === system).map((a) => a.kommunekode))].sort();
  return systemService
    .filter((s) => s.it_system === system)
    .map((s) => {
      const callers = new Set(s.kommunekoder ? s.kommunekoder.split(",") : []);
      const kommuner = users.map((k) => ({ kommunekode: k, navn: navne.get(k) ?? k, kalder: callers.has(k) }));
      return {
        service_nr: s.service_nr,
        service_navn: s.service_navn,
        kald_12m: s.kald_12m,
        bruger_systemet: users.length,
        kalder: kommuner.filter((k) => k.kalder).length,
        kalder_uden_anvendelse: [...callers].filter((k) => !users.includes(k)).sort(),
        kommuner,
        kalder_navne: kommuner
          .filter((k) => k.kalder)
          .map((k) => k.navn)
          .join(", "),
        kalder_ikke_navne: kommuner
          .filter((k) => !k.kalder)
          .map((k) => k.navn)
          .join(", ")
      };
    })
    .sort((a, b) => a.kalder - b.kalder || a.service_nr.localeCompare(b.service_nr));
}

/** Systems worth asking about: used by at least 2 municipalities, with a service only a minority of them call. */
export function systemerMedSpredning(
  systemService: readonly SystemServiceRow[],
  anvendelse: readonly SystemanvendelseRow[]
): string[] {
  const users = new Map<string, Set<string>>();
  for (const a of anvendelse) {
    const s = users.get(a.ski_system) ?? new Set<string>();
    s.add(a.kommunekode);
    users.set(a.ski_system, s);
  }
  const systems = new Set<string>();
  for (const s of systemService) {
    const u = users.get(s.it_system);
    if (!u || u.size < 2) continue;
    const calling = (s.kommunekoder ? s.kommunekoder.split(",") : []).filter((k) => u.has(k)).length;
    if (calling * 2 < u.size) systems.add(s.it_system);
  }
  return [...systems].sort((a, b) => a.localeCompare(b, "da"));
}

/** `2024-04` → `april 2024` (short: `apr. 2024`); anything else unchanged. */
export function formatMaaned(m: string, short = false): string {
  return /^\d{4}-\d{2}$/.test(m) ? formatMonthCode(m.replace("-", "M"), short) : m;
}

// ---------------------------------------------------------------------------
// The page /infrastruktur: everything it shows, from oversigt.json and systemer.json (loaders/infra-pages.ts)

/** oversigt.json: the overview's data, prepared at build time. */
export interface OversigtData {
  demodata: boolean;
  kilde: string;
  note_kald: string;
  befolkningsregel: string;
  headline: Headline;
  land: LandMaanedRow[];
  /** the last 12 months of every municipality */
  kald: KaldMaanedRow[];
  dataomraade: DataomraadeSum[];
  topServices: TopService[];
  topSystemer: TopSystem[];
  stoette: StoetteTimeRow[];
  /** KLE conformance: the country, every system and every municipality (common/infra/kle.ts) */
  kle: KleOverensRow[];
}

/** systemer.json: the "why only Fredericia?" data, loaded after the rest of the overview. */
export interface SystemerData {
  systemService: SystemServiceRow[];
  systemanvendelse: SystemanvendelseRow[];
}

/** A headline card: title, the big number as shown, and the note under it. */
export interface Kort {
  titel: string;
  vaerdi: string;
  note: string;
}

/** A relative change as shown: "+25,0 %", "-3,1 %", or "–". */
export function aendringTekst(x: number | null, decimals = 1): string {
  return x === null ? "–" : `${x >= 0 ? "+" : ""}${formatNumber(x * 100, decimals)} %`;
}

/** The period of a 12-month summary in Danish: "maj 2023 – april 2024". */
export function periodeTekst(fra: string, til: string): string {
  return `${formatMaaned(fra)} – ${formatMaaned(til)}`;
}

export const DEMO_BANNER_OVERSIGT =
  "Siden viser Demodata: genererede tal kalibreret til KOMBITs publicerede totaler, ikke virkelige kommunedata.";

export interface OversigtSide {
  periode: string;
  /** the Demodata banner's sentence, null for real extracts */
  banner: string | null;
  kort: Kort[];
  /** the note under the cards: how calls are counted and which population is used */
  note: string;
  trend: { titel: string; points: { maaned: string; serie: string; kald_pr_indbygger: number | null }[] };
  /** kommunekode → name, for the other views */
  navne: Map<string, string>;
  kort98: {
    titel: string;
    caption: string;
    values: Map<string, number | null>;
    /** the tooltip's extra line per municipality ("nr. 3 af 98") */
    rang: Map<string, string>;
  };
  rangering: Tabel<RankRow>;
  matrix: {
    titel: string;
    caption: string;
    navne: string[];
    omraader: string[];
    cells: MatrixCell[];
    tabel: Tabel<MatrixCell>;
  };
  topServices: Tabel<TopService>;
  topSystemer: Tabel<TopSystem>;
  kle: { tekst: string; systemer: Tabel<KleOverensRow>; kommuner: Tabel<KleOverensRow & { navn: string }> };
  /** the support systems to choose between (null = all) */
  stoetteSystemer: string[];
}

/** Everything /infrastruktur shows above the two selectors. */
export function oversigtSide(o: OversigtData): OversigtSide {
  const rank = ranking12m(o.kald);
  const periode = periodeTekst(rank.summary.fra, rank.summary.til);
  const navne = new Map(rank.rows.map((r) => [r.kommunekode, r.navn]));
  const h = o.headline;
  const kort: Kort[] = [
    {
      titel: `Kald pr. indbygger, ${formatMaaned(h.maaned)}`,
      vaerdi: formatNumber(h.kald_pr_indbygger, 1),
      note: "Hele landet (de 98 kommuner)."
    },
    {
      titel: "Ændring over 12 måneder",
      vaerdi: aendringTekst(h.aendring),
      note:
        h.aaret_foer === null
          ? "Udtrækket når ikke et år tilbage."
          : `Samme måned året før: ${formatNumber(h.aaret_foer, 1)}.`
    },
    {
      titel: `Kald pr. indbygger, ${periode}`,
      vaerdi: formatNumber(rank.summary.land.kald_pr_indbygger, 0),
      note: "Seneste 12 måneder, hele landet."
    }
  ];
  const mx = dataomraadeMatrix(o.dataomraade, rank.rows);
  const kle = kleOversigt(o.kle, navne);
  return {
    periode,
    banner: o.demodata ? DEMO_BANNER_OVERSIGT : null,
    kort,
    note: `${o.note_kald} ${o.befolkningsregel}`,
    trend: {
      titel: "Kald pr. indbygger pr. måned, hele landet",
      points: o.land.map((r) => ({ maaned: r.maaned, serie: "Hele landet", kald_pr_indbygger: r.kald_pr_indbygger }))
    },
    navne,
    kort98: {
      titel: `Kald pr. indbygger, ${periode}`,
      caption: "Kvintiler: hver farve rummer en femtedel af kommunerne.",
      values: new Map(rank.rows.map((r) => [r.kommunekode, r.kald_pr_indbygger])),
      rang: new Map(rank.rows.map((r) => [r.kommunekode, `nr. ${r.rang} af ${rank.rows.length}`]))
    },
    rangering: {
      rows: rank.rows,
      cols: [
        { key: "rang", label: "Nr.", num: true },
        { key: "navn", label: "Kommune", show: (r) => link(r.navn, `./${r.kommunekode}`) },
        { key: "kommunekode", label: "Kode" },
        { key: "kald", label: "Kald (12 mdr.)", num: true, decimals: 0 },
        { key: "indbyggere", label: "Indbyggere", num: true, decimals: 0 },
        { key: "kald_pr_indbygger", label: "Kald pr. indbygger", num: true, decimals: 1 }
      ],
      title: `Kald pr. indbygger, ${periode}`,
      filename: "infrastruktur-kald-pr-indbygger",
      id: "rangering"
    },
    matrix: {
      titel: `Kald pr. indbygger pr. dataområde, ${periode}`,
      caption: "Kommunerne i rækkefølge efter kald pr. indbygger i alt (flest øverst).",
      navne: rank.rows.map((r) => r.navn),
      omraader: mx.omraader,
      cells: mx.cells,
      tabel: {
        rows: mx.cells,
        cols: [
          { key: "kommunekode", label: "Kode" },
          { key: "navn", label: "Kommune" },
          { key: "dataomraade", label: "Dataområde" },
          { key: "kald", label: "Kald (12 mdr.)", num: true, decimals: 0 },
          { key: "pr_indbygger", label: "Kald pr. indbygger", num: true, decimals: 2 }
        ],
        title: `Dataområde × kommune, ${periode}`,
        filename: "infrastruktur-dataomraade-kommune",
        limit: 30
      }
    },
    topServices: {
      rows: o.topServices,
      cols: [
        { key: "service_nr", label: "Service" },
        { key: "service_navn", label: "Navn" },
        { key: "dataomraade", label: "Dataområde" },
        { key: "kald_12m", label: "Kald (12 mdr.)", num: true, decimals: 0 },
        { key: "kommuner", label: "Kommuner der kalder", num: true, decimals: 0 }
      ],
      title: `Top ${o.topServices.length} services, seneste 12 måneder`,
      filename: "infrastruktur-top-services"
    },
    topSystemer: {
      rows: o.topSystemer,
      cols: [
        { key: "it_system", label: "IT-system" },
        { key: "leverandoer", label: "Leverandør" },
        { key: "kald_12m", label: "Kald (12 mdr.)", num: true, decimals: 0 },
        { key: "kommuner", label: "Kommuner der kalder", num: true, decimals: 0 }
      ],
      title: `Top ${o.topSystemer.length} IT-systemer, seneste 12 måneder`,
      filename: "infrastruktur-top-it-systemer"
    },
    kle: {
      tekst: kle.tekst,
      systemer: {
        rows: kle.systemer,
        cols: [
          { key: "it_system", label: "IT-system" },
          ...kleKolonner<KleOverensRow>(),
          { key: "afvigende_numre", label: "Afvigende KLE-numre" }
        ],
        title: "KLE-overensstemmelse pr. it-system, alle kommuner (dårligst først)",
        filename: "infrastruktur-kle-systemer",
        limit: 15,
        id: "kle-systemer",
        caption:
          "Dårligst først: laveste andel sager, der overholder alle tre krav. Systemer med skjult andel står sidst."
      },
      kommuner: {
        rows: kle.kommuner,
        cols: [
          { key: "navn", label: "Kommune", show: (r) => link(r.navn, `./${r.kommunekode}`) },
          { key: "kommunekode", label: "Kode" },
          ...kleKolonner<KleOverensRow & { navn: string }>(),
          { key: "afvigende_numre", label: "Afvigende KLE-numre" }
        ],
        title: "KLE-overensstemmelse pr. kommune (dårligst først)",
        filename: "infrastruktur-kle-kommuner",
        limit: 10,
        id: "kle-kommuner"
      }
    },
    stoetteSystemer: [...new Set(o.stoette.map((r) => r.stoettesystem))].sort((a, b) => a.localeCompare(b, "da"))
  };
}

export type StoetteProfilRow = ReturnType<typeof stoetteProfil>[number];

/** The support-system heatmap and its table for the chosen system (null = all). */
export function stoetteSide(
  rows: readonly StoetteTimeRow[],
  valg: string | null
): { profil: StoetteProfilRow[]; titel: string; caption: string; tabel: Tabel<StoetteProfilRow> } {
  const profil = stoetteProfil(rows, valg);
  return {
    profil,
    titel: `Gennemsnitlige kald pr. time: ${valg ?? "alle støttesystemer"}`,
    caption: "Alle myndigheder. Gennemsnit over de timer, udtrækket dækker.",
    tabel: {
      rows: profil,
      cols: [
        { key: "ugedag_navn", label: "Ugedag" },
        { key: "time", label: "Time", num: true, decimals: 0 },
        { key: "kald_pr_time", label: "Gns. kald pr. time", num: true, decimals: 1 }
      ],
      title: `Støttesystemer pr. ugedag og time (${valg ?? "alle"})`,
      filename: "infrastruktur-stoettesystemer-time",
      limit: 24
    }
  };
}

/** The IT systems to choose between (Danish order) and the one shown first: the first with spread, else the first. */
export function systemValg(sys: SystemerData): { alle: string[]; standard: string | undefined } {
  const alle = [...new Set(sys.systemService.map((s) => s.it_system))].sort((a, b) => a.localeCompare(b, "da"));
  const spredning = systemerMedSpredning(sys.systemService, sys.systemanvendelse);
  return { alle, standard: spredning[0] ?? alle[0] };
}

/** "Which municipalities that use this system call this service?" as a table. */
export function systemTabel(
  sys: SystemerData,
  system: string,
  navne: ReadonlyMap<string, string>
): Tabel<SystemServiceView> {
  return {
    rows: systemView(system, sys.systemService, sys.systemanvendelse, navne),
    cols: [
      { key: "service_nr", label: "Service" },
      { key: "service_navn", label: "Navn" },
      { key: "bruger_systemet", label: "Kommuner med systemet", num: true, decimals: 0 },
      { key: "kalder", label: "… der kalder", num: true, decimals: 0 },
      { key: "kalder_navne", label: "Kalder" },
      { key: "kalder_ikke_navne", label: "Kalder ikke" }
    ],
    title: `${system}: kommuner med systemet og deres kald`,
    filename: "infrastruktur-system-service",
    caption:
      "Kommuner med systemet: SKI's systemanvendelse. Kalder: kald fra systemet til servicen de seneste 12 måneder."
  };
}
