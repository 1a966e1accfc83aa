/**
 * A notebook's whole state, and its strict validation. A notebook is only SQL, Markdown
 * text, chart settings and parameter defaults: nothing executable but SQL over the
 * read-only workspace database, and nothing that makes the page fetch. Anything else in
 * a shared link or imported file is refused with a Danish message.
 */

export const CHART_KINDS = ["auto", "tabel", "linje", "soejler", "kort", "punkter"] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface SqlCell {
  type: "sql";
  sql: string;
  chart: ChartKind;
}
export interface TextCell {
  type: "text";
  text: string;
}
export type Cell = SqlCell | TextCell;

export interface Params {
  /** default municipality (3 digits) when the notebook uses $kommune, else null */
  kommune: string | null;
  /** default year when the notebook uses $aar, else null */
  aar: number | null;
}

export interface Notebook {
  v: 1;
  title: string;
  params: Params;
  cells: Cell[];
}

export const LIMITS = { cells: 60, sql: 20_000, text: 20_000, title: 200 } as const;

export class NotebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotebookError";
  }
}

export function emptyNotebook(): Notebook {
  return {
    v: 1,
    title: "Ny notesbog",
    params: { kommune: "101", aar: 2018 },
    cells: [
      { type: "text", text: "# Min analyse\n\nSkriv her, hvad analysen skal vise." },
      {
        type: "sql",
        sql: "SELECT aar, vaerdi\nFROM noegletal\nWHERE id = 'serviceudgifter-pr-indb' AND kommunekode = $kommune\nORDER BY aar",
        chart: "auto"
      }
    ]
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

function exactKeys(x: Record<string, unknown>, keys: string[], where: string): void {
  for (const k of Object.keys(x))
    if (!keys.includes(k)) throw new NotebookError(`${where}: ukendt felt "${k}" (kun ${keys.join(", ")} er tilladt)`);
  for (const k of keys) if (!(k in x)) throw new NotebookError(`${where}: feltet "${k}" mangler`);
}

function text(x: unknown, max: number, where: string): string {
  if (typeof x !== "string") throw new NotebookError(`${where} skal være tekst`);
  if (x.length > max) throw new NotebookError(`${where} er for lang (${x.length} tegn, højst ${max})`);
  return x;
}

/** Check that `x` is exactly a notebook (no extra fields, right types, sizes within limits); return it typed. */
export function validateNotebook(x: unknown): Notebook {
  if (!isObject(x)) throw new NotebookError("notesbogen skal være et objekt");
  exactKeys(x, ["v", "title", "params", "cells"], "notesbogen");
  if (x.v !== 1) throw new NotebookError(`ukendt version ${JSON.stringify(x.v)} (kun 1)`);
  const title = text(x.title, LIMITS.title, "titlen");
  if (!isObject(x.params)) throw new NotebookError("parametrene skal være et objekt");
  exactKeys(x.params, ["kommune", "aar"], "parametrene");
  const { kommune, aar } = x.params;
  if (kommune !== null && (typeof kommune !== "string" || !/^\d{3}$/.test(kommune)))
    throw new NotebookError("parameteren kommune skal være en kommunekode med 3 cifre eller null");
  if (aar !== null && (typeof aar !== "number" || !Number.isInteger(aar) || aar < 1900 || aar > 2100))
    throw new NotebookError("parameteren aar skal være et årstal eller null");
  if (!Array.isArray(x.cells)) throw new NotebookError("cellerne skal være en liste");
  if (x.cells.length > LIMITS.cells)
    throw new NotebookError(`for mange celler (${x.cells.length}, højst ${LIMITS.cells})`);
  const cells: Cell[] = x.cells.map((c, i) => {
    const where = `celle ${i + 1}`;
    if (!isObject(c)) throw new NotebookError(`${where} skal være et objekt`);
    if (c.type === "sql") {
      exactKeys(c, ["type", "sql", "chart"], where);
      if (!CHART_KINDS.includes(c.chart as ChartKind))
        throw new NotebookError(`${where}: ukendt diagramtype ${JSON.stringify(c.chart)}`);
      return { type: "sql", sql: text(c.sql, LIMITS.sql, `${where}s SQL`), chart: c.chart as ChartKind };
    }
    if (c.type === "text") {
      exactKeys(c, ["type", "text"], where);
      return { type: "text", text: text(c.text, LIMITS.text, `${where}s tekst`) };
    }
    throw new NotebookError(`${where}: ukendt celletype ${JSON.stringify(c.type)} (kun sql og text)`);
  });
  return { v: 1, title, params: { kommune: kommune as string | null, aar: aar as number | null }, cells };
}

/** Does the notebook use the municipality / year parameter anywhere in its SQL? */
export function usesParams(nb: Notebook): { kommune: boolean; aar: boolean } {
  const sql = nb.cells
    .filter((c): c is SqlCell => c.type === "sql")
    .map((c) => c.sql)
    .join("\n");
  return { kommune: /\$kommune\b/.test(sql), aar: /\$aar\b/.test(sql) };
}
