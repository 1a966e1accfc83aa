/**
 * Ties in distance are broken by kommunekode, as documented (common/groups/distance.ts): the README's example
 * (`--outcome udg-til-folkeskolen-pr-elev --vars andel-6-16-aarige,sociooekonomisk-indeks,befolkningstaethed-indb-km2
 * --year 2018 --alpha 0.05 --method beta --top 10`) keeps a single variable (sociooekonomisk-indeks), so the
 * β-weighted distance is |β|/sd · |xᵢ − xⱼ|: the ranking is that of |xᵢ − xⱼ|, and municipalities whose index is
 * equally far from xᵢ (the index has three decimals, so this happens often) tie exactly. In floating point those
 * equal distances differ by noise; before the fix only 53 of the 98 lists followed the rule (Læsø's 10th was 540).
 *
 * The expected lists are computed here in native DuckDB with exact DECIMAL arithmetic:
 * `ORDER BY abs(x_i − x_j), kommunekode` over the municipalities with all four values in 2018.
 */

import { spawnSync } from "node:child_process";
import { DuckDBInstance } from "@duckdb/node-api";
import { beforeAll, describe, expect, test } from "vitest";
import { compareDistance, countTopN, rankMatrix } from "../../common/groups/distance.js";
import { buildNoegletal } from "../../loaders/datasets.js";

const IDS = [
  "udg-til-folkeskolen-pr-elev",
  "andel-6-16-aarige",
  "sociooekonomisk-indeks",
  "befolkningstaethed-indb-km2"
];
const ARGS = [
  "--outcome",
  IDS[0],
  "--vars",
  IDS.slice(1).join(","),
  "--year",
  "2018",
  "--alpha",
  "0.05",
  "--method",
  "beta",
  "--top",
  "10",
  "--json"
];

let cli: { kept: string[]; n: number; neighbours: Record<string, string[]> };
let expected: Map<string, string[]>;

beforeAll(async () => {
  const r = spawnSync("npm", ["run", "--silent", "groups", "--", ...ARGS], {
    encoding: "utf-8",
    env: { ...process.env, npm_config_loglevel: "silent" }
  });
  expect(r.status, r.stderr).toBe(0);
  cli = JSON.parse(r.stdout);
  const cells = buildNoegletal().values.filter((v) => v.aar === 2018 && IDS.includes(v.id) && v.vaerdi !== null);
  const db = await (await DuckDBInstance.create()).connect();
  // values as decimal text, so DuckDB's DECIMAL holds them exactly
  const rows = cells.map((c) => `('${c.id}', '${c.kommunekode}', '${c.vaerdi!.toFixed(6)}')`).join(", ");
  await db.run(
    `CREATE TABLE v AS SELECT id, kode, CAST(x AS DECIMAL(18, 6)) AS x FROM (VALUES ${rows}) t(id, kode, x)`
  );
  const out = await db.runAndReadAll(`
    WITH complete AS (SELECT kode FROM v GROUP BY kode HAVING count(DISTINCT id) = 4),
    s AS (SELECT kode, x FROM v WHERE id = 'sociooekonomisk-indeks' AND kode IN (SELECT kode FROM complete)),
    ranked AS (
      SELECT a.kode AS i, b.kode AS j, row_number() OVER (PARTITION BY a.kode ORDER BY abs(a.x - b.x), CAST(b.kode AS INTEGER)) AS r
      FROM s a JOIN s b ON a.kode <> b.kode)
    SELECT i, list(j ORDER BY r) AS top FROM ranked WHERE r <= 10 GROUP BY i`);
  expected = new Map((out.getRowObjectsJS() as { i: string; top: string[] }[]).map((x) => [x.i, x.top]));
}, 120_000); // spawns npm: slow on a loaded machine

describe("ties in distance are broken by kommunekode", () => {
  test("the README example keeps one variable, so exact ties occur", () => {
    expect(cli.kept).toEqual(["sociooekonomisk-indeks"]);
    expect(cli.n).toBe(98);
    expect(expected.size).toBe(98);
  });

  test("Læsø's (825) 10th neighbour is 169 (tied with 540 at |Δx|; 169 < 540)", () => {
    expect(cli.neighbours["825"][9]).toBe("169");
    expect(cli.neighbours["825"]).toEqual(expected.get("825"));
  });

  test("all 98 top-10 lists follow the documented rule", () => {
    const wrong = [...expected].filter(([k, top]) => cli.neighbours[k].join(" ") !== top.join(" ")).map(([k]) => k);
    expect(wrong).toEqual([]);
  });
});

describe("compareDistance / rankMatrix", () => {
  test("distances equal up to floating-point noise tie; real differences do not", () => {
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(compareDistance(0.1 + 0.2, 0.3, 1)).toBe(0);
    expect(compareDistance(0.3, 0.3 + 1e-6, 1)).toBeLessThan(0);
  });

  test("a noisy tie is ranked by index (hand-made 3 × 3 matrix)", () => {
    // from 0: 1 and 2 are equally far in exact arithmetic, but d(0,1) carries noise above d(0,2)
    const d = Float64Array.from([0, 0.1 + 0.2, 0.3, 0.1 + 0.2, 0, 1, 0.3, 1, 0]);
    const rank = rankMatrix(d, 3);
    expect([rank[1], rank[2]]).toEqual([1, 2]);
  });

  test("the bootstrap's top-N counter breaks the same tie the same way", () => {
    // one coordinate: d(0,1) = 0.1 + 0.2 (noise above 0.3), d(0,2) = 0.3; top 1 of municipality 0 is index 1
    const counts = new Float64Array(9);
    countTopN([Float64Array.from([0, 0.1 + 0.2, -0.3])], 3, 1, counts);
    expect([counts[1], counts[2]]).toEqual([1, 0]);
  });
});
