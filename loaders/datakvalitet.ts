/**
 * The build step of issue #11: run the validation rules (common/validate) on the embedded data and write what they
 * find to `datakvalitet.json` (thin entry src/data/datakvalitet.json.ts; published as /filer/datakvalitet.json and,
 * as a table, /filer/datakvalitet.csv) for the page `/datakvalitet`.
 *
 * - Key figures: the REAL noegletal.dk export, as parsed once by the build (loaders/ingest.ts), with the catalogue,
 *   FOLK1AM population (1 January of each year) and the default comparison groups of every area.
 * - Infrastructure: the Serviceplatformen extract the build ingested (loaders/infra/build.ts; Demodata unless
 *   KOMMUNETAL_EXTRACTS is set), summed per municipality × month × service and per municipality × month.
 *
 * A reconciliation line goes to stderr: cells/rows read = cells/rows validated, and the findings per source.
 */

import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { type KleSagRow, kleFindings } from "../common/infra/kle.js";
import { RULES } from "../common/rules/index.js";
import {
  type InfraMonthlyRow,
  type KeyFigureInput,
  type KeyFigureMeta,
  validateInfraMonthly,
  validateKeyFigures
} from "../common/validate/index.js";
import type { DatakvalitetData, DqFinding, RecallRow } from "../common/views/datakvalitet.js";
import { cliFileContext } from "./cli/validate.js";
import { buildKommuner, NOEGLETAL_KILDE } from "./datasets.js";
import { buildGroupDefaults, type Defaults } from "./groups.js";
import { ensureInfra, extractsSource, readKle, readKleCatalogue, readKleUdgaaede } from "./infra/build.js";
import { openDuckDB } from "./infra/ingest.js";
import { GROUP_AREA } from "./infra-pages.js";
import { useIngest } from "./ingest.js";
import { embeddedKeyFigureInput } from "./validate/noegletal.js";
import { measureRecall } from "./validate/recall.js";

const log = (s: string) => process.stderr.write(`[datakvalitet] ${s}\n`);

/** kommunekode → its group (rank order), one map per comparison area, in the area's standard year. */
export function groupsByArea(d: Defaults): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const area of d.areas) {
    const m: Record<string, string[]> = {};
    for (const g of d.rows
      .filter((r) => r.omraade === area.id && r.aar === area.standardaar)
      .sort((a, b) => a.rang - b.rang))
      (m[g.kommunekode] ??= []).push(g.nabo);
    out[area.id] = m;
    // the catalogue's page areas compare within this comparison area's group
    for (const s of area.sideomraader) out[s] ??= m;
  }
  if (out[GROUP_AREA]) out[""] = out[GROUP_AREA];
  return out;
}

/**
 * The key-figure input of the engine: the rules engineer's `embeddedKeyFigureInput()` (loaders/validate/noegletal.ts:
 * the build's key figures with file lines, catalogue, default comparison groups, known sums and ratios), so the page
 * shows exactly what the README's pinned per-rule counts describe.
 */
export function keyFigureInput(): { input: KeyFigureInput; katalog: KeyFigureMeta[] } {
  useIngest();
  const input = embeddedKeyFigureInput();
  return { input, katalog: [...(input.katalog ?? [])] };
}

