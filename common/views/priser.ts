/**
 * Current or fixed prices ("løbende / faste priser") for the pages that show money figures
 * (the front map, /noegletal, the municipality page). The price index is the one the refresh
 * derives from Statistics Denmark's NGLK (loaders/dst/nglk.ts derivePriceIndex, published in
 * /filer/statbank.json as `prisindeks`); without a refreshed snapshot there is none, and the
 * switch says why instead of showing made-up numbers. Only money figures (unit "kr. …") are
 * deflated; every other figure is shown as it is whichever way the switch stands.
 *
 * A value of year y in current prices, expressed in the prices of base year b:
 *   fixed = current × index(b) / index(y).
 * Pure and typed; tested by hand calculation in test/views/priser.test.ts.
 */

/** The switch's two positions. */
export type PriceMode = "loebende" | "faste";

/** What /filer/statbank.json says about the price index (loaders/dst/publish.ts StatbankSummary). */
export interface StatbankPrices {
  tilstand: "indbygget" | "opdateret";
  prisindeks: {
    grundlag: string;
    basisaar: number;
    aar: { aar: number; indeks: number }[];
  } | null;
  faste_priser_utilgaengelige: string | null;
}

export interface PriceSetting {
  /** fixed prices can be shown */
  available: boolean;
  /** why not, in Danish, when not */
  reason: string | null;
  /** the year whose prices fixed-price figures are shown in: the latest of `years` the index covers */
  basisaar: number | null;
  /** year → index (DST's base year = 100) */
  index: Map<number, number>;
  /** where the index comes from, in Danish */
  kilde: string;
}

/** True for a money figure (unit "kr." or "kr. pr. …"): only these are deflated. */
export function isMoneyFigure(k: { enhed: string }): boolean {
  return /^kr\.($|\s)/.test(k.enhed);
}

/** The setting for a page showing `years`: available when the index covers a year of them. */
export function priceSetting(statbank: StatbankPrices, years: readonly number[]): PriceSetting {
  const idx = statbank.prisindeks;
  if (!idx)
    return {
      available: false,
      reason: statbank.faste_priser_utilgaengelige ?? "Der er intet prisindeks i dette øjebliksbillede.",
      basisaar: null,
      index: new Map(),
      kilde: ""
    };
  const index = new Map(idx.aar.map((r) => [r.aar, r.indeks]));
  const covered = years.filter((y) => index.has(y));
  const kilde = `Prisindeks afledt af Danmarks Statistiks NGLK (${idx.grundlag}; ${idx.basisaar} = 100), fra opdateringen med «npm run opdater»`;
  if (!covered.length)
    return {
      available: false,
      reason: `Prisindekset dækker ikke årene ${years.join(", ")}.`,
      basisaar: null,
      index,
      kilde
    };
  return { available: true, reason: null, basisaar: Math.max(...covered), index, kilde };
}

/** The factor that turns year `aar`'s current prices into the base year's prices; null when the index lacks the year. */
export function priceFactor(setting: PriceSetting, aar: number): number | null {
  if (!setting.available || setting.basisaar === null) return null;
  const from = setting.index.get(aar);
  const to = setting.index.get(setting.basisaar);
  return from === undefined || to === undefined ? null : to / from;
}

/**
 * A value as shown under the switch: unchanged in current prices, for non-money figures and when no
 * index is available (the switch is then locked to current prices); in fixed prices, deflated; null
 * (never the undeflated number) when the index lacks the year.
 */
export function inPrices(
  vaerdi: number | null,
  aar: number,
  figur: { enhed: string },
  mode: PriceMode,
  setting: PriceSetting
): number | null {
  if (vaerdi === null || mode === "loebende" || !isMoneyFigure(figur) || !setting.available) return vaerdi;
  const f = priceFactor(setting, aar);
  return f === null ? null : vaerdi * f;
}

/** Rows with `vaerdi` (and year `aar`) under the switch; other fields as they are. */
export function rowsInPrices<T extends { aar: number; vaerdi: number | null }>(
  rows: readonly T[],
  figur: { enhed: string },
  mode: PriceMode,
  setting: PriceSetting
): T[] {
  if (mode === "loebende" || !isMoneyFigure(figur) || !setting.available) return [...rows];
  return rows.map((r) => ({ ...r, vaerdi: inPrices(r.vaerdi, r.aar, figur, mode, setting) }));
}

/** The price basis in words, for a unit label and an export: "løbende priser" / "faste 2019-priser"; "" for non-money. */
export function priceText(figur: { enhed: string }, mode: PriceMode, setting: PriceSetting): string {
  if (!isMoneyFigure(figur)) return "";
  return mode === "faste" && setting.available ? `faste ${setting.basisaar}-priser` : "løbende priser";
}

/** The unit with its price basis, e.g. "kr. pr. indbygger, faste 2019-priser"; non-money units unchanged. */
export function unitWithPrices(figur: { enhed: string }, mode: PriceMode, setting: PriceSetting): string {
  const p = priceText(figur, mode, setting);
  return p ? `${figur.enhed}, ${p}` : figur.enhed;
}

/** The sentence under the switch. */
export function priceNote(figur: { enhed: string }, mode: PriceMode, setting: PriceSetting): string {
  if (!setting.available) return `Kun løbende priser: ${setting.reason}`;
  if (!isMoneyFigure(figur)) return "Nøgletallet er ikke et kronebeløb, så det er det samme i løbende og faste priser.";
  if (mode === "loebende") return `Løbende priser (hvert års egne priser). Faste priser: ${setting.kilde}.`;
  return `Faste ${setting.basisaar}-priser: hvert år omregnet med ${setting.kilde}.`;
}

/** The switch's options (value, Danish label). */
export const PRICE_MODES: readonly { value: PriceMode; label: string }[] = [
  { value: "loebende", label: "Løbende priser" },
  { value: "faste", label: "Faste priser" }
];
