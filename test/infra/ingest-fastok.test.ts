/**
 * The fast path's checks (`fastOkSql`) may be stricter than the slow pass's (`okSql`), never more lenient: every
 * record the fast checks accept must be accepted by the slow checks AND have no space at either end of any
 * contract value (so the fast path's untrimmed typed values equal the slow pass's trimmed ones). Checked in native
 * DuckDB on a valid row of each contract with one cell replaced at a time by tricky values; the expected verdicts
 * of a few of them are written out by hand below.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTRACTS, detectFormat, type ExtractKind } from "../../common/infra/contracts.js";
import { fastOkSql, okSql, openDuckDB } from "../../loaders/infra/ingest.js";

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

async function verdicts(kind: ExtractKind, decimal: "dansk" | "almindelig") {
  const contract = CONTRACTS[kind];
  const valid = { ...(VALID[kind] as Record<string, string>) };
  if (decimal === "almindelig" && valid.antal_kald) valid.antal_kald = valid.antal_kald.replace(".", "");
  const cols = contract.columns.map((c) => c.name);
  const rows: { col: string; value: string; cells: string[] }[] = [
    { col: "", value: "", cells: cols.map((c) => valid[c]) }
  ];
  for (const col of cols)
    for (const value of TRICKY) rows.push({ col, value, cells: cols.map((c) => (c === col ? value : valid[c])) });
  const format = { ...detectFormat(new TextEncoder().encode(`${cols.join(";")}\n`), contract), decimal };
  // empty fields are NULL, as DuckDB's CSV reader gives them
  const values = rows.map((r, i) => `(${i}, ${r.cells.map((v) => (v === "" ? "NULL" : q(v))).join(", ")})`).join(",\n");
  const sql = `SELECT i, ${fastOkSql(contract, format, CODES)} AS fast, ${okSql(contract, format, CODES)} AS slow,
      ${cols.map((c) => `"${c}" IS NOT DISTINCT FROM trim("${c}")`).join(" AND ")} AS unpadded
    FROM (VALUES ${values}) AS t(i, ${cols.map((c) => `"${c}"`).join(", ")}) ORDER BY i`;
  const out = (await db.con.runAndReadAll(sql)).getRowObjectsJS() as {
    fast: boolean;
    slow: boolean;
    unpadded: boolean;
  }[];
  return rows.map((r, i) => ({ ...r, ...out[i] }));
}

describe("fastOkSql is never more lenient than okSql", () => {
  for (const [kind, decimal] of [
    ["stoettesystemer", "almindelig"],
    ["serviceplatformen", "dansk"],
    ["serviceplatformen", "almindelig"],
    ["klarmelding", "almindelig"]
  ] as const)
    it(`${kind}, ${decimal} tal: fast ⇒ slow and unpadded, on ${TRICKY.length} values in every column`, async () => {
      const v = await verdicts(kind, decimal);
      const lenient = v
        .filter((r) => r.fast && !(r.slow && r.unpadded))
        .map((r) => `${r.col}=${JSON.stringify(r.value)}`);
      expect(lenient).toEqual([]);
      // the valid row passes both (else the fast path would never be taken)
      expect([v[0].fast, v[0].slow]).toEqual([true, true]);
      // hand-picked verdicts (fast, slow)
      const at = (col: string, value: string) => v.find((r) => r.col === col && r.value === value);
      if (kind === "stoettesystemer") {
        expect([at("kommunekode", " 101")?.fast, at("kommunekode", " 101")?.slow]).toEqual([false, true]);
        expect([at("kommunekode", "999")?.fast, at("kommunekode", "999")?.slow]).toEqual([false, false]);
        expect([at("kommunekode", "")?.fast, at("kommunekode", "")?.slow]).toEqual([true, true]); // optional
        expect([at("antal_kald", "+5")?.fast, at("antal_kald", "1.234")?.fast]).toEqual([false, false]);
        expect([at("time", "2024-04-01 13:00:00")?.fast, at("time", "2024-02-30T10")?.slow]).toEqual([true, false]);
        expect([at("it_system_id", U.toUpperCase())?.fast, at("it_system_id", `{${U}}`)?.slow]).toEqual([true, false]);
      }
      if (kind === "serviceplatformen" && decimal === "dansk")
        expect([at("antal_kald", "1.234")?.fast, at("antal_kald", "1.23")?.slow]).toEqual([true, false]);
      if (kind === "klarmelding")
        expect([
          at("status", "Forløb 3")?.fast,
          at("status", " Klarmeldt")?.fast,
          at("status", " Klarmeldt")?.slow
        ]).toEqual([true, false, true]);
    });
});
