/**
 * DST classification KOMGRP ("Kommunegrupper", 2018 version) in DST's export layout:
 * `SEKVENS;KODE;NIVEAU;TITEL;…`, UTF-8 with BOM. NIVEAU 1 rows are the five groups,
 * NIVEAU 2 rows the municipalities, each belonging to the group row above it.
 */
import { InputError, columnOf, decode, splitRows } from "../lib/text.js";

export interface KommuneGruppe {
  kommunekode: string;
  navn: string;
  gruppekode: string;
  gruppe: string;
}

export function parseKomgrp(bytes: Uint8Array, file: string): KommuneGruppe[] {
  const rows = splitRows(decode(bytes, "utf-8"), file);
  const header = rows[0]?.cells.map((c) => c.trim());
  const iKode = header?.indexOf("KODE") ?? -1;
  const iNiveau = header?.indexOf("NIVEAU") ?? -1;
  const iTitel = header?.indexOf("TITEL") ?? -1;
  if (iKode < 0 || iNiveau < 0 || iTitel < 0) throw new InputError(file, 1, 1, "overskriften skal have kolonnerne KODE, NIVEAU og TITEL");
  const out: KommuneGruppe[] = [];
  let group: { kode: string; titel: string } | null = null;
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    const niveau = row.cells[iNiveau]?.trim();
    const kode = row.cells[iKode]?.trim();
    const titel = row.cells[iTitel]?.trim();
    if (niveau === "1") group = { kode, titel };
    else if (niveau === "2") {
      if (!group) throw new InputError(file, row.line, columnOf(row, iNiveau), "en kommune (NIVEAU 2) står før den første gruppe (NIVEAU 1)");
      if (!/^\d{3}$/.test(kode)) throw new InputError(file, row.line, columnOf(row, iKode), `forventede et 3-cifret kommunenummer, fandt "${kode}"`);
      out.push({ kommunekode: kode, navn: titel, gruppekode: group.kode, gruppe: group.titel });
    } else throw new InputError(file, row.line, columnOf(row, iNiveau), `ukendt NIVEAU "${niveau}" (forventede 1 eller 2)`);
  }
  return out;
}
