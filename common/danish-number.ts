/**
 * Parse a number written the Danish way: `.` groups thousands, `,` is the decimal
 * mark, an optional leading minus. `5.602.536` → 5602536, `42.912,10` → 42912.1,
 * `-1.721` → -1721, `26,287` → 26.287 (a comma is always decimal).
 *
 * Returns `undefined` for anything else, so the caller can name the cell that failed;
 * it never turns text into 0.
 *
 * @example parseDanishNumber("1.234,5") // 1234.5
 */
export function parseDanishNumber(text: string): number | undefined {
  const s = text.trim();
  if (!/^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(s)) return undefined;
  const value = Number(s.replace(/\./g, "").replace(",", "."));
  return Number.isFinite(value) ? value : undefined;
}

/** Number of decimals written in a Danish number cell (`4,40` → 2, `1.542` → 0). */
export function decimalsOf(text: string): number {
  const i = text.indexOf(",");
  return i < 0 ? 0 : text.length - i - 1;
}
