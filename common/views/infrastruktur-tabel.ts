/**
 * A table of the infrastructure pages as data (pure): its rows, its columns (the export's headers
 * and decimals, and how each cell is shown), its title, file name, caption and row limit. The view
 * modules (common/views/infrastruktur*.ts) build these; components/infra/ui.ts `table()` only turns
 * one into DOM with a Demodata badge and CSV/XLSX buttons. So the column lists that decide what a
 * user reads and downloads are typed, checked by tsc and unit-tested in test/views/.
 */
import type { Column } from "../export.js";
import { formatNumber } from "../format.js";

/** How a cell is shown: text, optionally a link, bold, or marked as missing (greyed). */
export interface CellView {
  text: string;
  href?: string;
  strong?: boolean;
  missing?: boolean;
}

export interface TabelKolonne<T> extends Column<T> {
  /** right-aligned number column */
  num?: boolean;
  /** how the cell is shown; default: numbers in Danish format with `decimals`, missing as "–", else text */
  show?: (row: T) => string | CellView;
}

export interface Tabel<T> {
  rows: readonly T[];
  cols: readonly TabelKolonne<T>[];
  title: string;
  /** file name of the exports, also the figure's data-table attribute */
  filename: string;
  caption?: string;
  /** rows shown on the page (the export has all) */
  limit?: number;
  id?: string;
}

/** The value of a column in a row (what the export writes). */
export function cellValue<T>(row: T, c: Column<T>): unknown {
  return typeof c.key === "function" ? c.key(row) : (row as Record<string, unknown>)[c.key];
}

/** What a cell shows on the page. */
export function cellView<T>(row: T, c: TabelKolonne<T>): CellView {
  if (c.show) {
    const s = c.show(row);
    return typeof s === "string" ? { text: s } : s;
  }
  const v = cellValue(row, c);
  if (typeof v === "number") return { text: formatNumber(v, c.decimals) };
  if (v === null || v === undefined) return { text: "–" };
  return { text: String(v) };
}

/** The rows the page shows and the note under a cut table ("Viser 30 af 392 rækker; …"), null when all show. */
export function shownRows<T>(t: Tabel<T>): { rows: readonly T[]; note: string | null } {
  if (!t.limit || t.rows.length <= t.limit) return { rows: t.rows, note: null };
  return { rows: t.rows.slice(0, t.limit), note: `Viser ${t.limit} af ${t.rows.length} rækker; eksporten har alle.` };
}

/** A link cell. */
export const link = (text: string, href: string): CellView => ({ text, href });
