/**
 * Parse once per build. `scripts/build.ts` calls `runIngest()` once, BEFORE `observable build`: it parses the raw
 * files (key figures, DAWA, DST), applies the privacy rule, computes the default comparison groups, and writes the
 * resulting rows to `.cache/ingest/` (gitignored) as JSON, with a fingerprint of everything they were computed from.
 * Each thin loader entry in `src/data/` then calls `useIngest()` first: it reads that cache and seeds the
 * memoised `build*` functions (loaders/datasets.ts, loaders/groups.ts), so the entry only formats and writes its
 * file (Parquet, CSV, JSON, zip) and parses nothing.
 *
 * Without a fresh cache (e.g. `npm run dev`, or after editing a raw file or a loader during preview) `useIngest()`
 * runs the ingest itself and writes the cache, so the next entry reuses it. "Fresh" means: the fingerprint (SHA-256
 * of the raw files, of every TypeScript file under loaders/ and common/, and of KOMMUNETAL_DATA) is unchanged.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildBefolkning,
  buildKommuner,
  buildNoegletal,
  type Kommune,
  type Noegletal,
  primeDatasets
} from "./datasets.js";
import { buildGroupDefaults, type Defaults, primeGroupDefaults } from "./groups.js";
import { PROJECT_ROOT, RAW } from "./lib/paths.js";
import type { Befolkning } from "./sources/folk1am.js";

/** Where the cache lives (gitignored): one JSON per part and a manifest with the fingerprint. */
export const INGEST_DIR = join(PROJECT_ROOT, ".cache", "ingest");
const MANIFEST = join(INGEST_DIR, "manifest.json");

export interface Ingest {
  fingerprint: string;
  kommuner: Kommune[];
  noegletal: Noegletal;
  befolkning: { rows: Befolkning[]; national: { maaned: string; befolkning: number }[] };
  groups: Defaults;
}

/** The parts of the cache, each its own file, so an entry reads only what it needs. */
export type Part = "kommuner" | "noegletal" | "befolkning" | "groups";
export const PARTS: Part[] = ["kommuner", "noegletal", "befolkning", "groups"];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* sources(p);
    else if (e.name.endsWith(".ts")) yield p;
  }
}

/** SHA-256 over the raw files, the loader and shared code, and the data folder setting. */
export function fingerprint(): string {
  const h = createHash("sha256");
  h.update(`KOMMUNETAL_DATA=${process.env.KOMMUNETAL_DATA ?? ""}\n`);
  for (const p of [
    ...Object.values(RAW),
    ...sources(join(PROJECT_ROOT, "loaders")),
    ...sources(join(PROJECT_ROOT, "common"))
  ]) {
    h.update(p + "\n");
    if (existsSync(p) && statSync(p).isFile()) h.update(readFileSync(p));
  }
  return h.digest("hex");
}

/** Write a file atomically: a temp file renamed into place (parallel loader processes never read half a file). */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Parse and compute everything once, and write the cache (the manifest last, so it only names complete parts). */
export function runIngest(): Ingest {
  const t0 = performance.now();
  const data: Ingest = {
    fingerprint: fingerprint(),
    kommuner: buildKommuner(),
    noegletal: buildNoegletal(),
    befolkning: buildBefolkning(),
    groups: buildGroupDefaults()
  };
  mkdirSync(INGEST_DIR, { recursive: true });
  for (const part of PARTS) writeAtomic(join(INGEST_DIR, `${part}.json`), JSON.stringify(data[part]));
  writeAtomic(MANIFEST, JSON.stringify({ fingerprint: data.fingerprint, parts: PARTS }));
  process.stderr.write(
    `[ingest] rådata læst og sammenligningsgrupper beregnet én gang: ${INGEST_DIR} (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`
  );
  return data;
}

function fresh(): boolean {
  if (!existsSync(MANIFEST)) return false;
  return (JSON.parse(readFileSync(MANIFEST, "utf-8")) as { fingerprint: string }).fingerprint === fingerprint();
}

function readPart<P extends Part>(part: P): Ingest[P] {
  return JSON.parse(readFileSync(join(INGEST_DIR, `${part}.json`), "utf-8")) as Ingest[P];
}

/** The whole cache if it exists and is fresh, else null. */
export function readIngest(): Ingest | null {
  if (!fresh()) return null;
  return {
    fingerprint: fingerprint(),
    kommuner: readPart("kommuner"),
    noegletal: readPart("noegletal"),
    befolkning: readPart("befolkning"),
    groups: readPart("groups")
  };
}

let used = false;

/**
 * For loader entries: seed the datasets and groups from the ingest cache (running the ingest if the cache is missing
 * or stale). Call before any `build*` function. `parts` names what the entry needs (default: everything); a part
 * left out is simply computed by its build* function if the entry does need it.
 */
export function useIngest(parts: readonly Part[] = PARTS): void {
  if (used) return;
  used = true;
  if (!fresh()) {
    process.stderr.write("[ingest] intet friskt mellemlager; kører indlæsningen nu\n");
    runIngest(); // the build* memos are filled as a side effect
    return;
  }
  primeDatasets({
    kommuner: parts.includes("kommuner") ? readPart("kommuner") : undefined,
    noegletal: parts.includes("noegletal") ? readPart("noegletal") : undefined,
    befolkning: parts.includes("befolkning") ? readPart("befolkning") : undefined
  });
  if (parts.includes("groups")) primeGroupDefaults(readPart("groups"));
}
