/**
 * What the site publishes about the StatBank snapshot (`/filer/statbank.json`): which
 * snapshot the figures come from (the sentence every page can show), the tables with
 * their periods and fetch dates, and the derived price index with the spread of the
 * other figures' implied indexes. Without a snapshot it says so, and why fixed prices
 * are unavailable.
 */
import { derivePriceIndex, indexSpread, readSnapshot, type Snapshot, snapshotStatement } from "./nglk.js";

export interface StatbankSummary {
  tilstand: "indbygget" | "opdateret";
  saetning: string;
  tabeller: {
    tabel: string;
    titel: string;
    foerste: string;
    seneste: string;
    hentet: string;
    opdateret_hos_dst: string;
  }[];
  prisindeks: {
    grundlag: string;
    basisaar: number;
    aar: { aar: number; indeks: number }[];
    spredning: { noegle: string; stoerste_relative_afvigelse: number | null }[];
  } | null;
  /** why fixed prices cannot be shown, when they cannot */
  faste_priser_utilgaengelige: string | null;
}

export function statbankSummary(snapshot: Snapshot | null = readSnapshot()): StatbankSummary {
  const tabeller = Object.values(snapshot?.provenance.tabeller ?? {}).map((t) => ({
    tabel: t.tabel,
    titel: t.titel,
    foerste: t.perioder.foerste,
    seneste: t.perioder.seneste,
    hentet: t.hentet,
    opdateret_hos_dst: t.opdateret_hos_dst
  }));
  let prisindeks: StatbankSummary["prisindeks"] = null;
  if (snapshot?.nglk) {
    const idx = derivePriceIndex(snapshot.nglk);
    prisindeks = {
      grundlag: `NGLK: nettodriftsudgifter pr. indbygger (DRI, NET), hele landet, løbende priser / ${idx.fixedUnit}`,
      basisaar: idx.baseYear,
      aar: [...idx.index].map(([aar, indeks]) => ({ aar, indeks: Math.round(indeks * 1000) / 1000 })),
      spredning: indexSpread(snapshot.nglk, idx).map((s) => ({
        noegle: s.noegle,
        stoerste_relative_afvigelse: Number.isFinite(s.maxRelDiff) ? Math.round(s.maxRelDiff * 1e6) / 1e6 : null
      }))
    };
  }
  return {
    tilstand: snapshot ? "opdateret" : "indbygget",
    saetning: snapshotStatement(snapshot),
    tabeller,
    prisindeks,
    faste_priser_utilgaengelige: prisindeks
      ? null
      : "Faste priser kræver et prisindeks, og det afledes af Danmarks Statistiks tabel NGLK, som ikke er i det indbyggede øjebliksbillede. Kør «npm run opdater» på en maskine med internet, og byg sitet igen."
  };
}
