/**
 * Reading a StatBank CSV extract (`;`, value codes, value column `INDHOLD`) back and
 * checking it against the selection that asked for it: the same rules the loaders apply
 * to every raw file. A refreshed snapshot is only swapped in when this passes.
 *
 * Checks: header = the selected variables + INDHOLD; every row has the header's field
 * count; every code is one DST listed for its variable; no key twice; every selected
 * combination present (DST's CSV writes missing values as `..`, it does not drop rows);
 * one decimal convention per file; every one of the 98 municipalities has data.
 */
import { columnOf, InputError, splitRows } from "../lib/text.js";
import type { Selection } from "./tables.js";

export interface StatbankCell {
  /** the codes in the order of the selection's variables */
  key: string[];
  /** null where DST wrote `..` (not available) */
  value: number | null;
}

export interface StatbankExtract {
  columns: string[];
  cells: StatbankCell[];
  /** "komma" or "punktum" or "heltal" (no decimals seen) */
  decimal: "komma" | "punktum" | "heltal";
  missing: number;
}

const NUMBER_COMMA = /^-?\d+(,\d+)?$/;
const NUMBER_DOT = /^-?\d+(\.\d+)?$/;

export function parseStatbankCsv(
  text: string,
  file: string,
  selection: Selection,
  kommunekoder: readonly string[]
): StatbankExtract {
  const rows = splitRows(text.replace(/^\uFEFF/, ""), file, ";").filter(
    (r) => !(r.cells.length === 1 && r.cells[0] === "")
  );
  if (rows.length === 0) throw new InputError(file, 1, 1, "filen er tom");
  const header = rows[0].cells.map((c) => c.trim().toUpperCase());
  const expected = [...selection.variables.map((v) => v.code.toUpperCase()), "INDHOLD"];
  if (header.join(";") !== expected.join(";")) {
    throw new InputError(
      file,
      1,
      1,
      `overskriften er "${rows[0].cells.join(";")}", forventede "${expected.join(";")}"`
    );
  }
  const allowed = selection.variables.map((v) => new Set(v.values));
  const seen = new Set<string>();
  const cells: StatbankCell[] = [];
  let decimal: StatbankExtract["decimal"] = "heltal";
  let decimalLine = 0;
  let missing = 0;
  for (const row of rows.slice(1)) {
    if (row.cells.length !== header.length) {
      throw new InputError(file, row.line, 1, `rækken har ${row.cells.length} felter, overskriften ${header.length}`);
    }
    const key = row.cells.slice(0, -1).map((c) => c.trim());
    key.forEach((code, i) => {
      if (!allowed[i].has(code)) {
        throw new InputError(
          file,
          row.line,
          columnOf(row, i),
          `"${code}" er ikke en værdi af ${selection.variables[i].code}, som DST's tableinfo oplyser`
        );
      }
    });
    const k = key.join("|");
    if (seen.has(k)) throw new InputError(file, row.line, 1, `rækken ${key.join(";")} findes to gange`);
    seen.add(k);
    const raw = row.cells[row.cells.length - 1].trim();
    const col = columnOf(row, row.cells.length - 1);
    let value: number | null;
    if (raw === ".." || raw === "") {
      value = null;
      missing++;
    } else {
      const hasComma = raw.includes(",");
      const hasDot = raw.includes(".");
      if (hasComma || hasDot) {
        const kind = hasComma ? "komma" : "punktum";
        if (decimal !== "heltal" && decimal !== kind) {
          throw new InputError(
            file,
            row.line,
            col,
            `decimaltegnet skifter: "${raw}" bruger ${kind}, men linje ${decimalLine} brugte ${decimal}`
          );
        }
        decimal = kind;
        decimalLine = row.line;
      }
      if (!(hasComma ? NUMBER_COMMA : NUMBER_DOT).test(raw))
        throw new InputError(file, row.line, col, `"${raw}" er ikke et tal`);
      value = Number(raw.replace(",", "."));
    }
    cells.push({ key, value });
  }
  const expectedRows = selection.variables.reduce((n, v) => n * v.values.length, 1);
  if (cells.length !== expectedRows) {
    throw new InputError(
      file,
      rows.length,
      1,
      `filen har ${cells.length} rækker, forespørgslen valgte ${expectedRows} kombinationer (ufuldstændig)`
    );
  }
  const area = selection.variables[0];
  const withData = new Set(cells.filter((c) => c.value !== null).map((c) => c.key[0]));
  const without = kommunekoder.filter((k) => !withData.has(k));
  if (without.length) {
    throw new InputError(
      file,
      1,
      1,
      `${without.length} kommuner har ingen tal i ${area.code} (${without.slice(0, 5).join(", ")}${without.length > 5 ? " …" : ""})`
    );
  }
  return { columns: expected, cells, decimal, missing };
}

/** Checks that only apply to population counts: whole, non-negative persons. */
export function checkCounts(extract: StatbankExtract, file: string): void {
  extract.cells.forEach((c, i) => {
    if (c.value !== null && (!Number.isInteger(c.value) || c.value < 0)) {
      throw new InputError(file, i + 2, 1, `${c.value} er ikke et antal personer (${c.key.join(";")})`);
    }
  });
}

export interface Change {
  /** the series variable's value (e.g. BNØGLE "FOL"), or "alle" */
  series: string;
  newPeriods: string[];
  revised: number;
  removed: number;
}

/**
 * What changed since the previous snapshot of the same table: periods that are new, and
 * values that differ for the same key (revisions), counted per series.
 */
export function diffExtracts(
  previous: StatbankExtract | null,
  next: StatbankExtract,
  seriesIndex: number | null,
  timeIndex: number
): Change[] {
  const seriesOf = (c: StatbankCell) => (seriesIndex === null ? "alle" : c.key[seriesIndex]);
  const prev = new Map<string, number | null>();
  const prevPeriods = new Map<string, Set<string>>();
  for (const c of previous?.cells ?? []) {
    prev.set(c.key.join("|"), c.value);
    const s = prevPeriods.get(seriesOf(c)) ?? new Set<string>();
    s.add(c.key[timeIndex]);
    prevPeriods.set(seriesOf(c), s);
  }
  const out = new Map<string, Change>();
  const nextKeys = new Set<string>();
  for (const c of next.cells) {
    const k = c.key.join("|");
    nextKeys.add(k);
    const series = seriesOf(c);
    const ch = out.get(series) ?? { series, newPeriods: [], revised: 0, removed: 0 };
    out.set(series, ch);
    const period = c.key[timeIndex];
    if (!prevPeriods.get(series)?.has(period)) {
      if (!ch.newPeriods.includes(period)) ch.newPeriods.push(period);
    } else if (prev.has(k) && prev.get(k) !== c.value) ch.revised++;
  }
  for (const c of previous?.cells ?? []) {
    if (nextKeys.has(c.key.join("|"))) continue;
    const series = seriesOf(c);
    const ch = out.get(series) ?? { series, newPeriods: [], revised: 0, removed: 0 };
    ch.removed++;
    out.set(series, ch);
  }
  return [...out.values()].sort((a, b) => a.series.localeCompare(b.series));
}
