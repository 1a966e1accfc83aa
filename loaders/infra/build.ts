/**
 * Build (once) the infrastructure cache: ingest the extracts folder into Hive-partitioned
 * Parquet and compute the page aggregates. Framework runs each loader entry
 * (src/data/infrastruktur-*.ts) as its own process, possibly in parallel, so the first
 * one builds under a lock and the others wait and reuse the result; a stamp of the input
 * files (names, sizes, modification times) and of this code's version decides freshness.
 *
 *   KOMMUNETAL_EXTRACTS      folder with real extracts (default: data/demo/infrastruktur, labelled demodata)
 *   KOMMUNETAL_INFRA_CACHE   cache folder (default: .cache/infrastruktur in the project)
 */

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type KleCatalogue, kleCatalogue, type Udgaaet } from "../../common/infra/kle.js";
import { buildBefolkning, buildKommuner } from "../datasets.js";
import { PROJECT_ROOT, RAW_DIR } from "../lib/paths.js";
import { buildAggregates, POPULATION_RULE } from "./aggregates.js";
import { extractFiles, type FileReport, ingestExtracts, openDuckDB } from "./ingest.js";

export const DEMO_EXTRACTS = join(PROJECT_ROOT, "data", "demo", "infrastruktur");
const VERSION = "infra-2";

export interface InfraSource {
  dir: string;
  demodata: boolean;
}

export function extractsSource(): InfraSource {
  const env = process.env.KOMMUNETAL_EXTRACTS;
  if (!env) return { dir: DEMO_EXTRACTS, demodata: true };
  const dir = resolve(env);
  return { dir, demodata: dir === resolve(DEMO_EXTRACTS) };
}

export function cacheDir(): string {
  return resolve(process.env.KOMMUNETAL_INFRA_CACHE ?? join(PROJECT_ROOT, ".cache", "infrastruktur"));
}

/** What the loaders publish next to the aggregates (infrastruktur-meta.json). */
export interface InfraMeta {
  demodata: boolean;
  /** Danish note pages show with every table and chart */
  kilde: string;
  udtraek: string;
  befolkningsregel: string;
  note_kald: string;
  filer: Omit<FileReport, "findings">[];
  afvisninger: FileReport["findings"];
  tabeller: Record<string, number>;
}

/** Hash of the code that shapes the cache (loaders/infra, common/infra), so a code change rebuilds it. */
function codeHash(): string {
  const h = createHash("sha1");
  for (const d of [join(PROJECT_ROOT, "loaders", "infra"), join(PROJECT_ROOT, "common", "infra")])
    for (const f of readdirSync(d)
      .filter((n) => n.endsWith(".ts"))
      .sort())
      h.update(f).update(readFileSync(join(d, f)));
  return h.digest("hex");
}

function stampOf(src: InfraSource): string {
  const files = extractFiles(src.dir).map(({ path }) => {
    const s = statSync(path);
    return `${path}:${s.size}:${s.mtimeMs}`;
  });
  return JSON.stringify({ VERSION, code: codeHash(), src, files });
}

export function readKle(): { emne_nr: string; emne_titel: string }[] {
  return readFileSync(join(RAW_DIR, "kle", "kle_emner_os2kle_v3.23.csv"), "utf-8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [emne_nr, , , ...rest] = l.split(",");
      return { emne_nr, emne_titel: rest.join(",").replace(/^"(.*)"$/, "$1") };
    });
}

/** Retired KLE numbers (data/raw/kle/kle_udgaaede_os2kle.csv, from OS2KLE's change files 3.9-3.23). */
export function readKleUdgaaede(): Udgaaet[] {
  return readFileSync(join(RAW_DIR, "kle", "kle_udgaaede_os2kle.csv"), "utf-8")
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [nr, , , , udgaaet_i_kle] = l.split(",");
      return { nr, udgaaet_i_kle };
    });
}

/** The KLE catalogue the conformance checks use: OS2KLE 3.23 (KLE 2026 Feb) plus the numbers retired since 3.9. */
export function readKleCatalogue(): KleCatalogue {
  return kleCatalogue(
    readKle().map((k) => k.emne_nr),
    readKleUdgaaede(),
    "KLE (OS2KLE 3.23, KLE 2026 Feb, og numre udgået siden 2019)"
  );
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/** Ensure the cache is built; returns its folder (`<cache>/aggregates/*.parquet`, `meta.json`, `parquet/`). */
export async function ensureInfra(log: (s: string) => void = (s) => process.stderr.write(s + "\n")): Promise<string> {
  const src = extractsSource();
  const dir = cacheDir();
  mkdirSync(dir, { recursive: true });
  const stamp = stampOf(src);
  const stampFile = join(dir, "stamp.json");
  const lock = join(dir, "lock");
  for (let waited = 0; ; waited += 250) {
    if (existsSync(stampFile) && readFileSync(stampFile, "utf-8") === stamp) return dir;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another loader is building; a lock older than 10 minutes is stale
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 600_000)
        rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (existsSync(stampFile) && readFileSync(stampFile, "utf-8") === stamp) return dir;
    rmSync(stampFile, { force: true });
    const { instance, con } = await openDuckDB(join(dir, "tmp"));
    try {
      const kommuner = buildKommuner();
      const result = await ingestExtracts(
        src.dir,
        join(dir, "parquet"),
        kommuner.map((k) => k.kommunekode),
        con,
        log
      );
      const aggDir = join(dir, "aggregates");
      rmSync(aggDir, { recursive: true, force: true });
      mkdirSync(aggDir, { recursive: true });
      const befolkning = buildBefolkning().rows.map((r) => ({
        ...r,
        maaned: `${r.maaned.slice(0, 4)}-${r.maaned.slice(5)}`
      }));
      const tabeller = await buildAggregates(
        {
          con,
          parquetDir: result.parquetDir,
          kinds: result.kinds,
          demodata: src.demodata,
          kommuner,
          befolkning,
          kle: readKle(),
          kleKatalog: readKleCatalogue()
        },
        aggDir
      );
      const meta: InfraMeta = {
        demodata: src.demodata,
        kilde: src.demodata
          ? "Demodata: genereret af kommunetal (npm run demodata, seed 1), kalibreret til KOMBIT's publicerede totaler 2022. Ikke rigtige tal."
          : `Udtræk fra KOMBIT/KMD/IBM i ${src.dir}`,
        udtraek: src.demodata ? "data/demo/infrastruktur" : src.dir,
        befolkningsregel: POPULATION_RULE,
        note_kald:
          "Antal kald er ikke antal personer: ét opslag om én borger kan give mange kald, og mange borgere kan indgå i ét kald.",
        filer: result.reports.map(({ findings: _f, ...r }) => r),
        afvisninger: result.reports.flatMap((r) => r.findings),
        tabeller
      };
      writeFileSync(join(dir, "meta.json"), JSON.stringify(meta, null, 1));
      writeFileSync(stampFile, stamp);
    } finally {
      con.closeSync();
      instance.closeSync();
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return dir;
}

/** Bytes of one aggregate file (after ensuring the cache). */
export async function aggregateBytes(name: string): Promise<Uint8Array> {
  const dir = await ensureInfra();
  const path = name === "meta" ? join(dir, "meta.json") : join(dir, "aggregates", `${name}.parquet`);
  if (!existsSync(path)) {
    const have = readdirSync(join(dir, "aggregates")).join(", ");
    throw new Error(`${name} findes ikke i infrastruktur-cachen (udtrækkene mangler en filtype?); findes: ${have}`);
  }
  return readFileSync(path);
}
