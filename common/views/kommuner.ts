/**
 * The municipality list (/kommune/): the export's columns and source, and the order of its sortable columns
 * (Danish collation; Framework's Inputs.table sorts by code points and would put Aarhus first). Pure and typed;
 * tested in test/views/kommuner.test.ts.
 */
import type { Column } from "../export.js";
import { compareDanish } from "../kommune/names.js";
import type { Kommune } from "../vocabulary.js";

export const KOMMUNER_SOURCE =
  "DAWA/SDFI (DAGI); Danmarks Statistik (KOMGRP); areal: Social- og Indenrigsministeriet (noegletal.dk)";

export const KOMMUNER_EXPORT_COLUMNS: Column<Kommune>[] = [
  { key: "kommunekode", label: "Kommunekode" },
  { key: "navn", label: "Kommune" },
  { key: "regionskode", label: "Regionskode" },
  { key: "regionsnavn", label: "Region" },
  { key: "kommunegruppe", label: "DST-kommunegruppe" },
  { key: "areal_km2", label: "Areal (km²)", decimals: 1 }
];

/** The list's sortable columns: key, header, and how the column compares. */
export type ListKey = "navn" | "kommunekode" | "regionsnavn" | "kommunegruppe";
export interface ListColumn {
  key: ListKey;
  label: string;
  /** "tekst": Danish collation (Intl.Collator("da")); "kode": the code as a number */
  sammenlign: "tekst" | "kode";
}
export const LIST_COLUMNS: readonly ListColumn[] = [
  { key: "navn", label: "Kommune", sammenlign: "tekst" },
  { key: "kommunekode", label: "Kode", sammenlign: "kode" },
  { key: "regionsnavn", label: "Region", sammenlign: "tekst" },
  { key: "kommunegruppe", label: "DST-kommunegruppe", sammenlign: "tekst" }
];

export interface ListSort {
  key: ListKey;
  descending: boolean;
}

/** The list's first order: by name, in Danish order (Aabenraa, Aalborg and Aarhus last, under Å). */
export const DEFAULT_LIST_SORT: ListSort = { key: "navn", descending: false };

/** The order after a click on a column's header: the same column turns around, another starts ascending. */
export function nextSort(current: ListSort, key: ListKey): ListSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: false };
}

/**
 * A copy of the rows in the column's order: text in Danish collation (Intl.Collator("da"): æ, ø, å after z, "aa" as å),
 * codes as numbers; ties by name (Danish), then by code. Descending turns the column's order around, not the ties.
 */
export function sortMunicipalities<T extends Pick<Kommune, ListKey>>(rows: readonly T[], sort: ListSort): T[] {
  const col = LIST_COLUMNS.find((c) => c.key === sort.key) ?? LIST_COLUMNS[0];
  const sign = sort.descending ? -1 : 1;
  const byColumn = (a: T, b: T) =>
    col.sammenlign === "kode"
      ? Number(a[col.key]) - Number(b[col.key])
      : compareDanish(String(a[col.key] ?? ""), String(b[col.key] ?? ""));
  return [...rows].sort(
    (a, b) => sign * byColumn(a, b) || compareDanish(a.navn, b.navn) || Number(a.kommunekode) - Number(b.kommunekode)
  );
}

/** aria-sort of a column's header. */
export function ariaSort(sort: ListSort, key: ListKey): "ascending" | "descending" | "none" {
  return sort.key !== key ? "none" : sort.descending ? "descending" : "ascending";
}
