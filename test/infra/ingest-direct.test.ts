/**
 * The direct path of the ingest (loaders/infra/direct.ts) for the hourly support-system extract, whose contract
 * has no record numbers: a clean file is read once and written once; a file with a reject anywhere or a value the
 * stricter direct checks do not take (a padded value, another form of the hour) is REPAIRED: only its flagged rows
 * are found again with their line numbers and judged as the slow pass judges them, and the result must equal the
 * slow pass's; a repeated key, or too many flagged rows, sends the file to the slow pass itself. The files are large enough for DuckDB to read them in parallel (≈ 44 MB), and
 * each row's own index is in `antal_kald`, so every expected number is computed by hand here: data row i (0-based)
 * is line i + 2 (line 1 is the header); the calls of rows 0 … N-1 sum to N(N-1)/2.
 */

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS } from "../../common/infra/contracts.js";
import { type IngestResult, ingestExtracts, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-ingest-direct");
const N = 400_000;
const BAD = 234_567; // data row index with an unknown kommunekode: line 234,569
const PADDED = 345_678; // data row index whose kommunekode is " 101" (valid after trim, but not for the direct checks)
const OTHER_FORM = 123_456; // data row index whose hour is written "2024-MM-DD HH:00" in a file of "…THH:00"
const REPEAT = 300_000; // data row index that repeats the key of row REPEATED: line 300,002 names line 11
const REPEATED = 9;
const EXTRA_FIELD = 150_000; // data row index with one field too many (set aside by DuckDB): line 150,002
let db: Awaited<ReturnType<typeof openDuckDB>>;
const results: Record<string, IngestResult> = {};
const logs: Record<string, string[]> = {};

function row(i: number): string {
  const h = String(i % 24).padStart(2, "0");
  const d = String(1 + (Math.floor(i / 24) % 28)).padStart(2, "0");
  const m = i < N / 2 ? "03" : "04";
  const id = `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`;
  return `2024-${m}-${d}T${h}:00;12345678;101;Organisation;Organisation Hent;System ${i % 7};${id};${i}`;
}
const HEADER = CONTRACTS.stoettesystemer.columns.map((c) => c.name).join(";");

function rows(n = N): string[] {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) lines.push(row(i));
  return lines;
}

async function ingest(name: string, files: Record<string, string[]>): Promise<void> {
  mkdirSync(join(DIR, name, "in"), { recursive: true });
  for (const [file, lines] of Object.entries(files))
    writeFileSync(join(DIR, name, "in", `stoettesystemer_${file}.csv`), `${lines.join("\n")}\n`);
  logs[name] = [];
  results[name] = await ingestExtracts(join(DIR, name, "in"), join(DIR, name, "out"), ["101"], db.con, (s) =>
    logs[name].push(s)
  );
}

const glob = (name: string) => `'${join(DIR, name, "out", "stoettesystemer", "**", "*.parquet")}'`;
const SAID = { direkte: "direkte indlæsning", repareret: "repareret", linjenumre: "læser igen med linjenumre" };
const took = (name: string, what: keyof typeof SAID) => logs[name].some((s) => s.includes(SAID[what]));
async function columns(name: string): Promise<string[]> {
  const r = await db.con.runAndReadAll(
    `SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${glob(name)}, hive_partitioning=true))`
  );
  return r.getRows().map((x) => String(x[0]));
}
/** Rows of `a` not in `b` (as multisets), comparing every column but the source file's name. */
async function missing(a: string, b: string): Promise<number> {
  const r = await db.con.runAndReadAll(
    `SELECT count(*)::INTEGER FROM (SELECT * EXCLUDE (kildefil) FROM read_parquet(${glob(a)}, hive_partitioning=true)
      EXCEPT ALL SELECT * EXCLUDE (kildefil) FROM read_parquet(${glob(b)}, hive_partitioning=true))`
  );
  return Number(r.getRows()[0][0]);
}

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  process.env.KOMMUNETAL_INFRA_TIMING = "1"; // the log then says which path a file took
  db = await openDuckDB(join(DIR, "tmp"));
  const clean = rows();
  await ingest("ren", { ren: clean });
  const bad = [...clean];
  bad[BAD + 1] = bad[BAD + 1].replace(";101;", ";999;");
  await ingest("afvist", { afvist: bad });
  const padded = [...clean];
  padded[PADDED + 1] = padded[PADDED + 1].replace(";101;", "; 101;");
  await ingest("polstret", { polstret: padded });
  const form = [...clean];
  form[OTHER_FORM + 1] = form[OTHER_FORM + 1].replace("T", " ");
  await ingest("form", { form });
  const repeat = [...clean];
  repeat[REPEAT + 1] = row(REPEATED).replace(/;9$/, `;${REPEAT}`); // the key of row 9, its own calls
  await ingest("gentaget", { gentaget: repeat });
  const mixed = [...clean];
  mixed[EXTRA_FIELD + 1] += ";ekstra";
  mixed[BAD + 1] = mixed[BAD + 1].replace(";101;", ";999;");
  await ingest("blandet", { blandet: mixed });
  // every row refused: more than the repair judges row by row, so the slow pass reads it
  await ingest("alle", { alle: clean.slice(0, 150_001).map((l, i) => (i ? l.replace(";101;", ";999;") : l)) });
  // two small files, the second repeating one key of the first: found across files
  const a = rows(1000);
  const b = [HEADER, ...rows(2000).slice(1001), row(500).replace(/;500$/, ";7")];
  await ingest("tofiler", { a, b });
}, 240_000);
afterAll(() => {
  delete process.env.KOMMUNETAL_INFRA_TIMING;
  db?.con.closeSync();
  db?.instance.closeSync();
  rmSync(DIR, { recursive: true, force: true });
});

