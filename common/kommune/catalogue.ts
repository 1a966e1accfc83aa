/**
 * Rows for the key-figure catalogue (/noegletal) and the comparison page (/sammenlign),
 * computed in the browser from the published long table (noegletal.parquet).
 */
import { NUMERIC_STATUS, rankDescending } from "../ranking.js";
import {
  type CellStatus,
  isYesNoFigure,
  type KeyFigureRow,
  type NationalFigureValue,
  type NationalRow,
  nationalFigure,
  statusText
} from "../vocabulary.js";

export type { NationalRow };
/** A cell of the long key-figure table. */
export type ValueRow = KeyFigureRow;

export interface KommuneRef {
  kommunekode: string;
  navn: string;
  regionsnavn: string;
  kommunegruppe: string;
}

export interface RankingRow {
  rank: number | null;
  kommunekode: string;
  navn: string;
  regionsnavn: string;
  kommunegruppe: string;
  vaerdi: number | null;
  status: CellStatus;
  statustekst: string;
}

/** Index the long table by figure id (one pass; pages look up many figures). */
export function byFigure<T extends { id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    let list = out.get(r.id);
    if (!list) out.set(r.id, (list = []));
    list.push(r);
  }
  return out;
}

/** The 98 municipalities for one figure and year: value, status and rank (1 = highest), sorted by rank, missing last. */
export function rankingRows(
  values: readonly ValueRow[],
  kommuner: readonly KommuneRef[],
  aar: number,
  yesNo = false
): RankingRow[] {
  const cells = new Map(values.filter((r) => r.aar === aar).map((r) => [r.kommunekode, r]));
  const numeric = new Map<string, number>();
  for (const [k, r] of cells) if (r.vaerdi !== null && NUMERIC_STATUS.has(r.status)) numeric.set(k, r.vaerdi);
  const ranks = yesNo ? new Map<string, number>() : rankDescending(numeric);
  const rows = kommuner.map((k) => {
    const c = cells.get(k.kommunekode);
    const status: CellStatus = c?.status ?? "ikke_indberettet";
    return {
      rank: ranks.get(k.kommunekode) ?? null,
      kommunekode: k.kommunekode,
      navn: k.navn,
      regionsnavn: k.regionsnavn,
      kommunegruppe: k.kommunegruppe,
      vaerdi: yesNo ? null : (numeric.get(k.kommunekode) ?? null),
      status,
      statustekst: statusText(status)
    };
  });
  return rows.sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.navn.localeCompare(b.navn, "da"));
}

/** National figure for a year by the one rule (common/vocabulary.ts): the source's row, or the unweighted mean of the municipalities. */
export function nationalFor(
  values: readonly ValueRow[],
  national: readonly NationalRow[],
  aar: number
): NationalFigureValue {
  return nationalFigure(
    values.filter((r) => r.aar === aar),
    national.find((r) => r.aar === aar)
  );
}

export interface CompareRow {
  omraade: string;
  id: string;
  titel: string;
  enhed: string;
  decimaler: number;
  aar: number;
  a: number | null;
  a_status: CellStatus;
  a_rank: number | null;
  b: number | null;
  b_status: CellStatus;
  b_rank: number | null;
  antal: number;
  /** a − b, when both have a value */
  forskel: number | null;
  /** (a − b) / |b| in percent, when both have a value and b ≠ 0 */
  forskel_pct: number | null;
}

/** Figure by figure, in the latest year with data: both values, ranks and the difference a − b. */
export function compareRows(
  katalog: readonly {
    id: string;
    titel: string;
    enhed: string;
    decimaler: number;
    omraade_navn: string;
    aar_til: number | null;
  }[],
  values: Map<string, ValueRow[]>,
  kommuner: readonly KommuneRef[],
  a: string,
  b: string
): CompareRow[] {
  const out: CompareRow[] = [];
  for (const k of katalog) {
    if (k.aar_til === null) continue;
    const yesNo = isYesNoFigure(k);
    const rows = rankingRows(values.get(k.id) ?? [], kommuner, k.aar_til, yesNo);
    const ra = rows.find((r) => r.kommunekode === a)!;
    const rb = rows.find((r) => r.kommunekode === b)!;
    const both = ra.vaerdi !== null && rb.vaerdi !== null;
    out.push({
      omraade: k.omraade_navn,
      id: k.id,
      titel: k.titel,
      enhed: k.enhed,
      decimaler: k.decimaler,
      aar: k.aar_til,
      a: ra.vaerdi,
      a_status: ra.status,
      a_rank: ra.rank,
      b: rb.vaerdi,
      b_status: rb.status,
      b_rank: rb.rank,
      antal: rows.filter((r) => r.vaerdi !== null).length,
      forskel: both ? ra.vaerdi! - rb.vaerdi! : null,
      forskel_pct: both && rb.vaerdi !== 0 ? ((ra.vaerdi! - rb.vaerdi!) / Math.abs(rb.vaerdi!)) * 100 : null
    });
  }
  return out;
}
