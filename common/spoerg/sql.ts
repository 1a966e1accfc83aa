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
 * A municipality against its comparison group: its value and the mean of its group as published in kdk_placeringer
 * (the same numbers as the municipality pages: the default group of the figure's area, the municipality itself not
 * included), one row each per municipality and year; the group row's kode is `gruppe-<kode>`.
 */
function groupSql(id: string, koder: string, aar: string): string {
  return `SELECT kode, navn, aar, vaerdi, status, gruppe, gruppe_antal FROM (
SELECT p.kommunekode AS kode, k.navn, p.aar, p.vaerdi, p.status, p.sammenligningsgruppe AS gruppe,
  p.gruppe_antal_med_vaerdi AS gruppe_antal, k.navn AS sortering, 0 AS raekke
FROM kdk_placeringer p JOIN kommuner k USING (kommunekode)
WHERE p.id = ${id}
  AND p.kommunekode IN (${koder})
  AND p.aar IN (${aar})
UNION ALL
SELECT 'gruppe-' || p.kommunekode AS kode, 'Sammenligningsgruppen (' || k.navn || ')' AS navn, p.aar, p.gruppe_gns AS vaerdi,
  CASE WHEN p.gruppe_gns IS NULL THEN 'mangler' ELSE 'ok' END AS status, p.sammenligningsgruppe AS gruppe,
  p.gruppe_antal_med_vaerdi AS gruppe_antal, k.navn AS sortering, 1 AS raekke
FROM kdk_placeringer p JOIN kommuner k USING (kommunekode)
WHERE p.id = ${id}
  AND p.kommunekode IN (${koder})
  AND p.aar IN (${aar})
) ORDER BY aar, sortering, raekke`;
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
WHERE l.id = ${id} AND l.aar IN (${aar})`;
  switch (q.operation) {
    case "vaerdi":
    case "sammenligning":
    case "udvikling": {
      if (q.sammenlign === "gruppe") return groupSql(id, koder, aar);
      const main = `${base}\n  AND n.kommunekode IN (${koder})\n  AND n.aar IN (${aar})`;
      if (q.sammenlign === "landet")
        return `SELECT * FROM (\n${main}\nUNION ALL\n${landet}\n) ORDER BY aar, kode = 'landet', navn`;
      return `${main}\nORDER BY n.aar, k.navn`;
    }
    case "landstal":
      return `${landet}\nORDER BY l.aar`;
    case "rangering":
      return `${base}\n  AND n.aar IN (${aar})${regionFilter}\n  AND n.vaerdi IS NOT NULL\nORDER BY n.vaerdi ${q.retning === "lavest" ? "ASC" : "DESC"}, k.navn\nLIMIT ${Math.max(1, Math.min(98, q.antal ?? 10) | 0)}`;
    case "kort":
      return `${base}\n  AND n.aar IN (${aar})\nORDER BY k.navn`;
    case "gennemsnit":
    case "median": {
      const fn = q.operation === "median" ? "median" : "avg";
      const label = q.region
        ? `(SELECT any_value(regionsnavn) FROM kommuner WHERE regionskode = ${lit(q.region, KODE)})`
        : `'Alle kommuner'`;
      return `SELECT 'aggregat' AS kode, ${label} AS navn, n.aar, ${fn}(n.vaerdi) AS vaerdi, 'ok' AS status
FROM noegletal n JOIN kommuner k USING (kommunekode)
WHERE n.id = ${id}
  AND n.aar IN (${aar})${regionFilter}
  AND n.vaerdi IS NOT NULL
GROUP BY n.aar
ORDER BY n.aar`;
    }
  }
}
