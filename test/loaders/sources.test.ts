import { describe, expect, test } from "vitest";
import { parseDanishNumber } from "../../loaders/lib/danish-number.js";
import { reconcile } from "../../loaders/lib/report.js";
import { decode, splitRows } from "../../loaders/lib/text.js";
import { parseDawaKommuner } from "../../loaders/sources/dawa.js";
import { parseFolk1am } from "../../loaders/sources/folk1am.js";
import { parseKomgrp } from "../../loaders/sources/komgrp.js";

const utf8 = (s: string, bom = true) => Buffer.from((bom ? "\uFEFF" : "") + s.replace(/\n/g, "\r\n"), "utf-8");

describe("parseDanishNumber", () => {
  test.each([
    ["5.602.536", 5602536],
    ["42.912,10", 42912.1],
    ["-1.721", -1721],
    ["26,287", 26.287],
    ["0,0", 0],
    ["131", 131],
    ["1.542", 1542]
  ])("%s → %d", (text, value) => expect(parseDanishNumber(text)).toBe(value));

  test.each(["", "1.23", "12.34,5", "1,2,3", "abc", "1 234", "--1", "1.234.", "NaN"])(
    "rejects %j instead of guessing",
    (text) => {
      expect(parseDanishNumber(text)).toBeUndefined();
    }
  );
});

describe("splitRows", () => {
  test("quoted cells with separators and doubled quotes; CRLF", () => {
    const rows = splitRows('a;"b;c";"say ""hi"""\r\n1;2;3\r\n', "f.csv");
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b;c", 'say "hi"'], starts: [1, 3, 9] },
      { line: 2, cells: ["1", "2", "3"] }
    ]);
  });

  test("an unclosed quote is an error at its line and column", () => {
    expect(() => splitRows('ok;fine\nx;"open\n', "q.csv")).toThrow("q.csv:2:3: anførselstegn åbnet men ikke lukket");
  });

  test("decode drops a UTF-8 BOM and refuses invalid UTF-8", () => {
    expect(decode(utf8("æ"), "utf-8")).toBe("æ");
    expect(() => decode(Buffer.from([0xe6]), "utf-8")).toThrow();
    expect(decode(Buffer.from([0xe6, 0xf8, 0xe5]), "latin1")).toBe("æøå");
  });
});

describe("parseFolk1am", () => {
  const codes = new Map([
    ["København", "101"],
    ["Læsø", "825"]
  ]);
  // in this two-municipality "country" Hele landet is 659350 + 1759 + 84 (Christiansø) = 661193; regions are not summed
  const text =
    "OMRÅDE;TID;INDHOLD\nHele landet;2024M01;661193\nRegion Hovedstaden;2024M01;1916904\nKøbenhavn;2024M01;659350\nLæsø;2024M01;1759\nChristiansø;2024M01;84\n";

  test("matches names to codes, keeps the national total apart and rejects the rest with reasons", () => {
    const p = parseFolk1am(utf8(text), "folk.csv", codes);
    expect(p.rows).toEqual([
      { kommunekode: "101", maaned: "2024M01", befolkning: 659350 },
      { kommunekode: "825", maaned: "2024M01", befolkning: 1759 }
    ]);
    expect(p.national).toEqual([{ maaned: "2024M01", befolkning: 661193 }]);
    expect(p.rejected.map((r) => r.line)).toEqual([3, 6]);
    expect(p.read).toBe(p.rows.length + p.rejected.length);
  });

  test("Hele landet must equal the municipalities plus Christiansø, month by month [konsistens.sum]", () => {
    expect(() => parseFolk1am(utf8(text.replace("661193", "661194")), "folk.csv", codes)).toThrow(
      "folk.csv:2:21: Hele landet 2024M01 er 661194, men kommunerne og Christiansø summer til 661193 (forskel 1)"
    );
  });

  test("a count that is not a whole number names the cell", () => {
    expect(() => parseFolk1am(utf8("OMRÅDE;TID;INDHOLD\nLæsø;2024M01;1.759\n"), "folk.csv", codes)).toThrow(
      'folk.csv:2:14: "1.759" er ikke et antal personer'
    );
  });

  test("a month that is not a DST month names the cell", () => {
    expect(() => parseFolk1am(utf8("OMRÅDE;TID;INDHOLD\nLæsø;2024-01;1759\n"), "folk.csv", codes)).toThrow(
      'folk.csv:2:6: "2024-01" er ikke en DST-måned som 2024M01'
    );
  });

  test("a wrong header is reported", () => {
    expect(() => parseFolk1am(utf8("AREA;TIME;VALUE\n"), "folk.csv", codes)).toThrow(
      /folk\.csv:1:1: overskriften skal være OMRÅDE;TID;INDHOLD/
    );
  });
});

