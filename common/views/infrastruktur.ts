/**
 * View model of the overview page /infrastruktur (issue #8): pure functions from the
 * infrastructure aggregates (schemas in loaders/infra/README.md) to what the page shows.
 * Used in Node (loaders/infra/pages.ts prepares the page's small JSON) and in the browser.
 */

import { formatMonthCode } from "../format.js";
import { type KaldSummary, kaldPrIndbygger } from "../infra/kald.js";

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
