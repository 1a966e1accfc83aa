/** Spørg end to end over any SQL runner (native DuckDB on the command line, DuckDB-WASM in the browser). */
import { buildSvar, KILDE, normaliseRows, type Svar, type SvarRow, sentence } from "./answer.js";
import { type Index, parse } from "./parse.js";
import { compileSql } from "./sql.js";
import type { Forstaaet, Kandidat } from "./types.js";

export type SpoergSvar =
  | {
      status: "ok";
      spoergsmaal: string;
      forstaaet: Forstaaet;
      sql: string;
      svar: Svar;
      saetning: string;
      noter: string[];
      kilde: string;
      rows: SvarRow[];
    }
  | { status: "uklart"; spoergsmaal: string; begrundelse: string; kandidater: Kandidat[]; forslag: string[] }
  | { status: "afvist"; spoergsmaal: string; begrundelse: string; forslag: string[] };

export type Runner = (sql: string) => Promise<Record<string, unknown>[]>;

export async function answer(
  index: Index,
  forstaaet: Forstaaet,
  run: Runner,
  spoergsmaal: string,
  noter: string[] = []
): Promise<SpoergSvar> {
  const figur = index.figurById.get(forstaaet.noegletal[0])!;
  const sql = compileSql(forstaaet);
  const rows = normaliseRows(await run(sql));
  const regionNavn = forstaaet.region
    ? index.katalog.kommuner.find((k) => k.regionskode === forstaaet.region)?.regionsnavn
    : undefined;
  return {
    status: "ok",
    spoergsmaal,
    forstaaet,
    sql,
    svar: buildSvar(forstaaet, figur, rows),
    saetning: sentence(forstaaet, figur, rows, regionNavn),
    noter,
    kilde: KILDE,
    rows
  };
}

export async function ask(
  index: Index,
  spoergsmaal: string,
  forrige: Forstaaet | null,
  run: Runner
): Promise<SpoergSvar> {
  const p = parse(index, spoergsmaal, forrige);
  if (p.status !== "ok") return { ...p, spoergsmaal };
  return answer(index, p.forstaaet, run, spoergsmaal, p.noter);
}
