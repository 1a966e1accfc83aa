/**
 * The workspace database: one read-only DuckDB file (`filer/kommunetal.duckdb`) holding
 * every published table, with `COMMENT ON` descriptions of every table and column and a
 * few convenience views. Written by native DuckDB (@duckdb/node-api) in storage version
 * v1.1.0, which DuckDB-WASM 1.29 (DuckDB v1.1.1, used in the browser) ATTACHes with no
 * extension: SQL over everything offline (read_parquet would need an extension that the
 * browser would have to download).
 *
 * Each table is produced by the same builder and schema as its published Parquet file
 * (the Parquet bytes are written to a temporary file and loaded with read_parquet), so
 * row counts and types equal the files under filer/. Adding a table is one entry in
 * WORKSPACE_TABLES.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { INFRA_TABLES, TABLES } from "../common/views/data.js";
import { AREA_DEFINITIONS } from "./areas.js";
import { buildBefolkning, buildKommuner, buildNoegletal } from "./datasets.js";
import { buildGroupDefaults, computeArea, figureIndex } from "./groups.js";
import { GROUPS_SCHEMA, MODELS_SCHEMA } from "./groups-schema.js";
import { aggregateBytes, extractsSource } from "./infra/build.js";
import { buildPlaceringer } from "./kommune.js";
import { loadGroupContext } from "./kommune-groups.js";
import { type Schema, toParquet } from "./lib/parquet.js";
import { PLACERINGER_SCHEMA } from "./placeringer-schema.js";
import { BEFOLKNING_SCHEMA, KATALOG_SCHEMA, KOMMUNER_SCHEMA, LANDSTAL_SCHEMA, NOEGLETAL_SCHEMA } from "./schemas.js";

/** A published table's column texts: the same dictionary /data shows (common/views/data.ts), written once. */
function publishedColumns(file: string): Record<string, string> {
  const table = TABLES.find((t) => t.navn === file);
  if (!table) throw new Error(`${file} har ingen kolonnetekster i common/views/data.ts`);
  const years = [...new Set(buildNoegletal().values.map((r) => r.aar))].sort((a, b) => a - b);
  const span = years.length ? `${years[0]}–${years[years.length - 1]}` : "";
  return Object.fromEntries(Object.entries(table.kolonner).map(([c, text]) => [c, text.replaceAll("{aar}", span)]));
}

export interface WorkspaceTable {
  /** SQL name in the database (letters, digits, underscore) */
  name: string;
  /** the published file it mirrors (filer/<file>.parquet), or null for a table only in the database */
  file: string | null;
  /** table description (Danish), stored with COMMENT ON TABLE */
  description: string;
  /** column → description (Danish), stored with COMMENT ON COLUMN; every column must have one */
  columns: Record<string, string>;
  /** the Parquet bytes, exactly as the file loader writes them */
  parquet: () => Uint8Array | Promise<Uint8Array>;
}

/** One row per municipality, area and year of a default comparison-group model: actual vs predicted outcome. */
export interface ForventetRow {
  omraade: string;
  aar: number;
  kommunekode: string;
  udfald: string;
  faktisk: number;
  forventet: number;
  forskel: number;
}

export const FORVENTET_SCHEMA: Schema<ForventetRow> = {
  omraade: "STRING",
  aar: "INT32",
  kommunekode: "STRING",
  udfald: "STRING",
  faktisk: "DOUBLE",
  forventet: "DOUBLE",
  forskel: "DOUBLE"
};

/**
 * The predicted outcome of every default comparison-group model (the final model after
 * backward elimination) for every municipality in it. The published models table holds
 * coefficients on standardised variables only, so the predicted level is added here,
 * from the same engine and the same defaults (loaders/groups.ts).
 */
export function buildForventet(): ForventetRow[] {
  const index = figureIndex();
  const rows: ForventetRow[] = [];
  for (const area of buildGroupDefaults().areas) {
    const def = AREA_DEFINITIONS.find((a) => a.id === area.id)!;
    for (const aar of area.aar) {
      const r = computeArea(def, aar, index);
      r.kommunekoder.forEach((kode, i) =>
        rows.push({
          omraade: area.id,
          aar,
          kommunekode: kode,
          udfald: area.udfald,
          faktisk: r.actual[i],
          forventet: r.predicted[i],
          forskel: r.residual[i]
        })
      );
    }
  }
  return rows;
}

/** The label every infrastructure table's description begins with when the data are the generated demo set. */
export const DEMODATA_LABEL = "DEMODATA (genererede tal, ikke rigtige): ";

