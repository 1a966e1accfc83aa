/**
 * The small aggregates the infrastructure pages read, computed with DuckDB from the
 * Hive-partitioned Parquet the ingest wrote. Every table carries `demodata` (true when
 * the data are the generated demo set). Case counts (indekssager) are suppressed here
 * (1-4 → NULL with status "<5", plus secondary suppression), so they never reach dist/.
 * Schemas: loaders/infra/README.md.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ExtractKind } from "../../common/infra/contracts.js";
import {
  type KleCatalogue,
  type KleOverensRow,
  kleConformance,
  kleGyldig,
  publishConformance
} from "../../common/infra/kle.js";
import { type CaseCell, suppressCases } from "../../common/infra/suppress.js";
import { type Schema, toParquet } from "../lib/parquet.js";
import { guardSmallCounts } from "../validate/smaatal-guard.js";

export interface AggregateInput {
  con: DuckDBConnection;
  parquetDir: string;
  kinds: ExtractKind[];
  demodata: boolean;
  kommuner: { kommunekode: string; navn: string }[];
  /** FOLK1AM: population on the 1st of the month, month as YYYY-MM */
  befolkning: { kommunekode: string; maaned: string; befolkning: number }[];
  kle: { emne_nr: string; emne_titel: string }[];
  /** current and retired KLE numbers, for the conformance table */
  kleKatalog: KleCatalogue;
}

/** The published KLE conformance table (/filer/infrastruktur-kle-overensstemmelse.parquet and .csv). */
export type KleOverensPublished = KleOverensRow & { demodata: boolean };
export const KLE_OVERENS_SCHEMA: Schema<KleOverensPublished> = {
  omfang: "STRING",
  kommunekode: "STRING",
  it_system: "STRING",
  opgjort_dato: "STRING",
  sager: "INT32",
  sager_afvigende: "INT32",
  andel_findes: "DOUBLE",
  andel_aktuel: "DOUBLE",
  andel_niveau: "DOUBLE",
  andel_overens: "DOUBLE",
  afvigende_numre: "STRING",
  status: "STRING",
  demodata: "BOOLEAN"
};

/** Names of the aggregate tables (each becomes `<name>.parquet` in the cache and a loader entry). */
export const AGGREGATES = [
  "infrastruktur-kald-maaned",
  "infrastruktur-land-maaned",
  "infrastruktur-dataomraade",
  "infrastruktur-service",
  "infrastruktur-itsystem",
  "infrastruktur-system-service",
  "infrastruktur-stoette-time",
  "infrastruktur-kle",
  "infrastruktur-kle-overensstemmelse",
  "infrastruktur-klarmelding",
  "infrastruktur-systemanvendelse",
  "infrastruktur-potentiale"
] as const;
export type AggregateName = (typeof AGGREGATES)[number];

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function all(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Register the reference tables (municipalities, population, KLE) in DuckDB. */
async function registerReference(a: AggregateInput): Promise<void> {
  const { con } = a;
  const values = <T>(rows: T[], f: (r: T) => string) => (rows.length ? rows.map(f).join(",\n") : "");
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ref_kommuner AS SELECT * FROM (VALUES ${values(a.kommuner, (k) => `(${q(k.kommunekode)}, ${q(k.navn)})`)}) t(kommunekode, navn)`
  );
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ref_befolkning AS SELECT * FROM (VALUES ${values(a.befolkning, (b) => `(${q(b.kommunekode)}, ${q(b.maaned)}, ${b.befolkning})`)}) t(kommunekode, maaned, befolkning)`
  );
  await con.run(
    `CREATE OR REPLACE TEMP TABLE ref_kle AS SELECT * FROM (VALUES ${values(a.kle, (k) => `(${q(k.emne_nr)}, ${q(k.emne_titel)})`)}) t(kle_nr, kle_titel)`
  );
}

const src = (a: AggregateInput, kind: ExtractKind) =>
  kind === "klarmelding" || kind === "systemanvendelse"
    ? `read_parquet(${q(join(a.parquetDir, kind, "*.parquet"))})`
    : `read_parquet(${q(join(a.parquetDir, kind, "**", "*.parquet"))}, hive_partitioning=true)`;

/**
 * Population used for a month: FOLK1AM on the 1st of that month; for a month outside
 * FOLK1AM's range, the nearest month it has (`indbyggere_maaned` says which).
 */
export const POPULATION_RULE =
  "Indbyggere er FOLK1AM's befolkning den 1. i måneden; ligger måneden uden for FOLK1AM's periode, bruges den nærmeste måned, FOLK1AM har (kolonnen indbyggere_maaned).";

