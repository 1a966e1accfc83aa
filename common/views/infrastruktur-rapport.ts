/**
 * View model of the general report for all 98 municipalities (/infrastruktur/rapport): the
 * potential analysis in three steps (tilslutning → udbredelse → anvendelse) summed over the
 * country, with its KPIs, one row per municipality, the concrete systems and integrations
 * behind each step, and what to ask which vendor. Input: every municipality's potential
 * analysis (common/infra/potentiale.ts, computed at build time by loaders/infra-pages.ts)
 * and the KLE conformance rows. Pure.
 */
import { formatNumber, formatShare } from "../format.js";
import type { KleOverensRow } from "../infra/kle.js";
import type { Potentiale } from "../infra/potentiale.js";
import { periodeTekst } from "./infrastruktur.js";
import { link, type Tabel } from "./infrastruktur-tabel.js";

const coll = new Intl.Collator("da");

export interface RapportInput {
  demodata: boolean;
  kilde: string;
  kommuner: { kommunekode: string; navn: string }[];
  potentialer: Potentiale[];
  /** KLE conformance: the country and every municipality (omfang land and kommune) */
  kle: KleOverensRow[];
}

export interface RapportKpi {
  trin: 1 | 2 | 3;
  navn: string;
  kpi: string;
  /** the country's value (0-1) */
  vaerdi: number | null;
  /** median and spread over the municipalities with a value */
  median: number | null;
  min: number | null;
  max: number | null;
  antal_kommuner: number;
  tekst: string;
}

export interface RapportKommune {
  kommunekode: string;
  navn: string;
  klarmeldte: number;
  tilsluttede: number;
  tilslutning: number | null;
  udbredelse: number | null;
  /** pairs connected elsewhere (at least half of the others) but not here */
  andre_har_gjort_det: number;
  lav_anvendelse: number;
  anvendelse_lav_andel: number | null;
  kle_overens: number | null;
}

/** One SKI system × integration across the country: how many municipalities have potential in each step. */
export interface RapportPar {
  ski_system: string;
  leverandoer: string;
  integration: string;
  /** step 1: onboarded but no calls */
  ikke_tilsluttet: number;
  /** step 2: of those, where at least half of the other municipalities with the system are connected */
  andre_har_gjort_det: number;
  /** step 3: connected, but under a quarter of the median use */
  lav_anvendelse: number;
  i_alt: number;
  kommuner: string;
}

export interface RapportLeverandoer {
  leverandoer: string;
  systemer: number;
  par: number;
  ikke_tilsluttet: number;
  lav_anvendelse: number;
  kommuner: number;
  spoergsmaal: string;
}

export interface Rapport {
  kpier: RapportKpi[];
  kommuner: RapportKommune[];
  par: RapportPar[];
  leverandoerer: RapportLeverandoer[];
  kle: KleOverensRow | null;
}

