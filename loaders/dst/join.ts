/**
 * One series 2008 → latest for the key figures NGLK shares with the noegletal.dk export
 * (loaders/dst/nglk.ts NGLK_TO_NOEGLETAL), and the difference between the two sources where
 * both have a year, shown (on /om, from /filer/statbank.json) rather than hidden.
 *
 * NGLK's values: the municipality's net figure (BRUTNETUDG = NET) in current prices (AARPRIS),
 * all accounts (regnskab). The rule for a year both sources have:
 *  - an accounts year of the export keeps the export's value (what the rest of the site shows);
 *  - a budget year of the export (2019 in the September 2019 export) takes NGLK's accounts value,
 *    because accounts beat budget and the joined series is then accounts throughout;
 *  - years only NGLK has (2008–2012, 2020 →) come from NGLK.
 * Every point says which source it came from.
 */
import type { KeyFigureRow, YearKind } from "../../common/vocabulary.js";
import { NGLK_TO_NOEGLETAL, type NglkRow } from "./nglk.js";

/** A point of a joined series. */
export interface JoinedPoint {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  aarstype: YearKind;
  kilde: "noegletal.dk" | "NGLK";
}

/** The difference between the sources for one figure in one year, over the municipalities both have. */
export interface OverlapRow {
  id: string;
  noegle: string;
  aar: number;
  /** the export's kind of the year */
  aarstype: YearKind;
  /** municipalities with a number in both */
  n: number;
  /** mean of (export − NGLK), kroner */
  gns_forskel: number;
  /** mean of |export − NGLK| / |NGLK|, per cent */
  gns_abs_forskel_pct: number;
  /** largest |export − NGLK| / |NGLK|, per cent */
  stoerste_abs_forskel_pct: number;
}

type ExportRow = Pick<KeyFigureRow, "id" | "kommunekode" | "aar" | "vaerdi" | "status"> & { aarstype: YearKind };

/** NGLK's municipal NET current-price values for the mapped figures, keyed "id/kode/aar". */
function nglkValues(rows: readonly NglkRow[], kommunekoder: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const m = NGLK_TO_NOEGLETAL[r.noegle];
    if (!m || r.brutnet !== "NET" || r.prisenhed !== "AARPRIS" || r.vaerdi === null) continue;
    if (!kommunekoder.has(r.omraade)) continue;
    out.set(`${m.id}/${r.omraade}/${r.aar}`, r.vaerdi);
  }
  return out;
}

const numeric = (r: ExportRow) => r.vaerdi !== null && (r.status === "ok" || r.status === "nul");

/** The overlap table: for each mapped figure and each year both sources have, how far the export lies from NGLK. */
export function overlap(
  exportRows: readonly ExportRow[],
  nglk: readonly NglkRow[],
  kommunekoder: ReadonlySet<string>
): OverlapRow[] {
  const dst = nglkValues(nglk, kommunekoder);
  const codeOf = new Map(Object.entries(NGLK_TO_NOEGLETAL).map(([code, m]) => [m.id, code]));
  const acc = new Map<string, { r: ExportRow; d: number }[]>();
  for (const r of exportRows) {
    if (!codeOf.has(r.id) || !numeric(r)) continue;
    const d = dst.get(`${r.id}/${r.kommunekode}/${r.aar}`);
    if (d === undefined) continue;
    const key = `${r.id}/${r.aar}`;
    if (!acc.has(key)) acc.set(key, []);
    acc.get(key)!.push({ r, d });
  }
  const out: OverlapRow[] = [];
  for (const [key, pairs] of acc) {
    const [id, aar] = key.split("/");
    let sum = 0;
    let sumRel = 0;
    let maxRel = 0;
    let nRel = 0;
    for (const { r, d } of pairs) {
      sum += r.vaerdi! - d;
      if (d !== 0) {
        const rel = (Math.abs(r.vaerdi! - d) / Math.abs(d)) * 100;
        sumRel += rel;
        nRel++;
        maxRel = Math.max(maxRel, rel);
      }
    }
    out.push({
      id,
      noegle: codeOf.get(id)!,
      aar: Number(aar),
      aarstype: pairs[0].r.aarstype,
      n: pairs.length,
      gns_forskel: sum / pairs.length,
      gns_abs_forskel_pct: nRel ? sumRel / nRel : 0,
      stoerste_abs_forskel_pct: maxRel
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id) || a.aar - b.aar);
}

/** The joined series of every mapped figure (see the module comment for which source wins a shared year). */
export function joinedSeries(
  exportRows: readonly ExportRow[],
  nglk: readonly NglkRow[],
  kommunekoder: ReadonlySet<string>
): JoinedPoint[] {
  const dst = nglkValues(nglk, kommunekoder);
  const ids = new Set(Object.values(NGLK_TO_NOEGLETAL).map((m) => m.id));
  const out = new Map<string, JoinedPoint>();
  for (const r of exportRows) {
    if (!ids.has(r.id)) continue;
    const key = `${r.id}/${r.kommunekode}/${r.aar}`;
    const d = dst.get(key);
    if (r.aarstype === "budget" && d !== undefined) continue; // NGLK's accounts replace the export's budget
    out.set(key, {
      id: r.id,
      kommunekode: r.kommunekode,
      aar: r.aar,
      vaerdi: numeric(r) ? r.vaerdi : null,
      aarstype: r.aarstype,
      kilde: "noegletal.dk"
    });
  }
  for (const [key, v] of dst) {
    if (out.has(key)) continue;
    const [id, kommunekode, aar] = key.split("/");
    out.set(key, { id, kommunekode, aar: Number(aar), vaerdi: v, aarstype: "regnskab", kilde: "NGLK" });
  }
  return [...out.values()].sort(
    (a, b) => a.id.localeCompare(b.id) || a.kommunekode.localeCompare(b.kommunekode) || a.aar - b.aar
  );
}
