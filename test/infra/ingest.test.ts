/**
 * The DuckDB ingest on malformed extracts: every bad row is rejected with file, line,
 * column and the Danish reason, the same first reason the pure TS check gives for that
 * row, and rows and calls reconcile (in = out + rejected) per file.
 */

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, checkRow } from "../../common/infra/contracts.js";
import { type IngestResult, ingestExtracts, openDuckDB } from "../../loaders/infra/ingest.js";

const DIR = resolve("test/.tmp/infra-ingest");
const IN = join(DIR, "in");
const CODES = ["101", "147", "259", "751"];
const H = CONTRACTS.serviceplatformen.columns.map((c) => c.name);
const U = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const latin1 = (s: string) => Buffer.from(s, "latin1");

// ISO-8859-1, ',' and Danish thousands separators; line numbers as a person sees them in an editor
const BAD_SP = [
  H.join(","),
  `2022-04,12345678,Køge Kommune,259,KMD,Sag 1,${U},SF1470,Sags- og Dokumentindeks,Sag og dokument,1.234`, // 2 ok
  `2022-13,12345678,Køge Kommune,259,KMD,Sag 1,${U},SF1500,Organisation,Organisation,10`, // 3 bad month
  `2022-04,12345678,Køge Kommune,999,KMD,Sag 1,${U},SF1510,Klassifikation,Klassifikation,20`, // 4 unknown code
  `2022-04,12345678,Køge Kommune,259,KMD,Sag 1,${U},SF1520,CPR,Person,30,extra`, // 5 too many fields
  `2022-04,12345678,Køge Kommune,259,KMD,Sag 1,${U},SF1470,Sags- og Dokumentindeks,Sag og dokument,40`, // 6 duplicate of 2
  `2022-05,87654321,Udbetaling Danmark,,KMD,Sag 1,${U},SF1470,Sags- og Dokumentindeks,Sag og dokument,2.000.000`, // 7 ok, non-municipal
  `2022-05,12345678,Køge Kommune,259,KMD,Sag 1,${U},SF1470,Sags- og Dokumentindeks,Sag og dokument,-1` // 8 negative
].join("\r\n");

let instance: DuckDBInstance;
let con: DuckDBConnection;
let result: IngestResult;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(IN, { recursive: true });
  writeFileSync(join(IN, "serviceplatformen_bad.csv"), latin1(BAD_SP + "\r\n"));
  // a big UTF-8 file with a BOM: a bad value deep inside, after a structurally bad line
  const lines = ["\uFEFF" + H.join(";")];
  for (let i = 0; i < 30_000; i++) {
    const m = `20${21 + Math.floor(i / 12000)}-0${1 + (i % 9)}`;
    lines.push(`${m};${String(10_000_000 + i)};Myndighed ${i};101;L;S;${U};SF1470;N;D;${i}`);
  }
  lines[100] = lines[100] + ";for;mange";
  lines[25_001] = lines[25_001].replace(";101;", ";1O1;");
  writeFileSync(join(IN, "serviceplatformen_stor.csv"), lines.join("\n") + "\n");
  // a klarmelding file without the status column is not read at all
  writeFileSync(
    join(IN, "klarmelding_uden_status.csv"),
    "ski_system;leverandoer;integration;dato\nA;B;SF1470 X;2024-01-01\n"
  );
  writeFileSync(join(IN, "noter.txt"), "ikke et udtræk\n");
  // a second file repeating a key of serviceplatformen_bad.csv line 2 (plain UTF-8, ';')
  writeFileSync(
    join(IN, "serviceplatformen_zdublet.csv"),
    H.join(";") +
      `\n2022-04;12345678;Køge Kommune;259;KMD;Sag 1;${U};SF1470;Sags- og Dokumentindeks;Sag og dokument;7\n`
  );
  ({ instance, con } = await openDuckDB());
  result = await ingestExtracts(IN, join(DIR, "out"), CODES, con, () => {});
});

afterAll(() => {
  con?.closeSync();
  instance?.closeSync();
});

