/**
 * Mixed line endings in an extract (some lines CRLF, some LF: a file put together from two
 * sources, or edited by hand). DuckDB's strict CSV reader stops on them with "The CSV Parser
 * state machine reached an invalid state"; the ingest reads an LF copy instead, so every row
 * and every call is kept and the line numbers of rejected rows are the file's own.
 */

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS } from "../../common/infra/contracts.js";
import { ingestExtracts, lfCopy, mixedLineEndings, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-line-endings");
const CODES = ["101", "147", "259", "751"];
const H = CONTRACTS.serviceplatformen.columns.map((c) => c.name).join(";");
const U = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const row = (i: number, kode = "101") =>
  `2022-0${1 + (i % 9)};${String(10_000_000 + i)};Myndighed ${i};${kode};L;S;${U};SF1470;N;D;${i}`;

let instance: DuckDBInstance;
let con: DuckDBConnection;
const logs: string[] = [];

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  ({ instance, con } = await openDuckDB(join(DIR, "tmp")));
});
afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
  rmSync(DIR, { recursive: true, force: true });
});

describe("the line-ending helpers", () => {
  it("mixedLineEndings counts CRLF and LF lines and names the first of each", () => {
    expect(mixedLineEndings(Buffer.from("a\r\nb\nc\r\nd\n"))).toEqual({ crlf: 2, lf: 2, firstLf: 2, firstCrlf: 1 });
    expect(mixedLineEndings(Buffer.from("a\r\nb\r\n"))).toBeNull();
    expect(mixedLineEndings(Buffer.from("a\nb\n"))).toBeNull();
  });

  it("lfCopy removes only the CR before a LF, also where a chunk ends between them, and gunzips", async () => {
    // a CRLF straddling the 64 KiB boundary of the read stream; a lone CR inside a cell is kept
    const head = "x".repeat(65_535);
    const text = `${head}\r\nab\rc\r\nlast`;
    writeFileSync(join(DIR, "a.csv"), text);
    await lfCopy(join(DIR, "a.csv"), join(DIR, "a.lf"));
    expect(readFileSync(join(DIR, "a.lf"), "latin1")).toBe(`${head}\nab\rc\nlast`);
    writeFileSync(join(DIR, "b.csv.gz"), gzipSync(Buffer.from("a\r\nb\nc\r")));
    await lfCopy(join(DIR, "b.csv.gz"), join(DIR, "b.lf"));
    expect(readFileSync(join(DIR, "b.lf"), "latin1")).toBe("a\nb\nc\r");
  });
});

describe("ingest of a file with mixed line endings", () => {
  it("keeps every row and call when the mix is in the file's start, and says so", async () => {
    const IN = join(DIR, "in1");
    mkdirSync(IN, { recursive: true });
    // rows 1..40; even rows end CRLF, odd rows LF; row 7 has an unknown municipality code
    const lines = [H, ...Array.from({ length: 40 }, (_, i) => row(i + 1, i + 1 === 7 ? "999" : "101"))];
    const text = lines.map((l, i) => l + (i % 2 ? "\n" : "\r\n")).join("");
    writeFileSync(join(IN, "serviceplatformen_blandet.csv"), text);
    const r = await ingestExtracts(IN, join(DIR, "out1"), CODES, con, (s) => logs.push(s));
    const f = r.reports.find((x) => x.file === "serviceplatformen_blandet.csv")!;
    // by hand: 40 rows, calls 1 + 2 + … + 40 = 820; row 7 (line 8 of the file) rejected with its 7 calls
    expect([f.rowsIn, f.rowsOut, f.rowsRejected]).toEqual([40, 39, 1]);
    expect([f.countIn, f.countOut, f.countRejected]).toEqual([820, 813, 7]);
    expect(f.findings.map((x) => [x.line, x.rule])).toEqual([[8, "infra.vaerdi"]]);
    expect(logs.some((l) => l.includes("[form.linjeskift]") && l.includes("serviceplatformen_blandet.csv"))).toBe(true);
  });

  it("reads the file again from an LF copy when the endings change after the sampled start", async () => {
    const IN = join(DIR, "in2");
    mkdirSync(IN, { recursive: true });
    // about 1.3 MB of LF lines (past the 1 MiB sample), then CRLF lines
    const n = 16_000;
    const lines = [H, ...Array.from({ length: n }, (_, i) => row(i + 1))];
    const text = lines.map((l, i) => l + (i > 15_000 ? "\r\n" : "\n")).join("");
    expect(text.indexOf("\r\n")).toBeGreaterThan(1 << 20);
    writeFileSync(join(IN, "serviceplatformen_sent.csv"), text);
    logs.length = 0;
    const r = await ingestExtracts(IN, join(DIR, "out2"), CODES, con, (s) => logs.push(s));
    const f = r.reports.find((x) => x.file === "serviceplatformen_sent.csv")!;
    // by hand: n rows, calls 1 + … + n = n(n+1)/2
    expect([f.rowsIn, f.rowsOut, f.rowsRejected]).toEqual([n, n, 0]);
    expect(f.countOut).toBe((n * (n + 1)) / 2);
    // DuckDB stops on the first CRLF after the LF start; the ingest says so and reads an LF copy instead of crashing
    expect(logs.some((l) => l.includes("serviceplatformen_sent.csv") && l.includes("skifter undervejs"))).toBe(true);
  });
});
