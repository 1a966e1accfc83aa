/**
 * The fast path of the ingest (loaders/infra/ingest.ts, `fastPass`): a clean file is checked without record
 * numbers and numbered from the order of its staging Parquet; a file with a reject anywhere, or with a value the
 * stricter fast checks do not take (a padded value), goes to the slow pass, which names the exact line. The files
 * are large enough for DuckDB to read them in parallel (≈ 44 MB), and each row's own index is in `antal_kald`,
 * so every expected number is computed by hand here: data row i (0-based) is line i + 2 (line 1 is the header)
 * and has kilderaekke i + 1; the calls of rows 0 … N-1 sum to N(N-1)/2.
 */

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS } from "../../common/infra/contracts.js";
import { type IngestResult, ingestExtracts, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-ingest-fast");
const N = 400_000;
const BAD = 234_567; // data row index with an unknown kommunekode: line 234,569
const PADDED = 345_678; // data row index whose kommunekode is " 101" (valid after trim, but not for the fast checks)
let db: Awaited<ReturnType<typeof openDuckDB>>;
const results: Record<string, IngestResult> = {};
const logs: Record<string, string[]> = {};

function rows(): string[] {
  const H = CONTRACTS.stoettesystemer.columns.map((c) => c.name);
  const lines = [H.join(";")];
  for (let i = 0; i < N; i++) {
    const h = String(i % 24).padStart(2, "0");
    const d = String(1 + (Math.floor(i / 24) % 28)).padStart(2, "0");
    const m = i < N / 2 ? "03" : "04";
    const id = `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`;
    lines.push(`2024-${m}-${d}T${h}:00;12345678;101;Organisation;Organisation Hent;System ${i % 7};${id};${i}`);
  }
  return lines;
}

async function ingest(name: string, lines: string[]): Promise<void> {
  mkdirSync(join(DIR, name, "in"), { recursive: true });
  writeFileSync(join(DIR, name, "in", `stoettesystemer_${name}.csv`), `${lines.join("\n")}\n`);
  logs[name] = [];
  results[name] = await ingestExtracts(join(DIR, name, "in"), join(DIR, name, "out"), ["101"], db.con, (s) =>
    logs[name].push(s)
  );
}

const glob = (name: string) => `'${join(DIR, name, "out", "stoettesystemer", "**", "*.parquet")}'`;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  process.env.KOMMUNETAL_INFRA_TIMING = "1"; // the log then says which path a file took
  db = await openDuckDB(join(DIR, "tmp"));
  const clean = rows();
  await ingest("ren", clean);
  const bad = [...clean];
  bad[BAD + 1] = bad[BAD + 1].replace(";101;", ";999;");
  await ingest("afvist", bad);
  const padded = [...clean];
  padded[PADDED + 1] = padded[PADDED + 1].replace(";101;", "; 101;");
  await ingest("polstret", padded);
}, 180_000);
afterAll(() => {
  delete process.env.KOMMUNETAL_INFRA_TIMING;
  db?.con.closeSync();
  db?.instance.closeSync();
  rmSync(DIR, { recursive: true, force: true });
});

describe("the ingest's fast path and its switch to the line-numbering pass", () => {
  it("a clean file takes the fast path, reconciles and numbers every record exactly", async () => {
    const r = results.ren.reports[0];
    expect(logs.ren.some((s) => s.includes("hurtig indlæsning"))).toBe(true);
    expect(logs.ren.some((s) => s.includes("læser igen med linjenumre"))).toBe(false);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected, r.findings.length]).toEqual([N, N, 0, 0]);
    expect([r.countIn, r.countOut, r.countRejected]).toEqual([(N * (N - 1)) / 2, (N * (N - 1)) / 2, 0]);
    const [x] = (
      await db.con.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE kilderaekke <> antal_kald + 1)::INTEGER AS wrong,
        count(DISTINCT year)::INTEGER AS years, count(DISTINCT month)::INTEGER AS months
        FROM read_parquet(${glob("ren")}, hive_partitioning=true)`)
    ).getRowObjectsJS();
    expect(x).toEqual({ n: N, wrong: 0, years: 1, months: 2 });
  });

  it("a bad value in the middle of a large file: the fast pass sees it, the slow pass names line 234,569", async () => {
    const r = results.afvist.reports[0];
    expect(logs.afvist.some((s) => s.includes("læser igen med linjenumre"))).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N - 1, 1]);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["infra.vaerdi", 234_569, 3]]);
    expect(r.findings[0].message).toContain("999");
    expect([r.countIn, r.countOut, r.countRejected]).toEqual([(N * (N - 1)) / 2, (N * (N - 1)) / 2 - BAD, BAD]);
    const [x] = (
      await db.con.runAndReadAll(`SELECT count(*) FILTER (WHERE kilderaekke <> antal_kald + 1)::INTEGER AS wrong
        FROM read_parquet(${glob("afvist")}, hive_partitioning=false)`)
    ).getRowObjectsJS();
    expect(x).toEqual({ wrong: 0 });
  });

  it("a padded value sends the file to the slow pass, whose output equals the fast path's cell for cell", async () => {
    const r = results.polstret.reports[0];
    expect(logs.polstret.some((s) => s.includes("læser igen med linjenumre"))).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N, 0]);
    // same typed columns, same kilderaekke, same partitions; only the source file's name differs
    const diff = (a: string, b: string) =>
      `SELECT count(*)::INTEGER AS n FROM (SELECT * EXCLUDE (kildefil) FROM read_parquet(${glob(a)}, hive_partitioning=true)
        EXCEPT ALL SELECT * EXCLUDE (kildefil) FROM read_parquet(${glob(b)}, hive_partitioning=true))`;
    for (const [a, b] of [
      ["ren", "polstret"],
      ["polstret", "ren"]
    ])
      expect((await db.con.runAndReadAll(diff(a, b))).getRowObjectsJS()).toEqual([{ n: 0 }]);
    const types = async (name: string) =>
      (
        await db.con.runAndReadAll(
          `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${glob(name)}, hive_partitioning=true))`
        )
      ).getRowObjectsJS();
    expect(await types("ren")).toEqual(await types("polstret"));
  });
});