describe("parseKomgrp", () => {
  test("each municipality belongs to the group row above it", () => {
    const p = parseKomgrp(
      utf8(
        'SEKVENS;KODE;NIVEAU;TITEL\n1;"1";1;Hovedstadskommuner\n2;"101";2;København\n3;"5";1;Landkommuner\n4;"825";2;Læsø\n'
      ),
      "komgrp.csv"
    );
    expect(p).toEqual([
      { kommunekode: "101", navn: "København", gruppekode: "1", gruppe: "Hovedstadskommuner" },
      { kommunekode: "825", navn: "Læsø", gruppekode: "5", gruppe: "Landkommuner" }
    ]);
  });

  test("malformed: municipality before any group, unknown level", () => {
    expect(() => parseKomgrp(utf8('SEKVENS;KODE;NIVEAU;TITEL\n2;"101";2;København\n'), "k.csv")).toThrow(
      /k\.csv:2:9: en kommune \(NIVEAU 2\) står før den første gruppe/
    );
    expect(() => parseKomgrp(utf8('SEKVENS;KODE;NIVEAU;TITEL\n2;"101";3;København\n'), "k.csv")).toThrow(
      /k\.csv:2:9: ukendt NIVEAU "3"/
    );
  });
});

describe("parseDawaKommuner", () => {
  const obj = (kode: string, navn: string, extra: object = {}) => ({
    kode,
    navn,
    region: { kode: "1084", navn: "Region Hovedstaden" },
    visueltcenter: [12.5, 55.7],
    udenforkommuneinddeling: false,
    ...extra
  });

  test("four-digit codes become three-digit; Christiansø is rejected with a reason", () => {
    const p = parseDawaKommuner(
      utf8(
        JSON.stringify([obj("0101", "København"), obj("0411", "Christiansø", { udenforkommuneinddeling: true })]),
        false
      ),
      "k.json",
      1
    );
    expect(p.kommuner.map((k) => [k.kommunekode, k.kommunekode_4, k.navn])).toEqual([["101", "0101", "København"]]);
    expect(p.rejected).toEqual([{ reason: "0411 Christiansø ligger uden for kommuneinddelingen (ikke en kommune)" }]);
    expect(p.read).toBe(2);
  });

  test("invalid JSON and a bad code are reported, naming the file", () => {
    expect(() => parseDawaKommuner(utf8("[{", false), "k.json")).toThrow(
      /^k\.json:1:3: ikke gyldig JSON \(DAWA \/kommuner\).*\[regel fil\.json\]$/
    );
    expect(() => parseDawaKommuner(utf8(JSON.stringify([obj("101", "København")]), false), "k.json")).toThrow(
      /^k\.json:1:3: element nr\. 1: "kode" skal være 4 cifre, fandt "101".*\[regel dawa\.felt\]$/
    );
  });
});

describe("reconcile", () => {
  test("passes when read = written + rejected and groups identical reasons", () => {
    const text = reconcile({
      loader: "x",
      unit: "rækker",
      read: 4,
      written: 1,
      rejected: [
        { line: 2, reason: "a" },
        { line: 3, reason: "a" },
        { line: 9, reason: "b" }
      ]
    });
    expect(text).toContain("[x] læst 4 rækker, skrevet 1, afvist 3");
    expect(text).toContain("afvist 2× (linje 2-3): a");
  });

  test("refuses when rows went missing", () => {
    expect(() => reconcile({ loader: "x", unit: "rækker", read: 5, written: 3, rejected: [] })).toThrow(
      "[x] afstemning fejler: læst 5 ≠ skrevet 3 + afvist 0"
    );
  });
});
