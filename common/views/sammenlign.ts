/**
 * What the comparison page (/sammenlign?a=…&b=…) computes: the rows of two municipalities
 * figure by figure, grouped by area, the export's columns and the difference in words.
 * Pure and typed; tested in test/views/sammenlign.test.ts.
 */
import type { Column } from "../export.js";
import { formatNumber, formatPercent } from "../format.js";
import { type CompareRow, compareRows, type KommuneRef, type ValueRow } from "../kommune/catalogue.js";

export interface CompareView {
  raekker: CompareRow[];
  /** areas in catalogue order with their rows */
  omraader: { navn: string; rows: CompareRow[] }[];
}

export function compareView(
  katalog: Parameters<typeof compareRows>[0],
  values: Map<string, ValueRow[]>,
  kommuner: readonly KommuneRef[],
  a: string,
  b: string
): CompareView {
  const raekker = compareRows(katalog, values, kommuner, a, b);
  const omraader: CompareView["omraader"] = [];
  for (const r of raekker) {
    let o = omraader.find((x) => x.navn === r.omraade);
    if (!o) omraader.push((o = { navn: r.omraade, rows: [] }));
    o.rows.push(r);
  }
  return { raekker, omraader };
}

/** Columns of the comparison export, headed with the two names. */
export function compareColumns(aNavn: string, bNavn: string): Column<CompareRow>[] {
  return [
    { key: "omraade", label: "Område" },
    { key: "titel", label: "Nøgletal" },
    { key: "enhed", label: "Enhed" },
    { key: "aar", label: "År" },
    { key: "a", label: `${aNavn}: værdi` },
    { key: (r) => (r.a === null ? r.a_status : ""), label: `${aNavn}: status` },
    { key: "a_rang", label: `${aNavn}: placering` },
    { key: "b", label: `${bNavn}: værdi` },
    { key: (r) => (r.b === null ? r.b_status : ""), label: `${bNavn}: status` },
    { key: "b_rang", label: `${bNavn}: placering` },
    { key: "antal", label: "Kommuner med værdi" },
    { key: "forskel", label: `Forskel (${aNavn} − ${bNavn})` },
    { key: "forskel_pct", label: `Forskel i pct. af ${bNavn}` }
  ];
}

export interface DifferenceText {
  /** "pos", "neg", "zero" or "missing" */
  sign: "pos" | "neg" | "zero" | "missing";
  /** "+12,5", "-3", "0" or "–" */
  text: string;
  /** "+4,2 %" or null when there is no percentage */
  pct: string | null;
}

/** The difference a − b with sign, in the figure's decimals, and in percent of b. */
export function differenceText(r: Pick<CompareRow, "forskel" | "forskel_pct" | "decimaler">): DifferenceText {
  if (r.forskel === null) return { sign: "missing", text: "–", pct: null };
  const plus = (x: number) => (x > 0 ? "+" : "");
  return {
    sign: r.forskel > 0 ? "pos" : r.forskel < 0 ? "neg" : "zero",
    text: `${plus(r.forskel)}${formatNumber(r.forskel, r.decimaler)}`,
    pct: r.forskel_pct === null ? null : `${plus(r.forskel_pct)}${formatPercent(r.forskel_pct)}`
  };
}
