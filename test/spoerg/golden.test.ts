// Spørg's golden set: typed-query accuracy, answer accuracy (values checked with native DuckDB SQL written
// here, independently of common/spoerg/sql.ts) and refusal precision.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answer } from "../../common/spoerg/ask.js";
import { parse } from "../../common/spoerg/parse.js";
import type { Forstaaet } from "../../common/spoerg/types.js";
import { type NodeSpoerg, openNodeSpoerg } from "../../loaders/cli/spoerg.js";
import { buildGroupDefaults } from "../../loaders/groups.js";
import { GROUPS_SCHEMA } from "../../loaders/groups-schema.js";
import { toParquet } from "../../loaders/lib/parquet.js";
import { type Golden, type GoldenNo, type GoldenOk, HAND, partB, REFUSALS } from "./golden.js";

let db: NodeSpoerg;
beforeAll(async () => {
  db = await openNodeSpoerg();
  // the published group table, for the independent comparison-group means (Spørg itself reads kdk_placeringer)
  const file = join(mkdtempSync(join(tmpdir(), "golden-")), "sammenligningsgrupper.parquet");
  writeFileSync(file, toParquet(buildGroupDefaults().rows, GROUPS_SCHEMA));
  await db.con.run(`CREATE TABLE sammenligningsgrupper AS SELECT * FROM read_parquet('${file}')`);
}, 120_000);
afterAll(() => db?.close());

function conversation(g: Golden) {
  let prev: Forstaaet | null = null;
  for (const p of g.prev ?? []) {
    const r = parse(db.index, p, prev);
    if (r.status === "ok") prev = r.forstaaet;
  }
  return parse(db.index, g.q, prev);
}

function matches(g: GoldenOk, f: Forstaaet): string[] {
  const diff: string[] = [];
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!eq(f.noegletal, [g.f])) diff.push(`figur ${f.noegletal} ≠ ${g.f}`);
  if (!eq([...f.kommuner].sort(), [...(g.k ?? [])].sort())) diff.push(`kommuner ${f.kommuner} ≠ ${g.k ?? []}`);
  if (!eq(f.aar, g.aar)) diff.push(`aar ${f.aar} ≠ ${g.aar}`);
  if (f.operation !== g.op) diff.push(`operation ${f.operation} ≠ ${g.op}`);
  if (f.region !== (g.reg ?? null)) diff.push(`region ${f.region} ≠ ${g.reg ?? null}`);
  if (f.sammenlign !== (g.sam ?? null)) diff.push(`sammenlign ${f.sammenlign} ≠ ${g.sam ?? null}`);
  if (g.op === "rangering" && (f.retning !== g.ret || f.antal !== g.n))
    diff.push(`rangering ${f.retning}/${f.antal} ≠ ${g.ret}/${g.n}`);
  return diff;
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** The expected answer, from SQL written here over the same tables (not the templates under test). */
async function expectedValues(g: GoldenOk): Promise<(number | null)[]> {
  const ids = `'${g.f}'`;
  const years = g.aar.join(",");
  if (g.op === "rangering") {
    const where = g.reg ? `AND kommunekode IN (SELECT kommunekode FROM kommuner WHERE regionskode = '${g.reg}')` : "";
    const rows =
      await db.query(`SELECT vaerdi FROM (SELECT vaerdi, row_number() OVER (ORDER BY vaerdi ${g.ret === "lavest" ? "" : "DESC"}) AS r
      FROM noegletal WHERE id = ${ids} AND aar = ${g.aar[0]} AND vaerdi IS NOT NULL ${where}) WHERE r <= ${g.n} ORDER BY r`);
    return rows.map((r) => num(r.vaerdi));
  }
  if (g.op === "gennemsnit" || g.op === "median") {
    const where = g.reg ? `AND kommunekode IN (SELECT kommunekode FROM kommuner WHERE regionskode = '${g.reg}')` : "";
    const fn = g.op === "median" ? "quantile_cont(vaerdi, 0.5)" : "sum(vaerdi) / count(vaerdi)";
    return (
      await db.query(
        `SELECT ${fn} AS v FROM noegletal WHERE id = ${ids} AND aar IN (${years}) ${where} GROUP BY aar ORDER BY aar`
      )
    ).map((r) => num(r.v));
  }
  if (g.op === "landstal")
    return (
      await db.query(`SELECT vaerdi FROM noegletal_landstal WHERE id = ${ids} AND aar IN (${years}) ORDER BY aar`)
    ).map((r) => num(r.vaerdi));
  if (g.op === "kort")
    return (
      await db.query(
        `SELECT n.vaerdi FROM noegletal n, kommuner k WHERE n.kommunekode = k.kommunekode AND id = ${ids} AND aar = ${g.aar[0]} ORDER BY k.navn`
      )
    ).map((r) => num(r.vaerdi));
  const out: (number | null)[] = [];
  for (const y of g.aar) {
    const ks = [...(g.k ?? [])].map((k) => `'${k}'`).join(",");
    const rows = await db.query(
      `SELECT n.vaerdi, n.kommunekode FROM noegletal n, kommuner k WHERE n.kommunekode = k.kommunekode AND id = ${ids} AND aar = ${y} AND n.kommunekode IN (${ks}) ORDER BY k.navn`
    );
    if (g.sam === "gruppe") {
      // own value, then the unweighted mean of its 10 neighbours in the published group table (itself not included)
      for (const r of rows) {
        out.push(num(r.vaerdi));
        const [m] = await db.query(`SELECT sum(n.vaerdi) / count(n.vaerdi) AS v FROM sammenligningsgrupper g
          JOIN noegletal n ON n.kommunekode = g.nabo AND n.id = ${ids} AND n.aar = ${y}
          WHERE g.omraade = '${g.grp!.omraade}' AND g.aar = ${g.grp!.aar} AND g.kommunekode = '${r.kommunekode}'`);
        out.push(num(m.v));
      }
      continue;
    }
    out.push(...rows.map((r) => num(r.vaerdi)));
    if (g.sam)
      out.push(
        ...(await db.query(`SELECT vaerdi FROM noegletal_landstal WHERE id = ${ids} AND aar = ${y}`)).map((r) =>
          num(r.vaerdi)
        )
      );
  }
  return out;
}

