/**
 * SQL templates for Spørg over the published tables (names as on /data: noegletal, noegletal_katalog,
 * noegletal_landstal, kommuner). Only validated ids, codes and years are inlined, and each is checked
 * again here against a strict pattern, so no text from the question ever reaches the SQL.
 * Every query returns the columns kode, navn, aar, vaerdi, status (a comparison-group query also gruppe, gruppe_antal).
 */
import type { Forstaaet } from "./types.js";

const ID = /^[a-z0-9-]+$/;
const KODE = /^\d{3,4}$/;

function lit(s: string, re: RegExp): string {
  if (!re.test(s)) throw new Error(`Ugyldig værdi i forespørgsel: ${JSON.stringify(s)}`);
  return `'${s}'`;
}
function years(aar: number[]): string {
  for (const y of aar) if (!Number.isInteger(y) || y < 1900 || y > 2100) throw new Error(`Ugyldigt år: ${y}`);
  return aar.join(", ");
}

/**
 * `col = v` for one value, `col IN (…)` for several. DuckDB-WASM 1.29 (DuckDB 1.1.1) drops a one-element IN filter on
 * a joined table inside UNION ALL (every municipality came back for "… i forhold til landet"); `=` is answered right.
 */
function inList(col: string, values: string): string {
  return values.includes(",") ? `${col} IN (${values})` : `${col} = ${values}`;
}

/**
 * A municipality against its comparison group: its value and the mean of its group as published in kdk_placeringer
 * (the same numbers as the municipality pages: the default group of the figure's area, the municipality itself not
 * included), one row each per municipality and year; the group row's kode is `gruppe-<kode>`.
 */
function groupSql(id: string, koder: string, aar: string): string {
  return `SELECT s.kode, s.navn, p.aar, s.vaerdi, s.status, p.sammenligningsgruppe AS gruppe, p.gruppe_antal_med_vaerdi AS gruppe_antal
FROM kdk_placeringer p JOIN kommuner k USING (kommunekode),
  LATERAL (VALUES (p.kommunekode, k.navn, p.vaerdi, p.status, 0),
    ('gruppe-' || p.kommunekode, 'Sammenligningsgruppen (' || k.navn || ')', p.gruppe_gns,
     CASE WHEN p.gruppe_gns IS NULL THEN 'mangler' ELSE 'ok' END, 1)) s(kode, navn, vaerdi, status, raekke)
WHERE p.id = ${id}
  AND ${inList("p.kommunekode", koder)}
  AND ${inList("p.aar", aar)}
ORDER BY p.aar, k.navn, s.raekke`;
}

export function compileSql(q: Forstaaet): string {
  const id = lit(q.noegletal[0], ID);
  const aar = years(q.aar);
  const koder = q.kommuner.map((k) => lit(k, KODE)).join(", ");
  const regionFilter = q.region ? `\n  AND k.regionskode = ${lit(q.region, KODE)}` : "";
  const base = `SELECT n.kommunekode AS kode, k.navn, n.aar, n.vaerdi, n.status
FROM noegletal n JOIN kommuner k USING (kommunekode)
WHERE n.id = ${id}`;
  const landet = `SELECT 'landet' AS kode, 'Hele landet' AS navn, l.aar, l.vaerdi, l.status
FROM noegletal_landstal l
WHERE l.id = ${id} AND ${inList("l.aar", aar)}`;
  switch (q.operation) {
    case "vaerdi":
    case "sammenligning":
    case "udvikling": {
      if (q.sammenlign === "gruppe") return groupSql(id, koder, aar);
      const main = `${base}\n  AND ${inList("n.kommunekode", koder)}\n  AND ${inList("n.aar", aar)}`;
      if (q.sammenlign === "landet")
        return `SELECT * FROM (\n${main}\nUNION ALL\n${landet}\n) ORDER BY aar, kode = 'landet', navn`;
      return `${main}\nORDER BY n.aar, k.navn`;
    }
    case "landstal":
      return `${landet}\nORDER BY l.aar`;
    case "rangering":
      return `${base}\n  AND ${inList("n.aar", aar)}${regionFilter}\n  AND n.vaerdi IS NOT NULL\nORDER BY n.vaerdi ${q.retning === "lavest" ? "ASC" : "DESC"}, k.navn\nLIMIT ${Math.max(1, Math.min(98, q.antal ?? 10) | 0)}`;
    case "kort":
      return `${base}\n  AND ${inList("n.aar", aar)}\nORDER BY k.navn`;
    case "gennemsnit":
    case "median": {
      const fn = q.operation === "median" ? "median" : "avg";
      const label = q.region
        ? `(SELECT any_value(regionsnavn) FROM kommuner WHERE regionskode = ${lit(q.region, KODE)})`
        : `'Alle kommuner'`;
      return `SELECT 'aggregat' AS kode, ${label} AS navn, n.aar, ${fn}(n.vaerdi) AS vaerdi, 'ok' AS status
FROM noegletal n JOIN kommuner k USING (kommunekode)
WHERE n.id = ${id}
  AND ${inList("n.aar", aar)}${regionFilter}
  AND n.vaerdi IS NOT NULL
GROUP BY n.aar
ORDER BY n.aar`;
    }
  }
}
