/**
 * The data of the infrastructure pages as one zip (src/data/infrastruktur.zip.ts):
 * `oversigt.json` and `systemer.json` for /infrastruktur and `<kode>.json` for /infrastruktur/<kode>, so the
 * pages load a small JSON and no DuckDB-WASM. The aggregates come from build.ts; the
 * shaping is done by the pure view modules in common/views (tested there).
 *
 * Comparison group: the published default group of the area "administration"
 * (udgifter til ledelse og administration pr. indbygger) in its default year
 * (loaders/groups.ts, the 10 most comparable municipalities).
 */
import JSZip from "jszip";
import { type KleOverensRow, kleGrund } from "../common/infra/kle.js";
import { type PotentialeRow, potentiale } from "../common/infra/potentiale.js";
import { readParquet } from "../common/parquet.js";
import {
  type DataomraadeMaanedRow,
  headline,
  type ItSystemRow,
  type KaldMaanedRow,
  type LandMaanedRow,
  lastMonths,
  type OversigtData,
  type ServiceRow,
  type StoetteTimeRow,
  type SystemanvendelseRow,
  type SystemerData,
  type SystemServiceRow,
  sumDataomraade,
  topItSystemer,
  topServices
} from "../common/views/infrastruktur.js";
import type { KlarmeldingRow, KleRow, KommuneInput } from "../common/views/infrastruktur-kommune.js";
import { type RapportData, rapport } from "../common/views/infrastruktur-rapport.js";
import { STANDARD_AAR } from "./areas.js";
import { buildKommuner } from "./datasets.js";
import { buildGroupDefaults } from "./groups.js";
import { aggregateBytes, type InfraMeta, readKleCatalogue } from "./infra/build.js";

export const GROUP_AREA = "administration";

async function rows<T>(name: string): Promise<(T & { kommunekode: string })[]> {
  const b = await aggregateBytes(name);
  const out = await readParquet<Record<string, unknown>>(
    b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer
  );
  for (const r of out) {
    delete r.demodata;
    for (const k in r) if (r[k] instanceof Date) r[k] = (r[k] as Date).toISOString().slice(0, 10);
  }
  return out as (T & { kommunekode: string })[];
}

export type { OversigtData } from "../common/views/infrastruktur.js";
export type { RapportData } from "../common/views/infrastruktur-rapport.js";

