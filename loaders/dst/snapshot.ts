/**
 * A refresh from StatBank as one all-or-nothing step:
 *
 * 1. fetch every requested table into a new temporary folder beside the snapshot
 *    (`<ud>/.statbank-ny-…`), in chunks under DST's cell limit;
 * 2. read each file back with the same checks the loaders use (parse.ts) and reconcile
 *    it with what was asked for (rows = selected combinations);
 * 3. write the provenance file (`kilde.json`: table, variables, request bodies, DST's
 *    `updated`, fetch time, "Kilde: Danmarks Statistik");
 * 4. only then swap the folder in with one rename (`<ud>/statbank`), keeping the tables
 *    that were not refreshed this time.
 *
 * Any failure before step 4 removes the temporary folder and leaves the previous
 * snapshot exactly as it was.
 */
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Change, checkCounts, diffExtracts, parseStatbankCsv, type StatbankExtract } from "./parse.js";
import { chunkValues, type StatbankClient, StatbankError } from "./statbank.js";
import { type Selection, TABLES, type TableSpec } from "./tables.js";

export const SNAPSHOT_DIR = "statbank";
export const PROVENANCE_FILE = "kilde.json";

export interface TableProvenance {
  tabel: string;
  titel: string;
  enhed: string;
  formaal: string;
  fil: string;
  kilde: "Kilde: Danmarks Statistik";
  api: string;
  opdateret_hos_dst: string;
  hentet: string;
  variabler: { id: string; tekst: string; valgte_vaerdier: number }[];
  forespoergsler: unknown[];
  raekker: number;
  manglende_vaerdier: number;
  decimaltegn: string;
  perioder: { foerste: string; seneste: string; antal: number };
}

export interface Provenance {
  beskrivelse: string;
  tabeller: Record<string, TableProvenance>;
}

export interface RefreshOptions {
  client: StatbankClient;
  apiUrl: string;
  /** the data folder the loaders read (KOMMUNETAL_DATA or data/raw) */
  out: string;
  tables: string[];
  kommunekoder: readonly string[];
  /** first period to fetch per table id (e.g. NGLK "2008", FOLK1A "2008K1") */
  from?: Record<string, string>;
  now?: () => Date;
  log?: (line: string) => void;
  /** DST's cell limit per request (lower in tests to exercise chunking) */
  cellLimit?: number;
}

export interface TableResult {
  table: string;
  rows: number;
  requests: number;
  /** true when there was no earlier snapshot of the table to compare with */
  first: boolean;
  periods: TableProvenance["perioder"];
  changes: Change[];
}

export interface RefreshResult {
  folder: string;
  tables: TableResult[];
}

/** Rebuild a previous extract without a selection (for the change report only). */
function looseExtract(text: string): StatbankExtract {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const columns = (lines[0] ?? "").split(";");
  const cells = lines.slice(1).map((l) => {
    const parts = l.split(";");
    const raw = parts[parts.length - 1];
    return { key: parts.slice(0, -1), value: raw === ".." || raw === "" ? null : Number(raw.replace(",", ".")) };
  });
  return { columns, cells, decimal: "heltal", missing: cells.filter((c) => c.value === null).length };
}

async function fetchTable(
  spec: TableSpec,
  o: RefreshOptions,
  tmp: string
): Promise<{ provenance: TableProvenance; extract: StatbankExtract; selection: Selection; requests: number }> {
  const log = o.log ?? (() => {});
  const before = o.client.requests;
  const info = await o.client.tableinfo(spec.id);
  const selection = spec.select(info, o.kommunekoder, o.from?.[spec.id]);
  const chunks = chunkValues(selection.variables, selection.time, o.cellLimit);
  log(
    `${spec.id}: ${info.text} — ${selection.variables.map((v) => `${v.code} ${v.values.length}`).join(", ")}; ${chunks.length} forespørgsel(er)`
  );
  let header = "";
  const body: string[] = [];
  const bodies: unknown[] = [];
  for (const [i, periods] of chunks.entries()) {
    const variables = selection.variables.map((v) =>
      v.code === selection.time ? { code: v.code, values: periods } : v
    );
    const expected = variables.reduce((n, v) => n * v.values.length, 1);
    bodies.push({ table: spec.id, format: "CSV", valuePresentation: "Code", delimiter: "Semicolon", variables });
    const text = await o.client.data({ table: spec.id, variables }, expected);
    const lines = text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)
      .filter((l) => l !== "");
    if (i === 0) header = lines[0];
    else if (lines[0] !== header)
      throw new StatbankError(`${spec.id}: overskriften skiftede mellem forespørgsler ("${header}" / "${lines[0]}")`);
    body.push(...lines.slice(1));
    log(
      `  ${spec.id} del ${i + 1}/${chunks.length}: ${periods[0]}–${periods[periods.length - 1]}, ${lines.length - 1} rækker`
    );
  }
  // one canonical row order (the selection's, time innermost), whatever the chunking
  const order = selection.variables.map((v) => new Map(v.values.map((id, i) => [id, i])));
  const rank = (line: string) =>
    line
      .split(";")
      .slice(0, order.length)
      .map((code, i) => order[i].get(code) ?? -1);
  const keyed = body.map((line) => ({ line, r: rank(line) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) if (a.r[i] !== b.r[i]) return a.r[i] - b.r[i];
    return 0;
  });
  const file = join(tmp, spec.file);
  const text = [header, ...keyed.map((k) => k.line)].join("\n") + "\n";
  await writeFile(file, text);
  const extract = parseStatbankCsv(text, file, selection, o.kommunekoder);
  if (spec.id === "FOLK1A") checkCounts(extract, file);
  const times = selection.variables.find((v) => v.code === selection.time)!.values;
  const provenance: TableProvenance = {
    tabel: spec.id,
    titel: info.text,
    enhed: info.unit,
    formaal: spec.purpose,
    fil: spec.file,
    kilde: "Kilde: Danmarks Statistik",
    api: o.apiUrl,
    opdateret_hos_dst: info.updated,
    hentet: (o.now ?? (() => new Date()))().toISOString(),
    variabler: selection.variables.map((v) => ({
      id: v.code,
      tekst: info.variables.find((x) => x.id === v.code)?.text ?? v.code,
      valgte_vaerdier: v.values.length
    })),
    forespoergsler: bodies,
    raekker: extract.cells.length,
    manglende_vaerdier: extract.missing,
    decimaltegn: extract.decimal,
    perioder: { foerste: times[0], seneste: times[times.length - 1], antal: times.length }
  };
  return { provenance, extract, selection, requests: o.client.requests - before };
}

