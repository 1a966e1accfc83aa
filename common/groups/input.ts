/**
 * Build the engine's input from key figures in long form ({id, kommunekode, aar,
 * vaerdi, status}), the shape of both `buildNoegletal().values` (Node) and
 * `src/data/noegletal.parquet` (browser). Yes/no figures (status ja/nej) are not
 * numbers and count as missing; a true zero (status nul) is 0.
 */

import { isYesNoStatus, type KeyFigureRow } from "../vocabulary.js";
import { GroupsError } from "./errors.js";
import type { GroupsInput } from "./model.js";

/** The vocabulary's key-figure row (common/vocabulary.ts). */
export type LongRow = KeyFigureRow;

export interface VariableChoice {
  id: string;
  log?: boolean;
}

/** Index of long rows by `id/aar` → kommunekode → value, built once and reused. */
export class FigureIndex {
  private readonly map = new Map<string, Map<string, number | null>>();
  readonly ids = new Set<string>();
  constructor(rows: Iterable<LongRow>) {
    for (const r of rows) {
      const key = `${r.id}/${r.aar}`;
      let m = this.map.get(key);
      if (!m) this.map.set(key, (m = new Map()));
      m.set(r.kommunekode, isYesNoStatus(r.status) ? null : r.vaerdi);
      this.ids.add(r.id);
    }
  }
  /** values of one figure in one year; undefined if the figure has no row that year */
  get(id: string, aar: number): Map<string, number | null> | undefined {
    return this.map.get(`${id}/${aar}`);
  }
  /** true if at least one municipality has a value */
  has(id: string, aar: number): boolean {
    const m = this.get(id, aar);
    if (!m) return false;
    for (const v of m.values()) if (v !== null) return true;
    return false;
  }
}

/**
 * @param kommunekoder the municipalities to include (all 98, in any order)
 * @throws {GroupsError} "input" if an id is not a key figure or has no value in the year
 */
export function groupsInput(
  index: FigureIndex,
  kommunekoder: readonly string[],
  outcome: string,
  variables: readonly VariableChoice[],
  aar: number
): GroupsInput {
  const series = (id: string) => {
    if (!index.ids.has(id))
      throw new GroupsError("input", `Ukendt nøgletal: ${id}. Brug et id fra nøgletalskataloget.`, [id]);
    if (!index.has(id, aar)) throw new GroupsError("input", `Nøgletallet ${id} har ingen værdier i ${aar}.`, [id]);
    const m = index.get(id, aar)!;
    return kommunekoder.map((k) => m.get(k) ?? null);
  };
  return {
    kommunekoder,
    outcome: { id: outcome, values: series(outcome) },
    candidates: variables.map((v) => ({ id: v.id, values: series(v.id), log: !!v.log }))
  };
}