describe("ingest of malformed extracts", () => {
  it("reads only files named after a contract, in name order", () => {
    expect(result.reports.map((r) => r.file)).toEqual([
      "klarmelding_uden_status.csv",
      "serviceplatformen_bad.csv",
      "serviceplatformen_stor.csv",
      "serviceplatformen_zdublet.csv"
    ]);
  });

  it("does not read a file whose header lacks a required column, and says why", () => {
    const r = result.reports[0];
    expect(r.fileFindings.map((f) => f.message)).toEqual([
      'klarmelding_uden_status.csv:1: den påkrævede kolonne "status" mangler i overskriften; Klarmelding af SKI-systemer pr. integration kræver ski_system, leverandoer, integration, status, dato'
    ]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([1, 0, 1]);
  });

  it("detects ISO-8859-1, ',' and Danish numbers and rejects each bad row with line, column and reason", () => {
    const r = result.reports[1];
    expect(r.format.description).toBe('tegnsæt ISO-8859-1, skilletegn ",", danske tal (tusindtalsseparator punktum)');
    expect(r.findings.map((f) => f.message)).toEqual([
      'serviceplatformen_bad.csv:3:1: "maaned" er "2022-13"; den skal være en måned som 2022-04',
      'serviceplatformen_bad.csv:4:4: "kommunekode" er "999", som ikke er en af de 98 kommunekoder',
      "serviceplatformen_bad.csv:5: rækken har flere felter end overskriftens 11",
      "serviceplatformen_bad.csv:6:1: rækken gentager nøglen (maaned, myndighed_cvr, it_system_id, service_nr) fra linje 2",
      'serviceplatformen_bad.csv:8:11: "antal_kald" er "-1"; den skal være et helt tal ≥ 0 (fx 1234 eller 1.234)'
    ]);
    expect(r.findings.map((f) => f.rule)).toEqual([
      "infra.vaerdi",
      "infra.vaerdi",
      "infra.felter",
      "infra.noegle",
      "infra.vaerdi"
    ]);
  });

  it("the SQL ok flag agrees with the pure TypeScript checks on every row (no silent pass, no message-less reject)", () => {
    const r = result.reports[1];
    const lines = BAD_SP.split("\r\n");
    const valueRejected = new Set(r.findings.filter((x) => x.rule === "infra.vaerdi").map((x) => x.line));
    for (let line = 2; line <= lines.length; line++) {
      if (line === 5) continue; // the structurally bad row (DuckDB's reject table)
      const ts = checkRow(
        lines[line - 1].split(","),
        H,
        CONTRACTS.serviceplatformen,
        "serviceplatformen_bad.csv",
        line,
        new Set(CODES),
        "dansk"
      );
      expect(ts.length > 0, `linje ${line}`).toBe(valueRejected.has(line));
    }
    expect(r.findings.some((x) => x.message.includes("opfylder ikke kontrakten"))).toBe(false);
  });

  it("reconciles rows and calls: in = out + rejected (Danish thousands separators parsed)", () => {
    const r = result.reports[1];
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([7, 2, 5]);
    // 1.234 + 10 + 20 + 40 + 2.000.000 (+ -1 and the unreadable row count 0); out = 1.234 + 2.000.000
    expect(r.countOut).toBe(2_001_234);
    expect(r.countIn).toBe(r.countOut + r.countRejected);
  });

  it("keeps line numbers right deep into a large file", () => {
    const r = result.reports[2];
    expect(r.format.description).toBe(
      'tegnsæt UTF-8 med BOM, skilletegn ";", almindelige tal (uden tusindtalsseparator)'
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      "serviceplatformen_stor.csv:101: rækken har flere felter end overskriftens 11",
      'serviceplatformen_stor.csv:25002:4: "kommunekode" er "1O1"; den skal være en kommunekode med 3 cifre'
    ]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected]).toEqual([30_000, 29_998, 2]);
    expect(r.countIn).toBe(r.countOut + r.countRejected);
  });

  it("rejects a key repeated across files, naming the file and line of the first", () => {
    const r = result.reports[3];
    expect(r.findings.map((f) => f.message)).toEqual([
      "serviceplatformen_zdublet.csv:2:1: rækken gentager nøglen (maaned, myndighed_cvr, it_system_id, service_nr) fra serviceplatformen_bad.csv linje 2"
    ]);
    expect([r.rowsIn, r.rowsOut, r.rowsRejected, r.countIn, r.countOut, r.countRejected]).toEqual([1, 0, 1, 7, 0, 7]);
  });

  it("writes accepted rows as Hive-partitioned Parquet with typed columns", async () => {
    const rows = (
      await con.runAndReadAll(
        `SELECT year, month, count(*)::INTEGER AS n, sum(antal_kald)::BIGINT AS kald, any_value(typeof(antal_kald)) AS t
         FROM read_parquet('${join(DIR, "out", "serviceplatformen", "**", "*.parquet")}', hive_partitioning=true)
         WHERE kildefil = 'serviceplatformen_bad.csv' GROUP BY ALL ORDER BY ALL`
      )
    ).getRowObjectsJS();
    expect(rows).toEqual([
      { year: 2022n, month: 4n, n: 1, kald: 1234n, t: "BIGINT" },
      { year: 2022n, month: 5n, n: 1, kald: 2_000_000n, t: "BIGINT" }
    ]);
  });
});
