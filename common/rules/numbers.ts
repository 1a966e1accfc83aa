/**
 * Number rules shared by every source: how a cell is written (its format) and the
 * plausible range of a value per unit. Pure.
 */

/**
 * How a numeric cell is written: `heltal` (`131`), `tusind` (`1.542`: Danish thousands dot),
 * `decimal:N` (`4,40` → N = 2), `engelsk` (`1,234.5`, `1,234,567`, `12.5`) or null (not a number).
 */
export function numberFormatOf(text: string): string | null {
  const s = text.trim();
  if (/^-?\d+$/.test(s)) return "heltal";
  if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) return "tusind";
  const dk = /^-?(?:\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/.exec(s);
  if (dk) return `decimal:${dk[1].length}`;
  if (/^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d+)$/.test(s)) return "engelsk";
  return null;
}

/**
 * Formats that may share one key figure: integers are written `131` or `1.542`; decimal
 * figures all with the same number of decimals (the noegletal.dk export writes every
 * figure with a fixed precision, checked on the 2019 snapshot: 180 of 180 blocks).
 */
export function formatFamily(format: string): string {
  return format === "heltal" || format === "tusind" ? "heltal" : format;
}

export interface Range {
  /** Danish description, used in messages and the rule table */
  tekst: string;
  min: number;
  max: number;
}

/** Nothing in municipal statistics comes near this; a 1e21 is a broken cell. */
export const ABSOLUTE_MAX = 1e10;

/**
 * The plausible range of a value per unit (unit names as in the catalogue, loaders'
 * `unitOf`). Written per unit, wide enough for every municipality in 2013-2019 and for
 * growth, narrow enough to catch a wrong decimal mark, a sign error or a 10²¹.
 */
export function rangeOfUnit(unit: string): Range {
  if (unit === "personer") return { tekst: "personer: 0 til 10 mio.", min: 0, max: 1e7 };
  if (unit === "pct.") return { tekst: "andel i pct.: 0 til 100", min: 0, max: 100 };
  if (unit === "promille") return { tekst: "promille: 0 til 1.000", min: 0, max: 1000 };
  if (unit === "ja/nej") return { tekst: "ja/nej: 0 eller 1", min: 0, max: 1 };
  if (unit === "km²") return { tekst: "areal: over 0 til 50.000 km²", min: 0.01, max: 50000 };
  if (unit === "indbyggere pr. km²") return { tekst: "indbyggere pr. km²: 0 til 100.000", min: 0, max: 1e5 };
  if (unit.startsWith("indeks")) return { tekst: "indeks: 0 til 100", min: 0, max: 100 };
  if (unit.startsWith("kr.")) return { tekst: "kroner: -10 mio. til 100 mio.", min: -1e7, max: 1e8 };
  if (/^pr\. 100 /.test(unit)) return { tekst: "pr. 100: 0 til 1.000", min: 0, max: 1000 };
  if (/^pr\. 1\.000 /.test(unit)) return { tekst: "pr. 1.000: 0 til 10.000", min: 0, max: 1e4 };
  if (/^pr\. 10\.000 /.test(unit)) return { tekst: "pr. 10.000: 0 til 100.000", min: 0, max: 1e5 };
  if (/^(antal|elever|udlån)/.test(unit)) return { tekst: `${unit}: 0 til 10 mio.`, min: 0, max: 1e7 };
  return {
    tekst: `enhed "${unit}": numerisk højst ${ABSOLUTE_MAX.toExponential()}`,
    min: -ABSOLUTE_MAX,
    max: ABSOLUTE_MAX
  };
}

/** Relative tolerance for a source's "I alt" against the sum of the municipalities. */
export const TOTAL_TOLERANCE = 0.001;

/**
 * Does the source's national figure agree with its municipalities? "I alt": within
 * TOTAL_TOLERANCE of the sum (the 2019 snapshot differs by at most 0,04 %, in "Antal
 * normalklasser"; every other total is exact). "Gennemsnit": between the smallest and the
 * largest municipality. Returns a Danish reason, or null when it agrees (or cannot be checked).
 */
export function checkNational(type: "I alt" | "Gennemsnit", national: number, municipal: number[]): string | null {
  if (municipal.length === 0) return null;
  if (type === "I alt") {
    const sum = municipal.reduce((a, b) => a + b, 0);
    const tolerance = Math.max(TOTAL_TOLERANCE * Math.abs(sum), 1);
    if (Math.abs(sum - national) > tolerance)
      return `I alt er ${national}, men summen af ${municipal.length} kommuner er ${sum} (tolerance ${tolerance})`;
    return null;
  }
  const min = Math.min(...municipal);
  const max = Math.max(...municipal);
  if (national < min || national > max)
    return `Gennemsnit er ${national}, uden for kommunernes interval ${min} til ${max}`;
  return null;
}
