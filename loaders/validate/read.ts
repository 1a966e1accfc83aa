/**
 * Readers that turn files into the validation engine's input (common/validate):
 * - the Serviceplatformen extract (contract `serviceplatformen_*.csv[.gz]`, the demo's plain
 *   UTF-8 `;` format) → `InfraMonthlyRow`s, one per extract row, service as subject;
 * - a key-figure table in the project's published long format (`/filer/noegletal.csv`:
 *   `id;kommunekode;aar;vaerdi;status`, UTF-8 with BOM, decimal comma) → `KeyFigureCell`s.
 * They are deliberately simple: the contract checks (encoding, separator, number style, codes)
 * are the ingest's and the command line's; these assume a file that passed them.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { InfraMonthlyRow, KeyFigureCell } from "../../common/validate/index.js";

export function readText(path: string): string {
  const bytes = readFileSync(path);
  const raw = path.endsWith(".gz") ? gunzipSync(bytes) : bytes;
  return raw.toString("utf-8").replace(/^\uFEFF/, "");
}

function lines(text: string): string[] {
  const out = text.split(/\r?\n/);
  if (out.length && out[out.length - 1] === "") out.pop();
  return out;
}

function columnIndex(header: string, file: string, names: readonly string[]): Record<string, number> {
  const cols = header.split(";");
  const idx: Record<string, number> = {};
  for (const n of names) {
    const i = cols.indexOf(n);
    if (i < 0) throw new Error(`${file}:1: kolonnen "${n}" mangler i overskriften (${cols.join(";")})`);
    idx[n] = i;
  }
  return idx;
}

/** Serviceplatformen rows of a monthly extract; the key is the contract's (maaned, myndighed_cvr, it_system_id, service_nr). */
export function parseServiceplatformen(text: string, file: string): InfraMonthlyRow[] {
  const ls = lines(text);
  const c = columnIndex(ls[0] ?? "", file, [
    "maaned",
    "myndighed_cvr",
    "kommunekode",
    "it_system_id",
    "service_nr",
    "service_navn",
    "antal_kald"
  ]);
  const rows: InfraMonthlyRow[] = [];
  for (let i = 1; i < ls.length; i++) {
    const f = ls[i].split(";");
    const kald = Number(f[c.antal_kald]);
    if (!Number.isFinite(kald))
      throw new Error(`${file}:${i + 1}:${c.antal_kald + 1}: antal_kald "${f[c.antal_kald]}" er ikke et tal`);
    rows.push({
      kommunekode: f[c.kommunekode],
      maaned: f[c.maaned],
      subjectKind: "service",
      subject: f[c.service_nr],
      subjectLabel: f[c.service_navn],
      kald,
      key: `${f[c.maaned]}|${f[c.myndighed_cvr]}|${f[c.it_system_id]}|${f[c.service_nr]}`,
      line: i + 1
    });
  }
  return rows;
}

export const readServiceplatformen = (path: string): InfraMonthlyRow[] => parseServiceplatformen(readText(path), path);

/** Key-figure cells of the published long format (`id;kommunekode;aar;vaerdi;status`, decimal comma, empty = no value). */
export function parseKeyFigureCsv(text: string, file: string): KeyFigureCell[] {
  const ls = lines(text);
  const c = columnIndex(ls[0] ?? "", file, ["id", "kommunekode", "aar", "vaerdi", "status"]);
  const out: KeyFigureCell[] = [];
  for (let i = 1; i < ls.length; i++) {
    const f = ls[i].split(";");
    const v = f[c.vaerdi];
    const vaerdi = v === "" ? null : Number(v.replace(",", "."));
    if (vaerdi !== null && !Number.isFinite(vaerdi))
      throw new Error(`${file}:${i + 1}:${c.vaerdi + 1}: vaerdi "${v}" er ikke et tal`);
    out.push({
      id: f[c.id],
      kommunekode: f[c.kommunekode],
      aar: Number(f[c.aar]),
      vaerdi,
      status: f[c.status],
      line: i + 1,
      column: c.vaerdi + 1
    });
  }
  return out;
}

export const readKeyFigureCsv = (path: string): KeyFigureCell[] => parseKeyFigureCsv(readText(path), path);
