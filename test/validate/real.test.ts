/**
 * The rules on the REAL embedded key figures (loaders/validate/noegletal.ts). The counts per rule
 * are the baseline recorded in README ("Regler, genfinding og præcision"), not a target: a change
 * must be explained there. The consistency rules are checked against native DuckDB SQL written here.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, expect, test } from "vitest";
import { type KeyFigureInput, validateKeyFigures } from "../../common/validate/index.js";
import { embeddedKeyFigureInput, REAL_SUMS } from "../../loaders/validate/noegletal.js";

let input: KeyFigureInput;
beforeAll(() => {
  input = embeddedKeyFigureInput();
});

test("per-rule counts on the real key figures (README baseline)", () => {
  const f = validateKeyFigures(input);
  const count: Record<string, number> = {};
  for (const x of f) count[x.rule] = (count[x.rule] ?? 0) + 1;
  expect(count).toEqual({
    "afvig.gruppe": 2252,
    "afvig.land": 832,
    "serie.niveauskift": 543,
    "serie.nul": 93,
    "fuldstaendig.aar": 39,
    "serie.stopper": 11,
    "afvig.enhed": 2
  });
  // every finding points into the raw file
  expect(f.every((x) => x.file.endsWith("noegletal_dk_2013-2019_raw.csv") && (x.line ?? 0) > 0)).toBe(true);
});

test("konsistens.sum agrees with DuckDB SQL on the real values, with three cells disturbed", async () => {
  // disturb: København's 0-2 share 2015 +0.3, Aarhus' central administration 2018 +50, Fanø's 3-5 share 2013 +0.1
  // (Fanø 2013 in the raw file: 0-2 1,9 + 3-5 3,1 = 5,0 against 0-5 5,1, a rounding difference of 0,1; with +0.1
  // the parts add up to 5,1 exactly; with −0.1 instead they would be 4,9, 0,2 off: more than 3 × 0,05 + 0,1 % × 5,1)
  const bump = new Map([
    ["andel-0-2-aarige|101|2015", 0.3],
    ["udg-til-central-ledelse-og-adm-pr-indb|751|2018", 50],
    ["andel-3-5-aarige|563|2013", 0.1]
  ]);
  const rows = input.rows.map((r) => {
    const d = bump.get(`${r.id}|${r.kommunekode}|${r.aar}`);
    return d !== undefined && r.vaerdi !== null ? { ...r, vaerdi: r.vaerdi + d } : r;
  });
  const engine = validateKeyFigures({ ...input, rows }, { rules: ["konsistens.sum"] }).map(
    (f) => `${f.subject}|${f.kommunekode}|${f.periode}`
  );

  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  await con.run("CREATE TABLE v (id VARCHAR, kode VARCHAR, aar INTEGER, vaerdi DOUBLE)");
  const app = await con.createAppender("v");
  for (const r of rows)
    if (r.vaerdi !== null && (r.status === "ok" || r.status === "nul")) {
      app.appendVarchar(r.id);
      app.appendVarchar(r.kommunekode);
      app.appendInteger(r.aar);
      app.appendDouble(r.vaerdi);
      app.endRow();
    }
  app.closeSync();
  const dec = new Map((input.katalog ?? []).map((k) => [k.id, k.decimaler ?? 1]));
  const sql: string[] = [];
  for (const rel of REAL_SUMS ?? []) {
    const ids = [rel.total, ...rel.parts];
    // tolerance: half a unit of the last decimal per term + 0.1 % of the total
    const tol = ids.reduce((a, id) => a + 0.5 * 10 ** -(dec.get(id) ?? 1), 0);
    sql.push(`SELECT '${rel.total}' AS id, t.kode, t.aar FROM v t
      JOIN (SELECT kode, aar, sum(vaerdi) AS s, count(*) AS n FROM v WHERE id IN (${rel.parts.map((p) => `'${p}'`).join(",")}) GROUP BY ALL) p
        USING (kode, aar)
      WHERE t.id = '${rel.total}' AND p.n = ${rel.parts.length} AND abs(t.vaerdi - p.s) > ${tol} + 0.001 * abs(t.vaerdi)`);
  }
  const res = await con.runAndReadAll(`${sql.join(" UNION ALL ")} ORDER BY 2, 1, 3`);
  const golden = (res.getRowObjectsJS() as { id: string; kode: string; aar: number }[]).map(
    (r) => `${r.id}|${r.kode}|${r.aar}`
  );
  con.closeSync();
  instance.closeSync();
  // 0-2 share of København 2015 breaks 0-5 = 0-2 + 3-5; Aarhus' central administration breaks the total; Fanø now adds up
  expect(golden.sort()).toEqual(["andel-0-5-aarige|101|2015", "udg-til-ledelse-og-adm-pr-indb|751|2018"]);
  expect(engine.sort()).toEqual(golden.sort());
});
