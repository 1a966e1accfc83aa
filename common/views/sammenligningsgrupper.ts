/**
 * What the comparison-group calculator (/sammenligningsgrupper) computes for display,
 * apart from the engine itself (common/groups): the stability summary of the bootstrap,
 * the significant-digits formatter of the variable table, the command line that repeats
 * the calculation, and the group of one municipality over the years. Pure and typed;
 * tested in test/views/sammenligningsgrupper.test.ts.
 */
import { formatNumber } from "../format.js";

/** A neighbour is "sure" when it is in the group in at least this share of the bootstrap draws. */
export const STABILITY_SURE = 0.8;
/** A neighbour is "unsure" when it is in the group in less than this share of the draws. */
export const STABILITY_UNSURE = 0.5;

export type StabilityClass = "sikker" | "usikker" | "mellem";

/** Classify one membership probability: ≥ 0.8 sure, < 0.5 unsure, otherwise in between. */
export function stabilityClass(p: number): StabilityClass {
  return p >= STABILITY_SURE ? "sikker" : p < STABILITY_UNSURE ? "usikker" : "mellem";
}

export interface StabilityRow {
  kommunekode: string;
  navn: string;
  /** mean probability that the group's members are in the group */
  gennemsnit: number;
  /** members with probability ≥ STABILITY_SURE */
  sikre: number;
  /** members with probability < STABILITY_UNSURE */
  usikre: number;
}

/**
 * One row per municipality: the mean membership probability of its group's members and
 * how many of them are sure and unsure; least stable first (ties by kommunekode).
 * `probability(a, b)` is the share of draws in which b is among a's nearest.
 */
export function stabilityRows(
  kommunekoder: readonly string[],
  neighbours: readonly (readonly { kommunekode: string }[])[],
  probability: (a: string, b: string) => number,
  navn: (kode: string) => string
): StabilityRow[] {
  return kommunekoder
    .map((k, a) => {
      const ps = neighbours[a].map((nb) => probability(k, nb.kommunekode));
      const classes = ps.map(stabilityClass);
      return {
        kommunekode: k,
        navn: navn(k),
        gennemsnit: ps.length ? ps.reduce((s, p) => s + p, 0) / ps.length : NaN,
        sikre: classes.filter((c) => c === "sikker").length,
        usikre: classes.filter((c) => c === "usikker").length
      };
    })
    .sort((x, y) => x.gennemsnit - y.gennemsnit || x.kommunekode.localeCompare(y.kommunekode));
}

/** Column labels of the stability export, with the thresholds in words. */
export const STABILITY_EXPORT_LABELS = {
  sikre: `Sikre medlemmer (>= ${STABILITY_SURE * 100} %)`,
  usikre: `Usikre medlemmer (< ${STABILITY_UNSURE * 100} %)`
};

/**
 * Decimals that show `x` with 3 significant digits (at most 4 decimals, none for
 * numbers ≥ 100, 0 and non-finite): 12.04 → 1, 9.891 → 2, 0.3521 → 3, 1234 → 0.
 */
export function significantDecimals(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Math.max(0, Math.min(4, 2 - Math.floor(Math.log10(Math.abs(x)))));
}

/** `x` in Danish with 3 significant digits: 12,0 next to 9,89 and 0,352. */
export function formatSignificant(x: number): string {
  return formatNumber(x, significantDecimals(x));
}

export interface CliSettings {
  outcome: string;
  vars: readonly string[];
  year: number;
  alpha: number;
  method: string;
  top: number;
  /** variables entered as logarithms */
  log?: readonly string[];
  /** weights by variable id, for method "weights" */
  weights?: Record<string, number>;
}

/** The `npm run groups` command that repeats the page's calculation (see loaders/cli/groups.ts). */
export function cliCommand(s: CliSettings): string {
  const parts = [
    "npm run --silent groups --",
    `--outcome ${s.outcome}`,
    `--vars ${s.vars.join(",")}`,
    `--year ${s.year}`,
    `--alpha ${s.alpha}`,
    `--method ${s.method}`,
    `--top ${s.top}`
  ];
  if (s.log && s.log.length) parts.push(`--log ${s.log.join(",")}`);
  if (s.method === "weights" && s.weights)
    parts.push(
      `--weights ${Object.entries(s.weights)
        .map(([k, w]) => `${k}=${w}`)
        .join(",")}`
    );
  parts.push("--json");
  return parts.join(" ");
}

export interface YearGroup {
  aar: number;
  /** the municipality's neighbours in rank order, or null when the year could not be computed */
  gruppe: readonly string[] | null;
  /** why the year could not be computed */
  fejl: string | null;
  /** chosen variables left out because the figure has no values that year (ids) */
  manglende: readonly string[];
}

export interface YearRow {
  aar: number;
  /** names in rank order, or "kan ikke beregnes: …" */
  gruppe: string;
  /** members in common with the group of the selected year (null when either is missing) */
  faelles: number | null;
  /** faelles / N */
  andel: number | null;
  bemaerkning: string;
}

/**
 * The group of one municipality in each year with the same settings, and how many of its
 * members are also in the group of `selectedYear` (out of `top`).
 */
export function yearRows(
  years: readonly YearGroup[],
  selectedYear: number,
  top: number,
  navn: (kode: string) => string,
  titel: (id: string) => string
): YearRow[] {
  const selected = years.find((y) => y.aar === selectedYear)?.gruppe ?? null;
  const chosen = new Set(selected ?? []);
  return years.map((y) => {
    const common = y.gruppe && selected ? y.gruppe.filter((k) => chosen.has(k)).length : null;
    return {
      aar: y.aar,
      gruppe: y.fejl ? `kan ikke beregnes: ${y.fejl}` : (y.gruppe ?? []).map(navn).join(", "),
      faelles: y.fejl ? null : common,
      andel: y.fejl || common === null ? null : common / top,
      bemaerkning: y.manglende.length ? `uden ${y.manglende.map(titel).join(", ")} (findes ikke i året)` : ""
    };
  });
}
