/**
 * Calls per inhabitant (pure; used by `npm run kald` and by the pages on the
 * `infrastruktur-kald-maaned` rows).
 *
 * Rule: `kald` is the sum of Serviceplatformen calls by the municipality's own authority
 * (rows with its kommunekode) over the months of the period; `indbyggere` is FOLK1AM's
 * population on the 1st of the period's LAST month. When that month is outside the
 * population series, the nearest month the series has is used (`indbyggere_maaned` says
 * which). Denmark: ratio of sums over the 98 municipalities. Calls are not persons.
 */
export const KALD_REGEL =
  "kald = summen af Serviceplatform-kald for kommunens egen myndighed i perioden; indbyggere = FOLK1AM's befolkning den 1. i periodens sidste måned " +
  "(ligger den uden for FOLK1AM's periode, bruges nærmeste måned); kald_pr_indbygger = kald / indbyggere; landstal = summer over de 98 kommuner. Kald er ikke personer.";

export interface MonthCalls {
  kommunekode: string;
  /** YYYY-MM */
  maaned: string;
  kald: number;
}

export interface Population {
  kommunekode: string;
  /** YYYY-MM */
  maaned: string;
  befolkning: number;
}

export interface KaldResult {
  kommunekode: string;
  navn?: string;
  kald: number;
  indbyggere: number | null;
  kald_pr_indbygger: number | null;
}

export interface KaldSummary {
  fra: string;
  til: string;
  indbyggere_maaned: string;
  kommuner: KaldResult[];
  land: { kald: number; indbyggere: number; kald_pr_indbygger: number };
}

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

/** Is `m` a month `YYYY-MM`? */
export const isMonth = (m: string) => /^[0-9]{4}-(0[1-9]|1[0-2])$/.test(m);

/** The month of `available` nearest to `target` (earlier wins a tie). */
export function nearestMonth(target: string, available: readonly string[]): string {
  let best = available[0];
  for (const m of available) {
    const d = Math.abs(monthIndex(m) - monthIndex(target));
    const bd = Math.abs(monthIndex(best) - monthIndex(target));
    if (d < bd || (d === bd && m < best)) best = m;
  }
  return best;
}

/**
 * Calls per inhabitant per municipality for months `fra` … `til` (inclusive). Every
 * municipality in `kommuner` gets a row (0 calls when it has none).
 */
export function kaldPrIndbygger(
  calls: readonly MonthCalls[],
  population: readonly Population[],
  kommuner: readonly { kommunekode: string; navn?: string }[],
  fra: string,
  til: string
): KaldSummary {
  if (!isMonth(fra) || !isMonth(til)) throw new Error(`perioden skal angives som YYYY-MM, fik ${fra} – ${til}`);
  if (fra > til) throw new Error(`periodens start ${fra} ligger efter slutningen ${til}`);
  const months = [...new Set(population.map((p) => p.maaned))].sort();
  if (months.length === 0) throw new Error("ingen befolkningstal");
  const popMonth = nearestMonth(til, months);
  const pop = new Map(population.filter((p) => p.maaned === popMonth).map((p) => [p.kommunekode, p.befolkning]));
  const sums = new Map<string, number>();
  for (const c of calls)
    if (c.maaned >= fra && c.maaned <= til) sums.set(c.kommunekode, (sums.get(c.kommunekode) ?? 0) + c.kald);
  const rows: KaldResult[] = kommuner.map((k) => {
    const kald = sums.get(k.kommunekode) ?? 0;
    const indbyggere = pop.get(k.kommunekode) ?? null;
    return {
      kommunekode: k.kommunekode,
      ...(k.navn ? { navn: k.navn } : {}),
      kald,
      indbyggere,
      kald_pr_indbygger: indbyggere ? kald / indbyggere : null
    };
  });
  const kald = rows.reduce((s, r) => s + r.kald, 0);
  const indbyggere = rows.reduce((s, r) => s + (r.indbyggere ?? 0), 0);
  return {
    fra,
    til,
    indbyggere_maaned: popMonth,
    kommuner: rows,
    land: { kald, indbyggere, kald_pr_indbygger: kald / indbyggere }
  };
}
