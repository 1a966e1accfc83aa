/**
 * What the site publishes about the StatBank snapshot (`/filer/statbank.json`): which
 * snapshot the figures come from (the sentence every page can show), the tables with
 * their periods and fetch dates, and the derived price index with the spread of the
 * other figures' implied indexes. Without a snapshot it says so, and why fixed prices
 * are unavailable.
 */
import { YEAR_KIND_RULE } from "../../common/vocabulary.js";
import { buildKommuner, buildNoegletal } from "../datasets.js";
import { type JoinedPoint, joinedSeries, type OverlapRow, overlap } from "./join.js";
import {
  derivePriceIndex,
  indexSpread,
  NGLK_TO_NOEGLETAL,
  readSnapshot,
  type Snapshot,
  snapshotStatement
} from "./nglk.js";

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
  /** the year-kind rule (common/vocabulary.ts) */
  aarstype_regel: string;
  /** NGLK figures and the catalogue figures they are joined onto */
  nglk_koblinger: { noegle: string; id: string; note: string }[];
  /**
   * where NGLK and the noegletal.dk export both have a figure's year: how far apart they are
   * (loaders/dst/join.ts overlap); null without a snapshot
   */
  overlap: OverlapRow[] | null;
  /** the joined series 2008 → latest of the mapped figures (loaders/dst/join.ts); null without a snapshot */
  serier: JoinedPoint[] | null;
}

export function statbankSummary(
  snapshot: Snapshot | null = readSnapshot(),
  exportRows: () => Parameters<typeof overlap>[0] = () => buildNoegletal().values
): StatbankSummary {
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
    aarstype_regel: YEAR_KIND_RULE,
    nglk_koblinger: Object.entries(NGLK_TO_NOEGLETAL).map(([noegle, m]) => ({ noegle, id: m.id, note: m.note })),
    overlap: snapshot?.nglk
      ? overlap(exportRows(), snapshot.nglk, new Set(buildKommuner().map((k) => k.kommunekode))).map((o) => ({
          ...o,
          gns_forskel: Math.round(o.gns_forskel * 10) / 10,
          gns_abs_forskel_pct: Math.round(o.gns_abs_forskel_pct * 1000) / 1000,
          stoerste_abs_forskel_pct: Math.round(o.stoerste_abs_forskel_pct * 1000) / 1000
        }))
      : null,
    serier: snapshot?.nglk
      ? joinedSeries(exportRows(), snapshot.nglk, new Set(buildKommuner().map((k) => k.kommunekode)))
      : null,
    faste_priser_utilgaengelige: prisindeks
      ? null
      : "Faste priser kræver et prisindeks, og det afledes af Danmarks Statistiks tabel NGLK, som ikke er i det indbyggede øjebliksbillede. Kør «npm run opdater» på en maskine med internet, og byg sitet igen."
  };
}
