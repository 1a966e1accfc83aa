/**
 * The direct path's hour table (loaders/infra/direct.ts): which years it spans, from the file's first and last lines
 * (`hourTableYears`, `lastLineOf`), and what happens to a row whose hour is outside it: the row is flagged and the
 * repair judges it as the slow pass does (a valid hour is accepted, with its own year and month), never accepted
 * unchecked. A gzipped file, whose last line is not read, and a file in descending order take the direct path too.
 */

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS } from "../../common/infra/contracts.js";
import { hourTableYears } from "../../loaders/infra/direct.js";
import { type IngestResult, ingestExtracts, lastLineOf, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-hour-table");
const HEADER = CONTRACTS.stoettesystemer.columns.map((c) => c.name).join(";");
/** One row an hour from `start` (an ISO hour), `n` rows; calls = the row's index. */
function rows(start: string, n: number): string[] {
  const t0 = Date.parse(`${start}:00Z`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const hour = new Date(t0 + i * 3_600_000).toISOString().slice(0, 13);
    out.push(
      `${hour}:00;12345678;101;Organisation;Organisation Hent;System A;3f2504e0-4f89-11d3-9a0c-0305e82c3301;${i}`
    );
  }
  return out;
}

let db: Awaited<ReturnType<typeof openDuckDB>>;
const results: Record<string, IngestResult> = {};
const logs: Record<string, string[]> = {};
async function ingest(name: string, file: string, body: string): Promise<void> {
  mkdirSync(join(DIR, name, "in"), { recursive: true });
  writeFileSync(join(DIR, name, "in", file), file.endsWith(".gz") ? gzipSync(body) : body);
  logs[name] = [];
  results[name] = await ingestExtracts(join(DIR, name, "in"), join(DIR, name, "out"), ["101"], db.con, (s) =>
    logs[name].push(s)
  );
}
const said = (name: string, what: string) => logs[name].some((s) => s.includes(what));

// three years and a bit of hours: 2021-05-01 00:00 … 2024-05-02 (26,330 rows)
const SPAN = rows("2021-05-01T00", 26_330);

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  process.env.KOMMUNETAL_INFRA_TIMING = "1";
  db = await openDuckDB(join(DIR, "tmp"));
  await ingest("gz", "stoettesystemer_gz.csv.gz", `${[HEADER, ...SPAN].join("\n")}\n`);
  await ingest("faldende", "stoettesystemer_faldende.csv", `${[HEADER, ...[...SPAN].reverse()].join("\r\n")}\r\n`);
  // first and last rows in 2021, one row in 2024 in between: outside the hour table (2021 only)
  const inside = rows("2021-05-01T00", 100);
  const outside =
    "2024-02-29T13:00;12345678;101;Organisation;Organisation Hent;System A;3f2504e0-4f89-11d3-9a0c-0305e82c3301;7777";
  const late =
    "2024-02-29T24:00;12345678;101;Organisation;Organisation Hent;System A;3f2504e0-4f89-11d3-9a0c-0305e82c3301;5";
  await ingest(
    "udenfor",
    "stoettesystemer_udenfor.csv",
    `${[HEADER, ...inside.slice(0, 50), outside, late, ...inside.slice(50)].join("\n")}\n`
  );
}, 120_000);
afterAll(() => {
  delete process.env.KOMMUNETAL_INFRA_TIMING;
  db?.con.closeSync();
  db?.instance.closeSync();
  rmSync(DIR, { recursive: true, force: true });
});

describe("the hour table's years", () => {
  it("span the first and last data rows, in either order; five years either side of the first when the last is unknown", () => {
    expect(hourTableYears("2021-05-01T00:00", "2024-04-30T23:00")).toEqual([2021, 2024]);
    expect(hourTableYears("2024-04-30 23", "2021-05-01 00")).toEqual([2021, 2024]);
    expect(hourTableYears("2022-01-01T00:00", undefined)).toEqual([2017, 2027]);
    // a last line that is no data row, or one more than ten years away
    expect(hourTableYears("2022-01-01T00:00", "Sum;;;")).toEqual([2017, 2027]);
    expect(hourTableYears("2022-01-01T00:00", "1999-01-01T00:00")).toEqual([2017, 2027]);
  });

  it("the last line of a file: trailing line breaks and CRLF skipped; none for a gzipped file or a header alone", () => {
    mkdirSync(DIR, { recursive: true });
    const f = join(DIR, "sidste.csv");
    writeFileSync(f, "a;b\r\n1;2\r\n3;4\r\n\r\n");
    expect(lastLineOf(f)).toBe("3;4");
    writeFileSync(f, "a;b\n");
    expect(lastLineOf(f)).toBeUndefined();
    writeFileSync(`${f}.gz`, gzipSync("a;b\n1;2\n"));
    expect(lastLineOf(`${f}.gz`)).toBeUndefined();
  });
});

describe("rows and the hour table", () => {
  it("a gzipped file of three years takes the direct path: its table is 2016–2026 around the first row", async () => {
    const r = results.gz.reports[0];
    expect([said("gz", "direkte indlæsning"), said("gz", "repareret"), said("gz", "linjenumre")]).toEqual([
      true,
      false,
      false
    ]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([26_330, 26_330, 0]);
    const glob = join(DIR, "gz", "out", "stoettesystemer", "**", "*.parquet");
    const [x] = (
      await db.con.runAndReadAll(`SELECT count(DISTINCT (year, month))::INTEGER AS months, min(year)::INTEGER AS y0,
          max(year)::INTEGER AS y1, count(*) FILTER (WHERE year(time) <> year OR month(time) <> month)::INTEGER AS wrong
        FROM read_parquet('${glob}', hive_partitioning=true)`)
    ).getRowObjectsJS();
    // 2021-05 … 2024-05: 37 months, each row in its own hour's year=/month= folder
    expect(x).toEqual({ months: 37, y0: 2021, y1: 2024, wrong: 0 });
  });

  it("a file in descending order (CRLF) takes the direct path: the table spans its last line's year to its first's", () => {
    const r = results.faldende.reports[0];
    expect([said("faldende", "direkte indlæsning"), said("faldende", "repareret")]).toEqual([true, false]);
    expect([r.rowsOut, r.rowsRejected, r.countOut]).toEqual([26_330, 0, (26_330 * 26_329) / 2]);
  });

  it("a valid hour outside the table is flagged and accepted by the repair; an hour 24 is rejected with its line", async () => {
    const r = results.udenfor.reports[0];
    expect(said("udenfor", "repareret")).toBe(true);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([102, 101, 1]);
    // line 1 is the header, the 50 rows before are lines 2–51, the row outside line 52, the hour 24 line 53
    expect(r.findings.map((f) => [f.line, f.column])).toEqual([[53, 1]]);
    expect(r.findings[0].message).toContain("time");
    const glob = join(DIR, "udenfor", "out", "stoettesystemer", "**", "*.parquet");
    const rows = (
      await db.con.runAndReadAll(
        `SELECT strftime(time, '%Y-%m-%d %H') AS t, year::INTEGER AS y, month::INTEGER AS m FROM read_parquet('${glob}', hive_partitioning=true) WHERE antal_kald = 7777`
      )
    ).getRowObjectsJS();
    expect(rows).toEqual([{ t: "2024-02-29 13", y: 2024, m: 2 }]);
  });
});
