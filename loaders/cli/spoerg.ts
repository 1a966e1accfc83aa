/**
 * `npm run --silent spoerg -- "<spørgsmål>" [--json]`: Spørg on the command line. The same parser and SQL
 * templates as the page (common/spoerg/), run by native DuckDB over tables with the published names and
 * columns, loaded from the Parquet bytes the loaders write. Follow-ups: several questions as separate
 * arguments are asked in order, each seeing the previous one.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { ask, type SpoergSvar } from "../../common/spoerg/ask.js";
import { spoergKatalog } from "../../common/spoerg/katalog.js";
import { buildIndex, type Index } from "../../common/spoerg/parse.js";
import { buildKommuner, buildNoegletal } from "../datasets.js";
import { buildPlaceringer } from "../kommune.js";
import { loadGroupContext } from "../kommune-groups.js";
import { toParquet } from "../lib/parquet.js";
import { PLACERINGER_SCHEMA } from "../placeringer-schema.js";
import { KATALOG_SCHEMA, KOMMUNER_SCHEMA, LANDSTAL_SCHEMA, NOEGLETAL_SCHEMA } from "../schemas.js";

export interface NodeSpoerg {
  index: Index;
  con: DuckDBConnection;
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  close: () => void;
}

/**
 * An in-memory native DuckDB with the published tables Spørg reads (noegletal, noegletal_katalog, noegletal_landstal,
 * kommuner, kdk_placeringer), from the same builders and schemas as the workspace database's tables.
 */
export async function openNodeSpoerg(dbFile?: string): Promise<NodeSpoerg> {
  if (dbFile) {
    // a built workspace database (e.g. dist/filer/kommunetal.duckdb): the very file the browser queries
    if (!existsSync(dbFile)) throw new Error(`databasefilen ${dbFile} findes ikke (byg den med npm run build)`);
    const con = await (await DuckDBInstance.create()).connect();
    await con.run(`ATTACH '${dbFile.replace(/'/g, "''")}' AS kt (READ_ONLY)`);
    await con.run("USE kt");
    return withIndex(con);
  }
  const n = buildNoegletal();
  const kommuner = buildKommuner();
  const dir = mkdtempSync(join(tmpdir(), "spoerg-"));
  const files: [string, Uint8Array][] = [
    ["noegletal", toParquet(n.values, NOEGLETAL_SCHEMA)],
    ["noegletal_katalog", toParquet(n.katalog, KATALOG_SCHEMA)],
    ["noegletal_landstal", toParquet(n.national, LANDSTAL_SCHEMA)],
    ["kommuner", toParquet(kommuner, KOMMUNER_SCHEMA)],
    // comparison-group means, as on the municipality pages (questions "i forhold til sammenligningsgruppen")
    ["kdk_placeringer", toParquet(buildPlaceringer(await loadGroupContext()), PLACERINGER_SCHEMA)]
  ];
  const con = await (await DuckDBInstance.create()).connect();
  for (const [name, bytes] of files) {
    const file = join(dir, name + ".parquet");
    writeFileSync(file, bytes);
    await con.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${file}')`);
  }
  rmSync(dir, { recursive: true, force: true });
  return withIndex(con);
}

async function withIndex(con: DuckDBConnection): Promise<NodeSpoerg> {
  const query = async (sql: string) => (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const katalogRows = await query("SELECT id, titel, enhed, omraade, aar_med_data, decimaler FROM noegletal_katalog");
  const kommuneRows = await query("SELECT kommunekode, navn, officielt_navn, regionskode, regionsnavn FROM kommuner");
  const index = buildIndex(spoergKatalog(katalogRows as never, kommuneRows as never));
  return { index, con, query, close: () => con.closeSync() };
}

function printText(s: SpoergSvar): string {
  if (s.status === "ok") return [s.saetning, ...s.noter, "", s.sql, "", s.kilde].join("\n");
  const lines = [s.begrundelse];
  if (s.status === "uklart" && s.kandidater.length)
    lines.push("Mulige nøgletal:", ...s.kandidater.map((k) => `  - ${k.titel} (${k.id})`));
  if (s.forslag.length) lines.push("Forslag:", ...s.forslag.map((f) => `  - ${f}`));
  return lines.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes("--json");
  const dbAt = args.indexOf("--db");
  const dbFile = dbAt >= 0 ? args[dbAt + 1] : undefined;
  const questions = args.filter((a, i) => a !== "--json" && !(dbAt >= 0 && (i === dbAt || i === dbAt + 1)));
  if (!questions.length || args.includes("--help")) {
    process.stdout.write(
      'Brug: npm run --silent spoerg -- "<spørgsmål>" ["<opfølgning>" …] [--json] [--db <kommunetal.duckdb>]\n'
    );
    process.exit(questions.length ? 0 : 2);
  }
  const db = await openNodeSpoerg(dbFile);
  let prev = null;
  const out: SpoergSvar[] = [];
  for (const q of questions) {
    const s = await ask(db.index, q, prev, db.query);
    if (s.status === "ok") prev = s.forstaaet;
    out.push(s);
  }
  db.close();
  if (json) process.stdout.write(JSON.stringify(out.length === 1 ? out[0] : out, null, 2) + "\n");
  else process.stdout.write(out.map(printText).join("\n\n---\n\n") + "\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    process.stderr.write(`spoerg: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
