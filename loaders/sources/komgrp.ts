/**
 * DST classification KOMGRP ("Kommunegrupper", 2018 version) in DST's export layout:
 * `SEKVENS;KODE;NIVEAU;TITEL;…`, UTF-8 with BOM. NIVEAU 1 rows are the five groups,
 * NIVEAU 2 rows the municipalities, each belonging to the group row above it.
 */
import { decodeDetected, type Finding, finding } from "../../common/rules/index.js";
import { encodingFinding, stopOnErrors } from "../lib/rules.js";
import { columnOf, InputError, splitRows } from "../lib/text.js";

export interface KommuneGruppe {
  kommunekode: string;
  navn: string;
  gruppekode: string;
  gruppe: string;
}

/**
 * Parse; stops with file, line, column and rule on the first rule broken: a code twice
 * (form.dublet), a row with another field count than the header (form.felter), or fewer
 * or more than `expected` municipalities (fuldstaendig.kommuner, when given), or a name that
 * is not the municipality's name for its code in `names` (navn.kode, when given: DAWA's names).
 */
export function parseKomgrp(
  bytes: Uint8Array,
  file: string,
  expected?: Set<string>,
  names?: ReadonlyMap<string, string>
): KommuneGruppe[] {
  const findings: Finding[] = [];
  const { text, encoding } = decodeDetected(bytes);
  const enc = encodingFinding(file, encoding, ["utf-8-bom", "utf-8"]);
  if (enc) findings.push(enc);
  const rows = splitRows(text, file);
  const header = rows[0]?.cells.map((c) => c.trim());
  const iKode = header?.indexOf("KODE") ?? -1;
  const iNiveau = header?.indexOf("NIVEAU") ?? -1;
  const iTitel = header?.indexOf("TITEL") ?? -1;
  if (iKode < 0 || iNiveau < 0 || iTitel < 0)
    throw new InputError(file, 1, 1, "overskriften skal have kolonnerne KODE, NIVEAU og TITEL", "form.overskrift");
  const width = header!.length;
  const seen = new Map<string, number>();
  const out: KommuneGruppe[] = [];
  let group: { kode: string; titel: string } | null = null;
  for (const row of rows.slice(1)) {
    if (row.cells.every((c) => c.trim() === "")) continue;
    if (row.cells.length !== width) {
      findings.push(
        finding("form.felter", file, `linjen har ${row.cells.length} felter, forventede ${width} som overskriften`, {
          line: row.line,
          column: 1
        })
      );
      continue;
    }
    const niveau = row.cells[iNiveau]?.trim();
    const kode = row.cells[iKode]?.trim();
    const titel = row.cells[iTitel]?.trim();
    if (niveau === "1") group = { kode, titel };
    else if (niveau === "2") {
      if (!group)
        throw new InputError(
          file,
          row.line,
          columnOf(row, iNiveau),
          "en kommune (NIVEAU 2) står før den første gruppe (NIVEAU 1)",
          "form.linje"
        );
      if (!/^\d{3}$/.test(kode))
        throw new InputError(
          file,
          row.line,
          columnOf(row, iKode),
          `forventede et 3-cifret kommunenummer, fandt "${kode}"`,
          "form.linje"
        );
      if (seen.has(kode)) {
        findings.push(
          finding("form.dublet", file, `kommune ${kode} står to gange (første gang linje ${seen.get(kode)})`, {
            line: row.line,
            column: columnOf(row, iKode),
            kommunekode: kode
          })
        );
        continue;
      }
      seen.set(kode, row.line);
      const name = names?.get(kode);
      if (name !== undefined && name !== titel)
        findings.push(
          finding("navn.kode", file, `"${titel}" passer ikke til kommunekode ${kode} (${name})`, {
            line: row.line,
            column: columnOf(row, iTitel),
            kommunekode: kode
          })
        );
      out.push({ kommunekode: kode, navn: titel, gruppekode: group.kode, gruppe: group.titel });
    } else
      throw new InputError(
        file,
        row.line,
        columnOf(row, iNiveau),
        `ukendt NIVEAU "${niveau}" (forventede 1 eller 2)`,
        "form.linje"
      );
  }
  if (expected) {
    const missing = [...expected].filter((k) => !seen.has(k));
    const extra = [...seen.keys()].filter((k) => !expected.has(k));
    if (missing.length || extra.length) {
      findings.push(
        finding(
          "fuldstaendig.kommuner",
          file,
          `forventede de ${expected.size} kommuner; ${missing.length ? `mangler ${missing.join(", ")}` : ""}${extra.length ? ` ukendte koder ${extra.join(", ")}` : ""}`
        )
      );
    }
  }
  stopOnErrors(findings);
  return out;
}