describe("the ingest's direct path and its switch to the line-numbering pass", () => {
  it("a clean file takes the direct path, reconciles, and is written once, without record numbers", async () => {
    const r = results.ren.reports[0];
    expect([took("ren", "direkte"), took("ren", "repareret"), took("ren", "linjenumre")]).toEqual([true, false, false]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected, r.findings.length]).toEqual([N, N, 0, 0]);
    expect([r.countIn, r.countOut, r.countRejected]).toEqual([(N * (N - 1)) / 2, (N * (N - 1)) / 2, 0]);
    const [x] = (
      await db.con.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT antal_kald)::INTEGER AS rows,
        min(antal_kald)::INTEGER AS lo, max(antal_kald)::INTEGER AS hi,
        count(DISTINCT year)::INTEGER AS years, count(DISTINCT month)::INTEGER AS months,
        count(*) FILTER (WHERE month = 3)::INTEGER AS march, min(kildefil) AS file
        FROM read_parquet(${glob("ren")}, hive_partitioning=true)`)
    ).getRowObjectsJS();
    expect(x).toEqual({
      n: N,
      rows: N,
      lo: 0,
      hi: N - 1,
      years: 1,
      months: 2,
      march: N / 2,
      file: "stoettesystemer_ren.csv"
    });
    expect(await columns("ren")).toEqual([
      ...CONTRACTS.stoettesystemer.columns.map((c) => c.name),
      "kildefil",
      "month",
      "year"
    ]);
  });

  it("a bad value in the middle of a large file: the repair finds it and names line 234,569", async () => {
    const r = results.afvist.reports[0];
    expect([took("afvist", "repareret"), took("afvist", "linjenumre")]).toEqual([true, false]);
    expect(logs.afvist.some((s) => s.includes("999"))).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N - 1, 1]);
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["infra.vaerdi", 234_569, 3]]);
    expect(r.findings[0].message).toContain("999");
    expect([r.countIn, r.countOut, r.countRejected]).toEqual([(N * (N - 1)) / 2, (N * (N - 1)) / 2 - BAD, BAD]);
    // the same columns as a clean file, and the clean file's rows minus one
    expect(await columns("afvist")).toEqual(await columns("ren"));
    expect([await missing("ren", "afvist"), await missing("afvist", "ren")]).toEqual([1, 0]);
  });

  it("a padded value or another form of the hour: the repair accepts the row as the slow pass does, with the same values", async () => {
    for (const name of ["polstret", "form"]) {
      const r = results[name].reports[0];
      expect([name, took(name, "repareret"), took(name, "linjenumre")]).toEqual([name, true, false]);
      expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N, 0]);
      expect(await columns(name)).toEqual(await columns("ren"));
      expect([await missing("ren", name), await missing(name, "ren")]).toEqual([0, 0]);
    }
    expect(logs.polstret.some((s) => s.includes("mellemrum"))).toBe(true);
  });

  it("a line DuckDB sets aside and a bad value after it: both named with their lines, the records after them shifted", async () => {
    const r = results.blandet.reports[0];
    expect(took("blandet", "repareret")).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N - 2, 2]);
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([
      ["infra.felter", EXTRA_FIELD + 2],
      ["infra.vaerdi", BAD + 2]
    ]);
    expect([r.countIn, r.countOut, r.countRejected]).toEqual([
      (N * (N - 1)) / 2 - EXTRA_FIELD,
      (N * (N - 1)) / 2 - EXTRA_FIELD - BAD,
      BAD
    ]);
    expect([await missing("ren", "blandet"), await missing("blandet", "ren")]).toEqual([2, 0]);
  });

  it("more flagged rows than the repair takes: the slow pass reads the file and rejects every row", async () => {
    const r = results.alle.reports[0];
    expect([took("alle", "repareret"), took("alle", "linjenumre")]).toEqual([false, true]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([150_000, 0, 150_000]);
    expect(r.findings[0].line).toBe(2);
    expect(r.findings.length).toBe(2000); // MAX_FINDINGS
  });

  it("a repeated key: the file is read again with line numbers, and the repeat names both lines", async () => {
    const r = results.gentaget.reports[0];
    expect(took("gentaget", "direkte")).toBe(true);
    expect(logs.gentaget.some((s) => s.includes("en nøgle kan gå igen"))).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N - 1, 1]);
    expect(r.findings.map((f) => [f.rule, f.line])).toEqual([["infra.noegle", REPEAT + 2]]);
    expect(r.findings[0].message).toContain(`linje ${REPEATED + 2}`);
    expect([r.countOut, r.countRejected]).toEqual([(N * (N - 1)) / 2 - REPEAT, REPEAT]);
    expect(await columns("gentaget")).toEqual(await columns("ren"));
  });

  it("a key repeated across two files is found, and named with the other file's line", async () => {
    const [a, b] = results.tofiler.reports;
    expect([a.rowsOut, a.rowsRejected, b.rowsIn, b.rowsOut, b.rowsRejected]).toEqual([1000, 0, 1001, 1000, 1]);
    expect(b.findings.map((f) => [f.rule, f.line])).toEqual([["infra.noegle", 1002]]);
    expect(b.findings[0].message).toContain("stoettesystemer_a.csv linje 502");
    expect(await columns("tofiler")).toEqual(await columns("ren"));
  });
});
