/**
 * The direct path's checks (loaders/infra/direct.ts) may be stricter than the slow pass's (`okSql`), never more
 * lenient, and where they accept a row its typed values are the slow pass's. The direct verdict on a row is its two
 * halves: the per-row SQL (`directVerdictSql`: counts, dates, and hours looked up in the file's hour table) AND the
 * check of each other column's value (`directValueProblem`, run on the distinct values of the written Parquet). Checked in native DuckDB on a valid
 * row of each contract with one cell replaced at a time by tricky values; the expected verdicts of a few of them
 * are written out by hand below.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, detectFormat, type ExtractKind } from "../../common/infra/contracts.js";
import {
  createHourTable,
  directFromSql,
  directTypedSql,
  directValueProblem,
  directVerdictSql,
  timeFormOf,
  withHourJoin
} from "../../loaders/infra/direct.js";
import { okSql, openDuckDB, typedSql } from "../../loaders/infra/ingest.js";

const CODES = ["101", "147", "851"];
const U = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
const VALID: Partial<Record<ExtractKind, Record<string, string>>> = {
  stoettesystemer: {
    time: "2024-04-01T13:00",
    myndighed_cvr: "12345678",
    kommunekode: "101",
    stoettesystem: "Organisation",
    service: "Organisation Hent",
    it_system: "KMD Nexus",
    it_system_id: U,
    antal_kald: "12"
  },
  serviceplatformen: {
    maaned: "2022-04",
    myndighed_cvr: "12345678",
    myndighed_navn: "Københavns Kommune",
    kommunekode: "101",
    leverandoer: "KMD",
    it_system: "KMD Nexus",
    it_system_id: U,
    service_nr: "SF1470",
    service_navn: "Sags- og Dokumentindeks",
    dataomraade: "Sag og dokument",
    antal_kald: "1.234"
  },
  indekssager: {
    opgjort_dato: "2024-04-30",
    kle_nr: "27.24.00",
    indeks: "Sags- og dokumentindeks",
    it_system: "KMD Nexus",
    myndighed_cvr: "12345678",
    kommunekode: "101",
    antal_sager: "17"
  },
  klarmelding: {
    ski_system: "KMD Nexus",
    leverandoer: "KMD",
    integration: "SF1470 Sags- og Dokumentindeks",
    status: "Klarmeldt",
    dato: "2024-01-31"
  }
};
const TRICKY = [
  "",
  " ",
  " 101",
  "101 ",
  "\t101",
  "1O1",
  "999",
  "+5",
  "-1",
  "1e3",
  "0x10",
  "1_000",
  "1.234",
  "1.23",
  "１２",
  "2024-02-30T10",
  "2024-04-01 13:00:00",
  "2024-04-01T13",
  "2024-04-01T13:00",
  "2024-04-01T13:30",
  "2024-04-01T13:00Z",
  "2024-04-01T13:00+02",
  "2024-4-1T13:00",
  "2024-04-01T13:00:00",
  "007",
  "0",
  "-0",
  "2019-04-01T13:00",
  "99999999999999999999",
  "2024-04-01T24",
  "2024-04-01",
  "2024-13",
  "2022-04 ",
  `${U.toUpperCase()}`,
  `{${U}}`,
  U.replace(/-/g, ""),
  "SF1470A",
  "sf1470",
  "Forløb 3",
  "Forløb N",
  "Forløb",
  "Sag og dokument",
  "Ydelse",
  " Klarmeldt",
  "Organisation "
];

let db: Awaited<ReturnType<typeof openDuckDB>>;
beforeAll(async () => {
  db = await openDuckDB();
});
afterAll(() => {
  db?.con.closeSync();
  db?.instance.closeSync();
});

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function verdicts(kind: ExtractKind, decimal: "dansk" | "almindelig", time?: string) {
  const contract = CONTRACTS[kind];
  const valid = { ...(VALID[kind] as Record<string, string>) };
  if (decimal === "almindelig" && valid.antal_kald) valid.antal_kald = valid.antal_kald.replace(".", "");
  if (time) valid.time = time;
  const form = timeFormOf(valid.time);
  const cols = contract.columns.map((c) => c.name);
  const rows: { col: string; value: string; cells: string[] }[] = [
    { col: "", value: "", cells: cols.map((c) => valid[c]) }
  ];
  for (const col of cols)
    for (const value of TRICKY) rows.push({ col, value, cells: cols.map((c) => (c === col ? value : valid[c])) });
  const format = { ...detectFormat(new TextEncoder().encode(`${cols.join(";")}\n`), contract), decimal };
  // empty fields are NULL, as DuckDB's CSV reader gives them
  const values = rows.map((r, i) => `(${i}, ${r.cells.map((v) => (v === "" ? "NULL" : q(v))).join(", ")})`).join(",\n");
  const t = `(VALUES ${values}) AS t(i, ${cols.map((c) => `"${c}"`).join(", ")})`;
  // the direct path's hour table, as the ingest makes it for a file from 2023 to 2025 (the valid row's 2024 inside)
  const hours = form ? "_timer_test" : undefined;
  if (form) await createHourTable(db.con, "_timer_test", form, 2023, 2025);
  const src = `(SELECT * FROM ${t})`;
  const sql = `WITH d AS (SELECT i, ${directTypedSql(contract, cols, format, form, hours)}, ${directVerdictSql(contract, format, form, hours)} AS rowok
        FROM ${directFromSql(contract, src, hours)}),
      s AS (SELECT i, ${typedSql(contract, cols, format)} FROM ${t})
    SELECT i, (SELECT rowok FROM d WHERE d.i = t.i) AS rowok, ${okSql(contract, format, CODES)} AS slow,
      (SELECT ${cols.map((c) => `d."${c}" IS NOT DISTINCT FROM s."${c}"`).join(" AND ")} FROM d, s WHERE d.i = t.i AND s.i = t.i) AS same
    FROM ${t} ORDER BY i`;
  const out = (await withHourJoin(db.con, () => db.con.runAndReadAll(sql))).getRowObjectsJS() as {
    rowok: boolean;
    slow: boolean;
    same: boolean;
  }[];
  expect(out.length).toBe(rows.length);
  const codes = new Set(CODES);
  const perRow = new Set(["heltal", "time", "dato"]);
  return rows.map((r, i) => {
    // the distinct-value half: every column the direct path stores as text
    const valuesOk = contract.columns.every(
      (spec, j) =>
        perRow.has(spec.type) ||
        directValueProblem(r.cells[j] === "" ? null : r.cells[j], spec, codes, decimal) === undefined
    );
    return { ...r, fast: out[i].rowok && valuesOk, slow: out[i].slow, same: out[i].same };
  });
}

describe("the direct path's checks are never more lenient than the slow pass's, and give the same values", () => {
  for (const [kind, decimal, time] of [
    ["stoettesystemer", "almindelig", undefined],
    ["stoettesystemer", "almindelig", "2024-04-01 13:00:00"],
    ["stoettesystemer", "dansk", "2024-04-01T13"],
    ["serviceplatformen", "dansk", undefined],
    ["serviceplatformen", "almindelig", undefined],
    ["indekssager", "almindelig", undefined],
    ["klarmelding", "almindelig", undefined]
  ] as const)
    it(`${kind}, ${decimal} tal${time ? `, timer som ${time}` : ""}: direct ⇒ slow with the same values, on ${TRICKY.length} values in every column`, async () => {
      const v = await verdicts(kind, decimal, time);
      const lenient = v.filter((r) => r.fast && !(r.slow && r.same)).map((r) => `${r.col}=${JSON.stringify(r.value)}`);
      expect(lenient).toEqual([]);
      // the valid row passes both (else the direct path would never be taken)
      expect([v[0].fast, v[0].slow, v[0].same]).toEqual([true, true, true]);
      // hand-picked verdicts (direct, slow)
      const at = (col: string, value: string) => {
        const r = v.find((x) => x.col === col && x.value === value);
        return [r?.fast, r?.slow];
      };
      if (kind === "stoettesystemer" && !time) {
        expect(at("kommunekode", " 101")).toEqual([false, true]); // padded: the slow pass trims it
        expect(at("kommunekode", "999")).toEqual([false, false]);
        expect(at("kommunekode", "")).toEqual([true, true]); // optional
        expect([at("antal_kald", "+5")[0], at("antal_kald", "0x10")[0], at("antal_kald", "1.234")[0]]).toEqual([
          false,
          false,
          false
        ]);
        // another valid form of the hour than the file's first row: the slow pass takes the file
        expect(at("time", "2024-04-01 13:00:00")).toEqual([false, true]);
        expect(at("time", "2024-04-01T24")).toEqual([false, false]);
        expect(at("time", "2024-02-30T10")).toEqual([false, false]);
        // a count: its BIGINT written back must be its text (a leading zero: the slow pass takes the row)
        expect([
          at("antal_kald", "007"),
          at("antal_kald", "0"),
          at("antal_kald", "-0"),
          at("antal_kald", "-1")
        ]).toEqual([
          [false, true],
          [true, true],
          [false, false],
          [false, false]
        ]);
        // a valid hour outside the hour table's years (2023–2025): flagged, and the slow pass takes it
        expect(at("time", "2019-04-01T13:00")).toEqual([false, true]);
        expect(at("it_system_id", U.toUpperCase())).toEqual([true, true]);
        expect(at("it_system_id", `{${U}}`)).toEqual([false, false]);
      }
      if (kind === "stoettesystemer" && time === "2024-04-01 13:00:00")
        expect(at("time", "2024-04-01 13:00:00")).toEqual([true, true]);
      if (kind === "serviceplatformen" && decimal === "dansk")
        expect([at("antal_kald", "1.234"), at("antal_kald", "1.23")]).toEqual([
          [true, true],
          [false, false]
        ]);
      if (kind === "klarmelding") {
        expect(at("status", "Forløb 3")).toEqual([true, true]);
        expect(at("status", " Klarmeldt")).toEqual([false, true]);
        expect(at("dato", "2024-02-30T10")).toEqual([false, false]);
      }
    });
});
