/**
 * Danish number and date formatting, used by every page, table, chart axis and export:
 * `1.234,5`, `12,3 %`, `januar 2024`. Missing values are never shown as 0: they are
 * shown with the reason the source gives.
 */
import { isYesNoStatus, MONTHS, MONTHS_SHORT, statusText } from "./vocabulary.js";

const cache = new Map<string, Intl.NumberFormat>();

function nf(min: number, max: number): Intl.NumberFormat {
  const key = `${min}/${max}`;
  let f = cache.get(key);
  if (!f)
    cache.set(key, (f = new Intl.NumberFormat("da-DK", { minimumFractionDigits: min, maximumFractionDigits: max })));
  return f;
}

/** `1234.5` → `1.234,5`. With `decimals` the number of decimals is fixed. Non-finite → "–". */
export function formatNumber(x: number | null | undefined, decimals?: number): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  if (decimals !== undefined)
    return nf(decimals, decimals)
      .format(x)
      .replace(/\u2212/g, "-");
  const abs = Math.abs(x);
  const max = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return nf(0, max)
    .format(x)
    .replace(/\u2212/g, "-");
}

/** `12.34` (already in percent) → `12,3 %`. */
export function formatPercent(x: number | null | undefined, decimals = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return "–";
  return `${formatNumber(x, decimals)} %`;
}

/** A share 0–1 → `12,3 %`. */
export function formatShare(x: number | null | undefined, decimals = 1): string {
  return x === null || x === undefined ? "–" : formatPercent(x * 100, decimals);
}

/** Tick format for Plot axes: Danish grouping and decimal comma. */
export function tickFormat(x: number): string {
  return formatNumber(x);
}

/** DST month code `2024M01` → `januar 2024`. */
export function formatMonthCode(code: string, short = false): string {
  const m = /^(\d{4})M(\d{2})$/.exec(code);
  if (!m) return code;
  const month = Number(m[2]) - 1;
  return `${(short ? MONTHS_SHORT : MONTHS)[month]} ${m[1]}`;
}

/** A Date → `1. januar 2024`. */
export function formatDate(d: Date): string {
  return `${d.getDate()}. ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** DST month code → Date (first of the month, UTC). */
export function monthCodeToDate(code: string): Date {
  const m = /^(\d{4})M(\d{2})$/.exec(code);
  if (!m) throw new Error(`ugyldig månedskode: ${code}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** A key-figure value with its status: the number, or why there is none. */
export function formatValue(
  vaerdi: number | null | undefined,
  status: string | null | undefined,
  decimals?: number
): string {
  if (status && isYesNoStatus(status)) return statusText(status);
  if (vaerdi === null || vaerdi === undefined) return (status ? statusText(status) : "") || "mangler";
  return formatNumber(vaerdi, decimals);
}
