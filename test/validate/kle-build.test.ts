/**
 * kle.* findings of the build's /datakvalitet list (loaders/datakvalitet.ts kleIndexFindings) on the committed demo
 * index extract: the counts per rule equal native DuckDB SQL written here over the same CSV and the KLE files
 * (latest counting date; one row per municipality × IT system × index × KLE number; findes = a current number at any
 * level or a retired one; aktuel = current, or retired after the date; niveau = the index requires emne level).
 */
import { resolve } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { expect, test } from "vitest";
import { kleIndexFindings } from "../../loaders/datakvalitet.js";

test("kle.findes, kle.aktuel and kle.niveau per rule equal native DuckDB SQL over the demo index extract (Demodata)", async () => {
  const ix = resolve("data/demo/infrastruktur/indekssager_seed1.csv.gz");
  const emner = resolve("data/raw/kle/kle_emner_os2kle_v3.23.csv");
  const udg = resolve("data/raw/kle/kle_udgaaede_os2kle.csv");
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const src = `read_csv('${ix}', delim=';', header=true, all_varchar=true)`;
    const sql = `
      WITH x AS (SELECT * FROM ${src} WHERE kommunekode IS NOT NULL),
      latest AS (SELECT max(opgjort_dato::DATE) AS d FROM x),
      g AS (SELECT kommunekode, it_system, indeks, kle_nr, opgjort_dato::DATE AS dato FROM x
            WHERE opgjort_dato::DATE = (SELECT d FROM latest) GROUP BY ALL),
      akt AS (SELECT emne_nr AS nr FROM read_csv('${emner}', header=true, all_varchar=true)
              UNION SELECT gruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)
              UNION SELECT hovedgruppe_nr FROM read_csv('${emner}', header=true, all_varchar=true)),
      udg AS (SELECT nr, make_date(split_part(udgaaet_i_kle, ' ', 2)::INT, CASE split_part(udgaaet_i_kle, ' ', 3) WHEN 'Feb' THEN 2 ELSE 8 END, 1) AS d
              FROM read_csv('${udg}', header=true, all_varchar=true) WHERE nr NOT IN (SELECT nr FROM akt)),
      c AS (SELECT (g.kle_nr IN (SELECT nr FROM akt) OR udg.nr IS NOT NULL) AS findes,
                   (g.kle_nr IN (SELECT nr FROM akt) OR (udg.nr IS NOT NULL AND g.dato < udg.d)) AS aktuel,
                   regexp_full_match(g.kle_nr, '[0-9]{2}(\\.[0-9]{2})?') AS over_emne
            FROM g LEFT JOIN udg ON udg.nr = g.kle_nr)
      SELECT count(*) FILTER (WHERE NOT findes)::INTEGER AS "kle.findes",
             count(*) FILTER (WHERE findes AND NOT aktuel)::INTEGER AS "kle.aktuel",
             count(*) FILTER (WHERE over_emne)::INTEGER AS "kle.niveau"
      FROM c`;
    const expected = (await con.runAndReadAll(sql)).getRowObjectsJS()[0] as Record<string, number>;
    const found = await kleIndexFindings(con, src, "indekssager (Demodata)");
    const got: Record<string, number> = { "kle.findes": 0, "kle.aktuel": 0, "kle.niveau": 0 };
    for (const f of found) got[f.rule]++;
    expect(got).toEqual(expected);
    // the demo plants every kind
    expect(Object.values(got).every((n) => n > 0)).toBe(true);
    for (const f of found) {
      expect(f.kilde).toBe("infrastruktur");
      expect(f.file).toBe("indekssager (Demodata)");
      expect(f.kommunekode).toMatch(/^\d{3}$/);
      expect(f.subjectLabel).toContain("(KLE i ");
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
});