/**
 * The infrastructure aggregates (loaders/infra/aggregates.ts), one table each (`infrastruktur_kald_maaned` …), with
 * the column texts of common/views/data.ts INFRA_TABLES; the bytes are the published Parquet files themselves.
 */
export function infraWorkspaceTables(demodata = extractsSource().demodata): WorkspaceTable[] {
  return INFRA_TABLES.map((t) => ({
    name: t.navn.replaceAll("-", "_"),
    file: t.navn,
    description: `${demodata ? DEMODATA_LABEL : ""}${t.indhold}. Kilde: ${demodata ? "demodata genereret af kommunetal (npm run demodata), i formen af " : ""}${t.kilde}.`,
    columns: { ...t.kolonner },
    parquet: () => aggregateBytes(t.navn)
  }));
}

export const WORKSPACE_TABLES: WorkspaceTable[] = [
  {
    name: "kommuner",
    file: "kommuner",
    description:
      "De 98 kommuner med region og DST-kommunegruppe. Kilde: DAWA/Dataforsyningen; Danmarks Statistik (KOMGRP).",
    columns: publishedColumns("kommuner"),
    parquet: () => toParquet(buildKommuner(), KOMMUNER_SCHEMA)
  },
  {
    name: "noegletal",
    file: "noegletal",
    description:
      "Alle nøgletal for alle kommuner og år, lang form. Kilde: Social- og Indenrigsministeriet, Kommunale Nøgletal (noegletal.dk).",
    columns: publishedColumns("noegletal"),
    parquet: () => toParquet(buildNoegletal().values, NOEGLETAL_SCHEMA)
  },
  {
    name: "noegletal_landstal",
    file: "noegletal-landstal",
    description: "Kildens egne landstal (rækkerne I alt og Gennemsnit). Kilde: noegletal.dk.",
    columns: publishedColumns("noegletal-landstal"),
    parquet: () => toParquet(buildNoegletal().national, LANDSTAL_SCHEMA)
  },
  {
    name: "noegletal_katalog",
    file: "noegletal-katalog",
    description: "Dokumentation af hvert nøgletal (titel, enhed, område, år). Kilde: noegletal.dk.",
    columns: publishedColumns("noegletal-katalog"),
    parquet: () => toParquet(buildNoegletal().katalog, KATALOG_SCHEMA)
  },
  {
    name: "befolkning",
    file: "befolkning",
    description: "Befolkningen den 1. i måneden pr. kommune. Kilde: Danmarks Statistik, FOLK1AM.",
    columns: publishedColumns("befolkning"),
    parquet: () => toParquet(buildBefolkning().rows, BEFOLKNING_SCHEMA)
  },
  {
    name: "kdk_placeringer",
    file: "kdk-placeringer",
    description:
      "Kend din Kommune: placering, landstal og gennemsnit for sammenligningsgruppen pr. nøgletal, kommune og år.",
    columns: publishedColumns("kdk-placeringer"),
    parquet: async () => toParquet(buildPlaceringer(await loadGroupContext()), PLACERINGER_SCHEMA)
  },
  {
    name: "sammenligningsgrupper",
    file: "sammenligningsgrupper",
    description:
      "Standard-sammenligningsgrupperne: for hvert område og år de 10 mest sammenlignelige kommuner for hver kommune.",
    columns: publishedColumns("sammenligningsgrupper"),
    parquet: () => toParquet(buildGroupDefaults().rows, GROUPS_SCHEMA)
  },
  {
    name: "sammenligningsgrupper_modeller",
    file: "sammenligningsgrupper-modeller",
    description: "Hvert trin i den baglæns eliminering i hver regression bag standardgrupperne.",
    columns: publishedColumns("sammenligningsgrupper-modeller"),
    parquet: () => toParquet(buildGroupDefaults().models, MODELS_SCHEMA)
  },
  {
    name: "infrastruktur_kle_overensstemmelse",
    file: "infrastruktur-kle-overensstemmelse",
    description: `${extractsSource().demodata ? DEMODATA_LABEL : ""}KLE i indeksene: andel af de KLE-opmærkede sager med et KLE-nummer, der findes, er aktuelt og på emneniveau, pr. it-system og kommune.`,
    columns: publishedColumns("infrastruktur-kle-overensstemmelse"),
    parquet: () => aggregateBytes("infrastruktur-kle-overensstemmelse")
  },
  {
    name: "sammenligningsgrupper_forventet",
    file: null,
    description:
      "Faktisk og forventet udgiftsniveau (udfaldet) pr. kommune, område og år fra standardmodellen bag sammenligningsgrupperne " +
      "(den endelige model efter baglæns eliminering). forskel = faktisk − forventet: det strukturelt korrigerede niveau (råderum).",
    columns: {
      omraade: "områdets id",
      aar: "år",
      kommunekode: "3 cifre",
      udfald: "udfaldets nøgletals-id (enheden står i noegletal_katalog)",
      faktisk: "kommunens faktiske værdi af udfaldet",
      forventet: "det niveau, modellen forudsiger ud fra kommunens struktur",
      forskel: "faktisk − forventet, i udfaldets enhed"
    },
    parquet: () => toParquet(buildForventet(), FORVENTET_SCHEMA)
  },
  ...infraWorkspaceTables()
];

