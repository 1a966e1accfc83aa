/**
 * Parameters in SQL: `$kommune` and `$aar` are replaced by validated literals before the
 * query runs (a quoted 3-digit code, an integer), never by arbitrary text.
 */
import { NotebookError } from "./state.js";

export interface ParamValues {
  kommune: string | null;
  aar: number | null;
}

export function substituteParams(sql: string, values: ParamValues): string {
  return sql.replace(/\$(kommune|aar)\b/g, (_, name: string) => {
    if (name === "kommune") {
      const k = values.kommune;
      if (k === null || !/^\d{3}$/.test(k))
        throw new NotebookError("SQL'en bruger $kommune, men der er ikke valgt en kommune");
      return `'${k}'`;
    }
    const a = values.aar;
    if (a === null || !Number.isInteger(a)) throw new NotebookError("SQL'en bruger $aar, men der er ikke valgt et år");
    return String(a);
  });
}

/** The 1-based line DuckDB points at in an error message ("LINE 3: …"), or null. */
export function errorLine(message: string): number | null {
  const m = /LINE (\d+):/.exec(message);
  return m ? Number(m[1]) : null;
}
