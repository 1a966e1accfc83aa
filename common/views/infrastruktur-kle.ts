/**
 * View model of the KLE conformance on /infrastruktur (per IT system, the worst named; per
 * municipality), on /infrastruktur/<kode> (per system for that municipality, with the KLE numbers
 * that break the standard and why) and in the all-98 report. Input: rows of the published table
 * infrastruktur-kle-overensstemmelse (common/infra/kle.ts). Pure.
 */
import { formatNumber, formatShare } from "../format.js";
import type { KleOverensRow } from "../infra/kle.js";
import type { TabelKolonne } from "./infrastruktur-tabel.js";

const coll = new Intl.Collator("da");

/** Worst first: lowest share of conforming cases; hidden shares (status "<5") last, then more cases first. */
export function worstFirst(rows: readonly KleOverensRow[]): KleOverensRow[] {
  return [...rows].sort(
    (a, b) =>
      (a.andel_overens ?? 2) - (b.andel_overens ?? 2) ||
      (b.sager ?? 0) - (a.sager ?? 0) ||
      coll.compare(a.it_system, b.it_system) ||
      a.kommunekode.localeCompare(b.kommunekode)
  );
}

/** A share as shown in a cell: "97,1 %", or why it is not shown. */
export function andelTekst(r: KleOverensRow, andel: number | null): string {
  if (andel !== null) return formatShare(andel, 1);
  if (r.sager === 0) return "ingen sager";
  return r.status === "<5" ? "skjult (<5)" : "–";
}

export interface KleOversigt {
  land: KleOverensRow | null;
  /** every system (all municipalities), worst first */
  systemer: KleOverensRow[];
  /** the worst systems with at least `minSager` cases */
  vaerste: KleOverensRow[];
  /** every municipality (all its systems), worst first, with its name */
  kommuner: (KleOverensRow & { navn: string })[];
  /** one Danish sentence naming the worst systems */
  tekst: string;
}

export function kleOversigt(
  rows: readonly KleOverensRow[],
  navne: ReadonlyMap<string, string>,
  n = 5,
  minSager = 100
): KleOversigt {
  const land = rows.find((r) => r.omfang === "land") ?? null;
  const systemer = worstFirst(rows.filter((r) => r.omfang === "system"));
  const vaerste = systemer.filter((r) => r.andel_overens !== null && (r.sager ?? 0) >= minSager).slice(0, n);
  const kommuner = worstFirst(rows.filter((r) => r.omfang === "kommune")).map((r) => ({
    ...r,
    navn: navne.get(r.kommunekode) ?? r.kommunekode
  }));
  const tekst =
    land === null
      ? "Udtrækket har ingen KLE-opmærkede sager fra kommunerne."
      : `${formatShare(land.andel_overens, 1)} af kommunernes KLE-opmærkede sager i indeksene (opgjort ${land.opgjort_dato}) har et KLE-nummer, der findes, var aktuelt og er på emneniveau.` +
        (vaerste.length
          ? ` Længst fra standarden (mindst ${minSager} sager): ${vaerste.map((r) => `${r.it_system} (${formatShare(r.andel_overens, 1)})`).join(", ")}.`
          : "");
  return { land, systemer, vaerste, kommuner, tekst };
}

export interface KleAfvigelse {
  it_system: string;
  kle_nr: string;
  /** why the number breaks the standard, in Danish */
  grund: string;
}

export interface KleKommune {
  kommune: KleOverensRow | null;
  land: KleOverensRow | null;
  /** the municipality's systems, worst first */
  systemer: KleOverensRow[];
  afvigelser: KleAfvigelse[];
  tekst: string;
}

/**
 * One municipality: its own row, its systems and the numbers that break the standard (their
 * reasons are classified at build time, since the catalogue stays on the server).
 */
export function kleKommune(
  rows: readonly KleOverensRow[],
  afvigelser: readonly KleAfvigelse[],
  kode: string,
  navn: string
): KleKommune {
  const kommune = rows.find((r) => r.omfang === "kommune" && r.kommunekode === kode) ?? null;
  const land = rows.find((r) => r.omfang === "land") ?? null;
  const systemer = worstFirst(rows.filter((r) => r.omfang === "kommune-system" && r.kommunekode === kode));
  const sorted = [...afvigelser].sort(
    (a, b) => coll.compare(a.it_system, b.it_system) || a.kle_nr.localeCompare(b.kle_nr)
  );
  const andel = (r: KleOverensRow | null) => (r === null ? "–" : andelTekst(r, r.andel_overens));
  const tekst =
    kommune === null
      ? `${navn} har ingen KLE-opmærkede sager i udtrækket.`
      : `${andel(kommune)} af kommunens KLE-opmærkede sager overholder KLE (hele landet: ${andel(land)}).` +
        (systemer.length && systemer[0].andel_overens !== null && systemer[0].andel_overens < 1
          ? ` Længst fra standarden: ${systemer[0].it_system} (${andel(systemer[0])}).`
          : "");
  return { kommune, land, systemer, afvigelser: sorted, tekst };
}

/** Cases as shown: the count, or "<5" when hidden. */
export const sagerTekst = (r: { sager: number | null }): string => (r.sager === null ? "<5" : formatNumber(r.sager, 0));

/**
 * The conformance columns of every KLE table (overview and municipality page): cases and the four shares, each
 * shown as "97,1 %" or why it is not shown; the export writes the shares as numbers with 3 decimals.
 */
export function kleKolonner<T extends KleOverensRow>(): TabelKolonne<T>[] {
  return [
    { key: "sager", label: "Sager", num: true, decimals: 0, show: sagerTekst },
    { key: "andel_findes", label: "Findes", num: true, decimals: 3, show: (r) => andelTekst(r, r.andel_findes) },
    { key: "andel_aktuel", label: "Aktuelt", num: true, decimals: 3, show: (r) => andelTekst(r, r.andel_aktuel) },
    { key: "andel_niveau", label: "Emneniveau", num: true, decimals: 3, show: (r) => andelTekst(r, r.andel_niveau) },
    {
      key: "andel_overens",
      label: "Overholder alle tre",
      num: true,
      decimals: 3,
      show: (r) => ({ text: andelTekst(r, r.andel_overens), strong: true })
    }
  ];
}