describe("Spørg golden set", () => {
  it("meets the accuracy targets", async () => {
    const b = partB(db.index.katalog.figurer);
    const oks: GoldenOk[] = [...HAND.filter((g): g is GoldenOk => "f" in g), ...b];
    const nos: GoldenNo[] = [...REFUSALS, ...HAND.filter((g): g is GoldenNo => !("f" in g))];
    const figures = new Set(oks.map((g) => g.f));
    expect(oks.length + nos.length).toBeGreaterThanOrEqual(200);
    expect(figures.size).toBeGreaterThanOrEqual(60);
    expect(nos.length).toBeGreaterThanOrEqual(40);

    let queryOk = 0,
      answerOk = 0;
    const failures: string[] = [];
    for (const g of oks) {
      const p = conversation(g);
      if (p.status !== "ok") {
        failures.push(`${g.q}: ${p.status} (${p.begrundelse})`);
        continue;
      }
      const d = matches(g, p.forstaaet);
      if (d.length) {
        failures.push(`${g.q}: ${d.join("; ")}`);
        continue;
      }
      queryOk++;
      const a = await answer(db.index, p.forstaaet, db.query, g.q);
      const want = await expectedValues(g);
      const got = a.status === "ok" ? a.rows.map((r) => r.vaerdi) : [];
      if (got.length === want.length && got.every((v, i) => close(v, want[i]))) answerOk++;
      else failures.push(`${g.q}: svar ${JSON.stringify(got.slice(0, 5))} ≠ ${JSON.stringify(want.slice(0, 5))}`);
    }
    let refusedOk = 0;
    for (const g of nos) {
      const p = conversation(g);
      if (p.status === g.status) refusedOk++;
      else
        failures.push(
          `${JSON.stringify(g.q)}: ${p.status} ≠ ${g.status}${p.status === "ok" ? " " + JSON.stringify(p.forstaaet) : ""}`
        );
    }
    const pct = (a: number, n: number) => ((100 * a) / n).toFixed(1).replace(".", ",");
    console.log(
      `Spørg golden set: ${oks.length} spørgsmål med svar (${oks.length - b.length} håndskrevne, ${b.length} titelfragmenter), ` +
        `${nos.length} afvisninger/tilbagespørgsmål, ${figures.size} forskellige nøgletal\n` +
        `  forespørgsel præcis rigtig: ${queryOk}/${oks.length} = ${pct(queryOk, oks.length)} %\n` +
        `  svar rigtigt (mod uafhængig DuckDB-SQL): ${answerOk}/${oks.length} = ${pct(answerOk, oks.length)} %\n` +
        `  afvisninger/tilbagespørgsmål rigtige: ${refusedOk}/${nos.length} = ${pct(refusedOk, nos.length)} %` +
        (failures.length ? `\n  fejl:\n    ${failures.join("\n    ")}` : "")
    );
    expect(queryOk / oks.length).toBeGreaterThanOrEqual(0.95);
    expect(answerOk / oks.length).toBeGreaterThanOrEqual(0.95);
    expect(refusedOk).toBe(nos.length);
  }, 120_000);
});
