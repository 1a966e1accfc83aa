/**
 * An independent recomputation of the default comparison groups, for tests: native DuckDB SQL for the data
 * (complete cases, log, standardisation with the sample standard deviation, distances, ranking) and a hand-written
 * least-squares solve (normal equations XᵀXβ = Xᵀy by Gauss–Jordan elimination with partial pivoting), sharing no
 * code with common/groups (which uses a QR decomposition). What it takes from the engine's published output is only
 * the list of variables the backward elimination kept (its p-values are checked against R in golden.test.ts).
 *
 * Definitions (from the README and common/groups/distance.ts, written again here):
 * - the model's municipalities: those with a number (not yes/no) for the outcome and for every candidate the year has;
 * - z = (x − mean) / sd over those municipalities, x = ln(value) for log-transformed candidates;
 * - β from y = β₀ + Σ βₖ zₖ over the kept variables; d(i, j) = √Σ βₖ²(zᵢₖ − zⱼₖ)² (method beta);
 * - neighbours: the 10 nearest, distances equal to 9 significant digits of the row's largest distance ranked by code.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { AreaDefinition } from "../../loaders/areas.js";

export interface LongCell {
  id: string;
  kommunekode: string;
  aar: number;
  vaerdi: number | null;
  status: string;
}

/** Solve A x = b (A n × n, row-major arrays) by Gauss–Jordan elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** Load the key figures into DuckDB table `nv(id, kode, aar, x)`: numbers only (yes/no and missing left out). */
export async function loadValues(db: DuckDBConnection, cells: readonly LongCell[]): Promise<void> {
  await db.run("CREATE OR REPLACE TABLE nv (id VARCHAR, kode VARCHAR, aar INTEGER, x DOUBLE)");
  const app = await db.createAppender("nv");
  for (const c of cells) {
    if (c.vaerdi === null || c.status === "ja" || c.status === "nej") continue;
    app.appendVarchar(c.id);
    app.appendVarchar(c.kommunekode);
    app.appendInteger(c.aar);
    app.appendDouble(c.vaerdi);
    app.endRow();
  }
  app.closeSync();
}

export interface IndependentGroups {
  /** the municipalities in the model, by code */
  koder: string[];
  /** intercept first, then the kept variables in the order given */
  betas: number[];
  /** kommunekode → the 10 nearest, in rank order */
  top: Map<string, string[]>;
  /** kommunekode → nabo → distance */
  distance: Map<string, Map<string, number>>;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The default groups of `area` in `aar`, recomputed (see module comment). `candidates` are the area's candidates
 * that the year has (published in sammenligningsomraader.json as variabler_pr_aar), `kept` the final model's.
 */
export async function independentGroups(
  db: DuckDBConnection,
  area: AreaDefinition,
  aar: number,
  candidates: string[],
  kept: string[]
): Promise<IndependentGroups> {
  const logged = new Set(area.variabler.filter((v) => v.log).map((v) => v.id));
  const all = [area.udfald, ...candidates];
  const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  await db.run(`CREATE OR REPLACE TEMP TABLE cc AS SELECT kode FROM nv WHERE aar = ${aar} AND id IN (${all.map(q).join(", ")})
    GROUP BY kode HAVING count(DISTINCT id) = ${all.length}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE zz AS
    WITH t AS (SELECT id, kode, CASE WHEN id IN (${[...logged].map(q).join(", ") || "''"}) THEN ln(x) ELSE x END AS x
               FROM nv WHERE aar = ${aar} AND kode IN (SELECT kode FROM cc) AND id IN (${kept.map(q).join(", ")}))
    SELECT id, kode, (x - avg(x) OVER (PARTITION BY id)) / stddev_samp(x) OVER (PARTITION BY id) AS z FROM t`);
  const koder = (await rows("SELECT kode FROM cc ORDER BY kode")).map((r) => r.kode as string);
  const zs = await rows("SELECT id, kode, z FROM zz");
  const z = new Map(zs.map((r) => [`${r.id}/${r.kode}`, r.z as number]));
  const ys = await rows(
    `SELECT kode, x FROM nv WHERE aar = ${aar} AND id = ${q(area.udfald)} AND kode IN (SELECT kode FROM cc)`
  );
  const y = new Map(ys.map((r) => [r.kode as string, r.x as number]));
  // normal equations with an intercept column
  const p = kept.length + 1;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  for (const k of koder) {
    const row = [1, ...kept.map((id) => z.get(`${id}/${k}`)!)];
    for (let a = 0; a < p; a++) {
      xty[a] += row[a] * y.get(k)!;
      for (let b = 0; b < p; b++) xtx[a][b] += row[a] * row[b];
    }
  }
  const betas = solve(xtx, xty);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE bb AS SELECT * FROM (VALUES ${kept.map((id, i) => `(${q(id)}, ${betas[i + 1]})`).join(", ")}) t(id, beta)`
  );
  const ranked = await rows(`
    WITH d AS (
      SELECT a.kode AS i, b.kode AS j, sqrt(sum(bb.beta * bb.beta * (a.z - b.z) * (a.z - b.z))) AS d
      FROM zz a JOIN zz b ON a.id = b.id AND a.kode <> b.kode JOIN bb ON bb.id = a.id GROUP BY a.kode, b.kode),
    m AS (SELECT i, j, d, max(d) OVER (PARTITION BY i) AS dm FROM d),
    r AS (SELECT i, j, d, row_number() OVER (PARTITION BY i ORDER BY round(d / dm, 9), CAST(j AS INTEGER)) AS r FROM m)
    SELECT i, j, d FROM r WHERE r <= 10 ORDER BY i, r`);
  const top = new Map<string, string[]>();
  const distance = new Map<string, Map<string, number>>();
  for (const r of ranked) {
    const i = r.i as string;
    top.set(i, [...(top.get(i) ?? []), r.j as string]);
    if (!distance.has(i)) distance.set(i, new Map());
    distance.get(i)!.set(r.j as string, r.d as number);
  }
  return { koder, betas, top, distance };
}
