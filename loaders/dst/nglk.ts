/**
 * Reading a refreshed StatBank snapshot (`<data>/statbank/`, written by `npm run
 * opdater`) for the site: NGLK's key figures, their mapping to the noegletal.dk figures
 * they correspond to, and a price index derived from NGLK's two price units.
 *
 * Without a snapshot (the offline default) `readSnapshot` returns null and the site says
 * that fixed prices and years after 2019 need `npm run opdater` on a machine with
 * internet.
 *
 * The derived price index: DST publishes each NGLK figure in current prices (AARPRIS)
 * and in fixed prices of a base year (e.g. 08PRIS = 2008 prices). For one series,
 * fixed_y = current_y × P_base / P_y, so P_y / P_base = current_y / fixed_y. kommunetal
 * takes that ratio for the national net operating expenditure per inhabitant (DRI, NET,
 * Hele landet) as the price index for expenditure figures DST does not publish in fixed
 * prices itself (base year = DST's base year, index 100 there). Where DST publishes a
 * figure in fixed prices, DST's own series is used. `indexSpread` reports how far the
 * other figures' own ratios lie from the chosen one, so the approximation is visible.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RAW_DIR } from "../lib/paths.js";
import { PROVENANCE_FILE, type Provenance, SNAPSHOT_DIR } from "./snapshot.js";
import { isNational } from "./tables.js";

export interface NglkRow {
  /** DST area code: "0"/"000" national, 081-085 regions, 3-digit kommunekode */
  omraade: string;
  noegle: string;
  brutnet: string;
  prisenhed: string;
  aar: number;
  vaerdi: number | null;
}

export interface Snapshot {
  folder: string;
  provenance: Provenance;
  nglk: NglkRow[] | null;
}

/** NGLK key figures that correspond to a noegletal.dk figure (same definition and denominator). */
export const NGLK_TO_NOEGLETAL: Record<string, { id: string; note: string }> = {
  SER: { id: "serviceudgifter-pr-indb", note: "Serviceudgifter pr. indbygger, samme afgrænsning" },
  DRI: { id: "nettodriftsudgifter-pr-indb", note: "Nettodriftsudgifter pr. indbygger" },
  FOL: { id: "udg-til-folkeskolen-pr-elev", note: "Folkeskoleudgifter pr. elev" },
  ÆLD: { id: "udgifter-til-aeldre-pr-67plus-aarig", note: "Ældreudgifter pr. 67+-årig (ny metode fra 2018)" },
  KUL: { id: "udg-til-kultur-pr-indb", note: "Kulturudgifter pr. indbygger" },
  LAN: { id: "langfristet-gaeld-pr-1-1-pr-indb", note: "Langfristet gæld pr. indbygger" }
};

export function readSnapshot(folder = join(RAW_DIR, SNAPSHOT_DIR)): Snapshot | null {
  const provenancePath = join(folder, PROVENANCE_FILE);
  if (!existsSync(provenancePath)) return null;
  let provenance: Provenance;
  try {
    provenance = JSON.parse(readFileSync(provenancePath, "utf-8")) as Provenance;
  } catch (e) {
    throw new Error(
      `${provenancePath}: kan ikke læses som JSON (${(e as Error).message}). Kør \`npm run opdater\` igen eller slet mappen ${folder}.`
    );
  }
  const file = provenance.tabeller.NGLK ? join(folder, provenance.tabeller.NGLK.fil) : null;
  return { folder, provenance, nglk: file && existsSync(file) ? parseNglk(readFileSync(file, "utf-8")) : null };
}

/** The snapshot's NGLK file (already validated by `npm run opdater` before it was swapped in). */
export function parseNglk(text: string): NglkRow[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  return lines.slice(1).map((l) => {
    const [omraade, noegle, brutnet, prisenhed, aar, raw] = l.split(";");
    return {
      omraade,
      noegle,
      brutnet,
      prisenhed,
      aar: Number(aar),
      vaerdi: raw === ".." || raw === "" ? null : Number(raw.replace(",", "."))
    };
  });
}

