/**
 * Typed access to the tables the loaders publish, for pages. Each page passes in its
 * FileAttachment (Framework resolves attachments statically, so the page names the
 * file); these functions only decode and index.
 */
import { readParquet } from "../common/parquet.js";
import { isYesNoStatus, type KatalogRow, type KeyFigureRow, type Kommune } from "../common/vocabulary.js";

export type { KatalogRow, Kommune };

/** A cell of the long key-figure table (the vocabulary's row). */
export type NoegletalRow = KeyFigureRow;

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
  for (const r of rows)
    if (r.id === id && r.aar === aar) out.set(r.kommunekode, isYesNoStatus(r.status) ? null : r.vaerdi);
  return out;
}