/** Serviceplatformen calls per municipality × month × service, and per municipality × month ("I alt"). */
export async function infraMonthly(): Promise<{ rows: InfraMonthlyRow[]; months: string[]; kald: number } | null> {
  const dir = await ensureInfra((s) => log(s));
  const sp = join(dir, "parquet", "serviceplatformen");
  if (!existsSync(sp) || readdirSync(sp).length === 0) return null;
  const { instance, con } = await openDuckDB(join(dir, "tmp"));
  try {
    const src = `read_parquet('${join(sp, "**", "*.parquet").replaceAll("'", "''")}', hive_partitioning=true)`;
    const r = await con.runAndReadAll(`
      WITH s AS (SELECT kommunekode, maaned, service_nr, any_value(service_nr || ' ' || service_navn) AS label,
                        sum(antal_kald)::DOUBLE AS kald
                 FROM ${src} WHERE kommunekode IS NOT NULL GROUP BY ALL)
      SELECT kommunekode, maaned, 'service' AS kind, service_nr AS subject, label, kald FROM s
      UNION ALL
      SELECT kommunekode, maaned, 'total', 'I alt', 'Kald i alt', sum(kald) FROM s GROUP BY ALL
      ORDER BY ALL`);
    const rows: InfraMonthlyRow[] = (
      r.getRowObjectsJS() as {
        kommunekode: string;
        maaned: string;
        kind: string;
        subject: string;
        label: string;
        kald: number;
      }[]
    ).map((x) => ({
      kommunekode: x.kommunekode,
      maaned: x.maaned,
      subjectKind: x.kind === "total" ? "total" : "service",
      subject: x.subject,
      subjectLabel: x.label,
      kald: Number(x.kald)
    }));
    const months = [...new Set(rows.map((x) => x.maaned))].sort();
    const kald = rows.filter((x) => x.subjectKind === "total").reduce((s, x) => s + x.kald, 0);
    // reconciliation: the monthly sums carry every call of the municipalities' own rows, no more, no less
    const check = await con.runAndReadAll(
      `SELECT sum(antal_kald)::DOUBLE AS k FROM ${src} WHERE kommunekode IS NOT NULL`
    );
    const direct = Number((check.getRowObjectsJS()[0] as { k: number }).k);
    const parts = rows.filter((x) => x.subjectKind === "service").reduce((s, x) => s + x.kald, 0);
    if (direct !== kald || parts !== kald)
      throw new Error(
        `afstemning fejlede: udtrækket har ${direct} kald fra kommunerne, månedssummerne ${kald}, servicerne ${parts}`
      );
    log(
      `afstemning: ${direct} kald fra kommunernes egne rækker = ${kald} i månedssummerne = ${parts} fordelt på services`
    );
    return { rows, months, kald };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * kle.findes / kle.aktuel / kle.niveau (common/infra/kle.ts kleFindings) on the index extract's cases at the latest
 * counting date, one finding per municipality × IT system × index × KLE number (cases summed). `source` is a DuckDB
 * table expression over the extract's rows (the ingest's Parquet in the build; the CSV in the tests).
 */
export async function kleIndexFindings(
  con: Awaited<ReturnType<typeof openDuckDB>>["con"],
  source: string,
  file: string
): Promise<DqFinding[]> {
  const rows = (
    await con.runAndReadAll(`
      WITH x AS (SELECT * FROM ${source} WHERE kommunekode IS NOT NULL),
      latest AS (SELECT max(opgjort_dato::DATE) AS d FROM x)
      SELECT strftime(opgjort_dato::DATE, '%Y-%m-%d') AS opgjort_dato, kle_nr, indeks, it_system, kommunekode,
             sum(antal_sager::BIGINT)::BIGINT AS antal_sager
      FROM x WHERE opgjort_dato::DATE = (SELECT d FROM latest) GROUP BY ALL ORDER BY kommunekode, it_system, indeks, kle_nr`)
  ).getRowObjectsJS() as Record<string, unknown>[];
  const sager: KleSagRow[] = rows.map((r) => ({
    opgjort_dato: String(r.opgjort_dato),
    kle_nr: String(r.kle_nr),
    indeks: String(r.indeks),
    it_system: String(r.it_system),
    kommunekode: String(r.kommunekode),
    antal_sager: Number(r.antal_sager)
  }));
  const cat = readKleCatalogue();
  // per row, so each finding carries its IT system and index as the subject
  return sager.flatMap((r) =>
    kleFindings([r], cat, file).map((f) => ({
      ...f,
      kilde: "infrastruktur" as const,
      subject: r.it_system,
      subjectLabel: `${r.it_system} (KLE i ${r.indeks})`
    }))
  );
}

/** The KLE findings of the ingested index extract (none when the build has no index extract). */
async function buildKleFindings(demodata: boolean): Promise<DqFinding[]> {
  const dir = await ensureInfra((s) => log(s));
  const ix = join(dir, "parquet", "indekssager");
  if (!existsSync(ix) || readdirSync(ix).length === 0) {
    log("KLE: intet indeksudtræk; ingen kle.*-fund");
    return [];
  }
  const { instance, con } = await openDuckDB(join(dir, "tmp"));
  try {
    const src = `read_parquet('${join(ix, "**", "*.parquet").replaceAll("'", "''")}', hive_partitioning=true)`;
    const found = await kleIndexFindings(con, src, demodata ? "indekssager (Demodata)" : "indekssager");
    log(`KLE${demodata ? " (Demodata)" : ""}: ${counts(found)}`);
    return found;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Per-rule recall/precision on the planted demo anomalies (the engine's own measurement, seed 1). */
function recallTable(): RecallRow[] {
  const t0 = performance.now();
  const r = measureRecall(1);
  const planted = r.rules.reduce((s, x) => s + x.planted, 0);
  const found = r.rules.reduce((s, x) => s + x.found, 0);
  log(
    `genfinding på plantede fejl (Demodata, seed 1): ${found} af ${planted} fundet, ${((performance.now() - t0) / 1000).toFixed(1)} s`
  );
  return r.rules;
}

function counts(findings: readonly DqFinding[]): string {
  const by = new Map<string, number>();
  for (const f of findings) by.set(f.rule, (by.get(f.rule) ?? 0) + 1);
  const fejl = findings.filter((f) => f.severity === "fejl").length;
  return `${findings.length} fund (${fejl} fejl, ${findings.length - fejl} advarsler)${by.size ? `: ${[...by].map(([r, c]) => `${r} ${c}`).join(", ")}` : ""}`;
}

export async function buildDatakvalitet(): Promise<DatakvalitetData> {
  const t0 = performance.now();
  const { input, katalog } = keyFigureInput();
  const kf = validateKeyFigures(input);
  const ids = new Set(input.rows.map((r) => r.id));
  const kommuner = new Set(input.rows.map((r) => r.kommunekode));
  const aar = [...new Set(input.rows.map((r) => r.aar))].sort((a, b) => a - b);
  log(
    `nøgletal: ${input.rows.length} celler læst = ${input.rows.length} valideret (${ids.size} nøgletal × ${kommuner.size} kommuner × ` +
      `${aar.length} år); ${counts(kf)}`
  );
  const infra = await infraMonthly();
  const src = extractsSource();
  let infraOut: DatakvalitetData["infrastruktur"] = null;
  const groups = groupsByArea(buildGroupDefaults())[GROUP_AREA] ?? null;
  if (infra) {
    const found = validateInfraMonthly({
      file: src.demodata ? "data/demo/infrastruktur (Demodata)" : src.dir,
      rows: infra.rows,
      months: infra.months,
      kommunekoder: buildKommuner().map((k) => k.kommunekode),
      groups: groups ?? undefined
    });
    log(
      `infrastruktur${src.demodata ? " (Demodata)" : ""}: ${infra.rows.length} rækker (kommune × måned × service og i alt) læst = ` +
        `${infra.rows.length} valideret; ${infra.kald} kald i alt over ${infra.months.length} måneder; ${counts(found)}`
    );
    infraOut = {
      demodata: src.demodata,
      kilde: src.demodata
        ? "Demodata: genereret af kommunetal (npm run demodata), ikke virkelige kommunedata"
        : `Udtræk fra KOMBIT/KMD/IBM (${src.dir})`,
      raekker: infra.rows.length,
      maaneder: infra.months,
      findings: found
    };
  } else log("infrastruktur: intet Serviceplatformen-udtræk; ingen fund");
  const kle = await buildKleFindings(src.demodata);
  if (kle.length) {
    infraOut ??= {
      demodata: src.demodata,
      kilde: src.demodata
        ? "Demodata: genereret af kommunetal (npm run demodata), ikke virkelige kommunedata"
        : src.dir,
      raekker: 0,
      maaneder: [],
      findings: []
    };
    infraOut.findings = [...infraOut.findings, ...kle];
  }
  const recall = recallTable();
  log(`færdig på ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return {
    noegletal: {
      kilde: NOEGLETAL_KILDE,
      celler: input.rows.length,
      noegletal: ids.size,
      kommuner: kommuner.size,
      aar,
      findings: kf
    },
    infrastruktur: infraOut,
    recall,
    regler: Object.keys(RULES),
    kommuner: buildKommuner().map((k) => ({ kommunekode: k.kommunekode, navn: k.navn })),
    katalog,
    infraGrupper: groups,
    filKontekst: cliFileContext(),
    kle: {
      emner: readKle().map((k) => k.emne_nr),
      udgaaede: readKleUdgaaede(),
      navn: readKleCatalogue().navn
    }
  };
}
