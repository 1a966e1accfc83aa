/**
 * The seeded demo-data generator for the infrastructure extracts (issue #8, section 3).
 *
 *   npm run demodata -- --seed 1 --out <folder> [--full-scale]
 *
 * Writes the five contract files (serviceplatformen_, stoettesystemer_, indekssager_,
 * klarmelding_, systemanvendelse_*.csv) for the 98 municipalities (real codes, names and
 * FOLK1AM population) plus 10 non-municipal authorities, 36 months 2021-05 … 2024-04.
 * Everything is drawn from one mulberry32 stream (common/infra/prng.ts) in a fixed order,
 * so the same seed gives the same bytes. The model and its calibration are documented in
 * loaders/infra/README.md ("Demodata"). Output is plain UTF-8 without BOM, `;`, plain
 * integers: the format the contract's detection reports first.
 */
import { createWriteStream, mkdirSync, readFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { createGzip } from "node:zlib";
import { DATAOMRAADER, INDEKSER, KNOWN_SERVICES, STOETTESYSTEMER } from "../../common/infra/contracts.js";
import { Prng } from "../../common/infra/prng.js";
import { buildBefolkning, buildKommuner } from "../datasets.js";
import { RAW_DIR } from "../lib/paths.js";
import { parsePlantKinds, plantExtracts } from "../validate/plant.js";

export interface DemoOptions {
  seed: number;
  out: string;
  fullScale: boolean;
  /** when given, the hourly support extract is written only if "stoettesystemer" is listed (its header is always written);
   *  tests of the full-scale catalogue skip its 46.7 million rows. The other extracts are always written. */
  only?: readonly string[];
  /** write `.csv.gz` (gzip, deterministic) instead of `.csv`: the committed demo set does */
  gzip?: boolean;
  /** days of hourly support-system data at the end of the period (default: 7 at demo scale, all 1,096 days at full scale) */
  supportDays?: number;
}

/** Published totals (BRIEF.md, KOMBIT 2022) the generator is calibrated to. */
export const CALIBRATION = {
  vendors: 153,
  itSystems: 677,
  services: 194,
  agreementsFull: 18_410,
  authorities: 108,
  callsPerInhabitantApril2022: 27,
  supportItSystems: 231,
  supportServices: 84,
  supportSystems: 5,
  supportRowsFull: 46_800_886,
  supportCallsThreeYears: 2.2e9,
  kleTopics: 2_843,
  skiSystems: 230,
  /** share of KLE rows written with a retired or unknown KLE number (for the data-quality checks) */
  kleInvalidRate: 0.01
} as const;

export const DEMO_MONTHS: string[] = (() => {
  const out: string[] = [];
  for (let i = 0; i < 36; i++) {
    const m = 4 + i; // 2021-05 is index 4 of 2021
    out.push(`${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`);
  }
  return out;
})();

const REAL_VENDORS = [
  "KMD",
  "Netcompany",
  "Systematic",
  "EG",
  "Fujitsu",
  "Schultz",
  "Visma",
  "Netic",
  "Formpipe",
  "Nexus A/S",
  "Columna",
  "Omada",
  "Evida IT",
  "Kombit Test",
  "Digital Identity",
  "Ventu",
  "Acure",
  "IT Minds",
  "Miracle",
  "Magenta"
];
const NON_MUNICIPAL = [
  "Udbetaling Danmark",
  "KOMBIT A/S",
  "ATP",
  "Styrelsen for Dataforsyning og Infrastruktur",
  "Digitaliseringsstyrelsen",
  "Familieretshuset",
  "Ankestyrelsen",
  "Styrelsen for Arbejdsmarked og Rekruttering",
  "Statens It",
  "Danmarks Statistik"
];
const SYSTEM_WORDS = [
  "Sag",
  "Borger",
  "Ydelse",
  "Omsorg",
  "Skole",
  "Dagtilbud",
  "Jobcenter",
  "Økonomi",
  "Byg",
  "Miljø",
  "Løn",
  "Arkiv",
  "Booking",
  "Indsats",
  "Plan",
  "Journal",
  "Portal",
  "Kontakt",
  "Post",
  "Analyse"
];
const YDELSESOMRAADER = [
  "Sundhed og omsorg",
  "Beskæftigelse",
  "Børn og unge",
  "Social",
  "Økonomi",
  "Teknik og miljø",
  "Administration",
  "Skole",
  "Borgerservice"
];
const SUPPORT_SERVICE_VERBS = [
  "Hent",
  "Søg",
  "List",
  "Opret",
  "Ret",
  "Importer",
  "Fremsøg",
  "Udstil",
  "Abonner",
  "Læs",
  "Send",
  "Modtag",
  "Passiver",
  "Slet",
  "Opdater",
  "Ajourfør",
  "Eksporter"
];

interface ItSystem {
  id: string;
  navn: string;
  vendor: number;
  services: number[];
  weight: number;
  ski: boolean;
  area: string;
}
interface Authority {
  cvr: string;
  navn: string;
  kode: string;
  pop: number;
}

/** Seasonality of calls per calendar month (holidays: July, Christmas, Easter). */
export const SEASON = [1.0, 1.0, 1.02, 0.93, 1.0, 0.97, 0.72, 0.9, 1.03, 1.0, 1.02, 0.86];
/** Monthly growth factor (≈ 12 % a year). */
export const GROWTH_PER_MONTH = 1.12 ** (1 / 12);
/** Relative calls by hour of day (0-23) on a weekday, and by weekday (Monday first). */
export const HOUR_PROFILE = [
  0.05, 0.03, 0.03, 0.03, 0.05, 0.15, 0.4, 0.9, 1.4, 1.6, 1.6, 1.5, 1.3, 1.5, 1.4, 1.1, 0.7, 0.45, 0.35, 0.3, 0.3, 0.25,
  0.15, 0.08
];
export const WEEKDAY_PROFILE = [1.05, 1.02, 1.0, 0.98, 0.85, 0.12, 0.08];

class Out {
  private buf: string[] = [];
  private size = 0;
  readonly stream: Writable;
  private readonly file: WriteStream;
  rows = 0;
  constructor(path: string, header: string) {
    this.file = createWriteStream(path);
    if (path.endsWith(".gz")) {
      const gz = createGzip({ level: 6 });
      gz.pipe(this.file);
      this.stream = gz;
    } else this.stream = this.file;
    this.line(header);
    this.rows = 0;
  }
  async line(s: string): Promise<void> {
    this.buf.push(s, "\n");
    this.size += s.length + 1;
    this.rows++;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    const chunk = this.buf.join("");
    this.buf = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((r) => this.stream.once("drain", () => r()));
  }
  async close(): Promise<void> {
    await this.flush();
    const done = new Promise<void>((r, j) => {
      this.file.once("close", () => r());
      this.file.once("error", j);
    });
    this.stream.end();
    await done;
  }
}

function cumulative(weights: number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}

export interface DemoSummary {
  files: Record<string, number>;
  agreements: number;
  callsApril2022: number;
  populationApril2022: number;
}

export async function generateDemo(opts: DemoOptions): Promise<DemoSummary> {
  const rng = new Prng(opts.seed);
  mkdirSync(opts.out, { recursive: true });
  const kommuner = buildKommuner();
  const bef = buildBefolkning();
  const popApril = new Map(bef.rows.filter((r) => r.maaned === "2022M04").map((r) => [r.kommunekode, r.befolkning]));
  // the 98 municipalities (DST's "Hele landet" also counts Christiansø)
  const nationalApril = [...popApril.values()].reduce((a, b) => a + b, 0);

  // --- catalogue: vendors, services, IT systems
  const vendors = Array.from(
    { length: CALIBRATION.vendors },
    (_, i) => REAL_VENDORS[i] ?? `Leverandør ${String(i + 1).padStart(3, "0")} ApS`
  );
  const known = Object.entries(KNOWN_SERVICES);
  const usedNr = new Set(known.map(([nr]) => nr));
  const services: { nr: string; navn: string; omr: string; weight: number }[] = known.map(([nr, s]) => ({
    nr,
    navn: s.navn,
    omr: s.dataomraade,
    weight: 0
  }));
  while (services.length < CALIBRATION.services) {
    const nr = `SF${rng.int(1000, 3999)}`;
    if (usedNr.has(nr)) continue;
    usedNr.add(nr);
    const omr = rng.pick(DATAOMRAADER);
    services.push({ nr, navn: `${omr} ${rng.pick(SUPPORT_SERVICE_VERBS).toLowerCase()} (${nr})`, omr, weight: 0 });
  }
  // the named services carry most of the traffic (Zipf-like over the list order)
  services.forEach((s, i) => (s.weight = 1 / (i + 1) ** 0.9));
  const serviceCum = cumulative(services.map((s) => s.weight));
  const systems: ItSystem[] = [];
  const names = new Set<string>();
  for (let i = 0; i < CALIBRATION.itSystems; i++) {
    const vendor = i < 40 ? i % 20 : rng.int(0, vendors.length - 1);
    let navn = "";
    do navn = `${rng.pick(SYSTEM_WORDS)}${rng.pick(SYSTEM_WORDS).toLowerCase()} ${rng.int(1, 9)}`;
    while (names.has(navn));
    names.add(navn);
    const k = rng.int(1, 6);
    const svc = new Set<number>();
    while (svc.size < k) svc.add(rng.weighted(serviceCum));
    systems.push({
      id: rng.uuid(),
      navn,
      vendor,
      services: [...svc].sort((a, b) => a - b),
      weight: 1 / (i + 1) ** 0.8,
      ski: i < CALIBRATION.skiSystems,
      area: rng.pick(YDELSESOMRAADER)
    });
  }
  const systemCum = cumulative(systems.map((s) => s.weight));

  // --- authorities: 98 municipalities (real codes) + 10 non-municipal
  const cvrs = new Set<string>();
  const newCvr = () => {
    let c = "";
    do c = String(rng.int(10_000_000, 99_999_999));
    while (cvrs.has(c));
    cvrs.add(c);
    return c;
  };
  const authorities: Authority[] = kommuner.map((k) => ({
    cvr: newCvr(),
    navn: k.officielt_navn,
    kode: k.kommunekode,
    pop: popApril.get(k.kommunekode) ?? 0
  }));
  for (const navn of NON_MUNICIPAL) authorities.push({ cvr: newCvr(), navn, kode: "", pop: 0 });

  // --- agreements: authority × system × service, with vendor switches that leave gaps
  const systemsPerAuthority = opts.fullScale ? 58 : 10;
  interface Agreement {
    a: number;
    s: number;
    svc: number;
    base: number;
    from: number;
    to: number;
  }
  const agreements: Agreement[] = [];
  const usage: { kode: string; system: number }[] = [];
  authorities.forEach((auth, a) => {
    const n = auth.kode ? systemsPerAuthority : Math.round(systemsPerAuthority * 1.1);
    const chosen = new Set<number>();
    while (chosen.size < n) chosen.add(rng.weighted(systemCum));
    for (const s of [...chosen].sort((x, y) => x - y)) {
      if (auth.kode) usage.push({ kode: auth.kode, system: s });
      // vendor switch: 6 % of systems are replaced mid-period by another system, with a 1-3 month gap
      let from = 0;
      let to = DEMO_MONTHS.length - 1;
      let successor = -1;
      if (rng.chance(0.06)) {
        to = rng.int(6, DEMO_MONTHS.length - 8);
        successor = rng.weighted(systemCum);
        from = 0;
      }
      const sizeFactor = auth.kode ? auth.pop / 60_000 : 1;
      for (const svc of systems[s].services) {
        if (!rng.chance(0.8)) continue; // connected in some but not all municipalities using the system
        const base = rng.lognormal(1, 1.2) * services[svc].weight * sizeFactor;
        agreements.push({ a, s, svc, base, from, to });
        if (successor >= 0 && !chosen.has(successor)) {
          const gap = rng.int(1, 3);
          agreements.push({
            a,
            s: successor,
            svc,
            base: base * rng.lognormal(1, 0.2),
            from: to + 1 + gap,
            to: DEMO_MONTHS.length - 1
          });
        }
      }
    }
  });
  // dedupe (authority, system, service) keys created by switches onto an already used pair
  const seen = new Set<string>();
  const unique = agreements.filter((g) => {
    const k = `${g.a}/${g.s}/${g.svc}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  // --- level per authority: a municipality's calls ∝ population × its own intensity (log-normal, sd 0.25),
  // so calls per inhabitant vary between municipalities as a whole, not by the luck of a few agreements
  const rawByAuthority = new Array<number>(authorities.length).fill(0);
  for (const g of unique) rawByAuthority[g.a] += g.base;
  const intensity = authorities.map((auth) => (auth.kode ? auth.pop : 60_000) * rng.lognormal(1, 0.25));
  for (const g of unique) g.base *= intensity[g.a] / rawByAuthority[g.a];

  // --- calibrate: municipal calls in 2022-04 = 27 × national population on 1 April 2022
  const aprilIndex = DEMO_MONTHS.indexOf("2022-04");
  const monthFactor = DEMO_MONTHS.map((m, i) => SEASON[Number(m.slice(5)) - 1] * GROWTH_PER_MONTH ** (i - aprilIndex));
  let aprilRaw = 0;
  for (const g of unique) if (authorities[g.a].kode && g.from <= aprilIndex && aprilIndex <= g.to) aprilRaw += g.base;
  const scale = (CALIBRATION.callsPerInhabitantApril2022 * nationalApril) / (aprilRaw * monthFactor[aprilIndex]);

  const files: Record<string, number> = {};
  const tag = `seed${opts.seed}${opts.fullScale ? "_fuld" : ""}`;
  const ext = opts.gzip ? ".csv.gz" : ".csv";

  // --- serviceplatformen
  const sp = new Out(
    join(opts.out, `serviceplatformen_${tag}${ext}`),
    "maaned;myndighed_cvr;myndighed_navn;kommunekode;leverandoer;it_system;it_system_id;service_nr;service_navn;dataomraade;antal_kald"
  );
  let callsApril = 0;
  for (let mi = 0; mi < DEMO_MONTHS.length; mi++) {
    for (const g of unique) {
      if (mi < g.from || mi > g.to) continue;
      const auth = authorities[g.a];
      const sys = systems[g.s];
      const svc = services[g.svc];
      const noise = 1 + 0.08 * rng.normal();
      const kald = Math.max(0, Math.round(g.base * scale * monthFactor[mi] * noise));
      if (mi === aprilIndex && auth.kode) callsApril += kald;
      await sp.line(
        `${DEMO_MONTHS[mi]};${auth.cvr};${auth.navn};${auth.kode};${vendors[sys.vendor]};${sys.navn};${sys.id};${svc.nr};${svc.navn};${svc.omr};${kald}`
      );
    }
  }
  await sp.close();
  files[`serviceplatformen_${tag}${ext}`] = sp.rows;

  // --- support systems, hourly
  const supportServices: { system: string; navn: string }[] = [];
  for (let i = 0; i < CALIBRATION.supportServices; i++) {
    const system = STOETTESYSTEMER[i % STOETTESYSTEMER.length];
    supportServices.push({
      system,
      navn: `${system} ${SUPPORT_SERVICE_VERBS[Math.floor(i / STOETTESYSTEMER.length) % SUPPORT_SERVICE_VERBS.length]}`
    });
  }
  const supportSystems = systems.slice(0, CALIBRATION.supportItSystems);
  const supportCum = cumulative(supportSystems.map((s) => s.weight));
  const combos: { a: number; s: number; svc: number; base: number }[] = [];
  // combinations per authority: 17 (10 for a non-municipal one) at demo scale; at full scale 19 (11), which gives
  // KOMBIT's row count (46.8 million rows over the 36 months, BRIEF.md) within a few per cent
  const perMunicipality = opts.fullScale ? 19 : 17;
  const perOther = opts.fullScale ? 11 : 10;
  authorities.forEach((auth, a) => {
    const n = auth.kode ? perMunicipality : perOther;
    for (let i = 0; i < n; i++) {
      const base = (rng.lognormal(1, 1) * (auth.kode ? auth.pop / 60_000 : 2)) / (1 + (i % 84) * 0.05);
      combos.push({ a, s: rng.weighted(supportCum), svc: rng.int(0, supportServices.length - 1), base });
    }
  });
  const comboKeys = new Set<string>();
  const supportCombos = combos.filter((c) => {
    const k = `${c.a}/${c.s}/${c.svc}`;
    if (comboKeys.has(k)) return false;
    comboKeys.add(k);
    return true;
  });
  // hours written: every hour of the 36 months at full scale; the last `supportDays` days at demo scale
  const days = opts.supportDays ?? (opts.fullScale ? undefined : 7);
  const start = days === undefined ? Date.UTC(2021, 4, 1) : Date.UTC(2024, 3, 30 - days + 1);
  const end = Date.UTC(2024, 4, 1);
  const hours = (end - start) / 3_600_000;
  const meanHourly =
    CALIBRATION.supportCallsThreeYears / (hours === 0 ? 1 : (Date.UTC(2024, 4, 1) - Date.UTC(2021, 4, 1)) / 3_600_000);
  const baseSum = supportCombos.reduce((s, c) => s + c.base, 0);
  const meanProfile = (HOUR_PROFILE.reduce((s, x) => s + x, 0) / 24) * (WEEKDAY_PROFILE.reduce((s, x) => s + x, 0) / 7);
  const supportScale = meanHourly / baseSum / meanProfile;
  const st = new Out(
    join(opts.out, `stoettesystemer_${tag}${ext}`),
    "time;myndighed_cvr;kommunekode;stoettesystem;service;it_system;it_system_id;antal_kald"
  );
  const writeSupport = !opts.only || opts.only.includes("stoettesystemer");
  for (let h = 0; writeSupport && h < hours; h++) {
    const t = new Date(start + h * 3_600_000);
    const iso = t.toISOString().slice(0, 13) + ":00";
    const wd = (t.getUTCDay() + 6) % 7;
    const mi = (t.getUTCFullYear() - 2021) * 12 + t.getUTCMonth() - 4;
    const f = HOUR_PROFILE[t.getUTCHours()] * WEEKDAY_PROFILE[wd] * supportScale * GROWTH_PER_MONTH ** (mi - 18);
    for (const c of supportCombos) {
      const mean = c.base * f;
      if (mean < 0.5 && !rng.chance(mean)) continue;
      const kald = Math.max(1, Math.round(mean * (1 + 0.15 * rng.normal())));
      const auth = authorities[c.a];
      const sys = supportSystems[c.s];
      const svc = supportServices[c.svc];
      await st.line(`${iso};${auth.cvr};${auth.kode};${svc.system};${svc.navn};${sys.navn};${sys.id};${kald}`);
    }
  }
  await st.close();
  files[`stoettesystemer_${tag}${ext}`] = st.rows;

  // --- KLE-tagged cases in the indexes: quarterly stock for the last 4 quarters
  const kle = readFileSync(join(RAW_DIR, "kle", "kle_emner_os2kle_v3.23.csv"), "utf-8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l)
    .map((l) => l.split(",")[0]);
  // numbers that break the KLE standard (common/infra/kle.ts), one per kind: retired after the demo's dates
  // (27.24.00, KLE 2025 Feb), retired before them (00.22.10, KLE 2020 Aug), gruppe level instead of emne
  // (32.18, 15.00), never in KLE (99.99.99). Five, as before, so the generator draws the same random numbers.
  const retired = ["27.24.00", "00.22.10", "32.18", "15.00", "99.99.99"];
  const kleCum = cumulative(kle.map((_, i) => 1 / ((i % 97) + 1) ** 0.5));
  const dates = ["2023-06-30", "2023-09-30", "2023-12-31", "2024-03-31"];
  const ix = new Out(
    join(opts.out, `indekssager_${tag}${ext}`),
    "opgjort_dato;kle_nr;indeks;it_system;myndighed_cvr;kommunekode;antal_sager"
  );
  const topicsPerAuthority = opts.fullScale ? 700 : 60;
  const kleRows: { a: number; kle: string; indeks: string; sys: string; base: number }[] = [];
  const kleKeys = new Set<string>();
  authorities.forEach((auth, a) => {
    if (!auth.kode && a % 3 !== 0) return; // a few non-municipal authorities report cases too
    const mine = usage.filter((u) => u.kode === auth.kode).map((u) => systems[u.system].navn);
    const sysNames = mine.length ? mine : [systems[a % systems.length].navn];
    for (let i = 0; i < topicsPerAuthority; i++) {
      const nr = rng.chance(CALIBRATION.kleInvalidRate) ? rng.pick(retired) : kle[rng.weighted(kleCum)];
      const indeks = rng.chance(0.7) ? INDEKSER[0] : INDEKSER[1];
      const sys = rng.pick(sysNames);
      const k = `${a}/${nr}/${indeks}/${sys}`;
      if (kleKeys.has(k)) continue;
      kleKeys.add(k);
      kleRows.push({ a, kle: nr, indeks, sys, base: rng.lognormal(60, 1.6) * Math.max(0.2, auth.pop / 60_000) });
    }
  });
  for (const [di, d] of dates.entries()) {
    for (const r of kleRows) {
      const auth = authorities[r.a];
      const n = Math.max(0, Math.round(r.base * (1 + 0.03 * di) * (1 + 0.1 * rng.normal())));
      await ix.line(`${d};${r.kle};${r.indeks};${r.sys};${auth.cvr};${auth.kode};${n}`);
    }
  }
  await ix.close();
  files[`indekssager_${tag}${ext}`] = ix.rows;

  // --- klarmelding: each SKI system × about 5 integrations
  const statusWeights: [string, number][] = [
    ["Klarmeldt", 55],
    ["Delvist klarmeldt", 8],
    ["Ensidig", 5],
    ["Irrelevant", 8],
    ["Nej", 5],
    ["Forløb 4", 4],
    ["Forløb 5", 3],
    ["Manglende info", 5],
    ["Administrativt fjernet", 2],
    ["Ikke klarmeldt", 5]
  ];
  const statusCum = cumulative(statusWeights.map(([, w]) => w));
  const km = new Out(join(opts.out, `klarmelding_${tag}${ext}`), "ski_system;leverandoer;integration;status;dato");
  const integrations = services.slice(0, 12);
  for (const sys of systems.filter((s) => s.ski)) {
    const wanted = new Set(sys.services.filter((i) => i < 12));
    while (wanted.size < 5) wanted.add(rng.int(0, integrations.length - 1));
    for (const i of [...wanted].sort((a, b) => a - b)) {
      // connected services are mostly klarmeldt
      const status =
        sys.services.includes(i) && rng.chance(0.85) ? "Klarmeldt" : statusWeights[rng.weighted(statusCum)][0];
      await km.line(`${sys.navn};${vendors[sys.vendor]};${services[i].nr} ${services[i].navn};${status};2024-03-31`);
    }
  }
  await km.close();
  files[`klarmelding_${tag}${ext}`] = km.rows;

  // --- systemanvendelse: the SKI systems each municipality uses (plus a few it uses without any agreement)
  const sa = new Out(
    join(opts.out, `systemanvendelse_${tag}${ext}`),
    "kommunekode;ski_system;leverandoer;ydelsesomraade"
  );
  const saKeys = new Set<string>();
  for (const auth of authorities.filter((x) => x.kode)) {
    const mine = usage.filter((u) => u.kode === auth.kode && systems[u.system].ski).map((u) => u.system);
    for (let i = 0; i < 3; i++) mine.push(rng.int(0, CALIBRATION.skiSystems - 1));
    for (const s of mine.sort((a, b) => a - b)) {
      const k = `${auth.kode}/${s}`;
      if (saKeys.has(k)) continue;
      saKeys.add(k);
      await sa.line(`${auth.kode};${systems[s].navn};${vendors[systems[s].vendor]};${systems[s].area}`);
    }
  }
  await sa.close();
  files[`systemanvendelse_${tag}${ext}`] = sa.rows;

  return { files, agreements: unique.length, callsApril2022: callsApril, populationApril2022: nationalApril };
}

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && /infra[\\/]demo\.ts$/.test(process.argv[1])) {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    process.stdout.write(
      "npm run demodata -- --seed 1 --out <mappe> [--full-scale] [--support-days 7] [--gzip] [--plant all|regel,regel]\n" +
        "  --plant: planter kendte fejl (loaders/validate/plant.ts) i Serviceplatformen-udtrækket og i et demo-nøgletalssæt\n" +
        "           (noegletal_demo_seed<seed>.csv) og skriver planted.json; uden --plant er filerne uændrede\n"
    );
    process.exit(0);
  }
  const seed = Number(arg(args, "--seed") ?? "1");
  const out = arg(args, "--out");
  if (!out || !Number.isInteger(seed)) {
    process.stderr.write("Fejl: brug --seed <heltal> --out <mappe> [--full-scale]\n");
    process.exit(2);
  }
  let plant: ReturnType<typeof parsePlantKinds> | undefined;
  try {
    plant = arg(args, "--plant") === undefined ? undefined : parsePlantKinds(arg(args, "--plant") as string);
  } catch (e) {
    process.stderr.write(`Fejl: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const summary = await generateDemo({
    seed,
    out,
    fullScale: args.includes("--full-scale"),
    supportDays: arg(args, "--support-days") === undefined ? undefined : Number(arg(args, "--support-days")),
    gzip: args.includes("--gzip")
  });
  process.stderr.write(JSON.stringify(summary, null, 2) + "\n");
  if (plant) {
    const planted = plantExtracts(out, out, plant, seed);
    process.stderr.write(`plantet ${planted.length} fejl (Demodata), manifest: ${join(out, "planted.json")}\n`);
  }
}