/** Convenience views (name, description, SQL over bare table names). */
export const WORKSPACE_VIEWS: { name: string; description: string; sql: string }[] = [
  {
    name: "noegletal_med_navne",
    description: "noegletal med nøgletallets titel, enhed og område og kommunens navn og region.",
    sql: `SELECT n.id, c.titel, c.enhed, c.omraade_navn, n.kommunekode, k.navn AS kommune, k.regionsnavn, n.aar, n.vaerdi, n.status
FROM noegletal n JOIN noegletal_katalog c USING (id) JOIN kommuner k USING (kommunekode)`
  },
  {
    name: "noegletal_seneste",
    description:
      "Hvert nøgletals seneste år med data: én række pr. nøgletal og kommune. Det er for de fleste nøgletal 2019, som er budgettal (kolonnen aarstype); sammenlign regnskaber med noegletal_seneste_regnskab.",
    sql: `SELECT n.* FROM noegletal n JOIN noegletal_katalog c USING (id) WHERE n.aar = c.aar_til`
  },
  {
    name: "noegletal_seneste_regnskab",
    description:
      "Hvert nøgletals seneste regnskabsår med data (kataloget: seneste_regnskabsaar): én række pr. nøgletal og kommune; det år, siderne viser som udgangspunkt.",
    sql: `SELECT n.* FROM noegletal n JOIN noegletal_katalog c USING (id) WHERE n.aar = c.seneste_regnskabsaar`
  },
  {
    name: "befolkning_seneste",
    description: "Befolkningen pr. kommune i den seneste måned i befolkning.",
    sql: `SELECT kommunekode, maaned, befolkning FROM befolkning WHERE maaned = (SELECT max(maaned) FROM befolkning)`
  }
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`ugyldigt tabel- eller kolonnenavn: ${s}`);
  return s;
};

/** Write the workspace database to `path` (must not exist) and return it. */
export async function writeWorkspaceDb(
  path: string,
  tables = WORKSPACE_TABLES,
  views = WORKSPACE_VIEWS
): Promise<void> {
  const tmp = mkdtempSync(join(tmpdir(), "kommunetal-db-"));
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    await con.run(`ATTACH ${quote(path)} AS ws (STORAGE_VERSION 'v1.1.0')`);
    await con.run("USE ws");
    for (const t of tables) {
      const file = join(tmp, `${ident(t.name)}.parquet`);
      writeFileSync(file, await t.parquet());
      await con.run(`CREATE TABLE ${t.name} AS SELECT * FROM read_parquet(${quote(file)})`);
      await con.run(`COMMENT ON TABLE ${t.name} IS ${quote(t.description)}`);
      const cols = (
        await (
          await con.runAndReadAll(
            `SELECT column_name FROM duckdb_columns() WHERE database_name = 'ws' AND table_name = ${quote(t.name)}`
          )
        ).getRowObjects()
      ).map((r) => String(r.column_name));
      for (const c of cols) {
        const d = t.columns[c];
        if (!d) throw new Error(`kolonnen ${t.name}.${c} har ingen beskrivelse i loaders/workspace-db.ts`);
        await con.run(`COMMENT ON COLUMN ${t.name}.${ident(c)} IS ${quote(d)}`);
      }
      for (const c of Object.keys(t.columns))
        if (!cols.includes(c)) throw new Error(`kolonnen ${t.name}.${c} er beskrevet men findes ikke`);
    }
    for (const v of views) {
      await con.run(`CREATE VIEW ${ident(v.name)} AS ${v.sql}`);
      await con.run(`COMMENT ON VIEW ${v.name} IS ${quote(v.description)}`);
    }
    await con.run("USE memory");
    await con.run("DETACH ws");
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The database file's bytes (for the loader). */
export async function buildWorkspaceDb(): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), "kommunetal-ws-"));
  try {
    const path = join(dir, "kommunetal.duckdb");
    await writeWorkspaceDb(path);
    return new Uint8Array(readFileSync(path));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