export interface PriceIndex {
  /** the series the index is derived from */
  series: { noegle: string; brutnet: string; omraade: string };
  /** DST's fixed-price unit, e.g. "08PRIS" */
  fixedUnit: string;
  baseYear: number;
  /** year → index, 100 in the base year */
  index: Map<number, number>;
}

const national = (code: string) => isNational({ id: code, text: "" });

/** The price index implied by one series' current and fixed prices (see the module comment). */
export function derivePriceIndex(rows: NglkRow[], noegle = "DRI", brutnet = "NET"): PriceIndex {
  const fixedUnits = [...new Set(rows.map((r) => r.prisenhed))].filter((p) => p !== "AARPRIS");
  if (fixedUnits.length !== 1)
    throw new Error(
      `NGLK skal have netop én fast prisenhed ved siden af AARPRIS, har ${fixedUnits.join(", ") || "ingen"}`
    );
  const fixedUnit = fixedUnits[0];
  const m = /^(\d{2})PRIS$/.exec(fixedUnit);
  if (!m) throw new Error(`ukendt fast prisenhed ${fixedUnit} (forventede fx 08PRIS)`);
  const baseYear = 2000 + Number(m[1]);
  const pick = (unit: string) =>
    new Map(
      rows
        .filter(
          (r) =>
            national(r.omraade) &&
            r.noegle === noegle &&
            r.brutnet === brutnet &&
            r.prisenhed === unit &&
            r.vaerdi !== null
        )
        .map((r) => [r.aar, r.vaerdi as number])
    );
  const current = pick("AARPRIS");
  const fixed = pick(fixedUnit);
  const index = new Map<number, number>();
  for (const [year, a] of [...current].sort((x, y) => x[0] - y[0])) {
    const f = fixed.get(year);
    if (f === undefined || f === 0) continue;
    index.set(year, (100 * a) / f);
  }
  if (!index.has(baseYear))
    throw new Error(`prisindekset mangler basisåret ${baseYear} (${noegle} ${brutnet}, hele landet)`);
  // normalise so the base year is exactly 100 (removes DST's rounding in the base year)
  const b = index.get(baseYear)!;
  for (const [y, v] of index) index.set(y, (100 * v) / b);
  return { series: { noegle, brutnet, omraade: "hele landet" }, fixedUnit, baseYear, index };
}

/** A value in `year`'s current prices expressed in `toYear`'s prices. */
export function deflate(value: number, year: number, toYear: number, index: PriceIndex): number {
  const from = index.index.get(year);
  const to = index.index.get(toYear);
  if (from === undefined || to === undefined)
    throw new Error(`prisindekset har ikke ${from === undefined ? year : toYear}`);
  return (value * to) / from;
}

/** For every other figure, the largest relative difference between its own implied index and the derived one. */
export function indexSpread(rows: NglkRow[], index: PriceIndex): { noegle: string; maxRelDiff: number }[] {
  const figures = [...new Set(rows.map((r) => r.noegle))].sort();
  return figures.map((noegle) => {
    let own: PriceIndex;
    try {
      own = derivePriceIndex(rows, noegle, index.series.brutnet);
    } catch {
      return { noegle, maxRelDiff: Number.NaN };
    }
    let max = 0;
    for (const [y, v] of own.index) {
      const d = index.index.get(y);
      if (d !== undefined) max = Math.max(max, Math.abs(v - d) / d);
    }
    return { noegle, maxRelDiff: max };
  });
}

/** The sentence every page shows about the data it is built from. */
export function snapshotStatement(snapshot: Snapshot | null): string {
  if (!snapshot) {
    return "Nøgletallene er fra det indbyggede øjebliksbillede (noegletal.dk, september 2019). Nyere år og faste priser kræver kommandoen «npm run opdater» på en maskine med internet.";
  }
  const parts = Object.values(snapshot.provenance.tabeller).map(
    (t) =>
      `${t.tabel} (${t.perioder.foerste}–${t.perioder.seneste}, hentet ${t.hentet.slice(0, 10)}, opdateret hos DST ${t.opdateret_hos_dst.slice(0, 10)})`
  );
  return `Opdateret fra Danmarks Statistiks Statistikbank: ${parts.join("; ")}. Kilde: Danmarks Statistik.`;
}
