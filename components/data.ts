/**
 * Typed access to the tables the loaders publish, for pages. Each page passes in its
 * FileAttachment (Framework resolves attachments statically, so the page names the
 * file); these functions only decode and index.
 */
import { readParquet } from "../common/parquet.js";

export interface Kommune {
  kommunekode: string;
  kommunekode_4: string;
  navn: string;
  officielt_navn: string;
  regionskode: string;
  regionsnavn: string;
  kommunegruppekode: string;
  kommunegruppe: string;
  areal_km2: number | null;
  center_lon: number;
  center_lat: number;
}

export interface NoegletalRow {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: string;
}

export interface KatalogRow {
  id: string;
  nr: number;
  titel: string;
  enhed: string;
  omraade: string;
  omraade_navn: string;
  aar_fra: number | null;
  aar_til: number | null;
  aar_med_data: string;
  antal_vaerdier: number;
  decimaler: number;
  landstal: string | null;
  landstal_metode: string;
  noter: string | null;
  kilde: string;
  linje_i_kilde: number;
}

export interface Attachment {
  arrayBuffer(): Promise<ArrayBuffer>;
}

export async function loadKommuner(file: Attachment): Promise<Kommune[]> {
  return readParquet<Kommune>(await file.arrayBuffer());
}

export async function loadNoegletal(file: Attachment): Promise<NoegletalRow[]> {
  return readParquet<NoegletalRow>(await file.arrayBuffer());
}

export async function loadKatalog(file: Attachment): Promise<KatalogRow[]> {
  const rows = await readParquet<KatalogRow>(await file.arrayBuffer());
  return rows.sort((a, b) => a.nr - b.nr);
}

/** Values of one figure in one year as kommunekode → value (null where missing). */
export function valuesFor(rows: NoegletalRow[], id: string, aar: number): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const r of rows) if (r.id === id && r.aar === aar) out.set(r.kommunekode, r.status === "ja" || r.status === "nej" ? null : r.vaerdi);
  return out;
}

/** Years in which a figure has at least one value. */
export function yearsWithData(k: KatalogRow): number[] {
  return k.aar_med_data ? k.aar_med_data.split(",").map(Number) : [];
}
