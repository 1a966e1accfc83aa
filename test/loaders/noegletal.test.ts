import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { InputError } from "../../loaders/lib/text.js";
import { parseNoegletal } from "../../loaders/sources/noegletal.js";

const FIXTURE = "test/fixtures/noegletal-mini.csv";
const bytes = readFileSync(FIXTURE);
const latin1 = (s: string) => Buffer.from(s.replace(/\n/g, "\r\n"), "latin1");

describe("parseNoegletal on a small real-format fixture (ISO-8859-1, CRLF)", () => {
  const p = parseNoegletal(bytes, FIXTURE, new Set(["101", "825", "851"]));

  test("reads the years from the header and every block with its full title", () => {
    expect(p.years).toEqual([2017, 2018, 2019]);
    expect(p.figures.map((f) => f.titel)).toEqual([
      "Indbyggertal 1. januar",
      "Andel 0-2-årige",
      "Tilskud til pasning af egne børn? (til 2017)"
    ]);
    expect(p.figures.map((f) => f.national)).toEqual(["I alt", "Gennemsnit", null]);
    expect(p.figures[1].noter).toEqual(["27"]);
    expect(p.notes["27"]).toBe("Der er taget en ny opgørelsesmetode i brug fra 2018.");
    expect(p.generated).toBe("Social- og Indenrigsministeriet d. 03. september 2019");
  });

  test("thousands dots and decimal commas", () => {
    const kbh = p.values.filter((v) => v.nr === 1 && v.kommunekode === "101").map((v) => v.vaerdi);
    expect(kbh).toEqual([602481, 613288, 623404]);
    expect(p.values.find((v) => v.nr === 2 && v.kommunekode === "101" && v.aar === 2018)!.vaerdi).toBe(4.3);
    expect(p.figures[1].decimaler).toBe(1);
  });

  test("every code keeps its meaning; missing is null, never 0", () => {
    const laesoe = (nr: number) =>
      p.values.filter((v) => v.nr === nr && v.kommunekode === "825").map((v) => [v.vaerdi, v.status]);
    expect(laesoe(1)).toEqual([
      [1793, "ok"],
      [1807, "ok"],
      [null, "ikke_indberettet"]
    ]);
    expect(laesoe(2)).toEqual([
      [0, "nul"],
      [null, "ikke_tilgaengelig"],
      [null, "mangler"]
    ]);
    expect(p.values.find((v) => v.nr === 2 && v.kommunekode === "851" && v.aar === 2018)).toMatchObject({
      vaerdi: null,
      status: "udefineret"
    });
    expect(laesoe(3)).toEqual([
      [0, "nej"],
      [null, "udefineret"],
      [null, "udefineret"]
    ]);
  });

  test("national rows are kept apart from the municipalities", () => {
    expect(p.national.filter((n) => n.nr === 1).map((n) => n.vaerdi)).toEqual([816211, 828653, 838716]);
    expect(p.national.every((n) => n.type === "I alt" || n.type === "Gennemsnit")).toBe(true);
    expect(p.values.some((v) => v.kommunekode === "")).toBe(false);
  });

  test("reconciles: every data line is a value row, a national row or rejected", () => {
    expect(p.dataRowsRead).toBe(9 + 2);
    expect(p.values.length / p.years.length + p.national.length / p.years.length + p.rejected.length).toBe(
      p.dataRowsRead
    );
  });

  test("rows with a code that is not one of the municipalities are rejected with a reason", () => {
    const q = parseNoegletal(bytes, FIXTURE, new Set(["101", "851"]));
    expect(q.rejected).toHaveLength(3);
    expect(q.rejected[0]).toEqual({ line: 7, reason: "kommunenummer 825 (Læsø Kommune) er ikke en af de 98 kommuner" });
  });
});

describe("parseNoegletal on malformed input names file, line and column", () => {
  const header = ";Kom.nr;2018;2019\n;;;\nAndel 0-2-årige;;;\n";

  test("a cell that is not a number", () => {
    const bad = latin1(header + "Københavns Kommune;101;4,2;fire\n");
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(
      'bad.csv:4:28: kan ikke læse "fire" som tal (forventer fx 1.234,5 eller en af koderne -, M, U, .., JA, NEJ)'
    );
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(/\[regel tal\.celle\]$/);
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(InputError);
  });

  test("a wrongly grouped number is not read as something else", () => {
    const bad = latin1(header + "Københavns Kommune;101;4,2;1.23\n");
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(
      /bad\.csv:4:28: "1\.23" er skrevet i engelsk talformat.*\[regel tal\.format\]/
    );
  });

  test("a missing municipality code", () => {
    const bad = latin1(header + "Københavns Kommune;;4,2;4,3\n");
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(/bad\.csv:4:20: forventede et 3-cifret kommunenummer/);
  });

  test("a short line", () => {
    const bad = latin1(header + "Københavns Kommune;101;4,2\nLæsø Kommune;825;1,0;1,1\n");
    expect(() => parseNoegletal(bad, "bad.csv")).toThrow(
      /bad\.csv:4:\d+: linjen har 3 felter, forventede 4.*\[regel form\.felter\]/
    );
  });

  test("no header at all", () => {
    expect(() => parseNoegletal(latin1("noget helt andet\n"), "x.csv")).toThrow(
      /x\.csv:1:1: fandt ingen overskriftslinje med "Kom\.nr"/
    );
  });

  test("a year that is not a year", () => {
    expect(() => parseNoegletal(latin1(";Kom.nr;2018;20x9\n"), "y.csv")).toThrow(
      /y\.csv:1:14: "20x9" er ikke et årstal/
    );
  });
});