export async function buildInfraPagesZip(): Promise<Uint8Array> {
  const meta = JSON.parse(new TextDecoder().decode(await aggregateBytes("meta"))) as InfraMeta & {
    note_kald: string;
    befolkningsregel: string;
  };
  const kald = await rows<KaldMaanedRow>("infrastruktur-kald-maaned");
  const land = await rows<LandMaanedRow>("infrastruktur-land-maaned");
  const omr = await rows<DataomraadeMaanedRow>("infrastruktur-dataomraade");
  const services = await rows<ServiceRow>("infrastruktur-service");
  const systems = await rows<ItSystemRow>("infrastruktur-itsystem");
  const sysServ = await rows<SystemServiceRow & { it_system_id: string }>("infrastruktur-system-service");
  const stoette = await rows<StoetteTimeRow & { kald: number; antal_timer: number }>("infrastruktur-stoette-time");
  const kle = await rows<KleRow & { opgjort_dato: string }>("infrastruktur-kle");
  const klar = await rows<KlarmeldingRow & { dato: string }>("infrastruktur-klarmelding");
  const anv = await rows<SystemanvendelseRow & { ydelsesomraade: string }>("infrastruktur-systemanvendelse");
  const pot = await rows<PotentialeRow>("infrastruktur-potentiale");
  const overens = (await rows<KleOverensRow>("infrastruktur-kle-overensstemmelse")) as KleOverensRow[];
  const katalog = readKleCatalogue();

  const months12 = lastMonths(
    land.map((r) => r.maaned),
    12
  );
  const last12 = new Set(months12);
  const sums = sumDataomraade(omr, months12);
  const zip = new JSZip();
  const date = new Date("2024-01-01T00:00:00Z");
  const oversigt: OversigtData & SystemerData = {
    demodata: meta.demodata,
    kilde: meta.kilde,
    note_kald: meta.note_kald,
    befolkningsregel: meta.befolkningsregel,
    headline: headline(land),
    land,
    kald: kald.filter((r) => last12.has(r.maaned)),
    dataomraade: sums,
    topServices: topServices(services, 20),
    topSystemer: topItSystemer(systems, 20),
    stoette: stoette.map(({ stoettesystem, ugedag, time_paa_dagen, kald_pr_time }) => ({
      stoettesystem,
      ugedag,
      time_paa_dagen,
      kald_pr_time
    })),
    systemService: sysServ.map(
      ({ it_system, service_nr, service_navn, kommuner_der_kalder, kald_12m, kommunekoder }) => ({
        it_system,
        service_nr,
        service_navn,
        kommuner_der_kalder,
        kald_12m,
        kommunekoder
      })
    ),
    systemanvendelse: anv.map(({ kommunekode, ski_system, leverandoer }) => ({ kommunekode, ski_system, leverandoer })),
    kle: overens.filter((r) => r.omfang !== "kommune-system")
  };
  // the "why only Fredericia?" data in its own file, so the overview's first charts do not wait for it
  const { systemService, systemanvendelse, ...first } = oversigt;
  zip.file("oversigt.json", JSON.stringify(first), { date });
  zip.file("systemer.json", JSON.stringify({ systemService, systemanvendelse }), { date });

  const kommuner = buildKommuner();
  const groups = buildGroupDefaults();
  const areaName = groups.areas.find((a) => a.id === GROUP_AREA)?.navn ?? GROUP_AREA;
  const population = new Map<string, number>();
  const lastMonth = months12[months12.length - 1];
  for (const r of kald) if (r.maaned === lastMonth) population.set(r.kommunekode, r.indbyggere);
  const by = <T extends { kommunekode: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) (m.get(x.kommunekode) ?? m.set(x.kommunekode, []).get(x.kommunekode)!).push(x);
    return m;
  };
  const kaldBy = by(kald);
  const potBy = by(pot);
  const anvBy = by(anv);
  const kleBy = by(kle);
  const servBy = by(services);
  const sysBy = by(systems);
  const sumBy = by(sums);
  const potentialer: KommuneInput["potentiale"][] = [];
  for (const k of kommuner) {
    const kode = k.kommunekode;
    const members = groups.rows
      .filter((g) => g.omraade === GROUP_AREA && g.aar === STANDARD_AAR && g.kommunekode === kode)
      .sort((a, b) => a.rang - b.rang)
      .map((g) => g.nabo);
    const mySystems = new Set((anvBy.get(kode) ?? []).map((a) => a.ski_system));
    const input: KommuneInput = {
      kode,
      navn: k.navn,
      officielt_navn: k.officielt_navn,
      demodata: meta.demodata,
      kilde: meta.kilde,
      note_kald: meta.note_kald,
      kald: kaldBy.get(kode) ?? [],
      land,
      gruppe: {
        omraade: GROUP_AREA,
        omraade_navn: areaName,
        aar: STANDARD_AAR,
        medlemmer: members.map((m) => ({ kommunekode: m, navn: kommuner.find((x) => x.kommunekode === m)?.navn ?? m })),
        kald: members.flatMap((m) => (kaldBy.get(m) ?? []).filter((r) => last12.has(r.maaned)))
      },
      dataomraade: sumBy.get(kode) ?? [],
      services: servBy.get(kode) ?? [],
      itsystemer: sysBy.get(kode) ?? [],
      kle: (kleBy.get(kode) ?? []).map(({ kle_nr, kle_titel, kle_gyldig, indeks, antal_sager, status }) => ({
        kle_nr,
        kle_titel,
        kle_gyldig,
        indeks,
        antal_sager,
        status
      })),
      klarmelding: klar
        .filter((r) => mySystems.has(r.ski_system))
        .map(({ ski_system, leverandoer, integration, service_nr, status }) => ({
          ski_system,
          leverandoer,
          integration,
          service_nr,
          status
        })),
      systemer: (anvBy.get(kode) ?? []).map(({ ski_system, leverandoer, ydelsesomraade }) => ({
        ski_system,
        leverandoer,
        ydelsesomraade
      })),
      potentialeRaekker: potBy.get(kode) ?? [],
      kleOverens: overens.filter((r) => r.omfang === "land" || r.kommunekode === kode),
      kleAfvigelser: overens
        .filter((r) => r.omfang === "kommune-system" && r.kommunekode === kode && r.afvigende_numre)
        .flatMap((r) =>
          r.afvigende_numre.split(" ").map((kle_nr) => ({
            it_system: r.it_system,
            kle_nr,
            grund: kleGrund(kle_nr, "", r.opgjort_dato, katalog)
          }))
        ),
      potentiale: potentiale(kode, pot, population, kleBy.get(kode) ?? [])
    };
    zip.file(`${kode}.json`, JSON.stringify(input), { date });
    potentialer.push(input.potentiale);
  }
  // the general report for all 98 (/infrastruktur/rapport)
  const rapportData: RapportData = {
    demodata: meta.demodata,
    kilde: meta.kilde,
    note_kald: meta.note_kald,
    periode: { fra: months12[0], til: lastMonth },
    ...rapport({
      demodata: meta.demodata,
      kilde: meta.kilde,
      kommuner: kommuner.map(({ kommunekode, navn }) => ({ kommunekode, navn })),
      potentialer,
      kle: overens.filter((r) => r.omfang === "land" || r.omfang === "kommune")
    })
  };
  zip.file("rapport.json", JSON.stringify(rapportData), { date });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