/** Compute all aggregates into `outDir/<name>.parquet`; returns row counts. */
export async function buildAggregates(a: AggregateInput, outDir: string): Promise<Record<string, number>> {
  const { con } = a;
  await registerReference(a);
  const demo = a.demodata ? "true" : "false";
  const has = (k: ExtractKind) => a.kinds.includes(k);
  const tables: Partial<Record<AggregateName, string>> = {};

  if (has("serviceplatformen")) {
    const sp = src(a, "serviceplatformen");
    await con.run(`CREATE OR REPLACE TEMP VIEW sp AS SELECT * FROM ${sp}`);
    await con.run(`CREATE OR REPLACE TEMP TABLE sp_months AS SELECT DISTINCT maaned FROM sp`);
    // nearest FOLK1AM month for every extract month
    await con.run(`CREATE OR REPLACE TEMP TABLE pop_month AS
      SELECT m.maaned, arg_min(b.maaned, abs(datediff('month', strptime(m.maaned || '-01', '%Y-%m-%d'), strptime(b.maaned || '-01', '%Y-%m-%d')))) AS pop_maaned
      FROM sp_months m, (SELECT DISTINCT maaned FROM ref_befolkning) b GROUP BY m.maaned`);
    tables["infrastruktur-kald-maaned"] = `
      WITH k AS (SELECT kommunekode, maaned, sum(antal_kald) AS kald FROM sp WHERE kommunekode IS NOT NULL GROUP BY ALL),
      grid AS (SELECT r.kommunekode, r.navn, m.maaned, pm.pop_maaned FROM ref_kommuner r, sp_months m JOIN pop_month pm USING (maaned))
      SELECT g.kommunekode, g.navn, g.maaned, coalesce(k.kald, 0)::BIGINT AS kald, b.befolkning::BIGINT AS indbyggere, g.pop_maaned AS indbyggere_maaned,
             coalesce(k.kald, 0) / b.befolkning AS kald_pr_indbygger, ${demo} AS demodata
      FROM grid g LEFT JOIN k USING (kommunekode, maaned) LEFT JOIN ref_befolkning b ON b.kommunekode = g.kommunekode AND b.maaned = g.pop_maaned
      ORDER BY g.kommunekode, g.maaned`;
    tables["infrastruktur-land-maaned"] = `
      WITH t AS (SELECT maaned, sum(antal_kald) FILTER (WHERE kommunekode IS NOT NULL) AS kald_kommuner, sum(antal_kald) AS kald_alle_myndigheder FROM sp GROUP BY maaned),
      p AS (SELECT pm.maaned, pm.pop_maaned, sum(b.befolkning) AS indbyggere FROM pop_month pm JOIN ref_befolkning b ON b.maaned = pm.pop_maaned GROUP BY ALL)
      SELECT t.maaned, t.kald_kommuner::BIGINT AS kald_kommuner, t.kald_alle_myndigheder::BIGINT AS kald_alle_myndigheder, p.indbyggere::BIGINT AS indbyggere,
             p.pop_maaned AS indbyggere_maaned, t.kald_kommuner / p.indbyggere AS kald_pr_indbygger, ${demo} AS demodata
      FROM t JOIN p USING (maaned) ORDER BY maaned`;
    tables["infrastruktur-dataomraade"] = `
      SELECT kommunekode, dataomraade, maaned, sum(antal_kald)::BIGINT AS kald, ${demo} AS demodata
      FROM sp WHERE kommunekode IS NOT NULL GROUP BY ALL ORDER BY ALL`;
    const last12 = `maaned > strftime(strptime((SELECT max(maaned) FROM sp) || '-01', '%Y-%m-%d') - INTERVAL 12 MONTH, '%Y-%m')`;
    tables["infrastruktur-service"] = `
      SELECT kommunekode, service_nr, any_value(service_navn) AS service_navn, any_value(dataomraade) AS dataomraade,
             sum(antal_kald)::BIGINT AS kald_12m, count(DISTINCT it_system_id)::INTEGER AS antal_it_systemer, ${demo} AS demodata
      FROM sp WHERE kommunekode IS NOT NULL AND ${last12} GROUP BY kommunekode, service_nr ORDER BY kommunekode, kald_12m DESC`;
    tables["infrastruktur-itsystem"] = `
      SELECT kommunekode, it_system_id, any_value(it_system) AS it_system, any_value(leverandoer) AS leverandoer,
             sum(antal_kald) FILTER (WHERE ${last12})::BIGINT AS kald_12m, count(DISTINCT service_nr)::INTEGER AS antal_services,
             min(maaned) AS foerste_maaned, max(maaned) AS sidste_maaned, ${demo} AS demodata
      FROM sp WHERE kommunekode IS NOT NULL GROUP BY kommunekode, it_system_id ORDER BY kommunekode, kald_12m DESC NULLS LAST`;
    tables["infrastruktur-system-service"] = `
      SELECT it_system_id, any_value(it_system) AS it_system, service_nr, any_value(service_navn) AS service_navn,
             count(DISTINCT kommunekode)::INTEGER AS kommuner_der_kalder, sum(antal_kald)::BIGINT AS kald_12m,
             string_agg(DISTINCT kommunekode, ',' ORDER BY kommunekode) AS kommunekoder, ${demo} AS demodata
      FROM sp WHERE kommunekode IS NOT NULL AND ${last12} GROUP BY it_system_id, service_nr ORDER BY it_system, service_nr`;
  }
  if (has("stoettesystemer")) {
    tables["infrastruktur-stoette-time"] = `
      WITH s AS (SELECT stoettesystem, isodow("time") AS ugedag, hour("time") AS time_paa_dagen, "time" AS t, antal_kald FROM ${src(a, "stoettesystemer")}),
      n AS (SELECT isodow(t) AS ugedag, hour(t) AS time_paa_dagen, count(DISTINCT t) AS antal_timer FROM (SELECT DISTINCT "time" AS t FROM ${src(a, "stoettesystemer")}) GROUP BY ALL)
      SELECT stoettesystem, ugedag::INTEGER AS ugedag, time_paa_dagen::INTEGER AS time_paa_dagen, sum(antal_kald)::BIGINT AS kald,
             n.antal_timer::INTEGER AS antal_timer, sum(antal_kald) / n.antal_timer AS kald_pr_time, ${demo} AS demodata
      FROM s JOIN n USING (ugedag, time_paa_dagen) GROUP BY stoettesystem, ugedag, time_paa_dagen, n.antal_timer ORDER BY ALL`;
  }
  if (has("klarmelding")) {
    tables["infrastruktur-klarmelding"] = `
      SELECT ski_system, leverandoer, integration, regexp_extract(integration, '^(SF[0-9]{4}[A-Z]?)', 1) AS service_nr, status, dato, ${demo} AS demodata
      FROM ${src(a, "klarmelding")} ORDER BY ski_system, integration`;
  }
  if (has("systemanvendelse")) {
    tables["infrastruktur-systemanvendelse"] = `
      SELECT kommunekode, ski_system, leverandoer, ydelsesomraade, ${demo} AS demodata FROM ${src(a, "systemanvendelse")} ORDER BY ALL`;
  }
  if (has("systemanvendelse") && has("klarmelding") && has("serviceplatformen")) {
    // one row per municipality × SKI system it uses × integration the system is onboarded to (or should be)
    tables["infrastruktur-potentiale"] = `
      WITH last12 AS (SELECT * FROM sp WHERE maaned > strftime(strptime((SELECT max(maaned) FROM sp) || '-01', '%Y-%m-%d') - INTERVAL 12 MONTH, '%Y-%m')),
      calls AS (SELECT kommunekode, it_system, service_nr, sum(antal_kald) AS kald FROM last12 WHERE kommunekode IS NOT NULL GROUP BY ALL),
      km AS (SELECT ski_system, any_value(leverandoer) AS leverandoer, integration, regexp_extract(integration, '^(SF[0-9]{4}[A-Z]?)', 1) AS service_nr, any_value(status) AS status
             FROM ${src(a, "klarmelding")} GROUP BY ski_system, integration),
      sa AS (SELECT DISTINCT kommunekode, ski_system FROM ${src(a, "systemanvendelse")}),
      base AS (SELECT sa.kommunekode, sa.ski_system, km.leverandoer, km.integration, km.service_nr, km.status,
                      coalesce(c.kald, 0)::BIGINT AS kald_12m, coalesce(c.kald, 0) > 0 AS tilsluttet
               FROM sa JOIN km USING (ski_system) LEFT JOIN calls c ON c.kommunekode = sa.kommunekode AND c.it_system = sa.ski_system AND c.service_nr = km.service_nr)
      SELECT *, (count(*) FILTER (WHERE tilsluttet) OVER w)::INTEGER AS kommuner_tilsluttet, (count(*) OVER w)::INTEGER AS kommuner_med_systemet, ${demo} AS demodata
      FROM base WINDOW w AS (PARTITION BY ski_system, integration) ORDER BY kommunekode, ski_system, integration`;
  }

  const counts: Record<string, number> = {};
  for (const [name, sql] of Object.entries(tables)) {
    await con.run(`COPY (${sql}) TO ${q(join(outDir, `${name}.parquet`))} (FORMAT parquet)`);
    counts[name] = Number(
      (await all(con, `SELECT count(*) AS n FROM read_parquet(${q(join(outDir, `${name}.parquet`))})`))[0].n
    );
  }

  if (has("indekssager")) {
    // suppression happens in TypeScript (pure, tested) before the table is written
    const rows = await all(
      con,
      `WITH latest AS (SELECT max(opgjort_dato) AS d FROM ${src(a, "indekssager")})
       SELECT kommunekode, kle_nr, indeks, sum(antal_sager)::BIGINT AS antal_sager, strftime(any_value(opgjort_dato), '%Y-%m-%d') AS opgjort_dato
       FROM ${src(a, "indekssager")} WHERE kommunekode IS NOT NULL AND opgjort_dato = (SELECT d FROM latest) GROUP BY ALL ORDER BY ALL`
    );
    const cells: CaseCell[] = rows.map((r) => ({
      kommunekode: String(r.kommunekode),
      kle_nr: String(r.kle_nr),
      indeks: String(r.indeks),
      opgjort_dato: String(r.opgjort_dato),
      antal_sager: Number(r.antal_sager),
      status: ""
    }));
    suppressCases(cells);
    const titles = new Map(a.kle.map((k) => [k.emne_nr, k.emne_titel]));
    await con.run(`CREATE OR REPLACE TEMP TABLE kle_out (kommunekode VARCHAR, kle_nr VARCHAR, kle_titel VARCHAR, kle_gyldig BOOLEAN, indeks VARCHAR,
      antal_sager BIGINT, status VARCHAR, opgjort_dato VARCHAR, demodata BOOLEAN)`);
    const appender = await con.createAppender("kle_out");
    for (const c of cells) {
      appender.appendVarchar(c.kommunekode);
      appender.appendVarchar(c.kle_nr);
      const t = titles.get(c.kle_nr);
      if (t === undefined) appender.appendNull();
      else appender.appendVarchar(t);
      appender.appendBoolean(kleGyldig(c.kle_nr, c.opgjort_dato, a.kleKatalog));
      appender.appendVarchar(c.indeks);
      if (c.antal_sager === null) appender.appendNull();
      else appender.appendBigInt(BigInt(c.antal_sager));
      appender.appendVarchar(c.status);
      appender.appendVarchar(c.opgjort_dato);
      appender.appendBoolean(a.demodata);
      appender.endRow();
    }
    appender.closeSync();
    await con.run(
      `COPY (SELECT * FROM kle_out ORDER BY kommunekode, kle_nr, indeks) TO ${q(join(outDir, "infrastruktur-kle.parquet"))} (FORMAT parquet)`
    );
    counts["infrastruktur-kle"] = cells.length;

    // KLE conformance per municipality × IT system (common/infra/kle.ts), latest counting date
    const sager = await all(
      con,
      `WITH latest AS (SELECT max(opgjort_dato) AS d FROM ${src(a, "indekssager")} WHERE kommunekode IS NOT NULL)
       SELECT strftime(opgjort_dato, '%Y-%m-%d') AS opgjort_dato, kle_nr, indeks, it_system, kommunekode, sum(antal_sager)::BIGINT AS antal_sager
       FROM ${src(a, "indekssager")} WHERE kommunekode IS NOT NULL AND opgjort_dato = (SELECT d FROM latest) GROUP BY ALL`
    );
    const published = publishConformance(
      kleConformance(
        sager.map((r) => ({
          opgjort_dato: String(r.opgjort_dato),
          kle_nr: String(r.kle_nr),
          indeks: String(r.indeks),
          it_system: String(r.it_system),
          kommunekode: String(r.kommunekode),
          antal_sager: Number(r.antal_sager)
        })),
        a.kleKatalog
      )
    ).map((r) => ({ ...r, demodata: a.demodata }));
    writeFileSync(join(outDir, "infrastruktur-kle-overensstemmelse.parquet"), toParquet(published, KLE_OVERENS_SCHEMA));
    counts["infrastruktur-kle-overensstemmelse"] = published.length;
  }
  // diskretion.smaatal: no count of cases 1-4 in any table written here (stops the build, Danish message)
  await guardSmallCounts(con, outDir);
  return counts;
}
