/**
 * Line numbers stay exact on a file large enough for DuckDB to read in parallel: every accepted
 * record's `kilderaekke` is its record number in the file, and the rejects name their real lines. Serviceplatformen
 * is a kind with record numbers (the hourly support-system extract has none: test/infra/ingest-direct.test.ts).
 * The file encodes each row's own index in `antal_kald`, so the check needs no second parser.
 * Limitation: a variant that numbered the records after the checks got most numbers wrong on a
 * 1 M-row bench file (bench/README.md, "Infrastructure ingest"), but passed this test both at 400 k
 * and at 1 M rows: that disorder depends on thread timing, so this test catches wrong numbering
 * logic (e.g. the shift after a structurally rejected line), not reliably a nondeterministic order.
 */

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS } from "../../common/infra/contracts.js";
import { type IngestResult, ingestExtracts, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-ingest-order");
const N = 400_000;
const BAD_FIELDS = 150_000; // data row index with an extra field (structural reject)
const BAD_VALUE = 310_000; // data row index with an unknown kommunekode
let db: Awaited<ReturnType<typeof openDuckDB>>;
let result: IngestResult;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(join(DIR, "in"), { recursive: true });
  const H = CONTRACTS.serviceplatformen.columns.map((c) => c.name);
  const lines = [H.join(";")];
  for (let i = 0; i < N; i++) {
    const id = `3f2504e0-4f89-11d3-9a0c-${String(i).padStart(12, "0")}`;
    lines.push(
      `2024-0${3 + (i % 2)};12345678;Kommune;101;KMD;System ${i % 7};${id};SF1470;Sags- og dokumentindeks;Sag og dokument;${i}`
    );
  }
  lines[BAD_FIELDS + 1] += ";ekstra";
  lines[BAD_VALUE + 1] = lines[BAD_VALUE + 1].replace(";101;", ";999;");
  writeFileSync(join(DIR, "in", "serviceplatformen_orden.csv"), lines.join("\n") + "\n");
  db = await openDuckDB(join(DIR, "tmp"));
  result = await ingestExtracts(join(DIR, "in"), join(DIR, "out"), ["101"], db.con, () => {});
}, 180_000);
afterAll(() => {
  db?.con.closeSync();
  db?.instance.closeSync();
  rmSync(DIR, { recursive: true, force: true });
});

describe("record numbers on a parallel scan", () => {
  it("every accepted record's kilderaekke is its own record number, and the rejects name their lines", async () => {
    const r = result.reports[0];
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([N, N - 2, 2]);
    expect(r.findings.map((f) => f.line)).toEqual([BAD_FIELDS + 2, BAD_VALUE + 2]);
    expect(r.findings[0].rule).toBe("infra.felter");
    expect(r.findings[1].message).toContain("999");
    // record numbers skip the structurally rejected line: row i is record i + 1 before it, i after it
    const [x] = (
      await db.con.runAndReadAll(`SELECT count(*)::INTEGER AS n,
        count(*) FILTER (WHERE kilderaekke <> CASE WHEN antal_kald < ${BAD_FIELDS} THEN antal_kald + 1 ELSE antal_kald END)::INTEGER AS wrong
        FROM read_parquet('${join(DIR, "out", "serviceplatformen", "**", "*.parquet")}', hive_partitioning=false)`)
    ).getRowObjectsJS() as { n: number; wrong: number }[];
    expect(x).toEqual({ n: N - 2, wrong: 0 });
  });
});