export async function readProvenance(folder: string): Promise<Provenance | null> {
  const path = join(folder, PROVENANCE_FILE);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(await readFile(path, "utf-8")) as Provenance;
  } catch (e) {
    throw new StatbankError(
      `${path} kan ikke læses som JSON (${(e as Error).message}); slet mappen ${folder} og hent igen`
    );
  }
}

export async function refresh(o: RefreshOptions): Promise<RefreshResult> {
  const target = join(o.out, SNAPSHOT_DIR);
  const stamp = `${process.pid}-${Date.now()}`;
  const tmp = join(o.out, `.statbank-ny-${stamp}`);
  const unknown = o.tables.filter((t) => !TABLES[t]);
  if (unknown.length)
    throw new StatbankError(`ukendt tabel: ${unknown.join(", ")} (kendte: ${Object.keys(TABLES).join(", ")})`);
  await mkdir(tmp, { recursive: true });
  try {
    const previous = await readProvenance(target);
    const provenance: Provenance = {
      beskrivelse:
        "Tabeller hentet fra Danmarks Statistiks Statistikbank (api.statbank.dk/v1) af `npm run opdater`. Kilde: Danmarks Statistik.",
      tabeller: {}
    };
    const results: TableResult[] = [];
    for (const id of o.tables) {
      const spec = TABLES[id];
      const { provenance: p, extract, selection, requests } = await fetchTable(spec, o, tmp);
      provenance.tabeller[id] = p;
      const oldFile = join(target, spec.file);
      const old = existsSync(oldFile) ? looseExtract(await readFile(oldFile, "utf-8")) : null;
      const seriesIndex = id === "NGLK" ? 1 : null;
      const timeIndex = selection.variables.findIndex((v) => v.code === selection.time);
      const changes = old ? diffExtracts(old, extract, seriesIndex, timeIndex) : [];
      results.push({
        table: id,
        rows: extract.cells.length,
        requests,
        first: old === null,
        periods: p.perioder,
        changes
      });
    }
    // tables not refreshed this time are carried over unchanged
    for (const [id, p] of Object.entries(previous?.tabeller ?? {})) {
      if (provenance.tabeller[id]) continue;
      const from = join(target, p.fil);
      if (!existsSync(from)) continue;
      await copyFile(from, join(tmp, p.fil));
      provenance.tabeller[id] = p;
    }
    await writeFile(join(tmp, PROVENANCE_FILE), JSON.stringify(provenance, null, 2) + "\n");
    // the swap: one rename each way; the old folder is removed only after the new one is in place
    const old = `${target}.forrige-${stamp}`;
    if (existsSync(target)) await rename(target, old);
    await rename(tmp, target);
    await rm(old, { recursive: true, force: true });
    return { folder: target, tables: results };
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** The change report, in Danish, one line per table and per changed series. */
export function describeChanges(result: RefreshResult): string[] {
  const lines: string[] = [];
  for (const t of result.tables) {
    lines.push(
      `${t.table}: ${t.rows.toLocaleString("da-DK")} rækker hentet i ${t.requests} forespørgsler, perioder ${t.periods.foerste}–${t.periods.seneste}`
    );
    if (t.first) {
      lines.push("  første øjebliksbillede af tabellen: intet at sammenligne med");
      continue;
    }
    const changed = t.changes.filter((c) => c.newPeriods.length || c.revised || c.removed);
    if (changed.length === 0) lines.push("  ingen ændringer siden sidste øjebliksbillede");
    for (const c of changed) {
      const parts: string[] = [];
      if (c.newPeriods.length)
        parts.push(
          `nye perioder ${c.newPeriods[0]}${c.newPeriods.length > 1 ? `–${c.newPeriods[c.newPeriods.length - 1]}` : ""}`
        );
      if (c.revised) parts.push(`${c.revised} reviderede værdier`);
      if (c.removed) parts.push(`${c.removed} værdier fjernet`);
      lines.push(`  ${c.series}: ${parts.join(", ")}`);
    }
  }
  return lines;
}
