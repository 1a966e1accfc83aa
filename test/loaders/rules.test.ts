/** The rules registry and its pure check functions (common/rules). */

import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import {
  checkNational,
  decodeDetected,
  detectEncoding,
  finding,
  formatFinding,
  numberFormatOf,
  RULES,
  rangeOfUnit
} from "../../common/rules/index.js";

test("every rule is documented in data/README.md's table, with its severity", () => {
  const readme = readFileSync("data/README.md", "utf-8");
  for (const r of Object.values(RULES)) expect(readme).toContain(`| \`${r.id}\` | ${r.severity} |`);
});

test("a finding names file, line, column and rule", () => {
  expect(formatFinding(finding("form.dublet", "a.csv", "to gange", { line: 4, column: 2 }))).toBe(
    "a.csv:4:2: to gange [regel form.dublet]"
  );
  expect(finding("fil.tegnsaet", "a.csv", "x").severity).toBe("advarsel");
  expect(formatFinding(finding("fil.mangler", "b.json", "mangler"))).toBe("b.json: mangler [regel fil.mangler]");
});

describe("numberFormatOf", () => {
  test.each([
    ["131", "heltal"],
    ["-1.721", "tusind"],
    ["5.602.536", "tusind"],
    ["4,40", "decimal:2"],
    ["42.912,1", "decimal:1"],
    ["102,029", "decimal:3"],
    ["1,234.5", "engelsk"],
    ["1,234,567", "engelsk"],
    ["4.5", "engelsk"],
    ["abc", null],
    ["1 234", null]
  ])("%s → %s", (text, format) => expect(numberFormatOf(text)).toBe(format));
});

test("plausible ranges are written per unit", () => {
  expect(rangeOfUnit("personer")).toMatchObject({ min: 0, max: 1e7 });
  expect(rangeOfUnit("pct.")).toMatchObject({ min: 0, max: 100 });
  expect(rangeOfUnit("promille")).toMatchObject({ min: 0, max: 1000 });
  expect(rangeOfUnit("kr. pr. indbygger").min).toBeLessThan(0);
  expect(rangeOfUnit("pr. 100 0-2-årige").max).toBe(1000);
  expect(rangeOfUnit("ukendt enhed").max).toBeLessThan(1e21);
});

test("national figures: I alt within 0,1 % of the sum, Gennemsnit within min..max", () => {
  // hand calculation: 100 + 200 + 300 = 600; tolerance max(0.6, 1) = 1
  expect(checkNational("I alt", 600, [100, 200, 300])).toBeNull();
  expect(checkNational("I alt", 601, [100, 200, 300])).toBeNull();
  expect(checkNational("I alt", 602, [100, 200, 300])).toMatch(/I alt er 602, men summen af 3 kommuner er 600/);
  // the real snapshot's worst case: Antal normalklasser 2017, 24302 vs 24293 (0,037 %)
  expect(checkNational("I alt", 24302, [24293])).toBeNull();
  expect(checkNational("Gennemsnit", 2, [1, 3])).toBeNull();
  expect(checkNational("Gennemsnit", 3.1, [1, 3])).toMatch(/uden for kommunernes interval 1 til 3/);
});

describe("encoding is decided from the bytes", () => {
  const text = "Københavns Kommune;101";
  test.each([
    ["iso-8859-1", Buffer.from(text, "latin1")],
    ["utf-8", Buffer.from(text, "utf-8")],
    ["utf-8-bom", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf-8")])],
    ["utf-16le", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])],
    ["utf-16be", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()])]
  ] as const)("%s", (encoding, bytes) => {
    expect(detectEncoding(bytes)).toBe(encoding);
    expect(decodeDetected(bytes).text).toBe(text);
  });
  test("pure ASCII", () => expect(detectEncoding(Buffer.from("abc;1"))).toBe("ascii"));
});