function quantiles(xs: number[]): { median: number | null; min: number | null; max: number | null } {
  if (xs.length === 0) return { median: null, min: null, max: null };
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return { median: s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2, min: s[0], max: s[s.length - 1] };
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

export function rapport(input: RapportInput): Rapport {
  const navne = new Map(input.kommuner.map((k) => [k.kommunekode, k.navn]));
  const kleBy = new Map(input.kle.filter((r) => r.omfang === "kommune").map((r) => [r.kommunekode, r]));
  const kommuner: RapportKommune[] = input.potentialer
    .map((p) => ({
      kommunekode: p.kommunekode,
      navn: navne.get(p.kommunekode) ?? p.kommunekode,
      klarmeldte: p.tilslutning.klarmeldte,
      tilsluttede: p.tilslutning.tilsluttede,
      tilslutning: p.tilslutning.andel,
      udbredelse: p.udbredelse.andel,
      andre_har_gjort_det: p.udbredelse.andre_har_gjort_det.length,
      lav_anvendelse: p.anvendelse.lav_anvendelse.length,
      anvendelse_lav_andel: ratio(p.anvendelse.lav_anvendelse.length, p.anvendelse.tilsluttede),
      kle_overens: kleBy.get(p.kommunekode)?.andel_overens ?? null
    }))
    .sort((a, b) => (a.tilslutning ?? 2) - (b.tilslutning ?? 2) || coll.compare(a.navn, b.navn));

  const sum = (f: (p: Potentiale) => number) => input.potentialer.reduce((s, p) => s + f(p), 0);
  const spread = (xs: (number | null)[]) => quantiles(xs.filter((x): x is number => x !== null));
  const land = input.kle.find((r) => r.omfang === "land") ?? null;
  const klarmeldte = sum((p) => p.tilslutning.klarmeldte);
  const tilsluttede = sum((p) => p.tilslutning.tilsluttede);
  const lav = sum((p) => p.anvendelse.lav_anvendelse.length);
  const t1 = spread(kommuner.map((k) => k.tilslutning));
  const t2 = spread(kommuner.map((k) => k.udbredelse));
  const t3 = spread(kommuner.map((k) => k.anvendelse_lav_andel));
  const landsandel = input.potentialer.find((p) => p.udbredelse.landsandel !== null)?.udbredelse.landsandel ?? null;
  const pct = (x: number | null) => formatShare(x, 0);
  const kpier: RapportKpi[] = [
    {
      trin: 1,
      navn: "Tilslutning",
      kpi: "Andel af de klarmeldte integrationer (system × integration i kommuner, der bruger systemet), der har kald de seneste 12 måneder",
      vaerdi: ratio(tilsluttede, klarmeldte),
      ...t1,
      antal_kommuner: kommuner.filter((k) => k.tilslutning !== null).length,
      tekst: `${formatNumber(tilsluttede, 0)} af ${formatNumber(klarmeldte, 0)} klarmeldte par er i brug; kommunerne ligger fra ${pct(t1.min)} til ${pct(t1.max)} (median ${pct(t1.median)}).`
    },
    {
      trin: 2,
      navn: "Udbredelse",
      kpi: "Andel tilsluttet af de par, der er tilsluttet i mindst én kommune",
      vaerdi: landsandel,
      ...t2,
      antal_kommuner: kommuner.filter((k) => k.udbredelse !== null).length,
      tekst: `I ${formatNumber(
        sum((p) => p.udbredelse.andre_har_gjort_det.length),
        0
      )} tilfælde mangler en kommune en integration, som mindst halvdelen af de andre kommuner med samme system har i drift.`
    },
    {
      trin: 3,
      navn: "Anvendelse",
      kpi: "Andel af de tilsluttede par med lav brug (under en fjerdedel af medianen i andre tilsluttede kommuner)",
      vaerdi: ratio(lav, tilsluttede),
      ...t3,
      antal_kommuner: kommuner.filter((k) => k.anvendelse_lav_andel !== null).length,
      tekst:
        `${formatNumber(lav, 0)} af ${formatNumber(tilsluttede, 0)} tilsluttede par bruges lidt.` +
        (land ? ` KLE i indeksene: ${formatShare(land.andel_overens, 1)} af sagerne overholder standarden.` : "")
    }
  ];

  // the concrete pairs behind the steps
  const par = new Map<string, RapportPar & { koder: Set<string> }>();
  const get = (r: { ski_system: string; leverandoer: string; integration: string }) => {
    const k = `${r.ski_system}\u0000${r.integration}`;
    let p = par.get(k);
    if (!p) {
      p = {
        ski_system: r.ski_system,
        leverandoer: r.leverandoer,
        integration: r.integration,
        ikke_tilsluttet: 0,
        andre_har_gjort_det: 0,
        lav_anvendelse: 0,
        i_alt: 0,
        kommuner: "",
        koder: new Set()
      };
      par.set(k, p);
    }
    return p;
  };
  for (const p of input.potentialer) {
    for (const m of p.tilslutning.mangler) {
      const x = get(m);
      x.ikke_tilsluttet++;
      x.koder.add(p.kommunekode);
    }
    for (const m of p.udbredelse.andre_har_gjort_det) get(m).andre_har_gjort_det++;
    for (const m of p.anvendelse.lav_anvendelse) {
      const x = get(m);
      x.lav_anvendelse++;
      x.koder.add(p.kommunekode);
    }
  }
  const parRows: RapportPar[] = [...par.values()]
    .map(({ koder, ...x }) => ({
      ...x,
      i_alt: x.ikke_tilsluttet + x.lav_anvendelse,
      kommuner: [...koder]
        .map((k) => navne.get(k) ?? k)
        .sort(coll.compare)
        .join(", ")
    }))
    .sort(
      (a, b) =>
        b.i_alt - a.i_alt ||
        b.andre_har_gjort_det - a.andre_har_gjort_det ||
        coll.compare(a.ski_system, b.ski_system) ||
        coll.compare(a.integration, b.integration)
    );

  // per vendor: what to ask
  const lev = new Map<string, { systemer: Set<string>; par: RapportPar[]; koder: Set<string> }>();
  for (const x of par.values()) {
    const v =
      lev.get(x.leverandoer) ??
      lev.set(x.leverandoer, { systemer: new Set(), par: [], koder: new Set() }).get(x.leverandoer)!;
    v.systemer.add(x.ski_system);
    v.par.push(parRows.find((r) => r.ski_system === x.ski_system && r.integration === x.integration)!);
    for (const k of x.koder) v.koder.add(k);
  }
  const leverandoerer: RapportLeverandoer[] = [...lev.entries()]
    .map(([leverandoer, v]) => {
      const ikke = v.par.reduce((s, p) => s + p.ikke_tilsluttet, 0);
      const lavt = v.par.reduce((s, p) => s + p.lav_anvendelse, 0);
      const top = [...v.par].sort((a, b) => b.i_alt - a.i_alt || coll.compare(a.ski_system, b.ski_system))[0];
      return {
        leverandoer,
        systemer: v.systemer.size,
        par: v.par.length,
        ikke_tilsluttet: ikke,
        lav_anvendelse: lavt,
        kommuner: v.koder.size,
        spoergsmaal:
          `Spørg ${leverandoer}: i ${formatNumber(ikke, 0)} tilfælde er en integration klarmeldt, men ikke i brug, og i ${formatNumber(lavt, 0)} bruges den lidt, fordelt på ${v.koder.size} kommuner. ` +
          `Hvad er planen for at få dem i drift, begyndende med ${top.integration} i ${top.ski_system} (${top.i_alt} kommuner)?`
      };
    })
    .sort(
      (a, b) =>
        b.ikke_tilsluttet + b.lav_anvendelse - (a.ikke_tilsluttet + a.lav_anvendelse) ||
        coll.compare(a.leverandoer, b.leverandoer)
    );

  return { kpier, kommuner, par: parRows, leverandoerer, kle: land };
}

// ---------------------------------------------------------------------------
// The page /infrastruktur/rapport: everything it shows, from rapport.json

/** rapport.json: the general report for all 98 (loaders/infra-pages.ts). */
export type RapportData = Rapport & {
  demodata: boolean;
  kilde: string;
  note_kald: string;
  periode: { fra: string; til: string };
};

export const DEMO_BANNER_RAPPORT =
  "Rapporten viser Demodata: genererede tal kalibreret til KOMBITs publicerede totaler, ikke virkelige kommunedata.";

export interface RapportSide {
  banner: string | null;
  links: { text: string; href: string }[];
  periode: string;
  /** the line under the lead: period, how calls are counted, source */
  periodeNote: string;
  kpier: RapportKpi[];
  kommuner: Tabel<RapportKommune>;
  par: Tabel<RapportPar>;
  leverandoerer: Tabel<RapportLeverandoer>;
}

export function rapportSide(r: RapportData): RapportSide {
  const periode = periodeTekst(r.periode.fra, r.periode.til);
  const andel = (x: number | null) => formatShare(x, 0);
  return {
    banner: r.demodata ? DEMO_BANNER_RAPPORT : null,
    links: [
      { text: "Infrastruktur: oversigten", href: "./" },
      { text: "rapporten for én kommune, fx København", href: "./101" }
    ],
    periode,
    periodeNote: `Periode: ${periode} (seneste 12 måneder). ${r.note_kald} Kilde: ${r.kilde}`,
    kpier: r.kpier,
    kommuner: {
      rows: r.kommuner,
      cols: [
        { key: "navn", label: "Kommune", show: (x) => link(x.navn, `./${x.kommunekode}`) },
        { key: "kommunekode", label: "Kode" },
        { key: "klarmeldte", label: "Klarmeldte par", num: true, decimals: 0 },
        { key: "tilsluttede", label: "I brug", num: true, decimals: 0 },
        { key: "tilslutning", label: "1 Tilslutning", num: true, decimals: 3, show: (x) => andel(x.tilslutning) },
        { key: "udbredelse", label: "2 Udbredelse", num: true, decimals: 3, show: (x) => andel(x.udbredelse) },
        { key: "andre_har_gjort_det", label: "Andre har gjort det", num: true, decimals: 0 },
        { key: "lav_anvendelse", label: "3 Lav brug (par)", num: true, decimals: 0 },
        {
          key: "kle_overens",
          label: "KLE overholdt",
          num: true,
          decimals: 3,
          show: (x) => (x.kle_overens === null ? "skjult/–" : formatShare(x.kle_overens, 1))
        }
      ],
      title: `De ${r.kommuner.length} kommuner, laveste tilslutning først (${periode})`,
      filename: "infrastruktur-rapport-kommuner",
      id: "rapport-kommuner",
      caption:
        "Par = et SKI-system, kommunen bruger, × en integration, systemet er klarmeldt til. Andre har gjort det: par, kommunen " +
        "mangler, som mindst halvdelen af de andre kommuner med systemet har i drift. KLE overholdt: andel af kommunens " +
        "KLE-opmærkede sager i indeksene med et KLE-nummer, der findes, var aktuelt og er på emneniveau."
    },
    par: {
      rows: r.par,
      cols: [
        { key: "ski_system", label: "System" },
        { key: "leverandoer", label: "Leverandør" },
        { key: "integration", label: "Integration" },
        { key: "ikke_tilsluttet", label: "1 Klarmeldt, ikke i brug (kommuner)", num: true, decimals: 0 },
        { key: "andre_har_gjort_det", label: "2 … hvor andre har gjort det", num: true, decimals: 0 },
        { key: "lav_anvendelse", label: "3 Lav brug (kommuner)", num: true, decimals: 0 },
        { key: "kommuner", label: "Kommuner" }
      ],
      title: "System × integration: hvor mange kommuner har potentiale i hvert trin",
      filename: "infrastruktur-rapport-integrationer",
      limit: 25,
      id: "rapport-par",
      caption: "Flest kommuner med potentiale (trin 1 + trin 3) først. Eksporten har alle par."
    },
    leverandoerer: {
      rows: r.leverandoerer,
      cols: [
        { key: "leverandoer", label: "Leverandør" },
        { key: "systemer", label: "Systemer", num: true, decimals: 0 },
        { key: "ikke_tilsluttet", label: "Klarmeldt, ikke i brug", num: true, decimals: 0 },
        { key: "lav_anvendelse", label: "Lav brug", num: true, decimals: 0 },
        { key: "kommuner", label: "Kommuner", num: true, decimals: 0 },
        { key: "spoergsmaal", label: "Spørg leverandøren" }
      ],
      title: "Spørgsmål til leverandørerne",
      filename: "infrastruktur-rapport-leverandoerer",
      limit: 20,
      id: "rapport-leverandoerer",
      caption: "Antal er kommune × integration. Hver kommunes egen rapport har spørgsmålene for dens systemer."
    }
  };
}
